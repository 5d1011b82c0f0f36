/**
 * Standard ligatures from the GSUB `liga` feature (LigatureSubst, also behind
 * extension lookups): Source Serif's "fi", "ff", "ffi" … which satori's
 * HarfBuzz forms too, so a title reads the same in both renderers.
 */
import { featureLookups, lookupSubtables, readCoverage } from './layoutTables.ts';

const LIGATURE_SUBSTITUTION = 4;
const EXTENSION = 7;

interface Ligature {
  /** The glyphs after the first one. */
  components: number[];
  glyph: number;
}

/** One lookup: first glyph → its ligatures, in the font's order of preference. */
type LigatureLookup = Map<number, Ligature[]>;

function readLookup(gsub: DataView, index: number): LigatureLookup {
  const byFirst: LigatureLookup = new Map();
  for (const subtable of lookupSubtables(gsub, index, EXTENSION)) {
    if (subtable.type !== LIGATURE_SUBSTITUTION) continue;
    const { offset } = subtable;
    const coverage = readCoverage(gsub, offset + gsub.getUint16(offset + 2));
    const setOffsets: number[] = [];
    for (let i = 0, count = gsub.getUint16(offset + 4); i < count; i++) {
      setOffsets.push(offset + gsub.getUint16(offset + 6 + i * 2));
    }
    for (const [first, setIndex] of coverage) {
      const set = setOffsets[setIndex];
      if (set === undefined || byFirst.has(first)) continue; // an earlier subtable wins
      const ligatures: Ligature[] = [];
      for (let i = 0, count = gsub.getUint16(set); i < count; i++) {
        const ligature = set + gsub.getUint16(set + 2 + i * 2);
        const components: number[] = [];
        for (let j = 1, length = gsub.getUint16(ligature + 2); j < length; j++) {
          components.push(gsub.getUint16(ligature + 2 + j * 2));
        }
        ligatures.push({ glyph: gsub.getUint16(ligature), components });
      }
      byFirst.set(first, ligatures);
    }
  }
  return byFirst;
}

export type LigatureSubstitution = (glyphs: number[], clusters: number[]) => void;

/**
 * Replaces ligature sequences in `glyphs` in place; `clusters` (the index of
 * the character each glyph starts) follows, so a ligature is one character
 * for letter-spacing, as in HarfBuzz.
 */
export function readLigatures(gsub: DataView | undefined): LigatureSubstitution {
  if (!gsub) return () => {};
  const lookups = featureLookups(gsub, 'liga').map((index) => readLookup(gsub, index));
  if (lookups.every((lookup) => lookup.size === 0)) return () => {};
  return (glyphs, clusters) => {
    for (const lookup of lookups) {
      for (let i = 0; i < glyphs.length; i++) {
        const candidates = lookup.get(glyphs[i] ?? -1);
        if (!candidates) continue;
        const match = candidates.find(({ components }) => components.every((c, j) => glyphs[i + 1 + j] === c));
        if (!match) continue;
        glyphs.splice(i, match.components.length + 1, match.glyph);
        clusters.splice(i + 1, match.components.length);
      }
    }
  };
}
