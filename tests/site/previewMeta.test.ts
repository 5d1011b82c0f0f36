/**
 * What a chat app or search engine reads from each page: canonical URL, Open
 * Graph and Twitter card meta with a preview image that exists in the build at
 * 1200×630, and schema.org JSON-LD that parses — on every article and actor
 * page, at the domain root and under a sub-path.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureBuild } from '../support/builds.ts';
import { attr, byTag, textOf } from '../support/html.ts';
import { listPages, readPage } from '../support/sitePages.ts';

type Json = Record<string, unknown>;

describe.each(['/', '/backstory/'])('built for base %s', async (base) => {
  const build = await ensureBuild({ base });
  const origin = new URL(build.site).origin;
  const pages = listPages(build.dir).filter((page) => /^\/(articles|actors)\/[^/]+\/$/.test(page.path));

  it('has article and actor pages to check', () => {
    expect(pages.some((page) => page.path.startsWith('/articles/'))).toBe(true);
    expect(pages.some((page) => page.path.startsWith('/actors/'))).toBe(true);
  });

  it.each(pages.map((page) => [page.path, page] as const))('%s', (path, page) => {
    const { document } = readPage(page);
    const meta = (key: string) =>
      byTag(document, 'meta').find((m) => attr(m, 'property') === key || attr(m, 'name') === key) ?? undefined;
    const content = (key: string) => {
      const element = meta(key);
      return element ? attr(element, 'content') : undefined;
    };
    const pageUrl = `${origin}${base}${path.slice(1)}`;

    const canonical = byTag(document, 'link').find((l) => attr(l, 'rel') === 'canonical');
    expect(canonical && attr(canonical, 'href')).toBe(pageUrl);
    expect(content('og:url')).toBe(pageUrl);
    const h1 = textOf(byTag(document, 'h1')[0] ?? document).trim();
    expect(content('og:title')).toContain(h1);
    expect(content('og:description')?.length ?? 0).toBeGreaterThan(10);
    expect(content('twitter:card')).toBe('summary_large_image');

    // The preview image is absolute, under the base, in the build, and 1200×630.
    const image = content('og:image') ?? '';
    expect(image.startsWith(`${origin}${base}`)).toBe(true);
    const png = readFileSync(join(build.dir, image.slice(`${origin}${base}`.length)));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);

    // JSON-LD parses, and names what the page is about.
    const blocks = byTag(document, 'script')
      .filter((s) => attr(s, 'type') === 'application/ld+json')
      .flatMap((s) => {
        // textOf skips scripts (readers never see them): read the raw text node.
        const raw = s.childNodes.map((child) => ('value' in child ? child.value : '')).join('');
        const parsed = JSON.parse(raw) as Json | Json[];
        return Array.isArray(parsed) ? parsed : [parsed];
      });
    const types = blocks.map((block) => block['@type']);
    expect(types).toContain('BreadcrumbList');
    if (path.startsWith('/articles/')) {
      const article = blocks.find((block) => block['@type'] === 'NewsArticle') as Json;
      expect(article.headline).toBe(h1);
      expect(String(article.datePublished)).toMatch(/^\d{4}-\d{2}-\d{2}/);
      expect(String(article.isBasedOn)).toMatch(/^https?:\/\//);
      expect((article.mentions as Json[]).length).toBeGreaterThan(0);
    } else {
      expect(types.some((t) => ['Person', 'Organization', 'Country'].includes(String(t)))).toBe(true);
    }
  });
});
