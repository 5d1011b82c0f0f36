/**
 * Astro integration: full-text search with Pagefind, through its Node API,
 * into `<outDir>/pagefind/`. It works for any OUT_DIR and base path: the index
 * stores paths relative to the site root and the search page tells Pagefind
 * the base (`options({ baseUrl })`).
 *
 * What is indexed: the article and entity pages (`routes`), each page's
 * `<main>` (`rootSelector`), without navigation, drawings and anything marked
 * `data-pagefind-ignore` (entity pages leave out the mention lists, which
 * repeat the articles' sentences; article pages their side panel). Entity pages add a `type` filter
 * (`data-pagefind-filter="type:Actor"`); the search page labels results by URL
 * when a page has none, so article pages need no Pagefind attribute.
 *
 * When: while the site renders. Astro's page renderer is wrapped
 * (`setPrerenderer`) so that the searched pages render first and each goes to
 * the search index as it comes out; Pagefind indexes them while the other
 * pages render (see `searchIndexSession.ts`). Under an adapter, or when not
 * every searched page came through the renderer (restored from Astro's cache,
 * say), the written pages are indexed after the build instead: the same index.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroPrerenderer, RouteData } from 'astro';
import type { PagefindServiceConfig } from 'pagefind';
import { passThrough } from './prerenderer.ts';
import { indexFolder, type SearchIndexSession, searchIndexSession } from './searchIndexSession.ts';

export interface PagefindOptions {
  /** Astro routes whose pages are indexed. */
  routes?: string[];
  /** The element of each page whose text is indexed. */
  rootSelector?: string;
  /** Elements left out of the index (besides `[data-pagefind-ignore]`). */
  excludeSelectors?: string[];
  /** Folder of the index inside the output folder. */
  bundleDir?: string;
}

export const PAGEFIND_BUNDLE_DIR = 'pagefind';

/** What the site indexes, and how. */
export const SEARCH_DEFAULTS = {
  routes: ['/articles/[slug]', '/actors/[id]', '/places/[id]'],
  rootSelector: 'main',
  excludeSelectors: ['nav', 'aside', 'svg', 'template', 'script', 'form', '.permalink', '.no-search'],
} as const satisfies PagefindOptions;

export function pagefind(options: PagefindOptions = {}): AstroIntegration {
  const {
    routes = [...SEARCH_DEFAULTS.routes],
    rootSelector = SEARCH_DEFAULTS.rootSelector,
    excludeSelectors = [...SEARCH_DEFAULTS.excludeSelectors],
    bundleDir = PAGEFIND_BUNDLE_DIR,
  } = options;
  const config = pagefindConfig({ rootSelector, excludeSelectors });
  const searched = new Set(routes);
  let base = '/';
  let outDir = '';
  let ownRenderer = true;
  let session: SearchIndexSession | undefined;

  return {
    name: 'backstory:pagefind',
    hooks: {
      'astro:config:done': ({ config: astroConfig, buildOutput }) => {
        base = astroConfig.base;
        outDir = fileURLToPath(astroConfig.outDir);
        // An adapter renders pages its own way (and a server build writes them
        // elsewhere): leave its renderer alone and index the written pages.
        ownRenderer = buildOutput === 'static' && !astroConfig.adapter;
      },
      'astro:build:start': ({ setPrerenderer }) => {
        session = undefined;
        if (!ownRenderer) return;
        setPrerenderer((inner) => {
          session = searchIndexSession(config, join(outDir, bundleDir));
          return indexingPrerenderer(inner, session, (route) => searched.has(route.route), base);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const indexed = session;
        session = undefined;
        const written = fileURLToPath(dir);
        let pages: number;
        if (indexed?.started()) {
          pages = await indexed.finish();
          logger.info(`indexed ${pages} pages into ${bundleDir}/ while the site rendered`);
        } else {
          await indexed?.discard();
          pages = await indexWrittenPages(config, written, routes, join(written, bundleDir));
          logger.info(`indexed ${pages} written pages into ${bundleDir}/`);
        }
        if (pages === 0) logger.warn(`no page of ${routes.join(', ')} was built: the search index is empty`);
      },
    },
  };
}

/**
 * Astro's renderer, with the searched pages first and each of them handed to
 * the search index as it is rendered. The pages and their bytes are unchanged.
 * A page that is not a 200 HTML page in a folder of its own (`/articles/x/`)
 * is not handed over, and neither are pages Astro restores from its cache:
 * the index then falls short of the expected count and is made from the
 * written pages after the build.
 */
export function indexingPrerenderer(
  inner: AstroPrerenderer,
  index: Pick<SearchIndexSession, 'expect' | 'add' | 'started' | 'discard'>,
  isSearched: (route: RouteData) => boolean,
  base: string,
): AstroPrerenderer {
  const root = encodeURI(base.endsWith('/') ? base : `${base}/`);
  return {
    name: `${inner.name}+pagefind`,
    ...passThrough(inner),
    // Astro calls this after the last page, also when a page failed.
    async teardown() {
      await inner.teardown?.();
      if (!index.started()) await index.discard();
    },
    async getStaticPaths() {
      const paths = await inner.getStaticPaths();
      const first = paths.filter((path) => isSearched(path.route));
      index.expect(new Set(first.map((path) => path.pathname)).size);
      // When two routes claim one URL, Astro keeps the first: keep its order then.
      const urls = new Set(paths.map((path) => path.pathname.replace(/\/$/, '')));
      if (urls.size < paths.length) return paths;
      return [...first, ...paths.filter((path) => !isSearched(path.route))];
    },
    async render(request, options) {
      const result = await inner.render(request, options);
      if (!isSearched(options.routeData)) return result;
      const response = result instanceof Response ? result : result.response;
      const { pathname } = new URL(request.url);
      if (response.status !== 200 || !response.body || !pathname.startsWith(root) || !pathname.endsWith('/')) {
        return result;
      }
      const bytes = new Uint8Array(await response.arrayBuffer());
      index.add(pathname.slice(root.length - 1), bytes);
      const copy = new Response(bytes, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
      return result instanceof Response ? copy : { ...result, response: copy };
    },
  };
}

/** Pagefind's settings for the given root element and exclusions. */
export function pagefindConfig({
  rootSelector,
  excludeSelectors,
}: Pick<Required<PagefindOptions>, 'rootSelector' | 'excludeSelectors'>): PagefindServiceConfig {
  return { rootSelector, excludeSelectors, forceLanguage: 'en' };
}

/**
 * Indexes the written pages of `routes` in `outDir` into `outputPath`: the
 * fallback when the pages could not be indexed as they rendered, and the
 * reference the site tests compare that index with.
 */
export async function indexWrittenPages(
  config: PagefindServiceConfig,
  outDir: string,
  routes: readonly string[],
  outputPath: string,
): Promise<number> {
  const glob = `{${routes.map((route) => route.slice(1).replace(/\[[^\]]+\]/g, '*')).join(',')}}/index.html`;
  const pagefindModule = await import('pagefind');
  try {
    return await indexFolder(pagefindModule, config, outDir, glob, outputPath);
  } finally {
    await pagefindModule.close();
  }
}
