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

  // Letters whose case mappings are not one-to-one (ı → I → i, ς → Σ → σ): such words
  // take the matcher's other path (by first character), and mix with the usual ones.
  const trickyChar = fc.constantFrom(...'aAıIiςΣσ1'.split(''), "'", '-', '.');
  const trickyWord = fc.array(trickyChar, { minLength: 1, maxLength: 3 }).map((chars) => chars.join(''));

  it.each([
    ['letters with one-to-one case mappings', word],
    ['letters without (Turkish dotless i, Greek final sigma)', trickyWord],
  ])(
    'finds what one regex of all the phrases, longest first, between word edges finds: %s (property)',
    (_name, word) => {
      const text = fc.array(word, { minLength: 1, maxLength: 25 }).map((words) => words.join(' '));
      // The plain definition the matcher implements faster: `(?<!W)(?:a|b|…)(?!W)`.
      const W = String.raw`[\p{L}\p{N}\p{M}]`;
      const source = (phrase: string, caseSensitive: boolean) =>
        phrase
          .split(' ')
          .map((w) =>
            [...w]
              .map((c) => {
                const escaped = c.replace(/[\\^$.*+?()[\]{}|/]/g, String.raw`\$&`);
                return caseSensitive || c.toLowerCase() === c.toUpperCase()
                  ? escaped
                  : `[${c.toLowerCase()}${c.toUpperCase()}]`;
              })
              .join(''),
          )
          .join(String.raw`\s+`);
      const reference = (phrases: { text: string; caseSensitive: boolean }[], body: string) => {
        const alternatives = [...new Map(phrases.map((p) => [source(p.text, p.caseSensitive), p.text.length]))]
          .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
          .map(([s]) => s);
        const regex = new RegExp(`(?<!${W})(?:${alternatives.join('|')})(?!${W})`, 'gu');
        return [...body.matchAll(regex)].map((m) => [m.index, m.index + m[0].length]);
      };
      const phrase = fc.array(word, { minLength: 1, maxLength: 2 }).map((words) => words.join(' '));
      fc.assert(
        fc.property(
          text,
          fc.array(fc.record({ text: phrase, caseSensitive: fc.boolean() }), { minLength: 1, maxLength: 6 }),
          (body, phrases) => {
            // Distinct spellings, as the content check requires.
            const seen = new Set<string>();
            const distinct = phrases.filter((p) => {
              const key = p.text.toLowerCase();
              if (seen.has(key)) return false;
              seen.add(key);
              return true;
            });
            const m = createPhraseMatcher(distinct.map((p) => ({ ...p, value: p.text })));
            const ours = m?.matchAll(body).map((x) => [x.start, x.end]) ?? [];
            expect(ours).toEqual(reference(distinct, body));
          },
        ),
        { numRuns: 500 },
      );
    },
  );
});
