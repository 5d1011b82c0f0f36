import type { PathCommand } from '@shuding/opentype.js';
import { describe, expect, it } from 'vitest';
import { IndexedCanvas } from '../../../../src/share/card/canvas.ts';
import { cardPalette, LEVELS } from '../../../../src/share/card/palette.ts';
import { rasteriseOutline } from '../../../../src/share/card/rasterise.ts';

/** A square in font units (y up), wound like a TrueType outer contour. */
function square(x: number, y: number, size: number): PathCommand[] {
  return [
    { type: 'M', x, y },
    { type: 'L', x, y: y + size },
    { type: 'L', x: x + size, y: y + size },
    { type: 'L', x: x + size, y },
    { type: 'Z' },
  ];
}

const total = (levels: Uint8Array) => levels.reduce((sum, level) => sum + level, 0) / (LEVELS - 1);

describe('the glyph rasteriser', () => {
  it('covers exactly the outline’s area, fully inside and not at all outside', () => {
    const coverage = rasteriseOutline(square(0, 0, 10), 1, 0, 0);
    expect(total(coverage.levels)).toBeCloseTo(100, 5);
    expect(Math.max(...coverage.levels)).toBe(LEVELS - 1);
  });

  it('anti-aliases edges that fall inside pixels', () => {
    const coverage = rasteriseOutline(square(0, 0, 10), 1, 0.5, 0);
    expect(total(coverage.levels)).toBeCloseTo(100, 0);
    const firstRow = Array.from(coverage.levels.subarray(0, coverage.width));
    expect(firstRow[0]).toBe(Math.round((LEVELS - 1) / 2));
    expect(firstRow[10]).toBe(Math.round((LEVELS - 1) / 2));
  });

  it('fills where contours overlap once (non-zero winding)', () => {
    const coverage = rasteriseOutline([...square(0, 0, 10), ...square(5, 0, 10)], 1, 0, 0);
    expect(total(coverage.levels)).toBeCloseTo(150, 5);
  });
});

describe('rounded rectangles', () => {
  it('cover their area, with anti-aliased round ends', () => {
    const canvas = new IndexedCanvas(100, 50, cardPalette, 'paper');
    canvas.roundedRect(10, 5, 60, 40, 20, 'ink');
    const ink = cardPalette.solid('ink');
    const paper = cardPalette.solid('paper');
    let solid = 0;
    let edge = 0;
    for (let y = 0; y < 50; y++) {
      for (let x = 0; x < 100; x++) {
        const entry = canvas.data[y * canvas.stride + 1 + x];
        if (entry === ink) solid++;
        else if (entry !== paper) edge++;
      }
    }
    const area = 60 * 40 - (4 - Math.PI) * 20 * 20;
    expect(solid).toBeLessThan(area);
    expect(solid + edge).toBeGreaterThan(area);
    expect(edge).toBeGreaterThan(50);
    // Left and right ends mirror each other.
    for (let y = 5; y < 45; y++) {
      for (let x = 10; x < 30; x++) {
        expect(canvas.data[y * canvas.stride + 1 + x]).toBe(canvas.data[y * canvas.stride + 1 + (79 - x)]);
      }
    }
  });
});
