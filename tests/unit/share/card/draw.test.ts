import { beforeAll, describe, expect, it } from 'vitest';
import {
  actorLayout,
  articleLayout,
  type CardFonts,
  drawMark,
  drawPreviewCard,
  loadCardFonts,
} from '../../../../src/share/card/index.ts';
import { measureText } from '../../../../src/share/card/shape.ts';
import { HOSTILE, inkIn, LONG_NAMES, PAPER, seedActor, seedArticle, textRuns, WHITE } from './cards.ts';
import { decodePng } from './decodePng.ts';

let fonts: CardFonts;
beforeAll(async () => {
  fonts = await loadCardFonts();
});

describe('drawn cards', () => {
  it('are 1200×630 PNG images', () => {
    for (const card of [
      { type: 'article' as const, ...seedArticle },
      { type: 'actor' as const, ...seedActor },
      { type: 'site' as const },
    ]) {
      const image = decodePng(drawPreviewCard(card));
      expect([image.width, image.height]).toEqual([1200, 630]);
    }
  });

  it('draw the title in the title area, and nothing but paper between the masthead and the title', () => {
    const card = { ...seedArticle, dek: '', actors: [] };
    const image = decodePng(drawPreviewCard({ type: 'article', ...card }));
    const runs = textRuns(articleLayout(card, fonts), 'title');
    const top = Math.min(...runs.map((run) => run.y - run.size));
    const bottom = Math.max(...runs.map((run) => run.y + run.size / 3));
    const title = inkIn(image, { x0: 72, y0: top, x1: 1128, y1: bottom }, PAPER);
    expect(title).toBeGreaterThan(10_000);
    // Below the masthead, all ink is the title's.
    expect(inkIn(image, { x0: 0, y0: 130, x1: 1200, y1: 630 }, PAPER)).toBe(title);
  });

  it('draw Cyrillic, Greek and Turkish names with real glyphs where the chips’ text is', () => {
    const names = ['Путин', 'Ερντογάν', 'Erdoğan', 'Çavuşoğlu'];
    const card = { ...seedActor, related: names };
    const image = decodePng(drawPreviewCard({ type: 'actor', ...card }));
    const runs = textRuns(actorLayout(card, fonts), 'chip');
    expect(runs.map((run) => run.text)).toEqual(names);
    for (const run of runs) {
      const width = measureText(fonts, run.face, run.size, run.text);
      const box = { x0: Math.floor(run.x), y0: run.y - run.size, x1: Math.ceil(run.x + width), y1: run.y + 8 };
      // Ink over a good part of the text's box (a row of .notdef boxes would be ink too: see shape.test.ts).
      expect(inkIn(image, box, WHITE)).toBeGreaterThan(0.12 * (box.x1 - box.x0) * (box.y1 - box.y0));
    }
  });

  it('keep clamped text off the chips: paper between the dek and the chips', () => {
    const card = {
      ...seedArticle,
      title: 'Wide Words Wreck Wrapping '.repeat(8),
      dek: 'word '.repeat(200),
      actors: LONG_NAMES,
    };
    const list = articleLayout(card, fonts);
    const chipsTop = Math.min(...list.items.filter((item) => item.role === 'chip').map((item) => item.y));
    const dekBaseline = Math.max(...textRuns(list, 'dek').map((run) => run.y));
    const image = decodePng(drawPreviewCard({ type: 'article', ...card }));
    expect(inkIn(image, { x0: 0, y0: dekBaseline + 10, x1: 1200, y1: chipsTop }, PAPER)).toBe(0);
  });

  it('survive hostile and unusual text', () => {
    for (const text of HOSTILE) {
      const article = drawPreviewCard({ type: 'article', title: text, dek: text, byline: text, actors: [text, text] });
      const actor = drawPreviewCard({ type: 'actor', name: text, kind: text, description: text, related: [text] });
      for (const png of [article, actor]) expect(decodePng(png).width).toBe(1200);
    }
  });

  it('are the same bytes for the same card', () => {
    const card = { type: 'article' as const, ...seedArticle };
    const first = drawPreviewCard(card);
    drawPreviewCard({ type: 'actor', ...seedActor });
    expect(Buffer.from(drawPreviewCard(card)).equals(Buffer.from(first))).toBe(true);
    expect(first.byteLength).toBeLessThan(60_000);
  });
});

describe('the drawn mark', () => {
  it('is a square with the letter on ink, transparent outside rounded corners', () => {
    const image = decodePng(drawMark(64));
    expect([image.width, image.height]).toEqual([64, 64]);
    const pixel = (x: number, y: number) => Array.from(image.pixels.subarray((y * 64 + x) * 4, (y * 64 + x) * 4 + 4));
    expect(pixel(0, 0)[3]).toBe(0);
    expect(pixel(32, 4)).toEqual([0x1c, 0x1b, 0x19, 255]);
    expect(inkIn(image, { x0: 16, y0: 10, x1: 48, y1: 46 }, [0x1c, 0x1b, 0x19])).toBeGreaterThan(200);
  });

  it('fills a full-bleed icon to its corners', () => {
    const image = decodePng(drawMark(180, { radius: 0, scale: 0.9 }));
    expect(Array.from(image.pixels.subarray(0, 4))).toEqual([0x1c, 0x1b, 0x19, 255]);
  });
});
