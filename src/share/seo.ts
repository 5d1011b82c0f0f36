/**
 * What a page tells the outside world about itself: title, description,
 * canonical path, preview image and structured data. Pages build a `PageSeo`
 * and hand it to the layout, which renders it through `SeoHead.astro`.
 *
 * Every URL that leaves the site (canonical, Open Graph, JSON-LD, feed,
 * sitemap) is absolute and includes the base path: `absoluteUrl` is the one
 * place that joins them.
 */
import { joinBase } from '../site/paths.ts';

export const SITE_NAME = 'Backstory';
export const SITE_DESCRIPTION = 'News articles annotated with who did what, when and where.';

/** Size of every preview image (Open Graph's recommended 1.91:1). */
export const PREVIEW_IMAGE = { width: 1200, height: 630, type: 'image/png' } as const;

/** Site paths (without base) of the generated preview images, see `previewSet.ts`. */
export const previewImagePaths = {
  site: () => 'og/default.png',
  article: (slug: string) => `og/articles/${slug}.png`,
  actor: (id: string) => `og/actors/${id}.png`,
} as const;

export interface PageSeo {
  /** Page title without the site name. */
  title: string;
  description: string;
  /** Site path without the base, e.g. `articles/x/` (`''` for home). */
  path: string;
  type?: 'website' | 'article' | 'profile';
  /** Site path (without base) of a 1200×630 preview image; the site's default image when absent. */
  image?: string;
  /** What the preview image shows, for people who cannot see it. */
  imageAlt?: string;
  /** Articles: publication and update days (`YYYY-MM-DD`), for `article:published_time` / `modified_time`. */
  publishedTime?: string;
  modifiedTime?: string;
  /** Articles: topics, for `article:tag`. */
  tags?: readonly string[];
  /** schema.org objects rendered as JSON-LD (see `src/share/jsonLd.ts` for builders). */
  jsonLd?: Record<string, unknown>[];
  noindex?: boolean;
}

/** Where the site is served: Astro's `site` (origin) and `base` (sub-path). */
export interface SiteLocation {
  /** Absolute origin, e.g. `https://example.org` (`Astro.site`). Any path on it is ignored: the base says it. */
  site: string | URL;
  /** Base path, e.g. `/` or `/backstory/` (`import.meta.env.BASE_URL`). */
  base: string;
}

/** Absolute URL of a site path: `({ site: 'https://x.org', base: '/sub/' }, 'articles/a/')` → `https://x.org/sub/articles/a/`. */
export function absoluteUrl(where: SiteLocation, path = ''): string {
  const joined = joinBase(where.base, path);
  const origin = httpOrigin(where.site);
  // The URL parser leaves such a path as it is: skip it (a build asks for a few 100,000 of these).
  return origin !== undefined && PLAIN_PATH.test(joined) && !DOT_SEGMENT.test(joined)
    ? `${origin}${joined}`
    : new URL(joined, where.site).href;
}

/** An absolute path of letters, digits, `-._~/` and a `#` fragment (no `%`: `%2e` is a dot to it): nothing the URL parser would escape. */
const PLAIN_PATH = /^\/[\w\-.~/#]*$/;
/** A `.` or `..` segment, which the parser would resolve. */
const DOT_SEGMENT = /\/\.{1,2}(?:[/#]|$)/;
const origins = new Map<string, string | undefined>();

/** `https://example.org` for an http(s) site (as the URL parser writes it: lower case, no default port). */
function httpOrigin(site: string | URL): string | undefined {
  const key = String(site);
  if (!origins.has(key)) {
    const url = new URL(key);
    origins.set(key, url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined);
  }
  return origins.get(key);
}

/** The `<title>`: the page title, then the site name (the home page is just the site name). */
export function documentTitle(title: string): string {
  return title === SITE_NAME ? title : `${title} · ${SITE_NAME}`;
}

/**
 * `filter` for @astrojs/sitemap: every page a search engine should list. The
 * search page has no content of its own, and the not-found page is not a page.
 */
export function sitemapFilter(base: string): (page: string) => boolean {
  const unlisted = new Set(['search/', '404/'].map((path) => joinBase(base, path)));
  return (page) => !unlisted.has(new URL(page).pathname);
}
