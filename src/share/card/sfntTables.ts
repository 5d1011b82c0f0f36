/**
 * Raw tables of a WOFF (or plain TrueType/OpenType) font file. opentype.js
 * parses the glyphs, but not the kerning our fonts use (GPOS pair positioning
 * behind extension lookups), so the layout tables are read from the bytes.
 */
import { inflateSync } from 'node:zlib';

const WOFF = 0x774f4646; // 'wOFF'

function tagOf(view: DataView, offset: number): string {
  return String.fromCharCode(
    view.getUint8(offset),
    view.getUint8(offset + 1),
    view.getUint8(offset + 2),
    view.getUint8(offset + 3),
  );
}

/** The decompressed bytes of the table `tag`, or undefined when the font has none. */
export function sfntTable(file: Uint8Array, tag: string): DataView | undefined {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const woff = view.getUint32(0) === WOFF;
  const count = view.getUint16(woff ? 12 : 4);
  const start = woff ? 44 : 12;
  const size = woff ? 20 : 16;
  for (let i = 0; i < count; i++) {
    const record = start + i * size;
    if (tagOf(view, record) !== tag) continue;
    if (!woff) {
      const offset = view.getUint32(record + 8);
      const length = view.getUint32(record + 12);
      return new DataView(file.buffer, file.byteOffset + offset, length);
    }
    const offset = view.getUint32(record + 4);
    const compressed = view.getUint32(record + 8);
    const original = view.getUint32(record + 12);
    const bytes = file.subarray(offset, offset + compressed);
    // WOFF stores a table uncompressed when zlib would not make it smaller.
    const table = compressed < original ? inflateSync(bytes) : bytes;
    return new DataView(table.buffer, table.byteOffset, table.byteLength);
  }
  return undefined;
}
