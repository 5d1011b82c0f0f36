/**
 * The preview images a build publishes: one per actor and article plus the
 * site's, each drawn once into a cache and reused by the next build. How a
 * card looks is tested in `card/`.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentDir } from '../../../src/model/contentFiles.ts';
import { drawPreviewSet, type PreviewImage, previewImageList } from '../../../src/share/previewSet.ts';
import { previewImagePaths } from '../../../src/share/seo.ts';
import { PROJECT_ROOT } from '../../support/builds.ts';
import { pngSize } from './fixtures.ts';

describe('the set of preview images a build publishes', () => {
  it('has the site’s card, one per actor and one per article, at the paths the pages link to', async () => {
    const images = await previewImageList(PROJECT_ROOT, 'content');
    const { entries } = await readContentDir(PROJECT_ROOT, 'content');
    const expected = [
      previewImagePaths.site(),
      ...entries.filter((e) => e.collection === 'actors').map((e) => previewImagePaths.actor(e.id)),
      ...entries.filter((e) => e.collection === 'articles').map((e) => previewImagePaths.article(e.id)),
    ];
    expect(images.map((image) => image.path).sort()).toEqual(expected.sort());
  });

  it('draws each card once into the cache, reuses it in the next build, and forgets cards no build uses', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'previews-'));
    try {
      const image: PreviewImage = {
        path: 'og/actors/vladimir-putin.png',
        card: { type: 'actor', name: 'Vladimir Putin', kind: 'Person', description: 'President of Russia.' },
      };
      const [first] = await drawPreviewSet(PROJECT_ROOT, [image], cacheDir);
      expect(first?.path).toBe(image.path);
      const png = new Uint8Array(await readFile(first?.file ?? ''));
      expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
      // Mark the stored card, so the next build shows whether it was read or drawn again.
      const marked = Buffer.concat([Buffer.from(png), Buffer.from('marker')]);
      await writeFile(first?.file ?? '', marked);
      await writeFile(join(cacheDir, 'stale.png'), 'left over from a card that no longer exists');

      const [second] = await drawPreviewSet(PROJECT_ROOT, [image], cacheDir);
      expect(second?.file).toBe(first?.file);
      expect((await readFile(second?.file ?? '')).equals(marked)).toBe(true);
      expect(await readdir(cacheDir)).toEqual([basename(first?.file ?? '')]);
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  }, 30_000);
});
