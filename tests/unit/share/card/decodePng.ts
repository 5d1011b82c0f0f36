/**
 * A small PNG decoder for the card tests: checks the signature and every
 * chunk's CRC, inflates IDAT, undoes the five scanline filters, and expands
 * 8-bit indexed (with tRNS), grey, RGB and RGBA images to RGBA. Enough to
 * read our cards and resvg's, not a general decoder (no interlacing, no
 * other bit depths).
 */
import { crc32, inflateSync } from 'node:zlib';

export interface Rgba {
  width: number;
  height: number;
  /** 4 bytes per pixel, rows top to bottom. */
  pixels: Uint8Array;
  chunks: string[];
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

export function decodePng(png: Uint8Array): Rgba {
  if (!SIGNATURE.every((byte, i) => png[i] === byte)) throw new Error('not a PNG signature');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: string[] = [];
  const idat: Uint8Array[] = [];
  let width = 0;
  let height = 0;
  let bitDepth = 0;
  let colourType = 0;
  let interlace = 0;
  let palette: Uint8Array = new Uint8Array(0);
  let alpha: Uint8Array = new Uint8Array(0);
  let offset = 8;
  while (offset < png.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8));
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (crc32(png.subarray(offset + 4, offset + 8 + length)) !== view.getUint32(offset + 8 + length)) {
      throw new Error(`bad CRC in ${type}`);
    }
    chunks.push(type);
    if (type === 'IHDR') {
      width = view.getUint32(offset + 8);
      height = view.getUint32(offset + 12);
      bitDepth = data[8] ?? 0;
      colourType = data[9] ?? 0;
      interlace = data[12] ?? 0;
    } else if (type === 'PLTE') palette = data;
    else if (type === 'tRNS') alpha = data;
    else if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
    if (type === 'IEND') break;
  }
  if (chunks[0] !== 'IHDR' || chunks.at(-1) !== 'IEND') throw new Error('IHDR must come first and IEND last');
  if (bitDepth !== 8 || interlace !== 0) throw new Error('only 8-bit, non-interlaced images');
  const channels = CHANNELS[colourType];
  if (channels === undefined) throw new Error(`colour type ${colourType}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  if (raw.length !== height * (stride + 1)) throw new Error('image data has the wrong length');
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] ?? 0;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride;
    if (filter === 0) {
      rows.set(line, out);
      continue;
    }
    if (filter > 4) throw new Error(`filter ${filter}`);
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? (rows[out + x - channels] as number) : 0;
      const b = y > 0 ? (rows[out - stride + x] as number) : 0;
      const c = x >= channels && y > 0 ? (rows[out - stride + x - channels] as number) : 0;
      const predictor = filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : paeth(a, b, c);
      rows[out + x] = ((line[x] as number) + predictor) & 0xff;
    }
  }
  const pixels = new Uint8Array(width * height * 4);
  for (let i = 0, o = 0; i < width * height; i++, o += 4) {
    const p = i * channels;
    if (colourType === 3) {
      const index = rows[p] as number;
      if (index * 3 + 2 >= palette.length) throw new Error('palette index out of range');
      pixels[o] = palette[index * 3] as number;
      pixels[o + 1] = palette[index * 3 + 1] as number;
      pixels[o + 2] = palette[index * 3 + 2] as number;
      pixels[o + 3] = alpha[index] ?? 255;
    } else if (colourType === 0 || colourType === 4) {
      pixels[o] = pixels[o + 1] = pixels[o + 2] = rows[p] as number;
      pixels[o + 3] = colourType === 4 ? (rows[p + 1] as number) : 255;
    } else {
      pixels[o] = rows[p] as number;
      pixels[o + 1] = rows[p + 1] as number;
      pixels[o + 2] = rows[p + 2] as number;
      pixels[o + 3] = colourType === 6 ? (rows[p + 3] as number) : 255;
    }
  }
  return { width, height, pixels, chunks };
}
