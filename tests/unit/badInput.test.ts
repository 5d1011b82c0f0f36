/**
 * Bad input battery, part 1: malformed content files on disk, read the way the
 * build reads them (`readContentDir` on a temp folder, then `checkContent`).
 * Every broken file must come back as a problem naming the file, the field (or
 * the frontmatter line) and a fix — never an exception, never a silent pass —
 * and huge or unusual (Unicode) input must finish quickly and either pass or
 * fail cleanly.
 *
 * The checkContent table (tests/unit/checkContent.test.ts) covers one case per
 * rule in memory; this battery goes through real files, more shapes of each
 * mistake, sizes and scripts.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { entityIndex } from '../../src/annotate/entities.ts';
import { checkContent } from '../../src/model/checkContent.ts';
import { readContentDir } from '../../src/model/contentFiles.ts';
import { runContentPipeline } from '../../src/model/contentPipeline.ts';
import { type ContentProblem, formatProblem } from '../../src/model/problems.ts';
import {
  ARTICLE_FILE,
  BASE_BODY,
  baseWorld,
  checkInMemory,
  checkOnDisk,
  type Data,
  namesField,
  type Path,
  setAt,
  showPath,
  type World,
  writeWorld,
} from '../support/contentWorld.ts';
import { mentionsIn, processor, textContent } from './annotate/helpers.ts';

/** The article's frontmatter as data (the base world's is). */
const data = (world: World) => world.article.data as Data;
const at = (path: Path, value: unknown) => (world: World) => setAt(data(world), path, value);

function describeProblems(problems: ContentProblem[]): string {
  return problems.length === 0 ? '(no problem reported)' : problems.map(formatProblem).join('\n');
}

/** The problem for `file` and `field` (a path, or the start of a field like "(frontmatter"), with a fix. */
function expectProblem(problems: ContentProblem[], file: string, field: Path | string, says?: RegExp): ContentProblem {
  const hit = problems.find(
    (problem) =>
      problem.file === file &&
      (typeof field === 'string' ? problem.field.startsWith(field) : namesField(problem.field, field)),
  );
  const wanted = `${file} › ${typeof field === 'string' ? field : showPath(field)}`;
  expect(hit, `no problem for ${wanted} in:\n${describeProblems(problems)}`).toBeDefined();
  if (!hit) throw new Error('unreachable');
  expect(hit.message.trim(), `${wanted}: no message`).not.toBe('');
  expect(hit.fix.trim(), `${wanted}: no fix`).not.toBe('');
  if (says) expect(formatProblem(hit)).toMatch(says);
  return hit;
}

/** Every problem names a real file and a field and says how to fix it: nothing anonymous. */
function expectWellFormed(problems: ContentProblem[]): void {
  for (const problem of problems) {
    expect(problem.file, formatProblem(problem)).toMatch(/^content\/(articles|actors|places)(\/[^/]+\.md)?$/);
    expect(problem.field.trim(), formatProblem(problem)).not.toBe('');
    expect(problem.message.trim(), formatProblem(problem)).not.toBe('');
    expect(problem.fix.trim(), formatProblem(problem)).not.toBe('');
  }
}

interface BadCase {
  name: string;
  change: (world: World) => void;
  file?: string;
  field: Path | string;
  says?: RegExp;
}

async function expectCase({ change, file = ARTICLE_FILE, field, says }: BadCase): Promise<void> {
  const world = baseWorld();
  change(world);
  const { problems } = await checkOnDisk(world);
  expectWellFormed(problems);
  expectProblem(problems, file, field, says);
}

/** Replace the whole article file with `text`. */
const articleText = (text: string) => (world: World) => {
  world.article.data = text;
};

/** The base article's YAML with `line` inserted after the line starting `after`. */
function yamlWith(after: string, line: string): string {
  const lines = stringify(baseWorld().article.data).split('\n');
  const index = lines.findIndex((candidate) => candidate.startsWith(after));
  lines.splice(index + 1, 0, line);
  return `---\n${lines.join('\n')}---\n${BASE_BODY}`;
}

/** 1-based line of the file on which `needle` first occurs. */
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

it('the base world is valid, on disk and in memory (every case below breaks one thing)', async () => {
  expect(describeProblems((await checkOnDisk(baseWorld())).problems)).toBe('(no problem reported)');
  expect(describeProblems((await checkInMemory(baseWorld())).problems)).toBe('(no problem reported)');
});

describe('files that cannot be read as content', () => {
  const cases: BadCase[] = [
    { name: 'an empty file', change: articleText(''), field: '(file)', says: /empty/ },
    {
      name: 'only blank lines and a byte-order mark',
      change: articleText('\uFEFF\n\n  \n'),
      field: '(file)',
      says: /empty/,
    },
    { name: 'Markdown without frontmatter', change: articleText(BASE_BODY), field: '(frontmatter' },
    {
      name: 'frontmatter that is never closed',
      change: articleText(`---\ntitle: x\ndek: y\n\n${BASE_BODY}`),
      field: '(frontmatter',
    },
    { name: 'an empty frontmatter block', change: articleText(`---\n---\n${BASE_BODY}`), field: '(frontmatter' },
    {
      name: 'frontmatter that is a list, not fields',
      change: articleText(`---\n- title\n- dek\n---\n${BASE_BODY}`),
      field: '(frontmatter)',
      says: /field: value/,
    },
    {
      name: 'frontmatter that is one sentence',
      change: articleText(`---\nJust a title here\n---\n${BASE_BODY}`),
      field: '(frontmatter)',
    },
    {
      name: 'an actor file that is empty',
      change: (w) => {
        w.actors.egypt = { data: '', body: '' };
      },
      file: 'content/actors/egypt.md',
      field: '(file)',
    },
  ];
  it.each(cases)('$name', expectCase);
});

describe('broken YAML: the problem gives the line of the file where it is', () => {
  const cases: { name: string; text: string; badLine: string }[] = [
    { name: 'a field written twice', text: yamlWith('dek:', 'title: Another title'), badLine: 'title: Another title' },
    { name: 'a tab for indentation', text: yamlWith('image:', '\tcaption: tabbed'), badLine: '\tcaption: tabbed' },
    {
      name: 'an unclosed list',
      text: yamlWith('publisher:', 'topics: [libya, russia'),
      badLine: 'topics: [libya, russia',
    },
    {
      name: 'a colon in an unquoted value',
      text: yamlWith('dek:', 'byline: Note: this breaks: here'),
      badLine: 'byline: Note: this breaks',
    },
  ];
  it.each(cases)('$name', async ({ text, badLine }) => {
    const world = baseWorld();
    world.article.data = text;
    const { problems } = await checkOnDisk(world);
    expectWellFormed(problems);
    const problem = expectProblem(problems, ARTICLE_FILE, '(frontmatter, line', /invalid YAML/);
    const line = Number(/line (\d+)/.exec(problem.field)?.[1]);
    // The line an editor must look at: the bad line itself, or the one before it (where a quote or list was opened).
    expect([lineOf(text, badLine), lineOf(text, badLine) + 1]).toContain(line);
  });

  it('10,000 levels of nesting fail cleanly and quickly', async () => {
    const world = baseWorld();
    world.article.data = `---\ntitle: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n---\n${BASE_BODY}`;
    const started = performance.now();
    const { problems } = await checkOnDisk(world);
    expect(performance.now() - started).toBeLessThan(5_000);
    expectWellFormed(problems);
    expect(problems.some((problem) => problem.file === ARTICLE_FILE)).toBe(true);
  });

  it('YAML tags (!!binary, !!js/function) give a typed value the check refuses, not code', async () => {
    const world = baseWorld();
    world.article.data = yamlWith('dek:', 'byline: !!binary aGVsbG8=').replace(/^byline: Henry Meyer\n/m, '');
    const { problems } = await checkOnDisk(world);
    expectProblem(problems, ARTICLE_FILE, ['byline'], /string/);
  });

  it('Windows line endings (CRLF) are read like any other file', async () => {
    const world = baseWorld();
    const text = `---\n${stringify(world.article.data)}---\n${BASE_BODY}`.replace(/\n/g, '\r\n');
    world.article.data = text;
    expect(describeProblems((await checkOnDisk(world)).problems)).toBe('(no problem reported)');
  });
});

describe('the content folder', () => {
  it('files that are not Markdown (notes, editor backups) are left alone', async () => {
    const world = baseWorld();
    world.extra = { 'articles/notes.txt': 'not an article', 'actors/.DS_Store': '\0\0binary' };
    expect(describeProblems((await checkOnDisk(world)).problems)).toBe('(no problem reported)');
  });

  it('a missing collection folder is named, with the fix', async () => {
    const { root, remove } = await writeWorld(baseWorld());
    try {
      await rm(join(root, 'content', 'places'), { recursive: true });
      const { problems } = await readContentDir(root, 'content');
      expectProblem(problems, 'content/places', '(folder)', /create content\/places/);
    } finally {
      await remove();
    }
  });

  it.each([
    { file: 'Khalifa Haftar.md', suggestion: 'khalifa-haftar' },
    { file: 'ḥaftar_Khalīfa.md', suggestion: '' },
    { file: 'خليفة.md', suggestion: '' },
  ])('a file named "$file" is refused with a slug to rename it to', async ({ file, suggestion }) => {
    const world = baseWorld();
    world.extra = { [`actors/${file}`]: `---\n${stringify({ name: 'X', kind: 'person', description: 'Y.' })}---\n` };
    const { problems } = await checkOnDisk(world);
    const problem = expectProblem(problems, `content/actors/${file}`, '(file name)');
    // A suggestion an editor can use as it is: a lowercase ASCII slug.
    const suggested = /"([^"]+)\.md"/.exec(problem.fix)?.[1] ?? '';
    expect(suggested).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    if (suggestion) expect(suggested).toBe(suggestion);
  });
});

describe('wrong types', () => {
  const cases: BadCase[] = [
    { name: 'a number as title', change: at(['title'], 42), field: ['title'], says: /string/ },
    { name: 'a list as title', change: at(['title'], ['How', 'Putin']), field: ['title'] },
    { name: 'a map as dek', change: at(['dek'], { text: 'x' }), field: ['dek'] },
    { name: 'true as byline', change: at(['byline'], true), field: ['byline'] },
    {
      name: 'an unquoted number as published',
      change: at(['published'], 20200115),
      field: ['published'],
      says: /calendar date/,
    },
    { name: 'a timestamp as published', change: at(['published'], '2020-01-15T10:00:00Z'), field: ['published'] },
    { name: 'one string instead of a list of actors', change: at(['actors'], 'khalifa-haftar'), field: ['actors'] },
    {
      name: 'one string instead of a list of aliases',
      change: at(['actors', 0, 'aliases'], 'Haftar'),
      field: ['actors', 0, 'aliases'],
    },
    {
      name: 'an empty list of aliases',
      change: at(['actors', 0, 'aliases'], []),
      field: ['actors', 0, 'aliases'],
      says: /at least one/,
    },
    { name: 'a number as alias', change: at(['actors', 0, 'aliases', 1], 1943), field: ['actors', 0, 'aliases', 1] },
    {
      name: 'a string instead of event actors',
      change: at(['events', 0, 'actors'], 'khalifa-haftar'),
      field: ['events', 0, 'actors'],
    },
    { name: 'a map instead of a list of events', change: at(['events'], { id: 'x' }), field: ['events'] },
    { name: 'a number as relation kind', change: at(['relations', 0, 'kind'], 1), field: ['relations', 0, 'kind'] },
    { name: 'a string as image', change: at(['image'], 'photo.jpg'), field: ['image'] },
    { name: 'a string as a related article', change: at(['related', 0], 'A related story'), field: ['related', 0] },
    {
      // A union (a string, or { text, caseSensitive }): the problem is on the alias as a whole.
      name: 'caseSensitive as a string',
      change: at(['actors', 1, 'aliases', 0, 'caseSensitive'], 'no'),
      field: ['actors', 1, 'aliases', 0],
    },
    {
      name: 'coordinates as one string',
      change: (w) => setAt(w.places.moscow?.data, ['coordinates'], '55.75, 37.62'),
      file: 'content/places/moscow.md',
      field: ['coordinates'],
    },
    {
      name: 'a latitude in quotes',
      change: (w) => setAt(w.places.moscow?.data, ['coordinates', 'lat'], '55.75'),
      file: 'content/places/moscow.md',
      field: ['coordinates', 'lat'],
    },
    {
      name: 'an infinite longitude',
      change: (w) => setAt(w.places.moscow?.data, ['coordinates', 'lon'], Number.POSITIVE_INFINITY),
      file: 'content/places/moscow.md',
      field: ['coordinates', 'lon'],
    },
    {
      name: 'a list as actor kind',
      change: (w) => setAt(w.actors.egypt?.data, ['kind'], ['state']),
      file: 'content/actors/egypt.md',
      field: ['kind'],
    },
  ];
  it.each(cases)('$name', expectCase);
});

describe('impossible dates', () => {
  const published = [
    '2019-02-29',
    '2020-02-30',
    '2020-13-01',
    '2020-00-10',
    '2020-01-32',
    '2020-1-5',
    '15/01/2020',
    'yesterday',
  ];
  it.each(published)('published: %s', (value) =>
    expectCase({ name: value, change: at(['published'], value), field: ['published'], says: /calendar date/ }),
  );

  const eventDates: { date: string; precision: string }[] = [
    { date: '2019-02-29', precision: 'day' },
    { date: '2019-13', precision: 'month' },
    { date: '2021-W53', precision: 'week' }, // 2021 has 52 ISO weeks
    { date: '2020-W54', precision: 'week' },
    { date: '2020-W00', precision: 'week' },
    { date: '20201', precision: 'year' },
    { date: '2020-01-13', precision: 'month' },
  ];
  it.each(eventDates)('an event dated $date at $precision precision', ({ date, precision }) =>
    expectCase({
      name: date,
      change: (w) => {
        setAt(data(w), ['events', 0, 'date'], date);
        setAt(data(w), ['events', 0, 'precision'], precision);
      },
      field: ['events', 0, 'date'],
    }),
  );

  it('an event dated a day its phrase cannot mean names the readings it tried', () =>
    expectCase({
      name: 'tuesday',
      change: at(['events', 0, 'date'], '2020-01-14'),
      field: ['events', 0, 'date'],
      says: /2020-01-13/,
    }));
});

describe('references to entities and events that do not exist', () => {
  const cases: BadCase[] = [
    {
      name: 'an actor without a file',
      change: at(['actors', 3, 'id'], 'iran'),
      field: ['actors', 3, 'id'],
      says: /create content\/actors\/iran\.md/,
    },
    {
      name: 'a place without a file',
      change: at(['places', 1, 'id'], 'benghazi'),
      field: ['places', 1, 'id'],
      says: /create content\/places\/benghazi\.md/,
    },
    {
      name: 'an event actor not declared',
      change: at(['events', 0, 'actors', 1], 'iran'),
      field: ['events', 0, 'actors', 1],
    },
    {
      name: 'an event place not declared',
      change: at(['events', 0, 'place'], 'benghazi'),
      field: ['events', 0, 'place'],
    },
    {
      name: '`after` naming no event',
      change: at(['events', 1, 'after'], 'no-such-event'),
      field: ['events', 1, 'after'],
    },
    {
      name: '`after` naming the event itself',
      change: at(['events', 1, 'after'], 'flight'),
      field: ['events', 1, 'after'],
    },
    {
      name: 'a relation to an undeclared actor',
      change: at(['relations', 0, 'to'], 'iran'),
      field: ['relations', 0, 'to'],
    },
    {
      name: 'a relation from an actor to itself',
      change: at(['relations', 0, 'to'], 'egypt'),
      field: ['relations', 0, 'to'],
    },
    {
      name: 'a source quoting an undeclared actor',
      change: at(['sources', 0, 'actor'], 'iran'),
      field: ['sources', 0, 'actor'],
    },
    {
      name: 'an actor file removed while an article still uses it',
      change: (w) => void delete w.actors['kirill-semyonov'],
      field: ['actors', 2, 'id'],
    },
  ];
  it.each(cases)('$name', expectCase);
});

describe('phrases and quotes that are not in the text', () => {
  const cases: BadCase[] = [
    {
      name: 'a phrase the text does not contain',
      change: at(['events', 0, 'phrase'], 'on Tuesday'),
      field: ['events', 0, 'phrase'],
      says: /does not occur/,
    },
    {
      name: 'a phrase in another case',
      change: at(['events', 0, 'phrase'], 'On Monday'),
      field: ['events', 0, 'phrase'],
    },
    {
      name: 'a phrase that is only in the title',
      change: at(['events', 0, 'phrase'], 'Thrown Off Course'),
      field: ['events', 0, 'phrase'],
    },
    {
      name: 'a phrase cut inside a word',
      change: at(['events', 0, 'phrase'], 'on Mon'),
      field: ['events', 0, 'phrase'],
    },
    {
      name: 'a phrase only inside a link address',
      change: (w) => {
        w.article.body = BASE_BODY.replace('after talks', 'after [talks](https://example.com/on-tuesday)');
        setAt(data(w), ['events', 0, 'phrase'], 'on-tuesday');
      },
      field: ['events', 0, 'phrase'],
    },
    {
      name: 'a relation quote not in the text',
      change: at(['relations', 0, 'quote'], 'Egypt opposes Haftar'),
      field: ['relations', 0, 'quote'],
    },
    {
      name: 'a source quote not in the text',
      change: at(['sources', 1, 'quote'], 'diplomats said'),
      field: ['sources', 1, 'quote'],
    },
    {
      name: 'an alias not in the text',
      change: at(['actors', 3, 'aliases', 0], 'Misr'),
      field: ['actors', 3, 'aliases', 0],
    },
    {
      name: 'an alias only inside a longer word',
      change: at(['actors', 3, 'aliases', 0], 'Egyp'),
      field: ['actors', 3, 'aliases', 0],
      says: /whole words/,
    },
  ];
  it.each(cases)('$name', expectCase);

  it('a phrase broken over two lines of one paragraph is found (the reader sees one line)', async () => {
    const world = baseWorld();
    world.article.body = BASE_BODY.replace('on Monday', 'on\nMonday');
    expect(describeProblems((await checkOnDisk(world)).problems)).toBe('(no problem reported)');
  });
});

describe('duplicate ids and declarations', () => {
  const cases: BadCase[] = [
    {
      name: 'two events with one id',
      change: (w) => setAt(data(w), ['events', 1, 'id'], 'moscow-talks'),
      field: ['events', 1, 'id'],
      says: /used twice/,
    },
    {
      name: 'two sources with one id',
      change: (w) => setAt(data(w), ['sources', 1, 'id'], 'semyonov'),
      field: ['sources', 1, 'id'],
      says: /used twice/,
    },
    {
      name: 'an actor declared twice',
      change: (w) => (data(w).actors as Data[]).push({ id: 'egypt', aliases: ['Egypt'] }),
      field: ['actors', 4, 'id'],
      says: /listed twice/,
    },
    {
      name: 'a place declared twice',
      change: (w) => (data(w).places as Data[]).push({ id: 'moscow', aliases: ['Moscow'] }),
      field: ['places', 2, 'id'],
      says: /listed twice/,
    },
    {
      name: 'one alias for an actor and a place',
      change: at(['places', 0, 'aliases', 0], 'Haftar'),
      field: ['places', 0, 'aliases', 0],
      says: /also declared for actor:khalifa-haftar/,
    },
  ];
  it.each(cases)('$name', expectCase);
});

describe('empty values', () => {
  const cases: BadCase[] = [
    { name: 'an empty title', change: at(['title'], ''), field: ['title'], says: /empty/ },
    { name: 'a title of spaces', change: at(['title'], '   '), field: ['title'], says: /empty/ },
    { name: 'an empty alias', change: at(['actors', 0, 'aliases', 1], ''), field: ['actors', 0, 'aliases', 1] },
    { name: 'an empty event phrase', change: at(['events', 0, 'phrase'], ''), field: ['events', 0, 'phrase'] },
    {
      name: 'an article with no body',
      change: (w) => {
        w.article.body = '\n\n';
      },
      field: '(body)',
      says: /no text/,
    },
    { name: 'a null title', change: at(['title'], null), field: ['title'] },
  ];
  it.each(cases)('$name', expectCase);
});

describe('huge input finishes quickly and passes or fails cleanly', () => {
  const paragraph =
    'Khalifa Haftar left Moscow on Monday after talks with Vladimir Putin. Hours later, he flew to Amman. Egypt backs Haftar, officials said. "It was a blow," said Kirill Semyonov.';

  // The check renders the article (as the build does): a 5 MB body is ≈200,000 mentions.
  it('a 5 MB body', { timeout: 90_000 }, async () => {
    const world = baseWorld();
    const blocks = Math.ceil(5_000_000 / (paragraph.length + 2));
    world.article.body = Array.from({ length: blocks }, () => paragraph).join('\n\n');
    expect(world.article.body.length).toBeGreaterThanOrEqual(5_000_000);
    const started = performance.now();
    const { problems } = await checkOnDisk(world);
    const took = performance.now() - started;
    expect(describeProblems(problems)).toBe('(no problem reported)');
    expect(took, `${Math.round(took)} ms`).toBeLessThan(45_000);
  });

  it('10,000 aliases that are not in the text: one problem each, naming its alias', { timeout: 60_000 }, async () => {
    const world = baseWorld();
    const aliases = Array.from({ length: 10_000 }, (_, i) => `Haftar the ${i}th`);
    setAt(data(world), ['actors', 0, 'aliases'], ['Haftar', ...aliases]);
    const started = performance.now();
    const { problems } = await checkOnDisk(world);
    const took = performance.now() - started;
    expectWellFormed(problems);
    expect(problems).toHaveLength(10_000);
    expectProblem(problems, ARTICLE_FILE, ['actors', 0, 'aliases', 10_000], /Haftar the 9999th/);
    expect(took, `${Math.round(took)} ms`).toBeLessThan(20_000);
  });

  it('10,000 aliases that are all in the text pass, and all are annotated', { timeout: 60_000 }, async () => {
    const world = baseWorld();
    const aliases = Array.from({ length: 10_000 }, (_, i) => `Agent${i}`);
    setAt(data(world), ['actors', 3, 'aliases'], ['Egypt', ...aliases]);
    world.article.body = `${BASE_BODY}\n${aliases.map((alias) => `${alias} spoke.`).join(' ')}\n`;
    const started = performance.now();
    const { problems, entries } = await checkOnDisk(world);
    expect(describeProblems(problems)).toBe('(no problem reported)');
    const rendered = await (await processor({ base: '/', entities: entityIndex(entries) })).render(world.article.body, {
      frontmatter: data(world),
    });
    const took = performance.now() - started;
    const egypt = mentionsIn(rendered.code).filter((mention) => mention.entity === 'actor:egypt');
    expect(egypt).toHaveLength(10_001);
    expect(took, `${Math.round(took)} ms`).toBeLessThan(30_000);
  });
});

describe('Unicode: accepted and matched correctly, or refused naming the alias', () => {
  /** Check the world; when it passes, render the article and return its mentions. */
  async function checkAndRender(world: World) {
    const { problems, entries } = await checkOnDisk(world);
    expectWellFormed(problems);
    if (problems.length > 0) return { problems, mentions: [], text: '' };
    const rendered = await (await processor({ base: '/', entities: entityIndex(entries) })).render(world.article.body, {
      frontmatter: data(world),
    });
    return { problems, mentions: mentionsIn(rendered.code), text: textContent(rendered.code) };
  }

  function arabicWorld(): World {
    const world = baseWorld();
    setAt(world.actors['khalifa-haftar']?.data, ['name'], 'خليفة حفتر');
    setAt(world.actors['khalifa-haftar']?.data, ['description'], 'قائد عسكري ليبي.');
    setAt(data(world), ['actors', 0, 'aliases'], ['خليفة حفتر', 'حفتر', 'Khalifa Haftar', 'Haftar']);
    setAt(data(world), ['actors', 0, 'role'], 'القائد الذي انسحب من المحادثات.');
    world.article.body = `${BASE_BODY}\nغادر خليفة حفتر موسكو. وقال حفتر إنه سيعود.\n`;
    return world;
  }

  it('an Arabic (right-to-left) name, alias, role and body: accepted, each alias marked, words unchanged', async () => {
    const world = arabicWorld();
    const { problems, mentions, text } = await checkAndRender(world);
    expect(describeProblems(problems)).toBe('(no problem reported)');
    const haftar = mentions
      .filter((mention) => mention.entity === 'actor:khalifa-haftar')
      .map((mention) => mention.text);
    expect(haftar).toEqual(expect.arrayContaining(['خليفة حفتر', 'حفتر']));
    expect(text).toContain('غادر خليفة حفتر موسكو. وقال حفتر إنه سيعود.');
  });

  it('an emoji in an alias, and an emoji sequence with zero-width joiners right after a name', async () => {
    const world = baseWorld();
    setAt(data(world), ['actors', 3, 'aliases'], ['Egypt', '🇪🇬 Cairo']);
    world.article.body = `${BASE_BODY}\nThe 🇪🇬 Cairo desk and Haftar👩‍⚕️ both said so.\n`;
    const { problems, mentions, text } = await checkAndRender(world);
    expect(describeProblems(problems)).toBe('(no problem reported)');
    expect(mentions.map((mention) => mention.text)).toEqual(expect.arrayContaining(['🇪🇬 Cairo', 'Haftar']));
    expect(mentions.some((mention) => mention.text.includes('\u200D'))).toBe(false);
    expect(text).toContain('Haftar👩‍⚕️ both');
  });

  const refused: { name: string; alias: string; body: string }[] = [
    { name: 'precomposed alias, decomposed text (ğ vs g + breve)', alias: 'Erdoğan', body: 'Erdog\u0306an spoke.' },
    { name: 'decomposed alias, precomposed text', alias: 'Erdog\u0306an', body: 'Erdoğan spoke.' },
    { name: 'a zero-width joiner inside the alias', alias: 'Haf\u200Dtar', body: 'Haftar spoke.' },
    { name: 'a zero-width space inside the name in the text', alias: 'Haftarov', body: 'Haf\u200Btarov spoke.' },
    { name: 'a combining accent right after the alias (José is not Jose)', alias: 'Jose', body: 'Jose\u0301 spoke.' },
    { name: 'an alias that is only a zero-width space', alias: '\u200B', body: 'Haftar spoke.' },
  ];
  it.each(refused)(
    '$name: refused, naming the alias (the text does not contain it as written)',
    async ({ alias, body }) => {
      const world = baseWorld();
      setAt(data(world), ['actors', 3, 'aliases'], ['Egypt', alias]);
      world.article.body = `${BASE_BODY}\n${body}\n`;
      const { problems, mentions } = await checkAndRender(world);
      expectProblem(problems, ARTICLE_FILE, ['actors', 3, 'aliases', 1]);
      expect(mentions).toEqual([]);
    },
  );
});

it('an article whose every field is valid is never dropped: each file read is checked', async () => {
  const world = baseWorld();
  world.extra = {
    'articles/second-story.md': `---\n${stringify({ ...(baseWorld().article.data as Data), title: 'Second' })}---\n${BASE_BODY}`,
  };
  const { root, remove } = await writeWorld(world);
  try {
    const { entries, problems } = await readContentDir(root, 'content');
    expect(problems).toEqual([]);
    expect(await checkContent(entries)).toEqual([]);
    expect(
      entries
        .filter((entry) => entry.collection === 'articles')
        .map((entry) => entry.id)
        .sort(),
    ).toEqual(['putin-thrown-off-course', 'second-story']);
    // And the build's pipeline publishes both.
    const published = await runContentPipeline({
      root,
      contentDir: 'content',
      base: '/',
      renderDir: join(root, 'rendered'),
    });
    expect(published.problems).toEqual([]);
    expect(published.articles.map((article) => article.id)).toEqual(['putin-thrown-off-course', 'second-story']);
  } finally {
    await remove();
  }
});
