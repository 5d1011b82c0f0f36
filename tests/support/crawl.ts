/**
 * Site-wide link facts for a built site served by `serveStatic`:
 *  - `crawlSite`: linkinator follows every link from the home page (pages, CSS,
 *    images, fonts, canonical and preview URLs, fragments); other hosts are skipped;
 *  - `thirdPartyResources`: everything a browser would *load* from another host
 *    (scripts, styles, images, fonts, frames), read from the built HTML and CSS.
 *    Links *to* other sites (the original article, Wikidata) are not resources;
 *  - `brokenFragments`: `#id` links (same page or another page of the site) whose id does not exist.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LinkChecker, type LinkResult } from 'linkinator';
import type { Build } from './builds.ts';
import { attr, describeElement, elements, textOf } from './html.ts';
import { listPages, pageUrl, readPage } from './sitePages.ts';
import type { StaticServer } from './staticServer.ts';

export type { LinkResult } from 'linkinator';
export { LinkState } from 'linkinator';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Crawl the whole site from its home page. Absolute URLs on the build's own origin (SITE_URL) are checked on the test server. */
export async function crawlSite(build: Build, server: StaticServer): Promise<LinkResult[]> {
  const checker = new LinkChecker();
  const result = await checker.check({
    path: server.url,
    recurse: true,
    checkCss: true,
    // Fragments are checked by brokenFragments(), which names the page a bad link is on
    // (linkinator 7.6 reports the wrong parent for them).
    checkFragments: false,
    concurrency: 8,
    timeout: 10_000,
    retry: false,
    retryErrors: false,
    urlRewriteExpressions: [{ pattern: new RegExp(`^${escapeRegExp(build.site)}(?=/|$)`), replacement: server.origin }],
    linksToSkip: async (link) => !link.startsWith(`${server.origin}/`),
  });
  return result.links;
}

/** `url (HTTP 404) ← found on parent: reason` */
export function describeLink(link: LinkResult): string {
  const reasons = (link.failureDetails ?? [])
    .map((detail) => (detail instanceof Error ? detail.message : `HTTP ${detail.status}`))
    .filter((reason, index, all) => all.indexOf(reason) === index);
  return `${link.url} (${link.status ? `HTTP ${link.status}` : 'no response'}) ← ${link.parent ?? 'start'}${reasons.length ? `: ${reasons.join('; ')}` : ''}`;
}

/** `<link rel>` values that make the browser fetch something (a canonical or alternate link does not). */
const FETCHING_RELS = new Set([
  'stylesheet',
  'icon',
  'shortcut',
  'apple-touch-icon',
  'apple-touch-icon-precomposed',
  'mask-icon',
  'manifest',
  'preload',
  'modulepreload',
  'prefetch',
  'preconnect',
  'dns-prefetch',
  'prerender',
]);

/** Element → attributes holding URLs the browser loads without the reader clicking anything. */
const RESOURCE_ATTRIBUTES: Record<string, string[]> = {
  script: ['src'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  iframe: ['src'],
  frame: ['src'],
  embed: ['src'],
  object: ['data'],
  input: ['src'],
  image: ['href', 'xlink:href'],
  use: ['href', 'xlink:href'],
  feimage: ['href', 'xlink:href'],
};

const CSS_URL = /url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3/gi;

function cssUrls(css: string): string[] {
  return [...css.matchAll(CSS_URL)].map((match) => (match[2] ?? match[4] ?? '').trim()).filter(Boolean);
}

function srcsetUrls(value: string): string[] {
  return value
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

export interface ThirdPartyResource {
  /** Site path of the page or CSS file that references it. */
  where: string;
  what: string;
  url: string;
}

/**
 * Every reference in the built HTML and CSS that would make a reader's browser
 * fetch something from a host other than the site's own (SITE_URL origin).
 */
export function thirdPartyResources(build: Build): ThirdPartyResource[] {
  const local = 'http://site.invalid';
  const own = new Set([local, build.site]);
  const found: ThirdPartyResource[] = [];
  const check = (where: string, what: string, raw: string, baseUrl: string) => {
    let url: URL;
    try {
      url = new URL(raw.trim(), baseUrl);
    } catch {
      return;
    }
    if (/^(https?|wss?|ftp):$/.test(url.protocol) && !own.has(url.origin)) found.push({ where, what, url: url.href });
  };

  for (const page of listPages(build.dir)) {
    const pageAddress = pageUrl(`${local}${build.base}`, page.path);
    const { document } = readPage(page);
    for (const element of elements(document)) {
      const tag = element.tagName.toLowerCase();
      const what = describeElement(element);
      for (const name of RESOURCE_ATTRIBUTES[tag] ?? []) {
        const value = attr(element, name);
        if (!value) continue;
        for (const url of name === 'srcset' ? srcsetUrls(value) : [value]) check(page.path, what, url, pageAddress);
      }
      if (tag === 'link') {
        const rels = (attr(element, 'rel') ?? '').toLowerCase().split(/\s+/);
        const href = attr(element, 'href');
        if (href && rels.some((rel) => FETCHING_RELS.has(rel))) check(page.path, what, href, pageAddress);
      }
      const style = tag === 'style' ? textOf(element) : (attr(element, 'style') ?? '');
      for (const url of cssUrls(style)) check(page.path, `${what} CSS`, url, pageAddress);
    }
  }
  const files = readdirSync(build.dir, { recursive: true, withFileTypes: true }).filter(
    (entry) => entry.isFile() && entry.name.endsWith('.css'),
  );
  for (const entry of files) {
    const file = join(entry.parentPath, entry.name);
    const path = file.slice(build.dir.length);
    for (const url of cssUrls(readFileSync(file, 'utf8'))) check(path, 'stylesheet', url, `${local}${path}`);
  }
  return found;
}

/**
 * Every link with a fragment (`href="#id"`, `href="/articles/x/#id"`) whose
 * target page exists but has no element with that id (or `<a name>`): the
 * reader lands at the top of the page instead of the passage. `href="#"`
 * counts too: it goes nowhere. Links to pages that do not exist are left to
 * the broken-link check.
 */
export function brokenFragments(build: Build): string[] {
  const local = 'http://site.invalid';
  const pages = listPages(build.dir);
  const byUrl = new Map(pages.map((page) => [pageUrl(`${local}${build.base}`, page.path), page]));
  const targetsOf = new Map<string, Set<string>>();
  const targets = (page: (typeof pages)[number]) => {
    let ids = targetsOf.get(page.file);
    if (!ids) {
      ids = new Set();
      for (const element of elements(readPage(page).document)) {
        const id = attr(element, 'id');
        if (id) ids.add(id);
        const name = attr(element, 'name');
        if (element.tagName === 'a' && name) ids.add(name);
      }
      targetsOf.set(page.file, ids);
    }
    return ids;
  };

  const problems: string[] = [];
  for (const page of pages) {
    const here = pageUrl(`${local}${build.base}`, page.path);
    for (const element of elements(readPage(page).document)) {
      if (element.tagName !== 'a' && element.tagName !== 'area') continue;
      const href = attr(element, 'href');
      if (href === undefined || !href.includes('#')) continue;
      let url: URL;
      try {
        url = new URL(href, here);
      } catch {
        continue;
      }
      if (url.origin !== local && url.origin !== build.site) continue;
      const target = byUrl.get(`${local}${url.pathname}`);
      if (!target) continue;
      let fragment = url.hash.slice(1);
      try {
        fragment = decodeURIComponent(fragment);
      } catch {
        // keep it as written
      }
      if (fragment === '' && href.trim() === '#') {
        problems.push(`${page.path}: ${describeElement(element)} goes nowhere (href="#")`);
      } else if (fragment !== '' && !targets(target).has(fragment)) {
        const where = target === page ? 'this page' : target.path;
        problems.push(`${page.path}: ${describeElement(element)} → no id "${fragment}" on ${where}`);
      }
    }
  }
  return problems;
}
