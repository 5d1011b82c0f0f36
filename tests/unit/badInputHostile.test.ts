/**
 * Bad input battery, part 2: hostile strings (`<script>`, attribute breakouts,
 * `javascript:` URLs…) in every frontmatter string field of every collection,
 * and hostile Markdown in the body.
 *
 * For every field × value, and for random ones (fast-check), the content check
 * must never throw, and each problem it reports must name a file, a field and
 * a fix. Where a hostile value is refused, the problem names the file and that
 * very field; where it is accepted (plain text that merely looks dangerous),
 * the article must still be published (not silently dropped) and its body,
 * rendered by the real Markdown processor with the project's plugins, must be
 * inert: no `<script>`, no `on*` attribute, no `javascript:` link. (The site's
 * templates, which show the other fields, are checked by badInputBuild.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entityIndex } from '../../src/annotate/entities.ts';
import type { RawEntry } from '../../src/model/contentFiles.ts';
import { type ContentProblem, formatProblem } from '../../src/model/problems.ts';
import {
  ARTICLE_FILE,
  ARTICLE_ID,
  BASE_BODY,
  baseWorld,
  type CheckResult,
  checkInMemory,
  checkOnDisk,
  type Data,
  getAt,
  namesField,
  type Path,
  setAt,
  showPath,
  type World,
} from '../support/contentWorld.ts';
import { activeContent } from '../support/inertHtml.ts';
import { mentionsIn, processor, textContent } from './annotate/helpers.ts';

// ---------------------------------------------------------------------------
// Every string field an editor writes, and what kind of value it takes.

type Kind = 'prose' | 'url' | 'slug' | 'date' | 'enum' | 'in-text' | 'wikidata';
interface Field {
  collection: 'article' | 'actor' | 'place';
  path: Path;
  kind: Kind;
}

const article = (path: Path, kind: Kind): Field => ({ collection: 'article', path, kind });
const FIELDS: Field[] = [
  article(['title'], 'prose'),
  article(['dek'], 'prose'),
  article(['byline'], 'prose'),
  article(['publisher'], 'prose'),
  article(['republishedBy'], 'prose'),
  article(['originalUrl'], 'url'),
  article(['published'], 'date'),
  article(['updated'], 'date'),
  article(['image', 'caption'], 'prose'),
  article(['image', 'credit'], 'prose'),
  article(['topics', 0], 'slug'),
  article(['related', 0, 'title'], 'prose'),
  article(['related', 0, 'url'], 'url'),
  article(['actors', 0, 'id'], 'slug'),
  article(['actors', 0, 'aliases', 0], 'in-text'),
  article(['actors', 0, 'role'], 'prose'),
  article(['actors', 1, 'aliases', 0, 'text'], 'in-text'),
  article(['places', 0, 'id'], 'slug'),
  article(['places', 0, 'aliases', 0], 'in-text'),
  article(['places', 0, 'role'], 'prose'),
  article(['events', 0, 'id'], 'slug'),
  article(['events', 0, 'date'], 'date'),
  article(['events', 0, 'precision'], 'enum'),
  article(['events', 0, 'phrase'], 'in-text'),
  article(['events', 0, 'summary'], 'prose'),
  article(['events', 0, 'actors', 0], 'slug'),
  article(['events', 0, 'place'], 'slug'),
  article(['events', 1, 'after'], 'slug'),
  article(['relations', 0, 'from'], 'slug'),
  article(['relations', 0, 'to'], 'slug'),
  article(['relations', 0, 'kind'], 'enum'),
  article(['relations', 0, 'quote'], 'in-text'),
  article(['sources', 0, 'id'], 'slug'),
  article(['sources', 0, 'kind'], 'enum'),
  article(['sources', 0, 'actor'], 'slug'),
  article(['sources', 0, 'label'], 'prose'),
  article(['sources', 0, 'quote'], 'in-text'),
  ...(['name', 'description'] as const).map((key): Field => ({ collection: 'actor', path: [key], kind: 'prose' })),
  { collection: 'actor', path: ['kind'], kind: 'enum' },
  { collection: 'actor', path: ['aliases', 0], kind: 'prose' },
  { collection: 'actor', path: ['wikidata'], kind: 'wikidata' },
  ...(['name', 'description'] as const).map((key): Field => ({ collection: 'place', path: [key], kind: 'prose' })),
  { collection: 'place', path: ['kind'], kind: 'enum' },
  { collection: 'place', path: ['aliases', 0], kind: 'prose' },
  { collection: 'place', path: ['wikidata'], kind: 'wikidata' },
];

/** The file a field lives in, and its frontmatter in a world. */
function target(world: World, field: Field): { file: string; data: Data } {
  if (field.collection === 'actor') {
    return { file: 'content/actors/khalifa-haftar.md', data: world.actors['khalifa-haftar']?.data as Data };
  }
  if (field.collection === 'place')
    return { file: 'content/places/moscow.md', data: world.places.moscow?.data as Data };
  return { file: ARTICLE_FILE, data: world.article.data as Data };
}

const fieldName = (field: Field) => `${field.collection} ${showPath(field.path)}`;
/** `article actors[].aliases[]`: a field of the schema, whichever item of a list it is in. */
const shapeOf = (name: string) => name.replace(/\[\d+\]/g, '[]');

/** Every string-valued leaf of the base world's frontmatter, as `collection path`. */
function stringLeaves(): string[] {
  const world = baseWorld();
  const out: string[] = [];
  const walk = (collection: Field['collection'], node: unknown, path: (string | number)[]): void => {
    if (typeof node === 'string') {
      out.push(`${collection} ${showPath(path)}`);
    } else if (Array.isArray(node)) {
      for (const [i, child] of node.entries()) walk(collection, child, [...path, i]);
    } else if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) walk(collection, child, [...path, key]);
    }
  };
  walk('article', world.article.data, []);
  walk('actor', world.actors['khalifa-haftar']?.data, []);
  walk('place', world.places.moscow?.data, []);
  return out;
}

// ---------------------------------------------------------------------------
// Running the check and the renderer.

function problemsText(problems: ContentProblem[]): string {
  return problems.length === 0 ? '(none)' : problems.map(formatProblem).join('\n');
}

function expectWellFormed(problems: ContentProblem[]): void {
  for (const problem of problems) {
    expect(problem.file, formatProblem(problem)).toMatch(/^content\/(articles|actors|places)\/[^/]+\.md$/);
    for (const part of [problem.field, problem.message, problem.fix])
      expect(part.trim(), formatProblem(problem)).not.toBe('');
  }
}

/** The article body through the real processor and plugins, as the build renders it. */
async function renderArticle(world: World, entries: RawEntry[]): Promise<{ html: string; mentions: number }> {
  const rendered = await (await processor({ base: '/', entities: entityIndex(entries) })).render(world.article.body, {
    frontmatter: world.article.data as Data,
  });
  // Mentions as the page shows them (the data contract: `[data-entity]` elements).
  return { html: rendered.code, mentions: mentionsIn(rendered.code).length };
}

type Outcome = { refused: true; problems: ContentProblem[] } | { refused: false; html: string };

/**
 * One hostile value in one field: checked (never throwing), then — when the
 * check passes — rendered, and the article must still be there, inert.
 */
async function tryValue(
  field: Field,
  value: unknown,
  check: (world: World) => CheckResult | Promise<CheckResult> = checkInMemory,
): Promise<Outcome> {
  const world = baseWorld();
  const { file, data } = target(world, field);
  setAt(data, field.path, value);
  let result: CheckResult;
  try {
    result = await check(world);
  } catch (error) {
    throw new Error(`the check threw for ${fieldName(field)} = ${JSON.stringify(value)}: ${String(error)}`);
  }
  expectWellFormed(result.problems);
  if (result.problems.length > 0) {
    // The field itself, or the list item it belongs to (an alias is a string or { text, caseSensitive }:
    // a wrong type is reported on the alias).
    const item = field.path.slice(0, field.path.findLastIndex((key) => typeof key === 'number') + 1);
    const named = result.problems.some(
      (problem) =>
        problem.file === file &&
        (namesField(problem.field, field.path) || (item.length > 0 && namesField(problem.field, item))),
    );
    // A value refused because of what it breaks elsewhere (an id others refer to) is named there instead.
    const elsewhere = result.problems.every((problem) => problem.file === ARTICLE_FILE || problem.file === file);
    expect(
      named || (field.kind === 'slug' && elsewhere),
      `${fieldName(field)} = ${JSON.stringify(value)}:\n${problemsText(result.problems)}`,
    ).toBe(true);
    return { refused: true, problems: result.problems };
  }
  const { html, mentions } = await renderArticle(world, result.entries);
  expect(
    mentions,
    `${fieldName(field)} = ${JSON.stringify(value)} passed the check but the article lost its mentions`,
  ).toBeGreaterThan(0);
  expect(textContent(html)).toContain('Khalifa Haftar left Moscow');
  const active = activeContent(html);
  expect(
    active,
    `${fieldName(field)} = ${JSON.stringify(value)} rendered active content:\n${active.join('\n')}`,
  ).toEqual([]);
  return { refused: false, html };
}

// ---------------------------------------------------------------------------

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '<svg/onload=alert(1)>',
  '</title><script>alert(1)</script>',
  '<!--<script>alert(1)//-->',
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(document.domain)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  "' onmouseover='alert(1)' x='",
  '{{constructor.constructor("alert(1)")()}}',
  'Q&A <3 "quoted" \'single\' `tick`',
  'line\u2028separator\u2029and </script>',
];

describe('hostile strings in every frontmatter string field', () => {
  it('the table covers every string field of the fixture (articles, actors, places)', () => {
    const shapes = (names: string[]) => [...new Set(names.map(shapeOf))].sort();
    expect(shapes(FIELDS.map(fieldName))).toEqual(shapes(stringLeaves()));
  });

  const table = FIELDS.flatMap((field) =>
    HOSTILE.map((value) => ({ field, value, name: `${fieldName(field)} = ${JSON.stringify(value)}` })),
  );

  it.each(table)('$name', async ({ field, value }) => {
    const outcome = await tryValue(field, value);
    // Ids, dates, kinds, URLs and words that must be found in the text never take such a value.
    if (field.kind !== 'prose')
      expect(outcome.refused, `${fieldName(field)} accepted ${JSON.stringify(value)}`).toBe(true);
  });

  it('markup in a field shown to readers is refused with the file and field named (read from disk)', async () => {
    for (const field of FIELDS.filter((candidate) => candidate.kind === 'prose')) {
      const outcome = await tryValue(field, '<script>alert(1)</script>', checkOnDisk);
      expect(outcome.refused, fieldName(field)).toBe(true);
    }
  });
});

describe('hostile Markdown in the body', () => {
  const SNIPPETS = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    'Text <span onclick="alert(1)">with inline HTML</span> here.',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<style>body{display:none}</style>',
    '<!-- <script>alert(1)</script> -->',
    '[click](javascript:alert(1))',
    '[click](JAVASCRIPT:alert(1))',
    '[click](java&#x09;script:alert(1))',
    '[click](javascript&#58;alert(1))',
    '[click](<javascript:alert(1)>)',
    '[click]( javascript:alert(1))',
    '<javascript:alert(1)>',
    '![x](javascript:alert(1))',
    '[ref][x]\n\n[x]: javascript:alert(1)',
    '[data](data:text/html;base64,PHNjcmlwdD4=)',
    '[vb](vbscript:msgbox(1))',
    '`<script>alert(1)</script>`',
    '```\n<script>alert(1)</script>\n```',
    '&lt;script&gt;alert(1)&lt;/script&gt;',
    '&#60;img src=x onerror=alert(1)&#62;',
    '\\<script>alert(1)\\</script>',
    '[ok](https://example.com/"onmouseover="alert(1))',
    '[t](https://example.com "x\\" onmouseover=\\"alert(1)")',
    'Says :plain[Haftar]{onclick="alert(1)"} here.',
    'Says :actor[Haftar]{#khalifa-haftar onclick="alert(1)" href="javascript:alert(1)"} here.',
    'Says :date[on Monday]{#moscow-talks onmouseover="alert(1)"} here.',
  ];

  /** The body with `snippet` as a paragraph of its own after paragraph `at`; and the snippet's first line in the file. */
  function withSnippet(snippet: string, at: number): { body: string; line: number } {
    const blocks = BASE_BODY.trimEnd().split('\n\n');
    const index = Math.min(at, blocks.length);
    blocks.splice(index, 0, snippet);
    const body = `${blocks.join('\n\n')}\n`;
    return { body, line: body.slice(0, body.indexOf(snippet)).split('\n').length };
  }

  async function trySnippet(snippet: string, at: number): Promise<void> {
    const world = baseWorld();
    const { body, line } = withSnippet(snippet, at);
    world.article.body = body;
    const { problems, entries } = await checkInMemory(world);
    // The body's first line in the file (after the frontmatter).
    const offset = (entries.find((entry) => entry.id === ARTICLE_ID)?.bodyLine ?? 1) - 1;
    expectWellFormed(problems);
    const bodyProblems = problems.filter(
      (problem) => problem.file === ARTICLE_FILE && problem.field.startsWith('(body'),
    );
    if (bodyProblems.length > 0) {
      // Refused: the problem points at the snippet's line in the file.
      const lines = bodyProblems.map((problem) => Number(/line (\d+)/.exec(problem.field)?.[1]));
      const snippetLines = snippet.split('\n').map((_, i) => offset + line + i);
      expect(
        lines.some((reported) => snippetLines.includes(reported)),
        `lines ${lines} for a snippet on ${snippetLines}:\n${problemsText(problems)}`,
      ).toBe(true);
      return;
    }
    expect(problemsText(problems), 'the snippet broke something else').toBe('(none)');
    let rendered: { html: string; mentions: number };
    try {
      rendered = await renderArticle(world, entries);
    } catch (error) {
      // Refused at render time: the build stops, and the message must name the file.
      expect(String(error)).toContain(ARTICLE_FILE);
      return;
    }
    expect(rendered.mentions).toBeGreaterThan(0);
    expect(textContent(rendered.html)).toContain('Khalifa Haftar left Moscow');
    const active = activeContent(rendered.html);
    expect(
      active,
      `${JSON.stringify(snippet)} rendered active content:\n${active.join('\n')}\n${rendered.html}`,
    ).toEqual([]);
  }

  it.each(SNIPPETS)('%j is refused at its line, or rendered inert', (snippet) => trySnippet(snippet, 1));

  it('property: any of them, anywhere, mixed with ordinary text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...SNIPPETS),
        fc.nat({ max: 3 }),
        fc.constantFrom('', 'Haftar said ', 'In Moscow, '),
        async (snippet, at, lead) => {
          await trySnippet(snippet.includes('\n') ? snippet : `${lead}${snippet}`, at);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('property: random hostile values in random fields', () => {
  const dangerous = fc.constantFrom(
    '<',
    '>',
    '"',
    "'",
    '&',
    '/',
    ':',
    '=',
    '(',
    ')',
    '`',
    ' ',
    '\n',
    '\t',
    '\u2028',
    '\u200D',
    '\u202E',
    '\u0000',
    'j',
    'a',
    'v',
    's',
    'c',
    'r',
    'i',
    'p',
    't',
    'o',
    'n',
    'e',
    '-',
    '1',
  );
  const hostileValue = fc.oneof(
    fc.constantFrom(...HOSTILE),
    fc
      .tuple(fc.string({ maxLength: 6 }), fc.constantFrom(...HOSTILE), fc.string({ maxLength: 6 }))
      .map((parts) => parts.join('')),
    fc.string({ unit: dangerous, minLength: 1, maxLength: 40 }),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
  );

  it('the check never throws; refusals name the file and field; whatever passes still renders, inert', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FIELDS), hostileValue, async (field, value) => {
        const before = getAt(target(baseWorld(), field).data, field.path);
        fc.pre(value !== before);
        await tryValue(field, value);
      }),
      { numRuns: 300 },
    );
  });

  it('wrong types anywhere (numbers, lists, maps, null) are refused by name, never thrown', async () => {
    const wrongType = fc.oneof(
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string(), { maxLength: 3 }),
      fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), fc.string(), { maxKeys: 3 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FIELDS), wrongType, async (field, value) => {
        const outcome = await tryValue(field, value);
        expect(outcome.refused, `${fieldName(field)} accepted ${JSON.stringify(value)}`).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
