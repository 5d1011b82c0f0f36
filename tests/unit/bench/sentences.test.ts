import { describe, expect, it } from 'vitest';
import { splitBody, splitSentences } from '../../../scripts/bench/sentences.ts';

describe('splitSentences', () => {
  it('splits at sentence ends followed by a capital', () => {
    expect(splitSentences('Haftar left. Putin waited! Did he? Yes.')).toEqual([
      'Haftar left.',
      'Putin waited!',
      'Did he?',
      'Yes.',
    ]);
  });

  it('does not split after abbreviations, initials or dotted acronyms', () => {
    expect(splitSentences('That moment came on Jan. 8. After Turkey threatened, they met.')).toEqual([
      'That moment came on Jan. 8.',
      'After Turkey threatened, they met.',
    ]);
    expect(splitSentences('With the U.S. and Western Europe retreat, they rose. Mr. Smith agreed.')).toEqual([
      'With the U.S. and Western Europe retreat, they rose.',
      'Mr. Smith agreed.',
    ]);
    expect(splitSentences('J. R. Smith spoke. Then he left.')).toEqual(['J. R. Smith spoke.', 'Then he left.']);
  });

  it('keeps a quotation of several sentences together and takes the closing quote', () => {
    const text =
      '"This won\'t be forgotten," said Kirill Semyonov, an expert. "Haftar ran away. This showed a lack of respect." Then silence.';
    expect(splitSentences(text)).toEqual([
      '"This won\'t be forgotten," said Kirill Semyonov, an expert.',
      '"Haftar ran away. This showed a lack of respect."',
      'Then silence.',
    ]);
    expect(splitSentences('He threatened to teach him a "lesson." One official agreed.')).toEqual([
      'He threatened to teach him a "lesson."',
      'One official agreed.',
    ]);
    expect(splitSentences('“It ended. It is over.” She left.')).toEqual(['“It ended. It is over.”', 'She left.']);
  });

  it('does not split before a lower-case word or inside links and directives', () => {
    expect(splitSentences('In all of this, the U.S. appears weak. Fine.')).toEqual([
      'In all of this, the U.S. appears weak.',
      'Fine.',
    ]);
    expect(splitSentences('See [the story. It is long](https://x.test/a). Next one.')).toEqual([
      'See [the story. It is long](https://x.test/a).',
      'Next one.',
    ]);
  });

  it('normalises white space and keeps every character otherwise', () => {
    const text = 'One  sentence\nhere. Another — with a dash.';
    expect(splitSentences(text).join(' ')).toBe(text.replace(/\s+/g, ' '));
    expect(splitSentences('   ')).toEqual([]);
  });
});

describe('splitBody', () => {
  it('separates headings from paragraphs and joins wrapped lines', () => {
    const body = 'First one. Second one.\n\n## A heading\n\nThird\nline one.\n';
    const split = splitBody(body);
    expect(split.headings).toEqual(['## A heading']);
    expect(split.sentences).toEqual(['First one.', 'Second one.', 'Third line one.']);
    expect(split.parts.map((p) => p.kind)).toEqual(['paragraph', 'heading', 'paragraph']);
  });
});
