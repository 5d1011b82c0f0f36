/**
 * One Pagefind index built while the site renders. Each searched page is
 * copied, as rendered, into a staging folder; as soon as the last expected
 * page is there, Pagefind (its own process) reads the folder and writes the
 * index while Astro goes on rendering the pages that are not searched
 * (timelines, mention lists, exports). On a two-core machine Pagefind's work
 * then uses the core the page renderer leaves free instead of adding a tail
 * after the last page; it runs at the lowest CPU priority (`lowerPriority.ts`).
 *
 * Why a folder and not Pagefind's `addHTMLFile`: its Node API sends each page
 * as base64 of JSON, which costs the renderer's thread ≈3 ms per article page
 * (3 s for 1,000 articles); reading files costs it nothing.
 *
 * The session knows nothing of Astro: `src/integrations/pagefind.ts` feeds it.
 * When fewer pages come in than expected (pages restored from a cache, a page
 * that was not written), the session is discarded and the integration indexes
 * the written pages after the build instead.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { PagefindServiceConfig } from 'pagefind';
import { lowerChildPriority } from './lowerPriority.ts';

export interface SearchIndexSession {
  /** How many distinct pages will be added; the index is written once they are all in. */
  expect(pages: number): void;
  /** Adds one rendered page: `url` relative to the site root, ending in `/` (`/articles/x/`). */
  add(url: string, html: Uint8Array): void;
  /** Whether every expected page came in, so the index is being written from them. */
  started(): boolean;
  /** Waits for the index started from the pages, stops Pagefind, reports the page count. */
  finish(): Promise<number>;
  /** Gives up on the pages that came in (fewer than expected, or a failed build): removes their copies. */
  discard(): Promise<void>;
}

export type Pagefind = typeof import('pagefind');

/** Indexes the pages under `folder` that match `glob` into `outputPath`; the number of pages indexed. */
export async function indexFolder(
  pagefind: Pagefind,
  config: PagefindServiceConfig,
  folder: string,
  glob: string,
  outputPath: string,
): Promise<number> {
  const created = await pagefind.createIndex(config);
  if (!created.index) throw new Error(`Pagefind could not start: ${created.errors.join('; ')}`);
  // Pagefind's process is running now; while the site renders it takes only the time the renderer leaves.
  lowerChildPriority('pagefind');
  const added = await created.index.addDirectory({ path: folder, glob });
  if (added.errors.length > 0) throw new Error(`Pagefind could not index: ${added.errors.join('; ')}`);
  if (added.page_count === 0) return 0;
  const written = await created.index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write: ${written.errors.join('; ')}`);
  return added.page_count;
}

export interface SessionOptions {
  /** Where the staging folder goes (default: the system's temporary folder). */
  stagingRoot?: string;
  /** Loads Pagefind's Node API (tests pass a stand-in). */
  load?: () => Promise<Pagefind>;
}

export function searchIndexSession(
  config: PagefindServiceConfig,
  outputPath: string,
  { stagingRoot = tmpdir(), load = () => import('pagefind') }: SessionOptions = {},
): SearchIndexSession {
  const staged: Promise<unknown>[] = [];
  const urls = new Set<string>();
  let staging: Promise<string> | undefined;
  let expected: number | undefined;
  let indexing: Promise<number> | undefined;
  let pagefind: Promise<Pagefind> | undefined;

  const stop = async () => {
    if (pagefind) await (await pagefind).close();
  };
  const removeStaging = async () => {
    if (staging) await rm(await staging, { recursive: true, force: true });
  };

  const index = () => {
    indexing ??= Promise.all(staged).then(async () => {
      pagefind ??= load();
      try {
        return await indexFolder(await pagefind, config, await (staging as Promise<string>), '**/*.html', outputPath);
      } finally {
        await removeStaging();
      }
    });
    // Failures are reported by finish(); until then nothing may go unhandled.
    indexing.catch(() => {});
    return indexing;
  };

  return {
    expect(pages) {
      expected = pages;
      if (pages > 0 && urls.size >= pages) void index();
    },
    add(url, html) {
      if (indexing) throw new Error(`search index: ${url} was rendered after the index was written`);
      if (urls.has(url)) throw new Error(`search index: ${url} was rendered twice`);
      if (!url.startsWith('/') || !url.endsWith('/') || url.split('/').includes('..')) {
        throw new Error(`search index: ${url} is not a page folder (the searched routes must end in /)`);
      }
      urls.add(url);
      staging ??= mkdtemp(join(stagingRoot, 'backstory-search-'));
      const file = staging.then((folder) => join(folder, decodeURI(url), 'index.html'));
      const written = file.then(async (path) => {
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, html);
      });
      written.catch(() => {});
      staged.push(written);
      if (expected !== undefined && urls.size >= expected) void index();
    },
    started: () => indexing !== undefined,
    async finish() {
      if (!indexing) throw new Error('search index: finish() before every expected page came in');
      try {
        return await indexing;
      } finally {
        await stop();
      }
    },
    async discard() {
      if (indexing) return;
      await Promise.allSettled(staged);
      await removeStaging();
      await stop();
    },
  };
}
