/**
 * An image of palette indices, laid out as PNG scanlines: each row starts
 * with its filter byte (always 0, "None"), so the buffer is compressed as it
 * is, without a copy. Drawing composites through the palette's tables.
 */
import { type Ink, LEVELS, type Palette } from './palette.ts';

const TOP = LEVELS - 1;

/** Alpha coverage (of a glyph, or a rounded corner), in palette levels. */
export interface Coverage {
  /** Position of the bitmap's top-left pixel relative to where it is drawn. */
  left: number;
  top: number;
  width: number;
  height: number;
  levels: Uint8Array;
  /** The non-zero pixels as offsets into a canvas of one row stride: most of a glyph's box is empty. */
  sparse?: { stride: number; offsets: Int32Array; levels: Uint8Array };
}

function sparseFor(coverage: Coverage, stride: number): NonNullable<Coverage['sparse']> {
  if (coverage.sparse?.stride === stride) return coverage.sparse;
  const offsets: number[] = [];
  const levels: number[] = [];
  for (let row = 0; row < coverage.height; row++) {
    for (let col = 0; col < coverage.width; col++) {
      const level = coverage.levels[row * coverage.width + col] as number;
      if (level === 0) continue;
      offsets.push(row * stride + col);
      levels.push(level);
    }
  }
  coverage.sparse = { stride, offsets: Int32Array.from(offsets), levels: Uint8Array.from(levels) };
  return coverage.sparse;
}

/** Coverage of a rounded rectangle's left end (or right, mirrored), which does not depend on its width. */
const caps = new Map<string, Coverage>();

function capCoverage(height: number, radius: number, fracX: number, fracY: number, right: boolean): Coverage {
  const key = `${height}:${radius}:${fracX}:${fracY}:${right}`;
  let cap = caps.get(key);
  if (cap) return cap;
  // Local coordinates: the cap's first pixel column is 0. The left cap starts at the rectangle's left edge
  // (at fracX); the right cap ends in the pixel holding the right edge (at fracX in that pixel) and reaches
  // far enough left that every column before it is clear of the rounding.
  const width = right ? Math.ceil(radius + Math.ceil(fracX) - fracX) : Math.ceil(fracX + radius);
  const straightEnd = width - Math.ceil(fracX) + fracX - radius;
  const rows = Math.ceil(fracY + height);
  const levels = new Uint8Array(width * rows);
  const centreY = fracY + height / 2;
  const halfY = height / 2 - radius;
  for (let py = 0; py < rows; py++) {
    const qy = Math.abs(py + 0.5 - centreY) - halfY;
    for (let px = 0; px < width; px++) {
      // How far the pixel's centre is past the straight sides, horizontally (negative: within them).
      const qx = right ? px + 0.5 - straightEnd : fracX + radius - px - 0.5;
      const outside = Math.max(qx, 0) ** 2 + Math.max(qy, 0) ** 2;
      const distance = Math.sqrt(outside) + Math.min(Math.max(qx, qy), 0) - radius;
      levels[py * width + px] = Math.round(Math.max(0, Math.min(1, 0.5 - distance)) * TOP);
    }
  }
  cap = { left: 0, top: 0, width, height: rows, levels };
  caps.set(key, cap);
  return cap;
}

export class IndexedCanvas {
  readonly width: number;
  readonly height: number;
  readonly palette: Palette;
  readonly stride: number;
  readonly data: Uint8Array<ArrayBuffer>;

  /** `buffer`: memory to draw into (reused across cards to spare the allocation); any contents are replaced. */
  constructor(width: number, height: number, palette: Palette, background: Ink, buffer?: Uint8Array<ArrayBuffer>) {
    this.width = width;
    this.height = height;
    this.palette = palette;
    this.stride = width + 1;
    const size = this.stride * height;
    this.data = buffer && buffer.length === size ? buffer : new Uint8Array(size);
    this.data.fill(palette.solid(background));
    for (let y = 0; y < size; y += this.stride) this.data[y] = 0;
  }

  /** Blends `ink` at one coverage level over a run of row `y` (in bounds). */
  private span(x0: number, x1: number, y: number, level: number, ink: Ink): void {
    if (level <= 0 || x1 <= x0) return;
    const start = y * this.stride + 1;
    if (level >= TOP) {
      this.data.fill(this.palette.solid(ink), start + x0, start + x1);
      return;
    }
    const table = this.palette.composite(ink);
    const { data } = this;
    for (let i = start + x0; i < start + x1; i++) data[i] = table[(data[i] as number) * LEVELS + level] as number;
  }

  /**
   * A rounded rectangle with anti-aliased edges: coverage is exact along
   * the straight sides, and from the signed distance to the corner arc
   * (half a pixel either side) at the rounded ends, which are cached.
   */
  roundedRect(x: number, y: number, width: number, height: number, radius: number, ink: Ink): void {
    if (width <= 0 || height <= 0) return;
    const r = Math.max(0, Math.min(radius, width / 2, height / 2));
    const left = Math.floor(x);
    const top = Math.floor(y);
    const fracX = x - left;
    const fracY = y - top;
    const leftCap = r > 0 || fracX > 0 ? capCoverage(height, r, fracX, fracY, false) : undefined;
    const rightEdge = x + width;
    const rightFrac = rightEdge - Math.floor(rightEdge);
    const rightCap = r > 0 || rightFrac > 0 ? capCoverage(height, r, rightFrac, fracY, true) : undefined;
    const middle0 = left + (leftCap?.width ?? 0);
    const middle1 = rightCap ? Math.floor(rightEdge) + Math.ceil(rightFrac) - rightCap.width : Math.ceil(rightEdge);
    if (middle1 < middle0) {
      // Narrower than its two ends: no straight part to share, draw it pixel by pixel.
      this.tinyRect(x, y, width, height, r, ink);
      return;
    }
    if (leftCap) this.glyph(leftCap, left, top, ink);
    if (rightCap) this.glyph(rightCap, middle1, top, ink);
    const m0 = Math.max(0, middle0);
    const m1 = Math.min(this.width, middle1);
    for (let py = Math.max(0, top); py < Math.min(this.height, Math.ceil(y + height)); py++) {
      const coverage = Math.min(py + 1, y + height) - Math.max(py, y);
      this.span(m0, m1, py, Math.round(Math.max(0, Math.min(1, coverage)) * TOP), ink);
    }
  }

  private tinyRect(x: number, y: number, width: number, height: number, r: number, ink: Ink): void {
    const cx = x + width / 2;
    const cy = y + height / 2;
    for (let py = Math.max(0, Math.floor(y)); py < Math.min(this.height, Math.ceil(y + height)); py++) {
      for (let px = Math.max(0, Math.floor(x)); px < Math.min(this.width, Math.ceil(x + width)); px++) {
        const qx = Math.abs(px + 0.5 - cx) - (width / 2 - r);
        const qy = Math.abs(py + 0.5 - cy) - (height / 2 - r);
        const distance = Math.sqrt(Math.max(qx, 0) ** 2 + Math.max(qy, 0) ** 2) + Math.min(Math.max(qx, qy), 0) - r;
        this.span(px, px + 1, py, Math.round(Math.max(0, Math.min(1, 0.5 - distance)) * TOP), ink);
      }
    }
  }

  /** Composites coverage drawn at pixel (x, y) (a glyph's pen position); clipped to the canvas. */
  glyph(coverage: Coverage, x: number, y: number, ink: Ink): void {
    const table = this.palette.composite(ink);
    const { data, stride } = this;
    const left = x + coverage.left;
    const top = y + coverage.top;
    if (left >= 0 && top >= 0 && left + coverage.width <= this.width && top + coverage.height <= this.height) {
      const { offsets, levels } = sparseFor(coverage, stride);
      const base = top * stride + 1 + left;
      for (let k = 0; k < offsets.length; k++) {
        const i = base + (offsets[k] as number);
        data[i] = table[(data[i] as number) * LEVELS + (levels[k] as number)] as number;
      }
      return;
    }
    const c0 = Math.max(0, -left);
    const c1 = Math.min(coverage.width, this.width - left);
    const r0 = Math.max(0, -top);
    const r1 = Math.min(coverage.height, this.height - top);
    const { levels, width } = coverage;
    for (let row = r0; row < r1; row++) {
      const source = row * width;
      const target = (top + row) * stride + 1 + left;
      for (let col = c0; col < c1; col++) {
        const level = levels[source + col] as number;
        if (level !== 0) data[target + col] = table[(data[target + col] as number) * LEVELS + level] as number;
      }
    }
  }
}
