/**
 * Finds phrases (aliases, date phrases) in plain text: whole words only,
 * longest match first, one pass per text.
 *
 * All phrases of an article are compiled once, alternatives sorted longest
 * first, and a text node is scanned once whatever the number of aliases. The
 * rules agree with `findWordOccurrences` in `src/model/bodyText.ts`, which the content check
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
const WORD = new RegExp(WORD_CHAR, 'u');
const SPACE = /\s+/g;

/** Is the code point a letter, digit or mark (one side of a word edge)? Memoised: called for every candidate. */
const wordCodePoints = new Map<number, boolean>();
function isWordCodePoint(codePoint: number): boolean {
  let word = wordCodePoints.get(codePoint);
  if (word === undefined) {
    word = WORD.test(String.fromCodePoint(codePoint));
    wordCodePoints.set(codePoint, word);
  }
  return word;
}

/** Compiled sticky regexes by source: the same phrases recur from article to article. */
const compiled = new Map<string, RegExp>();
const COMPILED_LIMIT = 10_000;
function stickyRegex(source: string): RegExp {
  let regex = compiled.get(source);
  if (!regex) {
    if (compiled.size >= COMPILED_LIMIT) compiled.clear();
    regex = new RegExp(source, 'uy');
    compiled.set(source, regex);
  }
  return regex;
}

/** Compile `phrases` into one matcher; `undefined` when there is nothing to find. */
export function createPhraseMatcher<T>(phrases: readonly Phrase<T>[]): PhraseMatcher<T> | undefined {
  const exact = new Map<string, T>();
  const anyCase = new Map<string, T>();
  /** Regex source → its text, length and case rule, and the code points it can start with. */
  const patterns = new Map<
    string,
    { text: string; length: number; caseSensitive: boolean; firsts: Set<number>; value: T }
  >();
  for (const phrase of phrases) {
    const text = phrase.text.replace(SPACE, ' ').trim();
    if (text === '') continue;
    const table = phrase.caseSensitive ? exact : anyCase;
    const key = phrase.caseSensitive ? text : text.toLowerCase();
    // The first declaration of a spelling wins (the content check reports duplicates).
    if (table.has(key)) continue;
    table.set(key, phrase.value);
    const first = String.fromCodePoint(text.codePointAt(0) ?? 0);
    const firsts = new Set([first]);
    if (!phrase.caseSensitive) {
      for (const variant of [first.toLowerCase(), first.toUpperCase()]) firsts.add([...variant][0] ?? first);
    }
    const source = pattern(text, phrase.caseSensitive);
    const known = patterns.get(source);
    if (known) for (const char of firsts) known.firsts.add(char.codePointAt(0) ?? 0);
    else
      patterns.set(source, {
        text,
        length: text.length,
        caseSensitive: phrase.caseSensitive,
        firsts: new Set([...firsts].map((c) => c.codePointAt(0) ?? 0)),
        value: phrase.value,
      });
  }
  if (patterns.size === 0) return undefined;

  // One regex would do: the alternatives longest first, between word edges,
  // `(?<!W)(?:a|b|…)(?!W)`. But compiling it (per article: the aliases differ)
  // and running it costs more than the rest of the plugins together. So the
  // edges are tested here, and at each word only the phrases that can start
  // with that word are tried, in the same order, each a small sticky regex
  // compiled once per build: the same matches, several times faster.
  //
  // A phrase is filed under its leading word (its first run of letters,
  // digits and marks), folded to lower case when it is case-insensitive; a
  // word of the text finds its phrases by the same key. Phrases that start
  // with punctuation, or whose leading word has letters without a one-to-one
  // case mapping (Turkish ı/İ, ß, final ς …), are filed under their first
  // character instead and tried wherever a word starts with it: ten thousand
  // aliases that share a first letter no longer make every word try them all.
  const alternatives = [...patterns].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  const byWord = new Map<string, Candidate<T>[]>();
  const byFoldedWord = new Map<string, Candidate<T>[]>();
  const byFirst = new Map<number, Candidate<T>[]>();
  /** First code points of the filed words, in every case: where a word can start a phrase. */
  const wordStarts = new Set<number>();
  alternatives.forEach(([source, { text, caseSensitive, firsts, value }], rank) => {
    const candidate = { regex: stickyRegex(source), value, rank };
    const lead = leadingWord(text, 0);
    if (lead !== '' && (caseSensitive || foldsOneToOne(lead))) {
      file(caseSensitive ? byWord : byFoldedWord, caseSensitive ? lead : foldCase(lead), candidate);
      for (const codePoint of firsts) wordStarts.add(codePoint);
    } else {
      for (const codePoint of firsts) file(byFirst, codePoint, candidate);
    }
  });

  /**
   * The phrase a match is of: the exact spelling first, then any case; else
   * the phrase whose pattern matched (a letter like ı matches I, but "I" does
   * not lower-case back to "ı").
   */
  const phraseOf = (matched: string, pattern: T): T => {
    const text = matched.replace(SPACE, ' ');
    return exact.get(text) ?? anyCase.get(text.toLowerCase()) ?? pattern;
  };

  /** The phrases that can start at `at`, a word edge, longest first. */
  const candidatesAt = (text: string, at: number, codePoint: number): Candidate<T>[] | undefined => {
    const fallback = byFirst.get(codePoint);
    if (!wordStarts.has(codePoint)) return fallback;
    const word = leadingWord(text, at);
    const lists = [byWord.get(word), byFoldedWord.get(foldCase(word)), fallback].filter(
      (list): list is Candidate<T>[] => list !== undefined,
    );
    if (lists.length <= 1) return lists[0];
    return lists.flat().sort((a, b) => a.rank - b.rank);
  };

  /** The leftmost match at or after `from`: a word edge, then the longest phrase that ends at one. */
  const next = (text: string, from: number): { start: number; end: number; value: T } | undefined => {
    for (let at = from; at < text.length; ) {
      const codePoint = text.codePointAt(at) ?? 0;
      const candidates =
        at > 0 && isWordCodePoint(codePointBefore(text, at)) ? undefined : candidatesAt(text, at, codePoint);
      for (const { regex, value } of candidates ?? []) {
        regex.lastIndex = at;
        const match = regex.exec(text);
        if (!match) continue;
        const end = at + match[0].length;
        if (end < text.length && isWordCodePoint(text.codePointAt(end) ?? 0)) continue;
        return { start: at, end, value: phraseOf(match[0], value) };
      }
      at += codePoint > 0xffff ? 2 : 1;
    }
    return undefined;
  };

  return {
    matchAll(text) {
      const found: PhraseMatch<T>[] = [];
      for (let match = next(text, 0); match; match = next(text, match.end)) found.push(match);
      return found;
    },
    first(text) {
      return next(text, 0);
    },
  };
}

interface Candidate<T> {
  regex: RegExp;
  /** The phrase of the pattern (the first declared, when several spellings share it). */
  value: T;
  /** Position in the longest-first order. */
  rank: number;
}

function file<K, T>(index: Map<K, Candidate<T>[]>, key: K, candidate: Candidate<T>): void {
  const list = index.get(key);
  if (list) list.push(candidate);
  else index.set(key, [candidate]);
}

/** The run of letters, digits and marks that starts at `at` (empty when none does). */
function leadingWord(text: string, at: number): string {
  let end = at;
  while (end < text.length) {
    const codePoint = text.codePointAt(end) ?? 0;
    if (!isWordCodePoint(codePoint)) break;
    end += codePoint > 0xffff ? 2 : 1;
  }
  return text.slice(at, end);
}

/**
 * Lower case, character by character: the key both a phrase's leading word
 * and a word of the text are filed under. (`String#toLowerCase` on a whole
 * word looks at context: a final Σ becomes ς, which Σ alone does not.)
 */
function foldCase(word: string): string {
  let folded = '';
  for (const char of word) folded += char.toLowerCase();
  return folded;
}

/**
 * Does lower-casing map every spelling this word matches case-insensitively
 * (each character, its lower and its upper case) to the same key? False for
 * the few letters whose case mappings are not one-to-one (ı, İ, ß, ſ, ς …).
 */
function foldsOneToOne(word: string): boolean {
  for (const char of word) {
    const lower = char.toLowerCase();
    for (const variant of [char, lower, char.toUpperCase()]) {
      if ([...variant].length !== 1 || variant.toLowerCase() !== lower) return false;
    }
  }
  return true;
}

/** The code point that ends just before `index` (a whole surrogate pair when there is one). */
function codePointBefore(text: string, index: number): number {
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
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
