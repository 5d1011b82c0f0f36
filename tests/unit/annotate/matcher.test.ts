/**
 * The phrase matcher on its own, and its agreement with the content check's
 * `findWordOccurrences` (src/model/bodyText.ts), which decides whether an
 * alias occurs at all.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPhraseMatcher } from '../../../src/annotate/matcher.ts';
import { findWordOccurrences } from '../../../src/model/bodyText.ts';

const matcher = (...phrases: [string, boolean?][]) => {
  const made = createPhraseMatcher(
    phrases.map(([text, caseSensitive = true]) => ({ text, caseSensitive, value: text })),
  );
  if (!made) throw new Error('no matcher');
  return made;
};
const found = (m: ReturnType<typeof matcher>, text: string) =>
  m.matchAll(text).map((x) => [text.slice(x.start, x.end), x.value]);

describe('createPhraseMatcher', () => {
  it('returns nothing to match for no phrases', () => {
    expect(createPhraseMatcher([])).toBeUndefined();
    expect(createPhraseMatcher([{ text: '  ', caseSensitive: true, value: 1 }])).toBeUndefined();
  });

  it('prefers the longest phrase at a position, then moves on', () => {
    const m = matcher(['Russia'], ['Russian Foreign Ministry'], ['Foreign Ministry']);
    expect(found(m, 'Russian Foreign Ministry, Russia, Foreign Ministry')).toEqual([
      ['Russian Foreign Ministry', 'Russian Foreign Ministry'],
      ['Russia', 'Russia'],
      ['Foreign Ministry', 'Foreign Ministry'],
    ]);
  });

  it('falls back to a shorter phrase when the longer one is not a whole word', () => {
    expect(found(matcher(['U.S'], ['U.S.']), 'the U.S.-backed and U.Sx and U.S drone')).toEqual([
      ['U.S.', 'U.S.'],
      ['U.S', 'U.S'],
    ]);
  });

  it('escapes regex syntax and matches any white space for a space', () => {
    expect(found(matcher(['a (b) [c]*']), 'x a (b)\n [c]* y')).toEqual([['a (b)\n [c]*', 'a (b) [c]*']]);
  });

  it('case-insensitive phrases match any case, with non-ASCII letters', () => {
    expect(found(matcher(['élysée palace', false]), 'The Élysée Palace and ÉLYSÉE PALACE')).toEqual([
      ['Élysée Palace', 'élysée palace'],
      ['ÉLYSÉE PALACE', 'élysée palace'],
    ]);
  });

  it('first() finds the first occurrence', () => {
    const m = matcher(['on Monday']);
    expect(m.first('Won Monday, on Monday, on Monday')?.start).toBe(12);
    expect(m.first('nothing')).toBeUndefined();
  });

  // Letters with one-to-one case mappings, digits, and the punctuation that matters for word edges.
  const char = fc.constantFrom(...'aAbBéÉüÜ19'.split(''), "'", '’', '-', '.', ',');
  const word = fc.array(char, { minLength: 1, maxLength: 4 }).map((chars) => chars.join(''));
  const text = fc.array(word, { minLength: 1, maxLength: 25 }).map((words) => words.join(' '));

  it('agrees with findWordOccurrences on where a phrase first occurs (property)', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.boolean(), (body, pick, caseSensitive) => {
        const words = body.split(' ');
        const start = pick % words.length;
        const needle = words.slice(start, start + 1 + (pick % 2)).join(' ');
        const m = createPhraseMatcher([{ text: needle, caseSensitive, value: needle }]);
        const theirs = findWordOccurrences(body, needle, caseSensitive);
        const ours = m?.matchAll(body).map((x) => x.start) ?? [];
        // Ours never overlap, theirs may: ours are a subset starting with the same first occurrence.
        expect(ours[0]).toBe(theirs[0]);
        for (const at of ours) expect(theirs).toContain(at);
      }),
      { numRuns: 300 },
    );
  });
});
