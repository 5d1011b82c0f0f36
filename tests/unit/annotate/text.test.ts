/** The plain-text helpers behind offsets, sentences and paragraph ids. */
import { describe, expect, it } from 'vitest';
import { normalisedOffsets, sentenceAt, sentenceRanges } from '../../../src/annotate/text.ts';

const sentences = (text: string) => sentenceRanges(text).map(([start, end]) => text.slice(start, end));

describe('sentences', () => {
  it('splits at a stop followed by a capital, a digit or an opening quote', () => {
    expect(sentences('One. Two! "Three?" 4 is four.')).toEqual(['One.', 'Two!', '"Three?"', '4 is four.']);
  });

  it('does not split after abbreviations, initials or dotted acronyms', () => {
    expect(sentences('They met on Jan. 8. After that Mr. Putin and the U.S. Army left. J. Smith agreed.')).toEqual([
      'They met on Jan. 8.',
      'After that Mr. Putin and the U.S. Army left.',
      'J. Smith agreed.',
    ]);
  });

  it('keeps closing quotes with their sentence', () => {
    expect(sentences('He said "no." Then he left.')).toEqual(['He said "no."', 'Then he left.']);
  });

  it('finds the sentence around an offset', () => {
    const text = 'One. Two words. Three.';
    expect(sentenceAt(text, text.indexOf('words'))).toBe('Two words.');
    expect(sentenceAt('', 0)).toBe('');
  });
});

describe('normalisedOffsets', () => {
  it('maps offsets in raw text to the whitespace-normalised text, in one pass', () => {
    const raw = '  Hours later,\n   he  left Moscow.';
    const normal = 'Hours later, he left Moscow.';
    const words = ['Hours', 'he', 'Moscow'];
    expect(
      normalisedOffsets(
        raw,
        words.map((w) => raw.indexOf(w)),
      ),
    ).toEqual(words.map((w) => normal.indexOf(w)));
    expect(normalisedOffsets(raw, [2, 2])).toEqual([0, 0]);
  });
});
