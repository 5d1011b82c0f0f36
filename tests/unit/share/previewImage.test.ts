import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentDir } from '../../../src/model/contentFiles.ts';
import { loadPreviewFonts } from '../../../src/share/previewFonts.ts';
import { actorPreview, articlePreview, renderPreviewPng, sitePreview } from '../../../src/share/previewImage.ts';
import { drawPreviewSet, previewCards } from '../../../src/share/previewSet.ts';
import { previewImagePaths } from '../../../src/share/seo.ts';
import { PROJECT_ROOT } from '../../support/builds.ts';
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

describe('the set of preview images a build publishes', () => {
  it('has the site’s card, one per actor and one per article, at the paths the pages link to', async () => {
    const cards = await previewCards(PROJECT_ROOT, 'content');
    const { entries } = await readContentDir(PROJECT_ROOT, 'content');
    const expected = [
      previewImagePaths.site(),
      ...entries.filter((e) => e.collection === 'actors').map((e) => previewImagePaths.actor(e.id)),
      ...entries.filter((e) => e.collection === 'articles').map((e) => previewImagePaths.article(e.id)),
    ];
    expect(cards.map((c) => c.path).sort()).toEqual(expected.sort());
  });

  it('draws each card once into the cache, reuses it in the next build, and forgets cards no build uses', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'previews-'));
    try {
      const card = {
        path: 'og/actors/vladimir-putin.png',
        node: actorPreview({ name: 'Vladimir Putin', kind: 'Person', description: 'President of Russia.' }),
      };
      const [first] = await drawPreviewSet(PROJECT_ROOT, [card], cacheDir);
      expect(first?.path).toBe(card.path);
      const png = new Uint8Array(await readFile(first?.file ?? ''));
      expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
      // Mark the stored card, so the next build shows whether it was read or drawn again.
      const marked = Buffer.concat([Buffer.from(png), Buffer.from('marker')]);
      await writeFile(first?.file ?? '', marked);
      await writeFile(join(cacheDir, 'stale.png'), 'left over from a card that no longer exists');

      const [second] = await drawPreviewSet(PROJECT_ROOT, [card], cacheDir);
      expect(second?.file).toBe(first?.file);
      expect((await readFile(second?.file ?? '')).equals(marked)).toBe(true);
      expect(await readdir(cacheDir)).toEqual([basename(first?.file ?? '')]);
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  }, 30_000);
});
