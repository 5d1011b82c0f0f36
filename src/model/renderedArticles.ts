/**
 * Where a published article's HTML and annotations wait for the pages.
 *
 * The content pipeline renders every article once (on worker threads) and
 * writes `{ html, annotations, relations }` to `<dir>/<id>.<digest>.json`;
 * the article page and the derived data read it back. Astro's content data store keeps
 * only the validated frontmatter: the store is serialised as a whole after
 * the sync and parsed as a whole by the build, and with ~40 KB of HTML and
 * annotations per article that alone took seconds per thousand articles.
 *
 * The name carries the entry's digest (its source, the base path and the
 * entities it was annotated with), so a page never reads the output of an
 * older version of its article.
 */

import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RelationsGraph } from '../derive/relationsLayout.ts';
import type { RenderedArticle } from './processArticle.ts';

/** What the pages read of an article: its HTML, its annotations, and its relations laid out once (`relationsGraph`). */
export interface PublishedArticle extends RenderedArticle {
  relations: RelationsGraph;
}

export function renderedFile(dir: string, id: string, digest: string): string {
  return path.join(dir, `${id}.${digest}.json`);
}

/** Written to a temporary name and renamed: a reader never sees half a file. */
export function writeRendered(dir: string, id: string, digest: string, rendered: PublishedArticle): void {
  const target = renderedFile(dir, id, digest);
  const temporary = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  const text = JSON.stringify(rendered);
  try {
    writeFileSync(temporary, text);
  } catch (error) {
    // The folder is made on first use (not checked for every one of a thousand files).
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dir, { recursive: true });
    writeFileSync(temporary, text);
  }
  renameSync(temporary, target);
}

export function readRendered(dir: string, id: string, digest: string): PublishedArticle {
  const file = renderedFile(dir, id, digest);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(
      `The rendered text of the article "${id}" is missing (${file}). ` +
        'It is written when the content is synced: run the build again, or `npm start` again.',
    );
  }
  return JSON.parse(text) as PublishedArticle;
}

/** Removes what no current article uses (older digests, deleted articles). */
export function pruneRendered(dir: string, keep: ReadonlySet<string>): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!keep.has(name)) rmSync(path.join(dir, name), { force: true });
  }
}

/**
 * The folder for one site's rendered articles, under Astro's cache folder:
 * one per content folder and base path (links in the HTML carry the base),
 * so two builds of different bases never share files.
 */
export function renderedArticlesDir(config: { root: URL; cacheDir: URL; base: string }, contentDir: string): string {
  const folder = path.resolve(fileURLToPath(config.root), contentDir);
  const key = createHash('sha256').update(`${folder}\0${config.base}`).digest('hex').slice(0, 12);
  return path.join(fileURLToPath(config.cacheDir), 'backstory', 'articles', key);
}
