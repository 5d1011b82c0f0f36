import { describe, expect, it } from 'vitest';
import { breakPieces } from '../../../../src/share/card/lineBreaks.ts';
import { clampLines, withEllipsis, wrapLines } from '../../../../src/share/card/textBlock.ts';

/** Every character 10 px wide. */
const measure = (text: string) => [...text].length * 10;

describe('line breaking', () => {
  it('breaks after spaces and inside hyphenated words, not before numbers', () => {
    expect(breakPieces("Haftar's walk-out in 2019-20 and -5")).toEqual([
      "Haftar's ",
      'walk-',
      'out ',
      'in ',
      '2019-20 ',
      'and ',
      '-5',
    ]);
  });

  it('fills lines up to the width, letting the trailing space hang', () => {
    expect(wrapLines('aaaa bbbb cccc', 90, measure)).toEqual(['aaaa bbbb', 'cccc']);
    expect(wrapLines('aaaa bbbb cccc', 89, measure)).toEqual(['aaaa', 'bbbb', 'cccc']);
  });

  it('splits a word wider than a line rather than letting it run off', () => {
    const lines = wrapLines(`x ${'y'.repeat(25)}`, 100, measure);
    expect(lines).toEqual(['x', 'yyyyyyyyyy', 'yyyyyyyyyy', 'yyyyy']);
    expect(lines.every((line) => measure(line) <= 100)).toBe(true);
  });
});

describe('clamping', () => {
  it('keeps the first lines and ends the last one with an ellipsis, dropping whole words', () => {
    const lines = clampLines(['aaaa bbbb', 'cccc dddd', 'eeee'], 2, 90, measure);
    expect(lines).toEqual(['aaaa bbbb', 'cccc…']);
  });

  it('leaves text that fits alone', () => {
    expect(clampLines(['aaaa', 'bbbb'], 2, 90, measure)).toEqual(['aaaa', 'bbbb']);
  });

  it('cuts a single long word at characters, and never stacks ellipses', () => {
    expect(withEllipsis('abcdefghij', 50, measure)).toBe('abcd…');
    expect(withEllipsis('cut here…', 60, measure)).toBe('cut…');
  });
});
