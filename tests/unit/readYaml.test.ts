/**
 * The frontmatter reader uses a fast parser for plain documents and a careful
 * one for the rest: an editor must never be able to tell which one read the
 * file. Random documents of the shapes editors write are read by `readYaml`
 * and by the careful parser alone, and must give the same data. A refused
 * document's problem names the line of the file where the mistake is, and
 * never claims that something is unclosed when it is closed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { readYaml } from '../../src/model/contentFiles.ts';

const careful = (text: string) => parse(text, { schema: 'core', uniqueKeys: true }) ?? null;

/**
 * The data with every -0 made 0. YAML's `-0` is 0 to the fast parser and -0 to
 * the careful one: the same number to every check and page (`-0 === 0`, and
 * JSON writes both as 0), but not to `toEqual`.
 */
const signlessZeros = (data: unknown): unknown => {
  if (Object.is(data, -0)) return 0;
  if (Array.isArray(data)) return data.map(signlessZeros);
  if (data && typeof data === 'object')
    return Object.fromEntries(Object.entries(data).map(([key, item]) => [key, signlessZeros(item)]));
  return data;
};

/** Scalars that YAML resolves differently by schema: dates, yes/no, octal-looking numbers, nulls… */
const tricky = fc.constantFrom(
  '2020-01-15',
  '2020-02-30',
  '2020-W02',
  'yes',
  'no',
  'on',
  'off',
  '~',
  'null',
  'Null',
  '0o17',
  '017',
  '0x1F',
  '1_000',
  '1e3',
  '.inf',
  '-.NaN',
  'true',
  'True',
  'TRUE',
  '12:30:00',
  '1:20',
  '+1',
  "Haftar's",
  'Erdoğan',
  'Путин',
  'a: b',
  '- x',
  '#not a comment',
  '"quoted"',
  '',
);
const scalar = fc.oneof(tricky, fc.string(), fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null));
const value = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
  list: fc.array(tie('value'), { maxLength: 4 }),
  map: fc.dictionary(fc.oneof(fc.string({ minLength: 1 }), tricky.filter(Boolean)), tie('value'), { maxKeys: 4 }),
})).map;

describe('readYaml', () => {
  it('reads every document the same as the careful parser alone', () => {
    fc.assert(
      fc.property(value, fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL'), (data, style) => {
        const text = stringify(data, { defaultStringType: style as 'PLAIN' });
        const read = readYaml(text);
        expect(read.ok).toBe(true);
        if (read.ok) expect(signlessZeros(read.data)).toEqual(signlessZeros(careful(text)));
      }),
      { numRuns: 500 },
    );
  });

  it('reads -0 as the number zero (found by the property above: the two parsers differ only in its sign)', () => {
    const read = readYaml('lat: -0\nlon: -0.0\n');
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.data).toEqual({ lat: expect.any(Number), lon: expect.any(Number) });
    if (read.ok) expect(Object.values(read.data as object).every((n) => n === 0)).toBe(true);
  });

  it('keeps calendar dates and yes/no as the strings the editor wrote', () => {
    const read = readYaml('published: 2020-02-30\nupdated: 2020-01-16\nflag: yes\ncount: 017\n');
    expect(read).toEqual({
      ok: true,
      data: { published: '2020-02-30', updated: '2020-01-16', flag: 'yes', count: 17 },
    });
  });

  it('names the line of a syntax error, and refuses duplicate keys', () => {
    const broken = readYaml('title: ok\ndek: "unclosed\nbyline: x\n');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.field).toMatch(/^\(frontmatter, line \d+\)$/);
    const twice = readYaml('title: one\ntitle: two\n');
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.message).toMatch(/unique|duplicate/i);
  });

  /** [what, frontmatter, line of the file (the opening "---" is line 1), column, what opens there, how the fix closes it]. */
  it.each([
    [
      'a double quote',
      'title: ok\ndek: "Putin\'s plan\nbyline: Henry Meyer\ntopics:\n  - Libya\n',
      3,
      6,
      '"',
      'with "',
    ],
    [
      "a single quote, with a doubled '' inside",
      "title: ok\nbyline: x\ndek: 'Haftar''s walkout\ntopics: []\n",
      4,
      6,
      "'",
      "with '",
    ],
    ['a double quote whose last quote is escaped', 'title: "Moscow \\"\nbyline: x\n', 2, 8, '"', 'with "'],
    ['a quote in a list of actors', 'actors:\n  - id: a\n    role: "commander\n  - id: b\n', 4, 11, '"', 'with "'],
    ['a [list]', 'title: ok\ntopics: [Libya, Russia\nbyline: x\n', 3, 9, '[', 'with ]'],
    [
      'a {map} among closed ones',
      'image: {caption: a, credit: b}\ncoordinates: {lat: 1, lon: 2\nkind: city\n',
      3,
      14,
      '{',
      'with }',
    ],
    // The innermost opening is the mistake: its missing end swallowed the brackets around it.
    ['a quote inside a list', 'topics: ["Libya, Russia]\nbyline: x\n', 2, 10, '"', 'with "'],
    ['a quote inside a map', 'image: {caption: "a, credit: b}\n', 2, 18, '"', 'with "'],
    ['a list closed by a brace', 'coordinates: {lat: [1, 2}\n', 2, 20, '[', 'with ]'],
    ['a map closed by a bracket', 'topics: [a, {b: c]\n', 2, 13, '{', 'with }'],
    ['the innermost of 10,000 nested lists', `dek: x\ntitle: ${'['.repeat(10_000)}\n`, 3, 10_007, '[', 'with ]'],
  ])(
    'names the line where %s opens and is never closed, not where the parser gives up',
    (_, text, line, col, opens, fix) => {
      const read = readYaml(text);
      expect(read.ok).toBe(false);
      if (read.ok) return;
      expect(read.field).toBe(`(frontmatter, line ${line})`);
      expect(read.message).toContain(`the ${opens} at line ${line}, column ${col} is never closed`);
      expect(read.fix).toContain(fix);
    },
  );

  it.each([
    ['a plain word', 'title: ok\ntopics: [Putin, the #1 ally]\n', 3, 21],
    ['after a quoted item that holds a # of its own', 'title: ok\ntopics: ["the #1 ally", Putin #2 man]\n', 3, 31],
    ['after an apostrophe in a plain word', "title: ok\ntopics: [Haftar's #1 ally]\n", 3, 19],
  ])('says that a # in a list (%s) starts a comment that hides the closing bracket', (_, text, line, col) => {
    const read = readYaml(text);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.field).toBe(`(frontmatter, line ${line})`);
    expect(read.message).toContain(`the # at line ${line}, column ${col} starts a comment`);
    expect(read.message).not.toMatch(/never closed/);
    expect(read.fix).toMatch(/quotes/);
  });

  it.each([
    [
      'a quoted value goes on over a line at the margin',
      'title: x\ndek: "Khalifa Haftar, the *de facto* ruler,\nwalked out"\n',
      '" at line 3, column 6',
      4,
    ],
    [
      'a list goes on over a line at the margin',
      'title: x *de facto*\ntopics: [Libya, Russia,\nTurkey]\n',
      '[ at line 3, column 9',
      4,
    ],
    [
      'a ] further down belongs to a folded text',
      'topics: [Libya, Russia\nbody: >\n  see note]\n',
      '[ at line 2, column 9',
      3,
    ],
  ])('does not call a value "never closed" when %s, but names that line', (_, text, opening, margin) => {
    const read = readYaml(text);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.message).toContain(`the ${opening} is not closed before line ${margin}, which starts at the margin`);
    expect(read.message).not.toMatch(/never closed/);
    expect(read.fix).toContain(`before line ${margin}`);
    expect(read.fix).toMatch(/indent/);
  });

  it('says that Markdown emphasis at the start of a value reads as an alias, on its line', () => {
    const read = readYaml('title: ok\ndek: *Analysis*\n');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.field).toBe('(frontmatter, line 3)');
    expect(read.message).toMatch(/\*Analysis\* reads as an alias/);
    expect(read.fix).toMatch(/quotes/);
  });

  it("gives the line of the file in the message too, not the parser's count from the first YAML line", () => {
    const read = readYaml('title: ok\nkey: a: b\n');
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.field).toBe('(frontmatter, line 3)');
      expect(read.message).not.toMatch(/line 2/);
    }
  });

  it('refuses 2,000 levels of valid nesting with a message, not a crash trace', () => {
    const read = readYaml(`a: ${'['.repeat(2000)}${']'.repeat(2000)}\n`);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toMatch(/nested too deeply/);
  });

  it('refuses an alias expansion bomb instead of expanding it', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const next = String.fromCharCode(97 + i);
      levels.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    const read = readYaml(`${levels.join('\n')}\n`);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.fix).toMatch(/anchors/);
  });

  it('still reads anchors and aliases used sparingly', () => {
    expect(readYaml('base: &b Haftar\nother: *b\n')).toEqual({ ok: true, data: { base: 'Haftar', other: 'Haftar' } });
  });
});
