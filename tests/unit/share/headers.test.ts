/**
 * The `_headers` file operators deploy to Netlify or Cloudflare Pages, and the
 * static files the pages' <head> points at.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { astroCsp } from '../../../src/share/contentSecurityPolicy.ts';
import { pngSize } from './fixtures.ts';

const publicDir = new URL('../../../public/', import.meta.url);
const headersText = readFileSync(new URL('_headers', publicDir), 'utf8');

interface Rule {
  path: string;
  headers: Map<string, string>;
}

/** The `_headers` syntax: a path at the start of a line, then indented `Name: value` lines; `#` comments. */
function parseRules(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: new Map() });
      continue;
    }
    const at = line.indexOf(':');
    rules.at(-1)?.headers.set(line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim());
  }
  return rules;
}

/** Netlify and Cloudflare Pages: `*` matches anything, every matching rule applies. */
function rulesFor(path: string): Rule[] {
  return parseRules(headersText).filter((rule) =>
    new RegExp(`^${rule.path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(path),
  );
}

function header(path: string, name: string): string | undefined {
  return rulesFor(path)
    .map((rule) => rule.headers.get(name))
    .find(Boolean);
}

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name ?? '', sources]),
  );
}

const pages = ['/', '/articles/putin-off-course/', '/actors/russia/', '/timeline/', '/404.html'];

describe('security headers for every response', () => {
  const csp = directives(header('/articles/putin-off-course/', 'content-security-policy') ?? '');

  it('send a Content-Security-Policy that runs only the site’s own scripts, never inline ones', () => {
    const scripts = csp.get('script-src') ?? [];
    expect(scripts).toContain("'self'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(scripts.filter((source) => !source.startsWith("'"))).toEqual([]); // no other hosts
  });

  it('let Pagefind search run: WebAssembly and same-origin fetches', () => {
    expect(csp.get('script-src')).toContain("'wasm-unsafe-eval'");
    expect(csp.get('connect-src')).toEqual(["'self'"]);
  });

  it('load nothing from other origins and refuse plugins, framing and base rewriting', () => {
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
  });

  it('match the policy Astro writes into each page, so a page allowed by one is allowed by the other', () => {
    for (const directive of astroCsp.directives ?? []) {
      const [name, ...sources] = directive.split(/\s+/);
      expect(csp.get(name ?? ''), name).toEqual(sources);
    }
    const meta = astroCsp.scriptDirective?.resources?.map((r) => (typeof r === 'string' ? r : r.resource));
    expect(csp.get('script-src')).toEqual(meta);
    const metaStyles = astroCsp.styleDirective?.resources?.map((r) => (typeof r === 'string' ? r : r.resource));
    expect(csp.get('style-src')).toEqual(metaStyles);
  });

  it('stop MIME sniffing, trim referrers and deny device features', () => {
    for (const path of [...pages, '/_astro/page.1a2b3c.js', '/og/articles/x.png']) {
      expect(header(path, 'x-content-type-options'), path).toBe('nosniff');
      expect(header(path, 'referrer-policy'), path).toBe('strict-origin-when-cross-origin');
      expect(header(path, 'content-security-policy'), path).toBeTruthy();
    }
    const permissions = header('/', 'permissions-policy') ?? '';
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) {
      expect(permissions).toMatch(new RegExp(`(^|,\\s*)${feature}=\\(\\)`));
    }
  });
});

describe('caching', () => {
  it('keeps hashed build assets for a year', () => {
    expect(header('/_astro/page.1a2b3c.js', 'cache-control')).toBe('public, max-age=31536000, immutable');
    expect(header('/_astro/style.1a2b3c.css', 'cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('makes browsers revalidate HTML, so a new deploy shows at once', () => {
    for (const path of pages) expect(header(path, 'cache-control'), path).toMatch(/max-age=0\b/);
  });

  it('never sends two Cache-Control values for one URL (hosts would join them with a comma)', () => {
    for (const path of [...pages, '/_astro/page.1a2b3c.js', '/og/articles/x.png', '/rss.xml', '/favicon.svg']) {
      const setting = rulesFor(path).filter((rule) => rule.headers.has('cache-control'));
      expect(setting.length, path).toBeLessThanOrEqual(1);
    }
  });
});

describe('icons in public/', () => {
  it('exist at the sizes the manifest and the <head> declare', () => {
    const expected: [string, number][] = [
      ['favicon-32.png', 32],
      ['apple-touch-icon.png', 180],
      ['icon-192.png', 192],
      ['icon-512.png', 512],
      ['icon-maskable-512.png', 512],
    ];
    for (const [file, size] of expected) {
      expect(pngSize(new Uint8Array(readFileSync(new URL(file, publicDir)))), file).toEqual({
        width: size,
        height: size,
      });
    }
  });

  it('include an SVG favicon that needs no font', () => {
    const svg = readFileSync(new URL('favicon.svg', publicDir), 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).not.toContain('<text');
    expect(existsSync(new URL('.nojekyll', publicDir))).toBe(true);
  });
});
