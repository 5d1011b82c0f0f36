/**
 * The part of @shuding/opentype.js that the card renderer reads. It is the
 * opentype.js fork satori parses fonts with (so both draw the same outlines),
 * and it ships no types of its own.
 */
declare module '@shuding/opentype.js' {
  export type PathCommand =
    | { type: 'M' | 'L'; x: number; y: number }
    | { type: 'Q'; x1: number; y1: number; x: number; y: number }
    | { type: 'C'; x1: number; y1: number; x2: number; y2: number; x: number; y: number }
    | { type: 'Z' };

  export interface Glyph {
    index: number;
    advanceWidth?: number;
    path: { commands: PathCommand[] };
  }

  export interface Font {
    unitsPerEm: number;
    /** hhea ascender and descender, in font units (the descender is negative). */
    ascender: number;
    descender: number;
    numGlyphs: number;
    glyphs: { get(index: number): Glyph };
    /** The glyph of the string's first code point, 0 (.notdef) when the font has none. */
    charToGlyphIndex(char: string): number;
  }

  export function parse(buffer: ArrayBuffer, options?: { lowMemory?: boolean }): Font;

  const opentype: { parse: typeof parse };
  export default opentype;
}
