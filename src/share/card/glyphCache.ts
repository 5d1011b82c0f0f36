/**
 * Rasterised glyphs, kept for the life of the process: a card's glyphs are
 * mostly ones earlier cards drew already, so after warm-up drawing text is
 * copying coverage. Keyed by font file, glyph, size and the pen's sub-pixel
 * offset in quarters of a pixel (finer steps are invisible at these sizes).
 */
import type { Coverage } from './canvas.ts';
import type { FontFile } from './fonts.ts';
import { rasteriseOutline } from './rasterise.ts';

export const SUBPIXEL_STEPS = 4;

const cache = new Map<string, Coverage>();
/** A bound on the cache for pathological input (every glyph of every font at many sizes); real cards use a few thousand. */
const MAX_CACHED = 50_000;

/** Pixel position and quantised sub-pixel step of a coordinate. */
export function snapToStep(value: number): { pixel: number; step: number } {
  const scaled = Math.round(value * SUBPIXEL_STEPS);
  const pixel = Math.floor(scaled / SUBPIXEL_STEPS);
  return { pixel, step: scaled - pixel * SUBPIXEL_STEPS };
}

export function glyphCoverage(file: FontFile, glyph: number, size: number, stepX: number, stepY: number): Coverage {
  const key = `${file.id}:${glyph}:${size}:${stepX}:${stepY}`;
  let coverage = cache.get(key);
  if (!coverage) {
    if (cache.size >= MAX_CACHED) cache.clear();
    coverage = rasteriseOutline(
      file.outline(glyph),
      size / file.unitsPerEm,
      stepX / SUBPIXEL_STEPS,
      stepY / SUBPIXEL_STEPS,
    );
    cache.set(key, coverage);
  }
  return coverage;
}
