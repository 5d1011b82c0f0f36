/**
 * Glyph outlines to alpha coverage: the signed-area accumulation rasteriser
 * of font-rs (and stb_truetype's v2): each line segment adds the area it
 * covers to the cells it crosses, a running sum per row turns that into
 * exact coverage. Curves are flattened to lines finely enough that the error
 * stays well under a tenth of a pixel. Non-zero winding for overlapping
 * contours comes from clamping |sum| to 1, as font-rs does.
 */
import type { PathCommand } from '@shuding/opentype.js';
import type { Coverage } from './canvas.ts';
import { LEVELS } from './palette.ts';

class Accumulator {
  readonly width: number;
  readonly height: number;
  readonly cells: Float32Array;

  constructor(width: number, height: number) {
    this.width = width;
    this.height = height;
    // One spare cell: a segment ending on the right edge writes just past it.
    this.cells = new Float32Array(width * height + 1);
  }

  line(x0: number, y0: number, x1: number, y1: number): void {
    if (y0 === y1) return;
    const dir = y0 < y1 ? 1 : -1;
    if (dir < 0) [x0, y0, x1, y1] = [x1, y1, x0, y0];
    const dxdy = (x1 - x0) / (y1 - y0);
    let x = x0 + dxdy * (Math.max(0, y0) - y0);
    const { cells, width } = this;
    for (let y = Math.max(0, Math.floor(y0)); y < Math.min(this.height, Math.ceil(y1)); y++) {
      const row = y * width;
      const dy = Math.min(y + 1, y1) - Math.max(y, y0);
      const xNext = x + dxdy * dy;
      const d = dy * dir;
      const left = Math.min(x, xNext);
      const right = Math.max(x, xNext);
      const leftCell = Math.floor(left);
      const rightCell = Math.ceil(right);
      if (rightCell <= leftCell + 1) {
        // Within one cell: split the area at the segment's mid x.
        const mid = 0.5 * (x + xNext) - leftCell;
        cells[row + leftCell] = (cells[row + leftCell] as number) + d - d * mid;
        cells[row + leftCell + 1] = (cells[row + leftCell + 1] as number) + d * mid;
      } else {
        const slope = 1 / (right - left);
        const leftFraction = left - leftCell;
        const first = 0.5 * slope * (1 - leftFraction) ** 2;
        const rightFraction = right - rightCell + 1;
        const last = 0.5 * slope * rightFraction ** 2;
        cells[row + leftCell] = (cells[row + leftCell] as number) + d * first;
        if (rightCell === leftCell + 2) {
          cells[row + leftCell + 1] = (cells[row + leftCell + 1] as number) + d * (1 - first - last);
        } else {
          const second = slope * (1.5 - leftFraction);
          cells[row + leftCell + 1] = (cells[row + leftCell + 1] as number) + d * (second - first);
          for (let cell = leftCell + 2; cell < rightCell - 1; cell++) {
            cells[row + cell] = (cells[row + cell] as number) + d * slope;
          }
          const before = second + (rightCell - leftCell - 3) * slope;
          cells[row + rightCell - 1] = (cells[row + rightCell - 1] as number) + d * (1 - before - last);
        }
        cells[row + rightCell] = (cells[row + rightCell] as number) + d * last;
      }
      x = xNext;
    }
  }

  quadratic(x0: number, y0: number, x1: number, y1: number, x2: number, y2: number): void {
    const devX = x0 - 2 * x1 + x2;
    const devY = y0 - 2 * y1 + y2;
    const steps = 1 + Math.floor(Math.sqrt(Math.sqrt(3 * (devX * devX + devY * devY))));
    let px = x0;
    let py = y0;
    for (let i = 1; i <= steps; i++) {
      const t = i / steps;
      const u = 1 - t;
      const nx = u * u * x0 + 2 * u * t * x1 + t * t * x2;
      const ny = u * u * y0 + 2 * u * t * y1 + t * t * y2;
      this.line(px, py, nx, ny);
      px = nx;
      py = ny;
    }
  }

  cubic(x0: number, y0: number, x1: number, y1: number, x2: number, y2: number, x3: number, y3: number): void {
    const dev = Math.max(
      Math.hypot(x0 - 2 * x1 + x2, y0 - 2 * y1 + y2),
      Math.hypot(x1 - 2 * x2 + x3, y1 - 2 * y2 + y3),
    );
    const steps = 1 + Math.floor(Math.sqrt(Math.sqrt(3) * 1.5 * dev));
    let px = x0;
    let py = y0;
    for (let i = 1; i <= steps; i++) {
      const t = i / steps;
      const u = 1 - t;
      const nx = u * u * u * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3;
      const ny = u * u * u * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y3;
      this.line(px, py, nx, ny);
      px = nx;
      py = ny;
    }
  }

  /** Running sums to coverage, quantised to palette levels. */
  levels(): Uint8Array {
    const { cells } = this;
    const levels = new Uint8Array(this.width * this.height);
    let sum = 0;
    for (let i = 0; i < levels.length; i++) {
      sum += cells[i] as number;
      levels[i] = Math.round(Math.min(1, Math.abs(sum)) * (LEVELS - 1));
    }
    return levels;
  }
}

const EMPTY: Coverage = { left: 0, top: 0, width: 0, height: 0, levels: new Uint8Array(0) };

/**
 * Coverage of an outline (font units, y up) scaled by `scale` with the pen at
 * (`dx`, `dy`) inside its pixel (y down).
 */
export function rasteriseOutline(commands: readonly PathCommand[], scale: number, dx: number, dy: number): Coverage {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  const px = (x: number) => x * scale + dx;
  const py = (y: number) => dy - y * scale;
  const extend = (x: number, y: number) => {
    minX = Math.min(minX, px(x));
    maxX = Math.max(maxX, px(x));
    minY = Math.min(minY, py(y));
    maxY = Math.max(maxY, py(y));
  };
  for (const command of commands) {
    if (command.type === 'Z') continue;
    extend(command.x, command.y);
    if (command.type === 'Q' || command.type === 'C') extend(command.x1, command.y1);
    if (command.type === 'C') extend(command.x2, command.y2);
  }
  if (!Number.isFinite(minX)) return EMPTY;
  const left = Math.floor(minX);
  const top = Math.floor(minY);
  // One spare column for the accumulation's carry into the next cell.
  const width = Math.ceil(maxX) - left + 1;
  const height = Math.ceil(maxY) - top;
  if (width <= 0 || height <= 0) return EMPTY;
  const acc = new Accumulator(width, height);
  const X = (x: number) => px(x) - left;
  const Y = (y: number) => py(y) - top;
  let startX = 0;
  let startY = 0;
  let x = 0;
  let y = 0;
  for (const command of commands) {
    switch (command.type) {
      case 'M':
        if (x !== startX || y !== startY) acc.line(x, y, startX, startY);
        startX = x = X(command.x);
        startY = y = Y(command.y);
        break;
      case 'L':
        acc.line(x, y, X(command.x), Y(command.y));
        x = X(command.x);
        y = Y(command.y);
        break;
      case 'Q':
        acc.quadratic(x, y, X(command.x1), Y(command.y1), X(command.x), Y(command.y));
        x = X(command.x);
        y = Y(command.y);
        break;
      case 'C':
        acc.cubic(x, y, X(command.x1), Y(command.y1), X(command.x2), Y(command.y2), X(command.x), Y(command.y));
        x = X(command.x);
        y = Y(command.y);
        break;
      case 'Z':
        acc.line(x, y, startX, startY);
        x = startX;
        y = startY;
        break;
    }
  }
  if (x !== startX || y !== startY) acc.line(x, y, startX, startY);
  return { left, top, width, height, levels: acc.levels() };
}
