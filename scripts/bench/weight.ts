/**
 * Page weight: for one built page, its HTML plus every same-origin stylesheet
 * and script it loads (`<link rel="stylesheet">`, `<link rel="modulepreload">`,
 * `<link rel="preload" as="script|style">`, `<script src>`), followed through
 * static `import` / `export … from` in JS and `@import` in CSS, each file
 * counted once. Raw, gzip (level 9) and brotli (quality 11) sizes per file,
 * summed per kind. Dynamic `import()`, images, fonts and the search index are
 * not counted (fonts referenced by CSS are listed separately).
 *
 * The accounting is pure (`weighPage` takes a file reader), so it is tested
 * without a build.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { type DefaultTreeAdapterTypes, parse } from 'parse5';

export type AssetKind = 'html' | 'css' | 'js';
export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}
export interface AssetWeight extends Sizes {
  /** Path inside the built site, e.g. `_astro/index.abc.css`. */
  file: string;
  kind: AssetKind;
}
export interface PageWeight {
  type: string;
  /** Page file inside the built site, e.g. `articles/x/index.html`. */
  page: string;
  assets: AssetWeight[];
  totals: Record<AssetKind | 'all', Sizes>;
  /** Same-origin CSS/JS referenced but not found in the build. */
  missing: string[];
  /** Font files referenced from the counted CSS (not in the budget), raw bytes. */
  fonts: { file: string; raw: number }[];
}
export interface AssetRefs {
  css: string[];
  js: string[];
}

/** Stylesheets and scripts an HTML document loads, as written in the attributes. */
export function extractAssetRefs(html: string): AssetRefs {
  const refs: AssetRefs = { css: [], js: [] };
  const visit = (node: DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.Document): void => {
    if ('tagName' in node) {
      const attr = (name: string) => node.attrs.find((a) => a.name === name)?.value;
      if (node.tagName === 'link') {
        const rel = (attr('rel') ?? '').toLowerCase().split(/\s+/);
        const href = attr('href');
        const as = (attr('as') ?? '').toLowerCase();
        if (href) {
          if (rel.includes('stylesheet') || (rel.includes('preload') && as === 'style')) refs.css.push(href);
          else if (rel.includes('modulepreload') || (rel.includes('preload') && as === 'script')) refs.js.push(href);
        }
      } else if (node.tagName === 'script') {
        const src = attr('src');
        const type = (attr('type') ?? '').toLowerCase();
        if (src && (type === '' || type === 'module' || type.includes('javascript'))) refs.js.push(src);
      }
    }
    // <template> content is inert (parse5 keeps it in `content`, which is not visited).
    if ('childNodes' in node) for (const child of node.childNodes) visit(child);
  };
  visit(parse(html));
  return { css: unique(refs.css), js: unique(refs.js) };
}

/** Static imports of an ES module (`import "x"`, `import {a} from "x"`, `export * from "x"`); not `import("x")`. */
export function extractJsImports(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/(?:\bimport|\bfrom)\s*(["'])([^"'\n]+)\1/g)) out.push(m[2] as string);
  return unique(out);
}

/** `@import` targets and `url()` references of a stylesheet. */
export function extractCssRefs(css: string): { imports: string[]; urls: string[] } {
  const imports: string[] = [];
  const urls: string[] = [];
  for (const m of css.matchAll(/@import\s+(?:url\(\s*)?(["']?)([^"')\s;]+)\1/g)) imports.push(m[2] as string);
  for (const m of css.matchAll(/url\(\s*(["']?)([^"')]+)\1\s*\)/g)) urls.push(m[2] as string);
  return { imports: unique(imports), urls: unique(urls).filter((u) => !imports.includes(u)) };
}

/**
 * Map a reference from `fromFile` (a path inside the build) to a path inside
 * the build, or undefined when it is another origin, a data: URL, etc.
 * `base` is the site's base path (`/` or `/sub/`); `origins` the site's own origins.
 */
export function resolveRef(
  ref: string,
  fromFile: string,
  base = '/',
  origins: readonly string[] = [],
): string | undefined {
  if (/^(?:data|blob|javascript|mailto):/i.test(ref)) return undefined;
  const home = 'http://bench.invalid';
  const baseDir = base.endsWith('/') ? base : `${base}/`;
  const fromUrl = new URL(`${baseDir}${fromFile.split(path.sep).join('/')}`, home);
  let url: URL;
  try {
    url = new URL(ref, fromUrl);
  } catch {
    return undefined;
  }
  if (url.origin !== home && !origins.includes(url.origin)) return undefined;
  let pathname = decodeURIComponent(url.pathname);
  if (pathname.startsWith(baseDir)) pathname = pathname.slice(baseDir.length);
  else if (baseDir !== '/') return undefined;
  pathname = pathname.replace(/^\/+/, '');
  if (pathname === '' || pathname.endsWith('/')) pathname += 'index.html';
  return pathname;
}

export function compressedSizes(data: Uint8Array): Sizes {
  return {
    raw: data.byteLength,
    gzip: gzipSync(data, { level: 9 }).byteLength,
    brotli: brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.byteLength },
    }).byteLength,
  };
}

export interface WeighOptions {
  base?: string;
  origins?: readonly string[];
  /** Returns the bytes of a file inside the build, or undefined if absent. */
  read: (file: string) => Uint8Array | undefined;
  /** Injected for tests; defaults to real gzip/brotli. */
  sizes?: (data: Uint8Array) => Sizes;
}

export function weighPage(type: string, page: string, options: WeighOptions): PageWeight {
  const sizes = options.sizes ?? compressedSizes;
  const html = options.read(page);
  if (!html) throw new Error(`${page} is not in the build`);
  const assets: AssetWeight[] = [{ file: page, kind: 'html', ...sizes(html) }];
  const missing: string[] = [];
  const fonts = new Map<string, number>();
  const seen = new Set([page]);
  const queue: { file: string; kind: 'css' | 'js' }[] = [];
  const enqueue = (refs: readonly string[], kind: 'css' | 'js', from: string) => {
    for (const ref of refs) {
      const file = resolveRef(ref, from, options.base, options.origins);
      if (file === undefined || seen.has(file)) continue;
      seen.add(file);
      queue.push({ file, kind });
    }
  };
  const refs = extractAssetRefs(new TextDecoder().decode(html));
  enqueue(refs.css, 'css', page);
  enqueue(refs.js, 'js', page);
  while (queue.length > 0) {
    const { file, kind } = queue.shift() as { file: string; kind: 'css' | 'js' };
    const data = options.read(file);
    if (!data) {
      missing.push(file);
      continue;
    }
    assets.push({ file, kind, ...sizes(data) });
    const text = new TextDecoder().decode(data);
    if (kind === 'js') {
      enqueue(
        extractJsImports(text).filter((s) => /^(?:\.{1,2}\/|\/)/.test(s)),
        'js',
        file,
      );
    } else {
      const cssRefs = extractCssRefs(text);
      enqueue(cssRefs.imports, 'css', file);
      for (const url of cssRefs.urls) {
        const fontFile = resolveRef(url, file, options.base, options.origins);
        if (fontFile && /\.(?:woff2?|ttf|otf|eot)$/i.test(fontFile) && !fonts.has(fontFile)) {
          fonts.set(fontFile, options.read(fontFile)?.byteLength ?? 0);
        }
      }
    }
  }
  return {
    type,
    page,
    assets,
    totals: sumByKind(assets),
    missing,
    fonts: [...fonts].map(([file, raw]) => ({ file, raw })),
  };
}

export function sumByKind(assets: readonly AssetWeight[]): Record<AssetKind | 'all', Sizes> {
  const zero = (): Sizes => ({ raw: 0, gzip: 0, brotli: 0 });
  const totals = { html: zero(), css: zero(), js: zero(), all: zero() };
  for (const asset of assets) {
    for (const target of [totals[asset.kind], totals.all]) {
      target.raw += asset.raw;
      target.gzip += asset.gzip;
      target.brotli += asset.brotli;
    }
  }
  return totals;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

// ---------------------------------------------------------------------------
// Finding the pages of each type in a built site.

export interface PageChoice {
  type: string;
  page: string;
}

/** Which page stands for each page type, among those the build has. */
export function choosePages(
  dist: string,
  preferred: { article?: string; actor?: string; place?: string } = {},
): PageChoice[] {
  const has = (file: string) => existsSync(path.join(dist, file));
  const firstChild = (dir: string, prefer?: string): string | undefined => {
    if (prefer && has(`${dir}/${prefer}/index.html`)) return `${dir}/${prefer}/index.html`;
    if (!existsSync(path.join(dist, dir))) return undefined;
    const names = readdirSync(path.join(dist, dir))
      .filter((n) => statSync(path.join(dist, dir, n)).isDirectory() && has(`${dir}/${n}/index.html`))
      .sort();
    return names[0] === undefined ? undefined : `${dir}/${names[0]}/index.html`;
  };
  const candidates: [string, string | undefined][] = [
    ['home', 'index.html'],
    ['article', firstChild('articles', preferred.article)],
    ['timeline', 'timeline/index.html'],
    ['actors index', 'actors/index.html'],
    ['actor page', firstChild('actors', preferred.actor)],
    ['places index', 'places/index.html'],
    ['place page', firstChild('places', preferred.place)],
    ['search', 'search/index.html'],
    ['404', '404.html'],
  ];
  return candidates.flatMap(([type, page]) => (page && has(page) ? [{ type, page }] : []));
}

export function weighSite(
  dist: string,
  options: {
    base?: string;
    origins?: readonly string[];
    preferred?: { article?: string; actor?: string; place?: string };
  },
): PageWeight[] {
  const read = (file: string): Uint8Array | undefined => {
    const full = path.resolve(dist, file);
    if (!full.startsWith(path.resolve(dist)) || !existsSync(full) || !statSync(full).isFile()) return undefined;
    return readFileSync(full);
  };
  return choosePages(dist, options.preferred).map(({ type, page }) =>
    weighPage(type, page, {
      read,
      ...(options.base ? { base: options.base } : {}),
      ...(options.origins ? { origins: options.origins } : {}),
    }),
  );
}
