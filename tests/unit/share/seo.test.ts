import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { articlePageSeo, homePageSeo } from '../../../src/share/pageSeo.ts';
import { absoluteUrl, documentTitle, sitemapFilter } from '../../../src/share/seo.ts';
import { joinBase } from '../../../src/site/paths.ts';
import { actors, makeArticle, places } from './fixtures.ts';

describe('canonical URLs', () => {
  it('are the origin plus the page path at the domain root', () => {
    const where = { site: 'https://news.example', base: '/' };
    expect(absoluteUrl(where, '')).toBe('https://news.example/');
    expect(absoluteUrl(where, 'articles/putin-off-course/')).toBe('https://news.example/articles/putin-off-course/');
  });

  it('include the sub-path the site is served under', () => {
    const where = { site: 'https://owner.github.io', base: '/backstory/' };
    expect(absoluteUrl(where, '')).toBe('https://owner.github.io/backstory/');
    expect(absoluteUrl(where, 'articles/putin-off-course/')).toBe(
      'https://owner.github.io/backstory/articles/putin-off-course/',
    );
    expect(absoluteUrl(where, 'rss.xml')).toBe('https://owner.github.io/backstory/rss.xml');
  });

  it('do not depend on how the operator wrote the base path or the site URL', () => {
    const expected = 'https://owner.github.io/backstory/actors/russia/';
    expect(absoluteUrl({ site: 'https://owner.github.io', base: '/backstory' }, 'actors/russia/')).toBe(expected);
    expect(absoluteUrl({ site: 'https://owner.github.io/', base: '/backstory/' }, '/actors/russia/')).toBe(expected);
    // A SITE_URL with the repository path in it (GitHub Pages) does not double the path.
    expect(absoluteUrl({ site: 'https://owner.github.io/backstory/', base: '/backstory/' }, 'actors/russia/')).toBe(
      expected,
    );
    expect(absoluteUrl({ site: new URL('https://owner.github.io'), base: '/backstory/' }, 'actors/russia/')).toBe(
      expected,
    );
  });

  it('are exactly what the URL parser makes of the path, whatever characters it holds', () => {
    // absoluteUrl skips the parser for plain paths; it must never differ from it.
    const piece = fc.constantFrom(
      'a',
      'Z',
      '0',
      '-',
      '_',
      '.',
      '..',
      '~',
      '/',
      '#',
      '?',
      '%',
      '%41',
      '%2e',
      '%2E',
      ' ',
      'é',
      '\\',
      '"',
      '<',
    );
    const path = fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join(''));
    const site = fc.constantFrom(
      'https://news.example',
      'HTTPS://News.Example:443/',
      'http://localhost:4321',
      'https://owner.github.io/backstory/',
      'https://bücher.example',
    );
    const base = fc.constantFrom('/', '/backstory/', '/backstory', '/Back Story/');
    fc.assert(
      fc.property(site, base, path, (origin, sub, sitePath) => {
        const outcome = (url: () => string) => {
          try {
            return url();
          } catch (error) {
            return `throws ${(error as Error).name}`; // e.g. '/\\' reads as '//' and has no host
          }
        };
        expect(outcome(() => absoluteUrl({ site: origin, base: sub }, sitePath))).toBe(
          outcome(() => new URL(joinBase(sub, sitePath), origin).href),
        );
      }),
      { numRuns: 2000 },
    );
  });
});

describe('page metadata', () => {
  it('names the site after the page title, except on the home page', () => {
    expect(documentTitle('How Putin Was Thrown Off Course')).toBe('How Putin Was Thrown Off Course · Backstory');
    expect(documentTitle('Backstory')).toBe('Backstory');
  });

  it('gives an article page its own preview image, dates, type and structured data', () => {
    const seo = articlePageSeo({
      where: { site: 'https://news.example', base: '/backstory/' },
      article: makeArticle({ updated: '2020-01-16' }),
      actors,
      places,
    });
    expect(seo).toMatchObject({
      title: 'How Putin Was Thrown Off Course',
      description: "Haftar's walk-out embarrassed Putin.",
      path: 'articles/putin-off-course/',
      type: 'article',
      image: 'og/articles/putin-off-course.png',
      publishedTime: '2020-01-15',
      modifiedTime: '2020-01-16',
    });
    expect(seo.jsonLd?.map((data) => data['@type'])).toEqual(['NewsArticle', 'BreadcrumbList']);
  });

  it('gives the home page the site preview image', () => {
    expect(homePageSeo({ where: { site: 'https://news.example', base: '/' } }).image).toBe('og/default.png');
  });
});

describe('the sitemap', () => {
  it('lists content pages, at the root and under a sub-path, but not the search or not-found page', () => {
    for (const base of ['/', '/backstory/']) {
      const listed = sitemapFilter(base);
      const at = (path: string) => `https://news.example${base}${path}`;
      expect(listed(at(''))).toBe(true);
      expect(listed(at('articles/putin-off-course/'))).toBe(true);
      expect(listed(at('timeline/'))).toBe(true);
      expect(listed(at('actors/search/'))).toBe(true); // an actor that happens to be called "search"
      expect(listed(at('search/'))).toBe(false);
      expect(listed(at('404/'))).toBe(false);
    }
  });
});

describe('robots.txt and the web app manifest', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  async function robotsFor(base: string): Promise<string> {
    vi.stubEnv('BASE_URL', base);
    vi.resetModules();
    const { GET } = await import('../../../src/pages/robots.txt.ts');
    const context = { site: new URL('https://news.example'), url: new URL(`https://news.example${base}robots.txt`) };
    const response = await GET(context as unknown as Parameters<typeof GET>[0]);
    return response.text();
  }

  async function manifestFor(base: string): Promise<Record<string, unknown> & { icons: Record<string, string>[] }> {
    vi.stubEnv('BASE_URL', base);
    vi.resetModules();
    const { GET } = await import('../../../src/pages/manifest.webmanifest.ts');
    const response = await GET({} as Parameters<typeof GET>[0]);
    return response.json();
  }

  it('robots.txt points crawlers at the sitemap by its absolute URL, at the root and under a sub-path', async () => {
    expect(await robotsFor('/')).toContain('Sitemap: https://news.example/sitemap-index.xml');
    expect(await robotsFor('/backstory/')).toContain('Sitemap: https://news.example/backstory/sitemap-index.xml');
  });

  it('the manifest starts and is scoped at the base path, with 192 and 512 icons and a maskable one', async () => {
    const manifest = await manifestFor('/backstory/');
    expect(manifest.start_url).toBe('/backstory/');
    expect(manifest.scope).toBe('/backstory/');
    expect(manifest.name).toBe('Backstory');
    expect(manifest.icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifest.icons.some((icon) => icon.purpose === 'maskable')).toBe(true);
    for (const icon of manifest.icons) expect(icon.src).toMatch(/^\/backstory\/[^/]+\.png$/);
    expect((await manifestFor('/')).start_url).toBe('/');
  });
});
