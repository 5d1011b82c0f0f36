/**
 * The 1200×630 preview images that chat apps and social sites show for a
 * shared link. A card is first a plain element tree (what satori lays out:
 * flexbox, no browser), then rendered to SVG by satori and to PNG by resvg.
 * The trees are pure functions of the card's data, so they are tested
 * without fonts; `renderPreviewPng` needs the fonts from `previewFonts.ts`.
 */
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { brand } from './brand.ts';
import { PREVIEW_IMAGE, SITE_DESCRIPTION, SITE_NAME } from './seo.ts';

type Style = Record<string, string | number>;
type Child = PreviewNode | string;
export interface PreviewNode {
  type: string;
  props: { style?: Style; children?: Child | Child[] };
}

/** Families registered by `loadPreviewFonts` (one per script subset, so satori falls back between them). */
export const SANS = 'Inter, Inter Ext, Inter Cyrillic, Inter Greek';
export const SERIF = 'Source Serif, Source Serif Ext, Source Serif Cyrillic, Source Serif Greek';

function h(type: string, style: Style, ...children: Child[]): PreviewNode {
  // satori wants `display: flex` on every element with more than one child.
  return { type, props: { style: { display: 'flex', ...style }, children } };
}

/** Shorter text gets bigger type; very long text is cut at whole words with an ellipsis. */
function shorten(text: string, maxChars: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= maxChars) return clean;
  const cut = clean.slice(0, maxChars + 1).replace(/\s+\S*$/, '');
  return `${(cut || clean.slice(0, maxChars)).replace(/[\s,;:.–—-]+$/, '')}…`;
}

function titleSize(title: string): number {
  if (title.length <= 50) return 68;
  if (title.length <= 80) return 58;
  return 48;
}

/**
 * The site's mark: a serif "B" on ink with an accent underline. Also the
 * favicon and app icons (`icons.ts`): `radius` 0 gives a full-bleed square for
 * platforms that round or mask icons themselves, `scale` shrinks the letter into
 * a maskable icon's safe zone.
 */
export function mark(size: number, { radius = 0.18, scale = 1 } = {}): PreviewNode {
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

function masthead(right: string): PreviewNode {
  return h(
    'div',
    { width: '100%', alignItems: 'center', justifyContent: 'space-between', fontSize: 26, color: brand.muted },
    h(
      'div',
      { alignItems: 'center' },
      mark(52),
      h('div', { marginLeft: 18, fontWeight: 600, color: brand.ink }, SITE_NAME),
    ),
    h('div', {}, right),
  );
}

function frame(...children: Child[]): PreviewNode {
  return h(
    'div',
    {
      width: PREVIEW_IMAGE.width,
      height: PREVIEW_IMAGE.height,
      boxSizing: 'border-box',
      flexDirection: 'column',
      padding: '56px 72px',
      backgroundColor: brand.paper,
      borderTop: `12px solid ${brand.accent}`,
      fontFamily: SANS,
      color: brand.ink,
    },
    ...children,
  );
}

function chips(label: string, names: readonly string[]): PreviewNode {
  return h(
    'div',
    { width: '100%', flexWrap: 'wrap', alignItems: 'center', fontSize: 24, marginTop: 'auto' },
    h(
      'div',
      { color: brand.muted, marginRight: 16, marginTop: 8, textTransform: 'uppercase', letterSpacing: 2, fontSize: 20 },
      label,
    ),
    ...names.map((name) =>
      h(
        'div',
        {
          border: `2px solid ${brand.rule}`,
          borderRadius: 999,
          padding: '6px 18px',
          marginRight: 12,
          marginTop: 8,
          backgroundColor: '#ffffff',
        },
        shorten(name, 32),
      ),
    ),
  );
}

export interface ArticleCard {
  title: string;
  dek: string;
  /** The article's key actors, most important first; the first four are shown. */
  actors: readonly string[];
  /** e.g. "Bloomberg · 15 January 2020" */
  byline: string;
}

export function articlePreview(card: ArticleCard): PreviewNode {
  const title = shorten(card.title, 120);
  return frame(
    masthead(shorten(card.byline, 48)),
    h(
      'div',
      {
        width: '100%',
        marginTop: 40,
        fontFamily: SERIF,
        fontWeight: 700,
        fontSize: titleSize(title),
        lineHeight: 1.12,
      },
      title,
    ),
    h(
      'div',
      { width: '100%', marginTop: 24, fontSize: 28, lineHeight: 1.4, color: brand.muted },
      shorten(card.dek, 170),
    ),
    ...(card.actors.length > 0 ? [chips('Who', card.actors.slice(0, 4))] : []),
  );
}

export interface ActorCard {
  name: string;
  /** "Person", "State", "Organisation", "Group". */
  kind: string;
  description: string;
  /** e.g. "Mentioned in 3 articles" */
  note?: string;
  /** Actors most often mentioned in the same articles; the first four are shown. */
  related?: readonly string[];
}

export function actorPreview(card: ActorCard): PreviewNode {
  return frame(
    masthead(card.note ?? ''),
    h(
      'div',
      {
        marginTop: 64,
        fontSize: 24,
        letterSpacing: 3,
        textTransform: 'uppercase',
        color: brand.accent,
        fontWeight: 600,
      },
      card.kind,
    ),
    h(
      'div',
      { width: '100%', marginTop: 12, fontFamily: SERIF, fontWeight: 700, fontSize: 76, lineHeight: 1.1 },
      shorten(card.name, 60),
    ),
    h(
      'div',
      { width: '100%', marginTop: 28, fontSize: 32, lineHeight: 1.4, color: brand.muted },
      shorten(card.description, 180),
    ),
    ...(card.related && card.related.length > 0 ? [chips('Seen with', card.related.slice(0, 4))] : []),
  );
}

/** The default card: the site's name and what it does. */
export function sitePreview(): PreviewNode {
  return frame(
    h(
      'div',
      { flexGrow: 1, flexDirection: 'column', justifyContent: 'center', alignItems: 'flex-start' },
      mark(120),
      h('div', { marginTop: 40, fontFamily: SERIF, fontWeight: 700, fontSize: 96, lineHeight: 1 }, SITE_NAME),
      h('div', { marginTop: 24, fontSize: 36, color: brand.muted }, SITE_DESCRIPTION),
    ),
  );
}

export interface PreviewFont {
  name: string;
  data: Buffer | ArrayBuffer;
  weight: 400 | 600 | 700;
  style: 'normal';
}

/** All the text a card shows. */
function textOf(node: Child | Child[] | undefined): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return node.map(textOf).join(' ');
  return textOf(node.props.children);
}

const SUBSET_NEEDED: Record<string, RegExp> = {
  // Anything beyond Latin-1 and general punctuation: Latin Extended, combining marks, currency signs …
  Ext: /[^\u0020-\u00ff\u2000-\u206f]/,
  Cyrillic: /[\u0400-\u052f]/,
  Greek: /[\u0370-\u03ff\u1f00-\u1fff]/,
};

/**
 * Only the Unicode subsets the card's text needs: satori tries every listed
 * family for every run of text, so unused ones cost time on each card.
 */
function fontsFor(node: PreviewNode, fonts: readonly PreviewFont[]): PreviewFont[] {
  const text = textOf(node);
  return fonts.filter((font) => {
    const subset = font.name.split(' ').at(-1) ?? '';
    const needed = SUBSET_NEEDED[subset];
    return needed === undefined || needed.test(text);
  });
}

/** PNG bytes of a card at 1200×630. */
export async function renderPreviewPng(
  node: PreviewNode,
  fonts: readonly PreviewFont[],
): Promise<Uint8Array<ArrayBuffer>> {
  // satori's types ask for a React element; a plain { type, props } tree is what it reads.
  const svg = await satori(node as unknown as Parameters<typeof satori>[0], {
    width: PREVIEW_IMAGE.width,
    height: PREVIEW_IMAGE.height,
    fonts: fontsFor(node, fonts),
  });
  // Text is already paths in satori's SVG: skip resvg's (slow) system font scan.
  const png = new Resvg(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } }).render().asPng();
  return new Uint8Array(png.buffer.slice(png.byteOffset, png.byteOffset + png.byteLength) as ArrayBuffer);
}
