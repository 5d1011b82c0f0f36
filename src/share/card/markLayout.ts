/**
 * The site's mark as a display list: a serif "B" on ink with an accent
 * underline (`mark()` in markTree.ts). Positions are rounded as satori's
 * layout rounds them, so the letter and underline land on the same pixels.
 */
import type { DisplayList, Item } from './displayList.ts';
import type { CardFonts } from './fonts.ts';
import { type TextStyle, type Typesetter, typesetter } from './typeset.ts';

export interface MarkOptions {
  /** Corner radius as a fraction of the size (0: full-bleed square). */
  radius?: number;
  /** Size of the letter relative to the mark (maskable icons keep it in their safe zone). */
  scale?: number;
}

export function markItems(
  typeset: Typesetter,
  size: number,
  left: number,
  top: number,
  { radius = 0.18, scale = 1 }: MarkOptions = {},
): Item[] {
  const letter = size * scale;
  const style: TextStyle = { face: 'serif-bold', size: letter * 0.68, lineHeight: 1, colour: 'paper' };
  const { height: letterHeight, baseline } = typeset.lineMetrics(style);
  const letterWidth = Math.ceil(typeset.measure(style, 'B'));
  const lift = letter * 0.02;
  const overlap = letter * 0.04;
  const ruleWidth = letter * 0.44;
  const ruleHeight = letter * 0.07;
  // A centred column: the letter's box (pulled up by `lift`), then the rule overlapping it by `overlap`.
  const column = -lift + letterHeight - overlap + ruleHeight;
  const letterTop = top + (size - column) / 2 - lift;
  const ruleTop = letterTop + letterHeight - overlap;
  const ruleLeft = left + (size - ruleWidth) / 2;
  return [
    { kind: 'box', role: 'mark', x: left, y: top, width: size, height: size, radius: size * radius, fill: 'ink' },
    {
      kind: 'text',
      role: 'mark',
      face: style.face,
      size: style.size,
      colour: style.colour,
      x: Math.round(left + (size - letterWidth) / 2),
      y: Math.round(letterTop) + baseline,
      letterSpacing: 0,
      text: 'B',
    },
    {
      kind: 'box',
      role: 'mark',
      x: Math.round(ruleLeft),
      y: Math.round(ruleTop),
      width: Math.round(ruleLeft + ruleWidth) - Math.round(ruleLeft),
      height: Math.round(ruleTop + ruleHeight) - Math.round(ruleTop),
      radius: 0,
      fill: 'accent',
    },
  ];
}

/**
 * The icons' mark is designed at this size and scaled, as icons.ts has satori
 * lay it out at 64 px and resvg scale it: the letter's rounded position is the
 * 64 px one at every icon size.
 */
const MARK_DESIGN_SIZE = 64;

/** The mark alone, `size` px square on a transparent ground: favicon and app icons. */
export function markLayout(fonts: CardFonts, size: number, options: MarkOptions = {}): DisplayList {
  const factor = size / MARK_DESIGN_SIZE;
  const items = markItems(typesetter(fonts), MARK_DESIGN_SIZE, 0, 0, options).map((item): Item => {
    const scaled = { ...item, x: item.x * factor, y: item.y * factor };
    if (scaled.kind === 'text')
      return { ...scaled, size: scaled.size * factor, letterSpacing: scaled.letterSpacing * factor };
    return { ...scaled, width: scaled.width * factor, height: scaled.height * factor, radius: scaled.radius * factor };
  });
  return { width: size, height: size, background: undefined, items };
}
