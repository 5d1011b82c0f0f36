/**
 * Display list → pixels → PNG, synchronously: boxes as anti-aliased rounded
 * rectangles, text as cached glyph coverage composited through the palette.
 */
import { IndexedCanvas } from './canvas.ts';
import type { DisplayList, TextItem } from './displayList.ts';
import type { CardFonts } from './fonts.ts';
import { glyphCoverage, snapToStep } from './glyphCache.ts';
import type { Palette } from './palette.ts';
import { type Compression, encodeIndexedPng } from './png.ts';
import { shapeText } from './shape.ts';

function drawText(canvas: IndexedCanvas, fonts: CardFonts, item: TextItem): void {
  const y = snapToStep(item.y);
  for (const glyph of shapeText(fonts, item.face, item.size, item.text, item.letterSpacing)) {
    const x = snapToStep(item.x + glyph.x);
    if (x.pixel > canvas.width) break; // the rest of the run is off the card
    canvas.glyph(glyphCoverage(glyph.file, glyph.glyph, item.size, x.step, y.step), x.pixel, y.pixel, item.colour);
  }
}

/** Draws the display list into an indexed canvas with the given palette (into `buffer` if given). */
export function drawDisplayList(
  list: DisplayList,
  fonts: CardFonts,
  palette: Palette,
  buffer?: Uint8Array<ArrayBuffer>,
): IndexedCanvas {
  const canvas = new IndexedCanvas(list.width, list.height, palette, list.background ?? 'none', buffer);
  for (const item of list.items) {
    if (item.kind === 'text') {
      drawText(canvas, fonts, item);
    } else if (item.border) {
      // CSS border-box: the border colour under the whole box, the fill inside the border.
      const { width: border, colour } = item.border;
      canvas.roundedRect(item.x, item.y, item.width, item.height, item.radius, colour);
      canvas.roundedRect(
        item.x + border,
        item.y + border,
        item.width - 2 * border,
        item.height - 2 * border,
        Math.max(0, Math.min(item.radius, item.width / 2, item.height / 2) - border),
        item.fill,
      );
    } else {
      canvas.roundedRect(item.x, item.y, item.width, item.height, item.radius, item.fill);
    }
  }
  return canvas;
}

/**
 * Pixels of the last card drawn. Drawing and encoding are synchronous, so one
 * buffer serves every card (a fresh 0.75 MB per card costs page faults and GC).
 */
let scratch = new Uint8Array(0);

/** The display list as PNG bytes. */
export function displayListPng(
  list: DisplayList,
  fonts: CardFonts,
  palette: Palette,
  compression: Compression = 'fast',
): Uint8Array<ArrayBuffer> {
  const canvas = drawDisplayList(list, fonts, palette, scratch);
  scratch = canvas.data;
  return encodeIndexedPng(
    {
      width: canvas.width,
      height: canvas.height,
      scanlines: canvas.data,
      palette: palette.rgba,
      paletteSize: palette.size,
    },
    compression,
  );
}
