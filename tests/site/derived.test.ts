/**
 * The site-wide pages of the built site agree with the article pages and with
 * the editors' content: the timeline points at real passages, entity pages
 * list exactly the mentions the articles carry, map markers sit at the
 * places' coordinates, the home page lists every article newest first, the
 * search index is there under the base path, and the /data/ exports match
 * their published schemas.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020, type SchemaObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { geoAzimuthalEqualArea } from 'd3-geo';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventSpan } from '../../src/derive/dates.ts';
import { exportSchemas, type SchemaName } from '../../src/derive/exports.ts';
import { indexWrittenPages, pagefindConfig, SEARCH_DEFAULTS } from '../../src/integrations/pagefind.ts';
import { readContentDir } from '../../src/model/contentFiles.ts';
import { articleSchema, placeSchema } from '../../src/model/schema.ts';
import { BUILD_TIMEOUT_MS, type Build, ensureBuild, PROJECT_ROOT } from '../support/builds.ts';
import { attr, byTag, type Element, elements, normaliseSpace, textOf } from '../support/html.ts';
import { listPages, readPage, type SitePage } from '../support/sitePages.ts';

const { entries } = await readContentDir(PROJECT_ROOT, process.env.CONTENT_DIR ?? 'content');
const articles = entries
  .filter((entry) => entry.collection === 'articles')
  .map((entry) => ({ slug: entry.id, data: articleSchema.parse(entry.data) }));
const places = entries
  .filter((entry) => entry.collection === 'places')
  .map((entry) => ({ id: entry.id, data: placeSchema.parse(entry.data) }));
const actorIds = entries.filter((entry) => entry.collection === 'actors').map((entry) => entry.id);

const pagesOf = new Map<string, SitePage[]>();

/** The page at a site path (`/actors/x/`), or fail saying it is missing. */
function page(build: Build, path: string): ReturnType<typeof readPage> {
  let pages = pagesOf.get(build.dir);
  if (!pages) {
    pages = listPages(build.dir);
    pagesOf.set(build.dir, pages);
  }
  const found = pages.find((candidate) => candidate.path === path);
  if (!found) throw new Error(`no page ${path} in ${build.dir}`);
  return readPage(found);
}

function select(root: Parameters<typeof elements>[0], test: (element: Element) => boolean): Element[] {
  return [...elements(root)].filter(test);
}

const hasClass = (element: Element, name: string) => (attr(element, 'class') ?? '').split(/\s+/).includes(name);

/** `/backstory/articles/x/#p-1` → `{ path: '/articles/x/', fragment: 'p-1' }` (relative to the base). */
function sitePath(build: Build, href: string): { path: string; fragment: string } {
  const url = new URL(href, `http://site${build.base}`);
  expect(url.pathname.startsWith(build.base), `${href} is outside the base ${build.base}`).toBe(true);
  return { path: `/${url.pathname.slice(build.base.length)}`, fragment: decodeURIComponent(url.hash.slice(1)) };
}

/** A paged view: its first page and every `<first>page/<n>/` (or `<first>mentions/<n>/`) after it, in order. */
function pagesOfView(build: Build, first: string, segment = 'page'): ReturnType<typeof readPage>[] {
  const prefix = `${first}${segment}/`;
  const rest = listPages(build.dir)
    .filter((candidate) => candidate.path.startsWith(prefix) && /^\d+\/$/.test(candidate.path.slice(prefix.length)))
    .sort(
      (a, b) => Number.parseInt(a.path.slice(prefix.length), 10) - Number.parseInt(b.path.slice(prefix.length), 10),
    );
  return [page(build, first), ...rest.map((candidate) => readPage(candidate))];
}

function readJson(build: Build, path: string): unknown {
  return JSON.parse(readFileSync(join(build.dir, path), 'utf8'));
}

describe.each(['/', '/backstory/'])('site-wide pages built for base %s', (base) => {
  let build: Build;

  beforeAll(async () => {
    build = await ensureBuild({ base });
  }, BUILD_TIMEOUT_MS);

  describe('timeline', () => {
    it('has every event of every article, each with its own fragment id', () => {
      const expected = articles.flatMap(({ slug, data }) => data.events.map((event) => `tl-${slug}-${event.id}`));
      const found = pagesOfView(build, '/timeline/')
        .flatMap((timeline) => select(timeline.document, (el) => el.tagName === 'li' && hasClass(el, 'tl-entry')))
        .map((el) => attr(el, 'id'))
        .filter((id) => id && !id.startsWith('tl-pub-'));
      expect([...found].sort()).toEqual([...expected].sort());
    });

    it('links every event to the paragraph of the article page that states it', () => {
      const entries = pagesOfView(build, '/timeline/').flatMap((timeline) =>
        select(
          timeline.document,
          (el) => el.tagName === 'li' && hasClass(el, 'tl-entry') && !hasClass(el, 'tl-entry--publication'),
        ),
      );
      expect(entries.length).toBeGreaterThan(0);
      for (const entry of entries) {
        const slug = attr(entry, 'data-article') ?? '';
        const eventId = (attr(entry, 'id') ?? '').slice(`tl-${slug}-`.length);
        const source = select(entry, (el) => el.tagName === 'p' && hasClass(el, 'tl-entry__source'))[0];
        const link = source && byTag(source, 'a')[0];
        expect(link, `no passage link in ${attr(entry, 'id')}`).toBeDefined();
        const { path, fragment } = sitePath(build, attr(link as Element, 'href') ?? '');
        expect(path).toBe(`/articles/${slug}/`);
        const article = page(build, path);
        const target = select(article.document, (el) => attr(el, 'id') === fragment)[0];
        expect(target, `${fragment} is not on ${path}`).toBeDefined();
        expect(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'li'], `${fragment} is a <${target?.tagName}>`).toContain(
          target?.tagName,
        );
        // The paragraph really states this event: it holds the event's date element.
        const dates = select(target as Element, (el) => el.tagName === 'time' && attr(el, 'data-event') === eventId);
        expect(dates.length, `${fragment} has no <time data-event="${eventId}">`).toBeGreaterThan(0);
        // The link text is the phrase that dates it.
        const phrase = articles.find((a) => a.slug === slug)?.data.events.find((e) => e.id === eventId)?.phrase;
        expect(normaliseSpace(textOf(link as Element))).toBe(phrase);
      }
    });

    it('lists events in date order and shows publications apart from them', () => {
      const timelines = pagesOfView(build, '/timeline/');
      const datetimes = timelines
        .flatMap((timeline) => select(timeline.document, (el) => el.tagName === 'li' && hasClass(el, 'tl-entry')))
        .filter((el) => !hasClass(el, 'tl-entry--publication'))
        .map((el) => attr(byTag(el, 'time')[0] as Element, 'datetime') ?? '');
      const starts = datetimes.map((value) => eventSpan(value).start);
      expect(starts.length).toBeGreaterThan(0);
      expect([...starts].sort()).toEqual(starts);
      const publications = timelines.flatMap((timeline) =>
        select(timeline.document, (el) => hasClass(el, 'tl-entry--publication')),
      );
      expect(publications).toHaveLength(articles.length);
    });

    it('draws a chart whose marks link to the events in the list', () => {
      let drawn = 0;
      for (const timeline of pagesOfView(build, '/timeline/')) {
        const ids = new Set(
          select(timeline.document, (el) => attr(el, 'id') !== undefined).map((el) => attr(el, 'id')),
        );
        const marks = select(timeline.document, (el) => el.tagName === 'a' && hasClass(el, 'tl-mark'));
        for (const mark of marks) expect(ids.has((attr(mark, 'href') ?? '').slice(1))).toBe(true);
        const counted = select(timeline.document, (el) => hasClass(el, 'tl-overflow')).reduce(
          (sum, el) => sum + Number(normaliseSpace(textOf(el)).replace(/^\+/, '')),
          0,
        );
        drawn += marks.length + counted;
      }
      // Every event is drawn once: on the main axis or a detail axis, or counted where lanes ran out.
      expect(drawn).toBe(articles.reduce((sum, a) => sum + a.data.events.length, 0));
    });

    it('has a static timeline per actor and per article, reachable without JavaScript', () => {
      const timeline = page(build, '/timeline/');
      const filterLinks = select(timeline.document, (el) => el.tagName === 'a')
        .map((el) => attr(el, 'href') ?? '')
        .filter((href) => /\/timeline\/(actor|article)\//.test(href));
      expect(filterLinks.length).toBeGreaterThan(0);
      for (const href of filterLinks) {
        const { path } = sitePath(build, href);
        expect(() => page(build, path)).not.toThrow();
      }
    });
  });

  describe('entity pages', () => {
    const articlePages = () => listPages(build.dir).filter((candidate) => /^\/articles\/[^/]+\/$/.test(candidate.path));

    /** Every mention element in the built article pages, as `<slug>#<mention id>`, per entity. */
    const mentionsInArticles = () => {
      const found = new Map<string, string[]>();
      for (const article of articlePages()) {
        const slug = article.path.split('/')[2] ?? '';
        for (const element of select(readPage(article).document, (el) => attr(el, 'data-entity') !== undefined)) {
          const entity = attr(element, 'data-entity') ?? '';
          found.set(entity, [...(found.get(entity) ?? []), `${slug}#${attr(element, 'id') ?? '?'}`]);
        }
      }
      return found;
    };

    const listedMentions = (parsed: ReturnType<typeof readPage>, key: string) => {
      return select(parsed.document, (el) => attr(el, 'data-mentions-of') === key).flatMap((list) =>
        select(list, (el) => attr(el, 'data-mention') !== undefined).map(
          (el) => `${attr(el, 'data-article')}#${attr(el, 'data-mention')}`,
        ),
      );
    };

    it('give every actor and every place a page, mentioned or not', () => {
      for (const id of actorIds) expect(() => page(build, `/actors/${id}/`), id).not.toThrow();
      for (const { id } of places) expect(() => page(build, `/places/${id}/`), id).not.toThrow();
    });

    it('list exactly the mentions the article pages carry (actors and places)', () => {
      const inArticles = mentionsInArticles();
      expect(inArticles.size).toBeGreaterThan(0);
      const keys = [...actorIds.map((id) => `actor:${id}`), ...places.map(({ id }) => `place:${id}`)];
      for (const key of keys) {
        const [collection, id] = key.split(':');
        const first = `/${collection === 'actor' ? 'actors' : 'places'}/${id}/`;
        const listed = pagesOfView(build, first, 'mentions').flatMap((parsed) => listedMentions(parsed, key));
        expect([...listed].sort(), key).toEqual([...(inArticles.get(key) ?? [])].sort());
      }
    });

    it('link each listed mention to that mention in its article', () => {
      const haftar = page(build, '/actors/khalifa-haftar/');
      const items = select(haftar.document, (el) => attr(el, 'data-mention') !== undefined);
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) {
        const link = byTag(item, 'a')[0];
        const { path, fragment } = sitePath(build, attr(link as Element, 'href') ?? '');
        expect(path).toBe(`/articles/${attr(item, 'data-article')}/`);
        expect(fragment).toBe(attr(item, 'data-mention'));
      }
    });
  });

  describe('maps', () => {
    const mapPages = () => [page(build, '/places/'), ...places.map(({ id }) => page(build, `/places/${id}/`))];

    it('put each marker at its place file coordinates, where d3-geo projects them', () => {
      const coordinates = new Map(places.map(({ id, data }) => [id, data.coordinates]));
      let checked = 0;
      for (const parsed of mapPages()) {
        for (const svg of select(parsed.document, (el) => attr(el, 'data-projection') !== undefined)) {
          const spec = JSON.parse(attr(svg, 'data-projection') ?? '{}');
          const projection = geoAzimuthalEqualArea().rotate(spec.rotate).scale(spec.scale).translate(spec.translate);
          for (const marker of select(svg, (el) => attr(el, 'data-place') !== undefined)) {
            const id = attr(marker, 'data-place') ?? '';
            const expected = coordinates.get(id);
            expect(expected, `unknown place ${id}`).toBeDefined();
            expect(Number(attr(marker, 'data-lat'))).toBe(expected?.lat);
            expect(Number(attr(marker, 'data-lon'))).toBe(expected?.lon);
            const [x, y] = projection([expected?.lon ?? 0, expected?.lat ?? 0]) ?? [];
            const circle = byTag(marker, 'circle')[0] as Element;
            expect(Number(attr(circle, 'cx'))).toBeCloseTo(x ?? Number.NaN, 0);
            expect(Number(attr(circle, 'cy'))).toBeCloseTo(y ?? Number.NaN, 0);
            expect(sitePath(build, attr(marker, 'href') ?? '').path).toBe(`/places/${id}/`);
            checked += 1;
          }
        }
      }
      expect(checked).toBeGreaterThanOrEqual(places.length);
    });

    it('shows every place on the index map', () => {
      const markers = select(page(build, '/places/').document, (el) => attr(el, 'data-place') !== undefined);
      expect(markers.map((el) => attr(el, 'data-place')).sort()).toEqual(places.map(({ id }) => id).sort());
    });
  });

  describe('home page', () => {
    it('lists every article, newest first (over its pages)', () => {
      const listed = pagesOfView(build, '/')
        .flatMap((home) => select(home.document, (el) => el.tagName === 'article' && hasClass(el, 'article-card')))
        .map((card) => sitePath(build, attr(byTag(card, 'a')[0] as Element, 'href') ?? '').path);
      const expected = [...articles]
        .sort((a, b) => b.data.published.localeCompare(a.data.published) || a.data.title.localeCompare(b.data.title))
        .map(({ slug }) => `/articles/${slug}/`);
      expect(listed).toEqual(expected);
    });

    it('separates the names of the actors an article involves', () => {
      const home = page(build, '/');
      for (const line of select(home.document, (el) => hasClass(el, 'article-card__actors'))) {
        expect(normaliseSpace(textOf(line))).not.toMatch(/[a-z][A-Z]/);
        expect(normaliseSpace(textOf(line))).toMatch(/, /);
      }
    });
  });

  describe('search', () => {
    it('builds the Pagefind index under pagefind/ with every article and entity page', () => {
      for (const file of ['pagefind.js', 'pagefind-entry.json']) {
        expect(existsSync(join(build.dir, 'pagefind', file)), file).toBe(true);
      }
      const entry = readJson(build, 'pagefind/pagefind-entry.json') as {
        languages: Record<string, { page_count: number }>;
      };
      const pages = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
      expect(pages).toBe(articles.length + actorIds.length + places.length);
    });

    it('is the index Pagefind makes from the written pages', async () => {
      const reference = mkdtempSync(join(tmpdir(), 'backstory-pagefind-'));
      try {
        const pages = await indexWrittenPages(
          pagefindConfig(SEARCH_DEFAULTS),
          build.dir,
          SEARCH_DEFAULTS.routes,
          reference,
        );
        expect(pages).toBe(articles.length + actorIds.length + places.length);
        // A fragment file is named after a hash of its page's URL, text, anchors and metadata.
        const fragments = (dir: string) => readdirSync(join(dir, 'fragment')).sort();
        expect(fragments(join(build.dir, 'pagefind'))).toEqual(fragments(reference));
      } finally {
        rmSync(reference, { recursive: true, force: true });
      }
    });

    it('has a search page that loads the index under the base path and works as a plain form', () => {
      const search = page(build, '/search/');
      const root = select(search.document, (el) => attr(el, 'data-search') !== undefined)[0] as Element;
      expect(attr(root, 'data-pagefind')).toBe(`${build.base}pagefind/pagefind.js`);
      expect(attr(root, 'data-base')).toBe(build.base);
      const form = byTag(search.document, 'form').find((el) => attr(el, 'data-search-form') !== undefined);
      expect(attr(form as Element, 'action')).toBe(`${build.base}search/`);
      expect(attr(form as Element, 'method')).toBe('get');
      expect(byTag(form as Element, 'input').map((input) => attr(input, 'name'))).toEqual(['q']);
    });

    it('has a helpful 404 page with a search form and the way back', () => {
      const notFound = page(build, '/404.html');
      const hrefs = byTag(notFound.document, 'a').map((a) => attr(a, 'href'));
      for (const path of ['', 'timeline/', 'actors/', 'places/']) expect(hrefs).toContain(`${build.base}${path}`);
      expect(byTag(notFound.document, 'form').some((form) => attr(form, 'action') === `${build.base}search/`)).toBe(
        true,
      );
    });
  });

  describe('/data/ exports', () => {
    const origin = () => new URL(build.site).origin;

    // Every file under /data/ (listed from the build, not from the content), checked the way a consumer
    // would: against the JSON Schema the site publishes (which forbids fields it does not list), and
    // against the zod schema it comes from (which also checks formats: URLs, dates).
    const exportFiles = (): { file: string; name: SchemaName }[] => [
      ...(['index', 'timeline', 'actors', 'places'] as const).map((name) => ({ file: `data/${name}.json`, name })),
      ...readdirSync(join(build.dir, 'data/articles'))
        .sort()
        .map((file) => ({ file: `data/articles/${file}`, name: 'article' as const })),
    ];

    // Formats (URLs, dates) are left to the zod schemas; Ajv checks the structure a consumer relies on.
    const publishedSchema = (name: SchemaName): ValidateFunction =>
      new Ajv2020({ allErrors: true, strict: true, validateFormats: false }).compile(
        readJson(build, `data/schema/${name}.json`) as SchemaObject,
      );

    it('exist for every article and nothing else', () => {
      expect(readdirSync(join(build.dir, 'data')).sort()).toEqual([
        'actors.json',
        'articles',
        'index.json',
        'places.json',
        'schema',
        'timeline.json',
      ]);
      expect(readdirSync(join(build.dir, 'data/articles')).sort()).toEqual(
        articles.map(({ slug }) => `${slug}.json`).sort(),
      );
    });

    it('match the JSON Schemas the site publishes, and link with absolute URLs under the base path', () => {
      const published = new Map(
        (Object.keys(exportSchemas) as SchemaName[]).map((name) => [name, publishedSchema(name)] as const),
      );
      for (const { file, name } of exportFiles()) {
        const value = readJson(build, file);
        const validate = published.get(name) as ValidateFunction;
        expect(validate(value) ? [] : validate.errors, `${file} against data/schema/${name}.json`).toEqual([]);
        expect(exportSchemas[name].safeParse(value).error, file).toBeUndefined();
        const url = (value as { url?: string; site?: string }).url ?? (value as { site: string }).site;
        expect(url.startsWith(`${origin()}${build.base}`), `${file}: ${url}`).toBe(true);
      }
    });

    it('publish a JSON Schema for each export', () => {
      for (const name of ['index', 'article', 'timeline', 'actors', 'places']) {
        const schema = readJson(build, `data/schema/${name}.json`) as Record<string, unknown>;
        expect(schema.$id).toBe(`${origin()}${build.base}data/schema/${name}.json`);
        expect(schema.type).toBe('object');
      }
    });

    it('are refused by the published schema when they carry a field it does not list', () => {
      const validate = publishedSchema('article');
      const [first] = exportFiles().filter(({ name }) => name === 'article');
      const value = readJson(build, (first as { file: string }).file) as Record<string, unknown>;
      expect(validate(value)).toBe(true);
      expect(validate({ ...value, draftNotes: 'not published' })).toBe(false);
    });

    it('export every event and every mention of the articles', () => {
      const timeline = readJson(build, 'data/timeline.json') as { events: unknown[] };
      expect(timeline.events).toHaveLength(articles.reduce((sum, a) => sum + a.data.events.length, 0));
      for (const { slug } of articles) {
        const exported = readJson(build, `data/articles/${slug}.json`) as { mentions: unknown[]; annotated: boolean };
        expect(exported.annotated).toBe(true);
        const onPage = select(
          page(build, `/articles/${slug}/`).document,
          (el) => attr(el, 'data-entity') !== undefined,
        );
        expect(exported.mentions).toHaveLength(onPage.length);
      }
    });
  });
});
