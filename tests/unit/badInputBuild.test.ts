/**
 * Bad input battery, part 3: the whole build, three times, on temp copies of the
 * content (`CONTENT_DIR`, `OUT_DIR` in a temp folder; dist/ is not touched).
 *
 * 1. One invalid article: `astro build` exits non-zero, its error output names
 *    the file, the field and a fix, and no page is written (no half-rendered
 *    site an operator could upload).
 * 2. One article whose every field shown to readers holds text that merely
 *    looks hostile (`javascript:alert(1)`, quote breakouts, `{{…}}`, `Q&A <3`,
 *    U+2028): the build succeeds and every page it writes is inert — no
 *    inline script, handler attribute or script URL, JSON data that still
 *    parses — with the text shown exactly as written.
 * 3. The least an editor may write: actors and places without their optional
 *    fields, an article without dates, relations or sources. The build
 *    succeeds, every entity page is written, and the article's panel links
 *    only to sections it has.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { BUILD_TIMEOUT_MS, PROJECT_ROOT, runAstroBuild } from '../support/builds.ts';
import { attr, byTag, elements, normaliseSpace, parseHtml, textOf } from '../support/html.ts';
import { pageActiveContent } from '../support/inertHtml.ts';

const SEED = 'how-putin-was-thrown-off-course';
const temps: string[] = [];

afterAll(async () => {
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A temp folder with a copy of content/, and `dist/` beside it for the build. */
async function contentCopy(): Promise<{ dir: string; content: string; out: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'backstory-build-'));
  temps.push(dir);
  const content = join(dir, 'content');
  await cp(join(PROJECT_ROOT, 'content'), content, { recursive: true });
  return { dir, content, out: join(dir, 'dist') };
}

type Frontmatter = Record<string, unknown>;

/** A content file split into its frontmatter data and its body. */
async function readContent(path: string): Promise<{ data: Frontmatter; body: string }> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(await readFile(path, 'utf8'));
  if (!match) throw new Error(`${path} has no frontmatter`);
  return { data: parseYaml(match[1] ?? '') as Frontmatter, body: match[2] ?? '' };
}

/** Writes a content file from its frontmatter data and body. */
async function writeContent(path: string, data: Frontmatter, body: string): Promise<void> {
  await writeFile(path, `---\n${stringify(data)}---\n${body}`);
}

/** The seed article split into frontmatter data and body. */
function seedArticle(): Promise<{ data: Frontmatter; body: string }> {
  return readContent(join(PROJECT_ROOT, 'content', 'articles', `${SEED}.md`));
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('astro build on content with one invalid article', () => {
  it(
    'exits non-zero, names the file, the field and a fix, and writes no page',
    async () => {
      const { content, out } = await contentCopy();
      const { data, body } = await seedArticle();
      const events = data.events as Record<string, unknown>[];
      const broken = events.findIndex((event) => event.precision === 'day');
      (events[broken] as Record<string, unknown>).date = '2020-02-30';
      await writeContent(join(content, 'articles', 'broken-story.md'), data, body);

      const run = await runAstroBuild({ CONTENT_DIR: content, OUT_DIR: out });

      expect(run.code, `the build succeeded:\n${run.stdout.slice(-2000)}`).not.toBe(0);
      const error = run.stderr;
      expect(error, 'stderr does not name the file').toContain('broken-story.md');
      expect(error, 'stderr does not name the field').toMatch(new RegExp(`events\\[${broken}\\][^\\n]*\\.date`));
      expect(error, 'stderr does not say what is wrong').toMatch(/calendar date|2020-02-30/);
      expect(error, 'stderr gives no fix').toMatch(/Fix: \S/);
      expect(await htmlFiles(out), 'the failed build left pages behind').toEqual([]);
    },
    BUILD_TIMEOUT_MS,
  );
});

/** Text an editor may legitimately write that looks like an attack: it must come out as text. */
const LOOKS_HOSTILE = [
  'javascript:alert(1)',
  "' onmouseover='alert(1)' x='",
  '" onfocus="alert(1)" autofocus="',
  '{{constructor.constructor("alert(1)")()}}',
  'Q&A <3 &amp; &lt;script&gt;',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template placeholder is exactly the point.
  '${alert(1)}',
  'line\u2028separator\u2029end',
];

describe('astro build with text that looks hostile in every field shown to readers', () => {
  it(
    'succeeds, and every page is inert, showing the text as written',
    async () => {
      const { content, out } = await contentCopy();
      const { data, body } = await seedArticle();
      const hostile = (i: number) => `${LOOKS_HOSTILE[i % LOOKS_HOSTILE.length]} (${i})`;
      const title = `${hostile(0)} ${hostile(4)}`;
      Object.assign(data, {
        title,
        dek: `${hostile(1)} ${hostile(2)}`,
        byline: hostile(3),
        publisher: hostile(4),
        republishedBy: hostile(5),
        image: { caption: hostile(6), credit: hostile(7) },
        related: [{ title: hostile(8), url: 'https://example.com/?q="><script>alert(1)</script>' }],
      });
      (data.actors as Record<string, unknown>[]).forEach((actor, i) => {
        actor.role = hostile(i + 9);
      });
      (data.events as Record<string, unknown>[]).forEach((event, i) => {
        event.summary = hostile(i + 2);
      });
      (data.sources as Record<string, unknown>[]).forEach((source, i) => {
        source.label = hostile(i + 5);
      });
      const hostileBody = `${body}\nA code span \`<script>alert(1)</script>\`, escaped &lt;img src=x onerror=alert(1)&gt; and a [link](https://example.com/ "x\\" onmouseover=\\"alert(1)") with a title.\n`;
      await writeContent(join(content, 'articles', 'looks-hostile.md'), data, hostileBody);
      // An actor and a place whose own fields look hostile too.
      for (const [file, fields] of [
        ['actors/khalifa-haftar.md', { description: hostile(20), aliases: [hostile(21)] }],
        ['places/moscow.md', { description: hostile(22) }],
      ] as const) {
        const path = join(content, file);
        const { data: entity, body: text } = await readContent(path);
        await writeContent(path, { ...entity, ...fields }, text);
      }

      const run = await runAstroBuild({ CONTENT_DIR: content, OUT_DIR: out });
      expect(run.code, `the build failed:\n${run.stderr.slice(-3000)}`).toBe(0);

      const pages = await htmlFiles(out);
      expect(pages.length).toBeGreaterThan(10);
      const active: string[] = [];
      for (const page of pages) {
        for (const found of pageActiveContent(await readFile(page, 'utf8'), '/'))
          active.push(`${page.slice(out.length)}: ${found}`);
      }
      expect(active, `active content in the built pages:\n${active.join('\n')}`).toEqual([]);

      // The reader sees the title exactly as the editor wrote it, in the page and in its data.
      const articleHtml = await readFile(join(out, 'articles', 'looks-hostile', 'index.html'), 'utf8');
      const { document } = parseHtml(articleHtml);
      expect(normaliseSpace(textOf(byTag(document, 'h1')[0] ?? document))).toBe(normaliseSpace(title));
      const jsonLd = byTag(document, 'script')
        .filter((script) => script.attrs.some((attribute) => attribute.value === 'application/ld+json'))
        .map(
          (script) =>
            JSON.parse(script.childNodes.map((node) => ('value' in node ? node.value : '')).join('')) as {
              headline?: string;
            },
        );
      expect(jsonLd.map((item) => item.headline)).toContain(title);
      const exported = JSON.parse(await readFile(join(out, 'data', 'articles', 'looks-hostile.json'), 'utf8'));
      expect(JSON.stringify(exported)).toContain(JSON.stringify(title).slice(1, -1));
      // The feed stays well-formed XML: no bare "&" and no "<" that is not markup.
      const feed = await readFile(join(out, 'rss.xml'), 'utf8');
      expect(feed.match(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)[^\s]{0,12}/gi) ?? []).toEqual([]);
      expect(feed.match(/<(?![a-zA-Z/?!])[^\s]{0,12}/g) ?? []).toEqual([]);
    },
    BUILD_TIMEOUT_MS,
  );
});

describe('astro build with the least an editor may write', () => {
  it(
    'succeeds with actors and places that leave out every optional field, and an article without dates, relations or sources whose panel offers only what it has',
    async () => {
      const { content, out } = await contentCopy();
      // Every actor and place file without its optional fields (aliases, description of a place, Wikidata id).
      const optional = { actors: ['aliases', 'wikidata'], places: ['aliases', 'description', 'wikidata'] } as const;
      for (const collection of ['actors', 'places'] as const) {
        for (const name of await readdir(join(content, collection))) {
          const path = join(content, collection, name);
          const { data: entity, body: text } = await readContent(path);
          for (const field of optional[collection]) delete entity[field];
          await writeContent(path, entity, text);
        }
      }
      const { data, body } = await seedArticle();
      Object.assign(data, { title: 'A story with nothing dated', events: [], relations: [], sources: [] });
      await writeContent(join(content, 'articles', 'nothing-dated.md'), data, body);

      const run = await runAstroBuild({ CONTENT_DIR: content, OUT_DIR: out });
      expect(run.code, `the build failed:\n${run.stderr.slice(-3000)}`).toBe(0);

      for (const collection of ['actors', 'places'] as const) {
        for (const name of await readdir(join(content, collection))) {
          const page = join(out, collection, name.replace(/\.md$/, ''), 'index.html');
          expect(await readFile(page, 'utf8').catch(() => ''), `${page} was not written`).toContain('<h1');
        }
      }
      const { document } = parseHtml(await readFile(join(out, 'articles', 'nothing-dated', 'index.html'), 'utf8'));
      const ids = new Set(
        [...elements(document)].flatMap((element) => {
          const id = attr(element, 'id');
          return id === undefined ? [] : [id];
        }),
      );
      const panelNav = byTag(document, 'nav').find((nav) => attr(nav, 'aria-label') === 'In this panel');
      expect(panelNav, 'the panel has no jump links').toBeDefined();
      expect(byTag(panelNav ?? document, 'a').map((a) => normaliseSpace(textOf(a)))).toEqual(['Who’s who']);
      const dangling = byTag(document, 'a')
        .map((a) => attr(a, 'href') ?? '')
        .filter((href) => href.startsWith('#') && href.length > 1 && !ids.has(decodeURIComponent(href.slice(1))));
      expect(dangling, 'links to sections this page does not have').toEqual([]);
    },
    BUILD_TIMEOUT_MS,
  );
});
