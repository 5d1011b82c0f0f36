/**
 * The frontmatter reader uses a fast parser for plain documents and a careful
 * one for the rest: an editor must never be able to tell which one read the
 * file. Random documents of the shapes editors write are read by `readYaml`
 * and by the careful parser alone, and must give the same data.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { readYaml } from '../../src/model/contentFiles.ts';

const careful = (text: string) => parse(text, { schema: 'core', uniqueKeys: true }) ?? null;

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
        if (read.ok) expect(read.data).toEqual(careful(text));
      }),
      { numRuns: 500 },
    );
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
