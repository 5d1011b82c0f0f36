/**
 * Reading `content/` with worker threads gives exactly what reading it on one
 * thread gives: the same entries and problems, in the same order, and the
 * body texts and directive problems the content check would work out.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyTextOf, readBodyText } from '../../src/model/bodyText.ts';
import { checkContent } from '../../src/model/checkContent.ts';
import { readContentDir } from '../../src/model/contentFiles.ts';

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

describe('readContentDir with worker threads', () => {
  it('reads the same entries and problems, in the same order', async () => {
    const alone = await readContentDir(root);
    const parallel = await readContentDir(root, 'content', { threads: 2 });
    expect(parallel).toEqual(alone);
    expect(alone.entries).toHaveLength(88);
    expect(alone.problems.map((p) => p.file)).toEqual([
      'content/articles/a-007.md',
      'content/articles/a-050.md',
      'content/articles/a-080.md',
    ]);
    const problems = checkContent(alone.entries);
    expect(problems.map((p) => p.file)).toEqual(['content/articles/a-020.md', 'content/articles/a-070.md']);
    expect(checkContent(parallel.entries)).toEqual(problems);
  });

  it('hands the content check the body texts it would read itself', async () => {
    const { entries } = await readContentDir(root, 'content', { threads: 1 });
    for (const entry of entries.filter((e) => e.collection === 'articles')) {
      expect(bodyTextOf(entry)).toEqual(readBodyText(entry.body));
    }
  });
});
