/**
 * The structures GPOS and GSUB share (OpenType "common table formats"):
 * feature list → lookups → subtables, coverage and class definitions. Only
 * what kerning and ligatures need; offsets are into the table's DataView.
 */

export interface Subtable {
  /** The lookup type after unwrapping extension lookups. */
  type: number;
  /** Offset of the subtable from the start of the table. */
  offset: number;
}

/**
 * Indices of the lookups of every feature tagged `tag`, in lookup-list order
 * (the order a shaper applies them in). The union over all scripts and
 * languages: our fonts list the same kerning for each.
 */
export function featureLookups(table: DataView, tag: string): number[] {
  const featureList = table.getUint16(6);
  const count = table.getUint16(featureList);
  const lookups = new Set<number>();
  for (let i = 0; i < count; i++) {
    const record = featureList + 2 + i * 6;
    const recordTag = String.fromCharCode(
      table.getUint8(record),
      table.getUint8(record + 1),
      table.getUint8(record + 2),
      table.getUint8(record + 3),
    );
    if (recordTag !== tag) continue;
    const feature = featureList + table.getUint16(record + 4);
    const indexCount = table.getUint16(feature + 2);
    for (let j = 0; j < indexCount; j++) lookups.add(table.getUint16(feature + 4 + j * 2));
  }
  return [...lookups].sort((a, b) => a - b);
}

/** The subtables of a lookup, with extension subtables (GPOS 9, GSUB 7) resolved to what they wrap. */
export function lookupSubtables(table: DataView, lookupIndex: number, extensionType: number): Subtable[] {
  const lookupList = table.getUint16(8);
  const lookup = lookupList + table.getUint16(lookupList + 2 + lookupIndex * 2);
  const type = table.getUint16(lookup);
  const count = table.getUint16(lookup + 4);
  const subtables: Subtable[] = [];
  for (let i = 0; i < count; i++) {
    const offset = lookup + table.getUint16(lookup + 6 + i * 2);
    if (type === extensionType) {
      subtables.push({ type: table.getUint16(offset + 2), offset: offset + table.getUint32(offset + 4) });
    } else {
      subtables.push({ type, offset });
    }
  }
  return subtables;
}

/** Coverage table: glyph → coverage index. */
export function readCoverage(table: DataView, offset: number): Map<number, number> {
  const coverage = new Map<number, number>();
  const format = table.getUint16(offset);
  const count = table.getUint16(offset + 2);
  if (format === 1) {
    for (let i = 0; i < count; i++) coverage.set(table.getUint16(offset + 4 + i * 2), i);
  } else if (format === 2) {
    for (let i = 0; i < count; i++) {
      const range = offset + 4 + i * 6;
      const start = table.getUint16(range);
      const end = table.getUint16(range + 2);
      const first = table.getUint16(range + 4);
      for (let glyph = start; glyph <= end; glyph++) coverage.set(glyph, first + glyph - start);
    }
  }
  return coverage;
}

/** Class definition table: glyph → class (glyphs not listed are class 0). */
export function readClassDef(table: DataView, offset: number): Map<number, number> {
  const classes = new Map<number, number>();
  const format = table.getUint16(offset);
  if (format === 1) {
    const start = table.getUint16(offset + 2);
    const count = table.getUint16(offset + 4);
    for (let i = 0; i < count; i++) classes.set(start + i, table.getUint16(offset + 6 + i * 2));
  } else if (format === 2) {
    const count = table.getUint16(offset + 2);
    for (let i = 0; i < count; i++) {
      const range = offset + 4 + i * 6;
      const value = table.getUint16(range + 4);
      for (let glyph = table.getUint16(range); glyph <= table.getUint16(range + 2); glyph++) classes.set(glyph, value);
    }
  }
  return classes;
}
