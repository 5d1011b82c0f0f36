import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPreviewFonts } from '../../../src/share/previewFonts.ts';
import { actorPreview, articlePreview, renderPreviewPng, sitePreview } from '../../../src/share/previewImage.ts';
import { prerenderPreviews, previewPng, stopPrerendering } from '../../../src/share/previewRendering.ts';
import { pngSize } from './fixtures.ts';

/** All the text a card will show, in order. */
function textOf(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  const children = (node as { props?: { children?: unknown } }).props?.children;
  if (children === undefined) return [];
  return (Array.isArray(children) ? children : [children]).flatMap(textOf);
}

const card = {
  title: 'How Putin Was Thrown Off Course by a Furious Libyan General',
  dek: "Khalifa Haftar's walk-out from truce talks in Moscow embarrassed Vladimir Putin.",
  actors: ['Khalifa Haftar', 'Vladimir Putin', 'Recep Tayyip Erdoğan', 'Fayez al-Sarraj', 'Kirill Semyonov'],
  byline: 'Bloomberg · 15 January 2020',
};

describe('preview cards', () => {
  it('show an article’s title, dek, byline and its first four actors', () => {
    const text = textOf(articlePreview(card));
    expect(text).toEqual(
      expect.arrayContaining([card.title, card.dek, card.byline, 'Khalifa Haftar', 'Fayez al-Sarraj']),
    );
    expect(text).not.toContain('Kirill Semyonov');
  });

  it('cut a very long title at a word, with an ellipsis', () => {
    const long = `${'Libya ceasefire talks collapse again '.repeat(10)}end`;
    const title = textOf(articlePreview({ ...card, title: long })).find((t) => t.startsWith('Libya'));
    expect(title?.endsWith('…')).toBe(true);
    expect(title?.length).toBeLessThan(long.length);
    expect(long.startsWith((title ?? '').slice(0, -1))).toBe(true);
  });

  it('render as 1200×630 PNG images', async () => {
    const fonts = await loadPreviewFonts();
    const images = await Promise.all([
      renderPreviewPng(articlePreview(card), fonts),
      renderPreviewPng(
        actorPreview({ name: 'Путин', kind: 'Person', description: 'Президент России', related: ['Ερντογάν'] }),
        fonts,
      ),
      renderPreviewPng(sitePreview(), fonts),
    ]);
    for (const png of images) {
      expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
      expect(png.byteLength).toBeGreaterThan(5_000); // something was drawn
    }
  }, 30_000);
});

describe('drawing cards in the background during a build', () => {
  it('gives a route the same image a worker thread drew as it would draw itself', async () => {
    const node = articlePreview(card);
    prerenderPreviews([node, sitePreview()], { workers: 1 });
    try {
      const [fromWorker, drawnHere] = await Promise.all([
        previewPng(node),
        renderPreviewPng(node, await loadPreviewFonts()),
      ]);
      expect(pngSize(fromWorker)).toEqual({ width: 1200, height: 630 });
      expect(Buffer.from(fromWorker).equals(Buffer.from(drawnHere))).toBe(true);
    } finally {
      await stopPrerendering();
    }
  }, 30_000);

  it('reuses a card drawn by an earlier build, and forgets cards no build uses any more', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'previews-'));
    try {
      const node = actorPreview({ name: 'Vladimir Putin', kind: 'Person', description: 'President of Russia.' });
      prerenderPreviews([node], { cacheDir, workers: 1 });
      const first = await previewPng(node);
      await stopPrerendering();
      const files = async () => (await readdir(cacheDir)).sort();
      const [stored] = await files();
      expect(stored).toBeDefined();
      expect(pngSize(new Uint8Array(await readFile(join(cacheDir, stored ?? ''))))).toEqual(pngSize(first));
      // Mark the stored card, so the next build shows whether it was read or drawn again.
      const marked = Buffer.concat([Buffer.from(first), Buffer.from('marker')]);
      await writeFile(join(cacheDir, stored ?? ''), marked);
      await writeFile(join(cacheDir, 'stale.png'), 'left over from a card that no longer exists');

      prerenderPreviews([node], { cacheDir, workers: 0 });
      const second = await previewPng(node);
      await stopPrerendering();
      expect(Buffer.from(second).equals(marked)).toBe(true);
      expect(await files()).toHaveLength(1);
      expect(await files()).not.toContain('stale.png');
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  }, 30_000);

  it('draws a card nobody queued', async () => {
    const png = await previewPng(actorPreview({ name: 'Khalifa Haftar', kind: 'Person', description: 'Commander.' }));
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
  }, 30_000);
});
