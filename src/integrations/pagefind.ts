/**
 * Astro integration: full-text search with Pagefind, indexed once the site is
 * built (`astro:build:done`), through Pagefind's Node API, into
 * `<outDir>/pagefind/`. It works for any OUT_DIR and base path: the index
 * stores paths relative to the site root and the search page tells Pagefind
 * the base (`options({ baseUrl })`).
 *
 * What is indexed: the article and entity pages (`glob`), each page's `<main>`
 * (`rootSelector`), without navigation, drawings and anything marked
 * `data-pagefind-ignore` (entity pages leave out the mention lists, which
 * repeat the articles' sentences; article pages their side panel). Entity pages add a `type` filter
 * (`data-pagefind-filter="type:Actor"`); the search page labels results by URL
 * when a page has none, so article pages need no Pagefind attribute.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export interface PagefindOptions {
  /** Pages to index, relative to the output folder. */
  glob?: string;
  /** The element of each page whose text is indexed. */
  rootSelector?: string;
  /** Elements left out of the index (besides `[data-pagefind-ignore]`). */
  excludeSelectors?: string[];
  /** Folder of the index inside the output folder. */
  bundleDir?: string;
}

export const PAGEFIND_BUNDLE_DIR = 'pagefind';

export function pagefind(options: PagefindOptions = {}): AstroIntegration {
  const {
    glob = '{articles,actors,places}/*/index.html',
    rootSelector = 'main',
    excludeSelectors = ['nav', 'aside', 'svg', 'template', 'script', 'form', '.permalink', '.no-search'],
    bundleDir = PAGEFIND_BUNDLE_DIR,
  } = options;
  return {
    name: 'backstory:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const { createIndex, close } = await import('pagefind');
        try {
          const created = await createIndex({ rootSelector, excludeSelectors, forceLanguage: 'en' });
          if (!created.index) throw new Error(`Pagefind could not start: ${created.errors.join('; ')}`);
          const added = await created.index.addDirectory({ path: outDir, glob });
          if (added.errors.length > 0) throw new Error(`Pagefind could not index: ${added.errors.join('; ')}`);
          if (added.page_count === 0) logger.warn(`no page matched ${glob}: the search index is empty`);
          const written = await created.index.writeFiles({ outputPath: join(outDir, bundleDir) });
          if (written.errors.length > 0) throw new Error(`Pagefind could not write: ${written.errors.join('; ')}`);
          logger.info(`indexed ${added.page_count} pages into ${bundleDir}/`);
        } finally {
          await close();
        }
      },
    },
  };
}
