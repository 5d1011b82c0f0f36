import { describe, expect, it } from 'vitest';
import {
  compressedSizes,
  extractAssetRefs,
  extractCssRefs,
  extractJsImports,
  resolveRef,
  weighPage,
} from '../../../scripts/bench/weight.ts';

const html = `<!doctype html><html><head>
<link rel="stylesheet" href="/_astro/base.css">
<link rel="stylesheet" href="https://fonts.example.com/x.css">
<link rel="modulepreload" href="/_astro/chunk.js">
<link rel="icon" href="/favicon.svg">
<link rel="preload" as="style" href="/_astro/base.css">
<script type="module" src="/_astro/page.js"></script>
<script type="application/ld+json">{"@context":"https://schema.org"}</script>
</head><body><template><script src="/_astro/in-template.js"></script></template><p>Hi</p><script src="/_astro/gone.js"></script></body></html>`;

describe('extractAssetRefs', () => {
  it('finds stylesheets and scripts once each, ignoring icons, JSON-LD and inert templates', () => {
    expect(extractAssetRefs(html)).toEqual({
      css: ['/_astro/base.css', 'https://fonts.example.com/x.css'],
      js: ['/_astro/chunk.js', '/_astro/page.js', '/_astro/gone.js'],
    });
  });
});

describe('extractJsImports / extractCssRefs', () => {
  it('finds static imports in minified code, not dynamic ones', () => {
    const code = 'import{a as b}from"./chunk.js";import"./side.js";export*from"../re.js";const c=import("./lazy.js");';
    expect(extractJsImports(code)).toEqual(['./chunk.js', './side.js', '../re.js']);
  });

  it('finds @import and url()', () => {
    expect(extractCssRefs('@import url("a.css");@import "b.css";@font-face{src:url(/f/x.woff2)}')).toEqual({
      imports: ['a.css', 'b.css'],
      urls: ['/f/x.woff2'],
    });
  });
});

describe('resolveRef', () => {
  it('maps same-origin references to files in the build', () => {
    expect(resolveRef('/_astro/a.css', 'articles/x/index.html')).toBe('_astro/a.css');
    expect(resolveRef('./chunk.js', '_astro/page.js')).toBe('_astro/chunk.js');
    expect(resolveRef('../timeline/', 'articles/index.html')).toBe('timeline/index.html');
    expect(resolveRef('https://cdn.example.com/a.js', 'index.html')).toBeUndefined();
    expect(resolveRef('data:text/css,x', 'index.html')).toBeUndefined();
  });

  it('handles a base path and the site origin', () => {
    expect(resolveRef('/sub/_astro/a.css', 'index.html', '/sub/')).toBe('_astro/a.css');
    expect(resolveRef('/other/a.css', 'index.html', '/sub')).toBeUndefined();
    expect(resolveRef('https://site.test/sub/_astro/a.js', 'index.html', '/sub/', ['https://site.test'])).toBe(
      '_astro/a.js',
    );
  });
});

describe('weighPage', () => {
  const files: Record<string, string> = {
    'articles/x/index.html': html,
    '_astro/base.css': '@import "./extra.css"; body{font:1em/1.5 serif} @font-face{src:url(./f.woff2)}',
    '_astro/extra.css': 'p{margin:0}',
    '_astro/f.woff2': 'FONTDATA',
    '_astro/chunk.js': 'export const a=1;',
    '_astro/page.js': 'import{a}from"./chunk.js";import"./side.js";console.log(a)',
    '_astro/side.js': 'window.x=1;',
  };
  const read = (file: string) => (file in files ? new TextEncoder().encode(files[file]) : undefined);
  // Fake compressor: gzip = half, brotli = a third, so sums are easy to check.
  const sizes = (data: Uint8Array) => ({
    raw: data.byteLength,
    gzip: Math.ceil(data.byteLength / 2),
    brotli: Math.ceil(data.byteLength / 3),
  });

  it('counts the page, its CSS (with @import) and JS (with static imports) once each', () => {
    const w = weighPage('article', 'articles/x/index.html', { read, sizes });
    expect(w.assets.map((a) => `${a.kind}:${a.file}`)).toEqual([
      'html:articles/x/index.html',
      'css:_astro/base.css',
      'js:_astro/chunk.js',
      'js:_astro/page.js',
      'css:_astro/extra.css',
      'js:_astro/side.js',
    ]);
    expect(w.missing).toEqual(['_astro/gone.js']);
    const byte = (f: string) => new TextEncoder().encode(files[f]).byteLength;
    expect(w.totals.css.raw).toBe(byte('_astro/base.css') + byte('_astro/extra.css'));
    expect(w.totals.js.raw).toBe(byte('_astro/chunk.js') + byte('_astro/page.js') + byte('_astro/side.js'));
    expect(w.totals.all.raw).toBe(w.totals.html.raw + w.totals.css.raw + w.totals.js.raw);
    expect(w.totals.all.gzip).toBe(w.assets.reduce((n, a) => n + a.gzip, 0));
    expect(w.fonts).toEqual([{ file: '_astro/f.woff2', raw: 8 }]);
  });

  it('fails clearly when the page is missing', () => {
    expect(() => weighPage('home', 'index.html', { read, sizes })).toThrow(/not in the build/);
  });

  it('really compresses', () => {
    const data = new TextEncoder().encode('<p>hello</p>'.repeat(500));
    const s = compressedSizes(data);
    expect(s.raw).toBe(6000);
    expect(s.gzip).toBeLessThan(200);
    expect(s.brotli).toBeLessThanOrEqual(s.gzip);
  });
});
