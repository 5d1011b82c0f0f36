/**
 * Every HTML page of a built site, so tests cover all of them, not a sample:
 * pages that other engineers add (timeline, actors, places, search, 404) are
 * picked up without touching the tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Build } from './builds.ts';
import { type ParsedPage, parseHtml } from './html.ts';

export interface SitePage {
  /** Absolute path of the HTML file. */
  file: string;
  /** Path relative to the base, as a URL: `/`, `/articles/slug/`, `/404.html`. */
  path: string;
}

/** Every `*.html` file in a built folder, as URL paths (a directory's `index.html` → `dir/`), sorted. */
export function listPages(dir: string): SitePage[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => {
      const file = join(entry.parentPath, entry.name);
      const path = `/${relative(dir, file).split(sep).join('/')}`.replace(/(^|\/)index\.html$/, '$1');
      return { file, path };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** The page's absolute URL on a server whose `url` is origin + base (`http://127.0.0.1:1234/backstory/`). */
export function pageUrl(serverUrl: string, path: string): string {
  return new URL(path.replace(/^\//, ''), serverUrl).href;
}

const parsed = new Map<string, ParsedPage & { html: string }>();

/** The page's HTML and parse5 tree (parsed once per test file). */
export function readPage(page: SitePage): ParsedPage & { html: string } {
  let entry = parsed.get(page.file);
  if (!entry) {
    const html = readFileSync(page.file, 'utf8');
    entry = { html, ...parseHtml(html) };
    parsed.set(page.file, entry);
  }
  return entry;
}

export interface BuiltArticle {
  slug: string;
  page: SitePage;
}

/** The article pages of a build: `articles/<slug>/index.html`. */
export function listArticles(build: Build): BuiltArticle[] {
  return listPages(build.dir)
    .map((page) => ({ page, match: /^\/articles\/([^/]+)\/$/.exec(page.path) }))
    .filter((entry) => entry.match !== null)
    .map(({ page, match }) => ({ slug: match?.[1] ?? '', page }));
}
