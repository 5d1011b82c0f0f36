/**
 * The site's mark as an element tree for satori: the offline icons script
 * (`icons.ts`) turns it into `favicon.svg`, the one icon that must stay a
 * vector with the letter as outlines. The preview cards and the PNG icons
 * are drawn by `card/` (`drawMark`), from the same design.
 */
import { brand } from './brand.ts';

type Style = Record<string, string | number>;
type Child = MarkNode | string;
export interface MarkNode {
  type: string;
  props: { style?: Style; children?: Child | Child[] };
}

/** Families registered by `loadPreviewFonts` (one per script subset, so satori falls back between them). */
export const SERIF = 'Source Serif, Source Serif Ext, Source Serif Cyrillic, Source Serif Greek';

function h(type: string, style: Style, ...children: Child[]): MarkNode {
  // satori wants `display: flex` on every element with more than one child.
  return { type, props: { style: { display: 'flex', ...style }, children } };
}

/**
 * The site's mark: a serif "B" on ink with an accent underline. Also the
 * favicon and app icons (`icons.ts`): `radius` 0 gives a full-bleed square for
 * platforms that round or mask icons themselves, `scale` shrinks the letter into
 * a maskable icon's safe zone.
 */
export function mark(size: number, { radius = 0.18, scale = 1 } = {}): MarkNode {
  const letter = size * scale;
  return h(
    'div',
    {
      width: size,
      height: size,
      borderRadius: size * radius,
      backgroundColor: brand.ink,
      color: brand.paper,
      flexDirection: 'column',
      alignItems: 'center',
      justifyContent: 'center',
      fontFamily: SERIF,
      fontWeight: 700,
      fontSize: letter * 0.68,
      lineHeight: 1,
    },
    h('div', { marginTop: -letter * 0.02 }, 'B'),
    h('div', { width: letter * 0.44, height: letter * 0.07, backgroundColor: brand.accent, marginTop: -letter * 0.04 }),
  );
}
