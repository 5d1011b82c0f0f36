/**
 * The colours a card can have. Cards are drawn straight into palette
 * indices: every pixel is either one of the brand colours or a mix of two of
 * them at one of LEVELS steps of coverage (anti-aliased edges and glyphs).
 * That keeps a whole card within 256 colours, so it encodes as an indexed PNG
 * (see png.ts), and compositing is one table lookup per pixel.
 */
import { brand } from '../brand.ts';
import type { Colour } from './displayList.ts';

/** Coverage steps per colour pair: 0 (all background) … LEVELS − 1 (all foreground). */
export const LEVELS = 32;
const TOP = LEVELS - 1;

/** A palette colour: the brand's, white, or `none` (transparent, for icons). */
export type Ink = Colour | 'none';

const RGBA: Record<Ink, readonly [number, number, number, number]> = {
  ...(Object.fromEntries(
    Object.entries(brand).map(([name, hex]) => [
      name,
      [
        Number.parseInt(hex.slice(1, 3), 16),
        Number.parseInt(hex.slice(3, 5), 16),
        Number.parseInt(hex.slice(5, 7), 16),
        255,
      ],
    ]),
  ) as Record<keyof typeof brand, [number, number, number, number]>),
  white: [255, 255, 255, 255],
  none: [0, 0, 0, 0],
};

export interface Palette {
  /** Number of entries (≤ 256). */
  readonly size: number;
  /** RGBA of each entry, straight (not premultiplied) alpha. */
  readonly rgba: Uint8Array;
  /** The entry of a solid colour. */
  solid(ink: Ink): number;
  /**
   * Source-over compositing of `ink` as a table: the entry a pixel becomes
   * is `table[entry * LEVELS + coverage]`. Built on first use per colour.
   */
  composite(ink: Ink): Uint8Array;
}

/** Premultiplied mix of two colours, `t` of the way from `a` to `b`. */
function mix(a: readonly number[], b: readonly number[], t: number): number[] {
  const alpha = (a[3] ?? 0) * (1 - t) + (b[3] ?? 0) * t;
  if (alpha === 0) return [0, 0, 0, 0];
  const channel = (i: number) =>
    Math.round(((a[i] ?? 0) * (a[3] ?? 0) * (1 - t) + (b[i] ?? 0) * (b[3] ?? 0) * t) / alpha);
  return [channel(0), channel(1), channel(2), Math.round(alpha)];
}

/**
 * A palette for the given colour pairs (background, foreground): each
 * colour solid, and each pair at every intermediate coverage step.
 */
export function makePalette(pairs: readonly (readonly [Ink, Ink])[]): Palette {
  const inks = [...new Set(pairs.flat())];
  const n = inks.length;
  const size = n + pairs.length * (TOP - 1);
  if (size > 256) throw new Error(`A palette of ${size} colours does not fit a PNG palette`);
  // Colours by their index in `inks`; an entry is `level` steps from colour a to colour b.
  const entryA: number[] = inks.map((_, i) => i);
  const entryB: number[] = inks.map((_, i) => i);
  const entryLevel: number[] = inks.map(() => 0);
  const pairBase = new Int16Array(n * n).fill(-1);
  for (const [a, b] of pairs) {
    pairBase[inks.indexOf(a) * n + inks.indexOf(b)] = entryA.length;
    for (let level = 1; level < TOP; level++) {
      entryA.push(inks.indexOf(a));
      entryB.push(inks.indexOf(b));
      entryLevel.push(level);
    }
  }
  const colour = (i: number) => RGBA[inks[i] as Ink];
  const rgba = new Uint8Array(size * 4);
  for (let i = 0; i < size; i++) {
    rgba.set(mix(colour(entryA[i] as number), colour(entryB[i] as number), (entryLevel[i] as number) / TOP), i * 4);
  }

  const solid = (ink: Ink) => {
    const index = inks.indexOf(ink);
    if (index < 0) throw new Error(`${ink} is not in this palette`);
    return index;
  };
  const nearest = (target: readonly number[]) => {
    let best = 0;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (let i = 0; i < size; i++) {
      let distance = 0;
      for (let c = 0; c < 4; c++) {
        const d = (rgba[i * 4 + c] as number) - (target[c] as number);
        distance += d * d;
      }
      if (distance < bestDistance) {
        best = i;
        bestDistance = distance;
      }
    }
    return best;
  };
  /** The entry `level` steps of the way from colour a to colour b (the nearest colour for a pair not in the palette). */
  const nearestBetween = new Int16Array(n * n * LEVELS).fill(-1);
  const between = (a: number, b: number, level: number): number => {
    if (level <= 0) return a;
    if (level >= TOP) return b;
    const forward = pairBase[a * n + b] as number;
    if (forward >= 0) return forward + level - 1;
    const backward = pairBase[b * n + a] as number;
    if (backward >= 0) return backward + TOP - level - 1;
    const key = (a * n + b) * LEVELS + level;
    if ((nearestBetween[key] as number) < 0) nearestBetween[key] = nearest(mix(colour(a), colour(b), level / TOP));
    return nearestBetween[key] as number;
  };

  const tables = new Map<Ink, Uint8Array>();
  const composite = (ink: Ink) => {
    let table = tables.get(ink);
    if (table) return table;
    const c = solid(ink);
    table = new Uint8Array(256 * LEVELS);
    for (let entry = 0; entry < size; entry++) {
      const a = entryA[entry] as number;
      const b = entryB[entry] as number;
      const level = entryLevel[entry] as number;
      for (let q = 0; q < LEVELS; q++) {
        let result: number;
        if (q === 0) result = entry;
        else if (q === TOP) result = c;
        else if (level === 0) result = between(a, c, q);
        // Over a mix that already has this colour: coverages add up (a + q − a·q).
        else if (b === c) result = between(a, c, Math.round(level + q - (level * q) / TOP));
        else if (a === c) result = between(a, b, Math.round((level * (TOP - q)) / TOP));
        // Over an edge between two other colours (text touching a chip's border, say): composite over the
        // colour the pixel mostly is. Rare, and off by at most half an edge pixel's blend.
        else result = between(level * 2 < TOP ? a : b, c, q);
        table[entry * LEVELS + q] = result;
      }
    }
    tables.set(ink, table);
    return table;
  };

  return { size, rgba, solid, composite };
}

/** Every colour pair a preview card draws: text and edges on paper, chips, the mark. */
export const cardPalette = makePalette([
  ['paper', 'ink'],
  ['paper', 'muted'],
  ['paper', 'accent'],
  ['paper', 'rule'],
  ['rule', 'white'],
  ['white', 'ink'],
  ['ink', 'accent'],
]);

/** The mark on a transparent ground (icons with rounded corners). */
export const markPalette = makePalette([
  ['none', 'ink'],
  ['ink', 'paper'],
  ['ink', 'accent'],
]);
