/**
 * The content pipeline with worker threads gives exactly what it gives on one
 * thread: the same articles and problems, in the same order, and every clean
 * article's HTML and annotations on disk for the pages; nothing is published
 * of a file with a problem.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unpackAnnotations } from '../../src/annotate/packed.ts';
import { runContentPipeline } from '../../src/model/contentPipeline.ts';
import { readRendered } from '../../src/model/renderedArticles.ts';

let root: string;

const article = (i: number) => `---
title: Article ${i}
dek: One line.
byline: Reporter
publisher: Publisher
originalUrl: https://example.com/${i}
published: "2020-01-15"
actors:
  - id: putin
    aliases: [Putin]
places: []
events: []
---
Putin spoke on day ${i}.

## A heading ${i}

Another paragraph, with [a link](https://example.com) and *emphasis*.
`;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'content-'));
  for (const folder of ['articles', 'actors', 'places'])
    await mkdir(join(root, 'content', folder), { recursive: true });
  await writeFile(
    join(root, 'content/actors/putin.md'),
    '---\nname: Vladimir Putin\nkind: person\ndescription: President of Russia.\naliases: [Putin]\n---\n',
  );
  // Written as the README's "add an article" describes them: no `aliases:`, which is optional.
  await writeFile(
    join(root, 'content/actors/merkel.md'),
    '---\nname: Angela Merkel\nkind: person\ndescription: Chancellor of Germany.\n---\n',
  );
  await writeFile(
    join(root, 'content/places/berlin.md'),
    '---\nname: Berlin\nkind: city\ncoordinates: { lat: 52.52, lon: 13.405 }\n---\n',
  );
  for (let i = 0; i < 90; i++) {
    const name = `a-${String(i).padStart(3, '0')}.md`;
    // Broken files among good ones, in both halves of the list.
    const text =
      i === 7 ? '' : i === 50 ? '---\ntitle: [unclosed\n---\nBody.' : i === 80 ? 'no frontmatter' : article(i);
    // Directive mistakes, which the check finds on the parse the reader made.
    const body = i === 20 ? '\nSee :actor[Moscow]{#nope}.\n' : i === 70 ? '\nAnd :actr[Putin] too.\n' : '';
    await writeFile(join(root, 'content/articles', name), text + body);
  }
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the content pipeline', () => {
  const run = (threads: number) =>
    runContentPipeline({
      root,
      contentDir: 'content',
      base: '/',
      renderDir: join(root, `rendered-${threads}`),
      threads,
    });

  it('gives the same articles and problems, in the same order, with worker threads as without', async () => {
    const alone = await run(0);
    const parallel = await run(2);
    const { context: _a, ...aloneResult } = alone;
    const { context: _p, ...parallelResult } = parallel;
    expect(parallelResult).toEqual(aloneResult);
    expect(alone.problems.map((p) => p.file)).toEqual([
      'content/articles/a-007.md',
      'content/articles/a-020.md',
      'content/articles/a-050.md',
      'content/articles/a-070.md',
      'content/articles/a-080.md',
    ]);
    // The broken files are left out; the others keep their order.
    const ids = alone.articles.map((a) => a.id);
    expect(ids).toHaveLength(85);
    expect(ids).toEqual([...ids].sort());
    expect(ids).not.toContain('a-020');
  });

  it('hands the pages actors and places with the optional fields the editor left out filled in', async () => {
    const { actors, places } = await run(0);
    const merkel = actors.find((entry) => entry.id === 'merkel');
    const berlin = places.find((entry) => entry.id === 'berlin');
    // Pages iterate over these lists (names to search for, JSON-LD alternate names): never undefined.
    expect(merkel?.data.aliases).toEqual([]);
    expect(berlin?.data.aliases).toEqual([]);
    expect(actors.find((entry) => entry.id === 'putin')?.data.aliases).toEqual(['Putin']);
  });

  it('writes each clean article’s annotated HTML for the pages, and nothing for a broken one', async () => {
    const renderDir = join(root, 'rendered-2');
    const { articles } = await run(2);
    for (const article of articles) {
      const { html, annotations } = readRendered(renderDir, article.id, article.digest);
      expect(html).toContain('data-entity="actor:putin"');
      const unpacked = unpackAnnotations(annotations);
      expect(unpacked.mentions.map((m) => m.text)).toContain('Putin');
    }
    const written = await readdir(renderDir);
    expect(written.some((name) => name.startsWith('a-020.'))).toBe(false);
  });
});
