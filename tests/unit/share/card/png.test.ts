import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { drawMark, drawPreviewCard, loadCardFonts } from '../../../../src/share/card/index.ts';
import { makePalette } from '../../../../src/share/card/palette.ts';
import { encodeIndexedPng } from '../../../../src/share/card/png.ts';
import { seedArticle } from './cards.ts';
import { decodePng } from './decodePng.ts';

/** Decodes a PNG with resvg (Rust's png crate), an independent decoder: RGBA, premultiplied. */
function decodeWithResvg(png: Uint8Array, width: number, height: number): Uint8Array {
  const href = `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image width="${width}" height="${height}" href="${href}"/></svg>`;
  return new Resvg(svg, { font: { loadSystemFonts: false } }).render().pixels;
}

describe('the PNG encoder', () => {
  it('writes an indexed image that decodes to its palette colours, with transparency', () => {
    const palette = makePalette([['none', 'ink']]);
    const scanlines = new Uint8Array([0, 0, 1, 0, 2, 1]); // 2×2: each row a filter byte and two indices
    const png = encodeIndexedPng({ width: 2, height: 2, scanlines, palette: palette.rgba, paletteSize: palette.size });
    const image = decodePng(png);
    expect(image.chunks).toEqual(['IHDR', 'PLTE', 'tRNS', 'IDAT', 'IEND']);
    expect(Array.from(image.pixels.subarray(0, 4))).toEqual([0, 0, 0, 0]);
    expect(Array.from(image.pixels.subarray(4, 8))).toEqual([0x1c, 0x1b, 0x19, 255]);
    expect(image.pixels[11]).toBeGreaterThan(0); // a partly covered edge pixel
    expect(image.pixels[11]).toBeLessThan(255);
  });

  it('writes cards another decoder reads to the same pixels', async () => {
    await loadCardFonts();
    const png = drawPreviewCard({ type: 'article', ...seedArticle });
    const mine = decodePng(png);
    expect(mine.chunks).toEqual(['IHDR', 'PLTE', 'IDAT', 'IEND']);
    expect(Buffer.from(decodeWithResvg(png, 1200, 630)).equals(Buffer.from(mine.pixels))).toBe(true);

    const icon = drawMark(48);
    const pixels = decodePng(icon).pixels;
    const premultiplied = pixels.map((value, i) =>
      i % 4 === 3 ? value : Math.round((value * (pixels[i - (i % 4) + 3] ?? 0)) / 255),
    );
    const theirs = decodeWithResvg(icon, 48, 48);
    expect(theirs.every((value, i) => Math.abs(value - (premultiplied[i] ?? 0)) <= 1)).toBe(true);
  });
});
