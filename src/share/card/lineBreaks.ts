/**
 * Where a line may break, simplified from UAX #14 for headlines and names:
 * after spaces (which stay with the word before them), after a dash inside a
 * word ("walk-|out", "1990s–|2000s"), and around CJK ideographs and kana.
 * Satori breaks at the same places for this kind of text.
 */

const DASHES = new Set(['-', '\u2010', '\u2013', '\u2014']);
const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u;

function isSpace(char: string): boolean {
  return char === ' ' || char === '\u3000';
}

/** The text cut into pieces that end at break opportunities; each keeps its trailing spaces. */
export function breakPieces(text: string): string[] {
  const chars = Array.from(text);
  const pieces: string[] = [];
  let piece = '';
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] as string;
    const next = chars[i + 1];
    piece += char;
    if (next === undefined) break;
    const afterSpace = isSpace(char) && !isSpace(next);
    // A dash between letters, not before a digit ("-5") or at a word's start ("—quote").
    const afterDash =
      DASHES.has(char) &&
      piece.length > 1 &&
      !isSpace(chars[i - 1] ?? ' ') &&
      !isSpace(next) &&
      !DASHES.has(next) &&
      !/\d/.test(next);
    const aroundCjk = !isSpace(next) && (CJK.test(char) || CJK.test(next));
    if (afterSpace || afterDash || aroundCjk) {
      pieces.push(piece);
      piece = '';
    }
  }
  if (piece) pieces.push(piece);
  return pieces;
}
