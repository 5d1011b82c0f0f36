/**
 * Pair kerning from the GPOS `kern` feature (PairPos, formats 1 and 2, also
 * behind extension lookups), which is how Inter and Source Serif 4 kern.
 * HarfBuzz, which satori shapes with, applies the same lookups; only the
 * first glyph's x-advance adjustment is read, the one value our fonts set.
 */
import { featureLookups, lookupSubtables, readClassDef, readCoverage } from './layoutTables.ts';

const PAIR_POSITIONING = 2;
const EXTENSION = 9;

/** A subtable's kerning for a pair, or undefined when the subtable does not apply to it. */
type PairRule = (left: number, right: number) => number | undefined;

/** Size in bytes of a ValueRecord, and where its XAdvance is (-1: absent). */
function valueLayout(format: number): { size: number; xAdvance: number } {
  let size = 0;
  let xAdvance = -1;
  for (let bit = 0; bit < 8; bit++) {
    if (!(format & (1 << bit))) continue;
    if (bit === 2) xAdvance = size;
    size += 2;
  }
  return { size, xAdvance };
}

function pairFormat1(table: DataView, offset: number): PairRule {
  const coverage = readCoverage(table, offset + table.getUint16(offset + 2));
  const value1 = valueLayout(table.getUint16(offset + 4));
  const value2 = valueLayout(table.getUint16(offset + 6));
  const sets: Map<number, number>[] = [];
  const setCount = table.getUint16(offset + 8);
  for (let i = 0; i < setCount; i++) {
    const set = offset + table.getUint16(offset + 10 + i * 2);
    const pairs = new Map<number, number>();
    const recordSize = 2 + value1.size + value2.size;
    for (let j = 0, count = table.getUint16(set); j < count; j++) {
      const record = set + 2 + j * recordSize;
      pairs.set(table.getUint16(record), value1.xAdvance < 0 ? 0 : table.getInt16(record + 2 + value1.xAdvance));
    }
    sets.push(pairs);
  }
  return (left, right) => {
    const index = coverage.get(left);
    return index === undefined ? undefined : sets[index]?.get(right);
  };
}

function pairFormat2(table: DataView, offset: number): PairRule {
  const coverage = readCoverage(table, offset + table.getUint16(offset + 2));
  const value1 = valueLayout(table.getUint16(offset + 4));
  const value2 = valueLayout(table.getUint16(offset + 6));
  const classes1 = readClassDef(table, offset + table.getUint16(offset + 8));
  const classes2 = readClassDef(table, offset + table.getUint16(offset + 10));
  const class1Count = table.getUint16(offset + 12);
  const class2Count = table.getUint16(offset + 14);
  const values = new Int16Array(class1Count * class2Count);
  const recordSize = value1.size + value2.size;
  if (value1.xAdvance >= 0) {
    for (let i = 0; i < values.length; i++) values[i] = table.getInt16(offset + 16 + i * recordSize + value1.xAdvance);
  }
  return (left, right) => {
    if (!coverage.has(left)) return undefined;
    const class2 = classes2.get(right) ?? 0;
    if (class2 >= class2Count) return undefined;
    return values[(classes1.get(left) ?? 0) * class2Count + class2];
  };
}

/** Kerning between two glyphs of one font, in font units; memoised. */
export function readKerning(gpos: DataView | undefined): (left: number, right: number) => number {
  if (!gpos) return () => 0;
  // Each lookup adds its adjustment; within a lookup the first subtable that applies wins.
  const lookups: PairRule[][] = featureLookups(gpos, 'kern').map((index) =>
    lookupSubtables(gpos, index, EXTENSION)
      .filter((subtable) => subtable.type === PAIR_POSITIONING)
      .flatMap((subtable) => {
        const format = gpos.getUint16(subtable.offset);
        if (format === 1) return [pairFormat1(gpos, subtable.offset)];
        if (format === 2) return [pairFormat2(gpos, subtable.offset)];
        return [];
      }),
  );
  const memo = new Map<number, number>();
  return (left, right) => {
    const key = left * 65536 + right;
    let kern = memo.get(key);
    if (kern === undefined) {
      kern = 0;
      for (const rules of lookups) {
        for (const rule of rules) {
          const value = rule(left, right);
          if (value !== undefined) {
            kern += value;
            break;
          }
        }
      }
      memo.set(key, kern);
    }
    return kern;
  };
}
