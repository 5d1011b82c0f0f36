/**
 * Finds phrases (aliases, date phrases) in plain text: whole words only,
 * longest match first, one pass per text.
 *
 * All phrases of an article are compiled once into a single regular
 * expression, alternatives sorted longest first, so scanning a text node is
 * one `matchAll` whatever the number of aliases. The rules agree with
 * `findWordOccurrences` in `src/model/bodyText.ts`, which the content check
 * uses to decide that an alias occurs at all:
 *
 * - whole words: the characters either side of a match are not letters,
 *   digits or combining marks, so `Iran` is not found in `Iranian`, while
 *   `Haftar` is found in `Haftar's` and `Putin’s` (the possessive stays
 *   outside the match);
 * - a space in a phrase matches any run of white space (a soft line break
 *   inside a paragraph included);
 * - case-sensitive phrases match exactly; the others match any case.
 *
 * Of the phrases that match at the same position the longest wins, and a match
 * never overlaps an earlier one (leftmost, then longest).
 */

export interface Phrase<T> {
  text: string;
  caseSensitive: boolean;
  value: T;
}

export interface PhraseMatch<T> {
  start: number;
  end: number;
  value: T;
}

export interface PhraseMatcher<T> {
  /** Every non-overlapping match in `text`, left to right. */
  matchAll(text: string): PhraseMatch<T>[];
  /** The first match in `text`, if any. */
  first(text: string): PhraseMatch<T> | undefined;
}

const WORD_CHAR = String.raw`[\p{L}\p{N}\p{M}]`;
const SPACE = /\s+/g;

/** Compile `phrases` into one matcher; `undefined` when there is nothing to find. */
export function createPhraseMatcher<T>(phrases: readonly Phrase<T>[]): PhraseMatcher<T> | undefined {
  const exact = new Map<string, T>();
  const anyCase = new Map<string, T>();
  const patterns = new Map<string, number>();
  const firsts = new Set<string>();
  for (const phrase of phrases) {
    const text = phrase.text.replace(SPACE, ' ').trim();
    if (text === '') continue;
    const table = phrase.caseSensitive ? exact : anyCase;
    const key = phrase.caseSensitive ? text : text.toLowerCase();
    // The first declaration of a spelling wins (the content check reports duplicates).
    if (table.has(key)) continue;
    table.set(key, phrase.value);
    patterns.set(pattern(text, phrase.caseSensitive), text.length);
    const first = String.fromCodePoint(text.codePointAt(0) ?? 0);
    firsts.add(first);
    if (!phrase.caseSensitive) {
      for (const variant of [first.toLowerCase(), first.toUpperCase()]) firsts.add([...variant][0] ?? first);
    }
  }
  if (patterns.size === 0) return undefined;
  const alternatives = [...patterns].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([source]) => source);
  // The leading class of possible first characters lets the engine skip most positions
  // cheaply (measured: twice as fast as starting with the look-behind).
  const regex = new RegExp(
    `(?=[${[...firsts].map(escapeInClass).join('')}])(?<!${WORD_CHAR})(?:${alternatives.join('|')})(?!${WORD_CHAR})`,
    'gu',
  );

  const phraseOf = (matched: string): T | undefined => {
    const text = matched.replace(SPACE, ' ');
    return exact.get(text) ?? anyCase.get(text.toLowerCase());
  };

  return {
    matchAll(text) {
      const found: PhraseMatch<T>[] = [];
      regex.lastIndex = 0;
      for (let match = regex.exec(text); match; match = regex.exec(text)) {
        const value = phraseOf(match[0]);
        if (value !== undefined) found.push({ start: match.index, end: regex.lastIndex, value });
      }
      return found;
    },
    first(text) {
      regex.lastIndex = 0;
      const match = regex.exec(text);
      regex.lastIndex = 0;
      const value = match ? phraseOf(match[0]) : undefined;
      return match && value !== undefined
        ? { start: match.index, end: match.index + match[0].length, value }
        : undefined;
    },
  };
}

/** The regex source of one phrase: escaped, spaces as `\s+`, letters case-folded unless case-sensitive. */
function pattern(text: string, caseSensitive: boolean): string {
  return text
    .split(' ')
    .map((word) => (caseSensitive ? escapeSyntax(word) : anyCaseOf(word)))
    .join(String.raw`\s+`);
}

function escapeSyntax(text: string): string {
  // Only syntax characters may be escaped in a `u` regex.
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, String.raw`\$&`);
}

function escapeInClass(char: string): string {
  return /[\\\][^-]/.test(char) ? `\\${char}` : char;
}

function anyCaseOf(word: string): string {
  let out = '';
  for (const char of word) {
    const variants = [...new Set([char, char.toLowerCase(), char.toUpperCase()])];
    if (variants.length === 1) out += escapeSyntax(char);
    // Letters are the only characters with case, and need no escaping.
    else if (variants.every((v) => [...v].length === 1)) out += `[${variants.join('')}]`;
    else out += `(?:${variants.map(escapeSyntax).join('|')})`;
  }
  return out;
}
