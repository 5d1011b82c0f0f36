/**
 * Plain-text helpers for the rendered tree: offsets in whitespace-normalised
 * text, stable paragraph ids, and sentences.
 */

/**
 * Where the characters at `rawOffsets` (ascending, none of them white space)
 * land in `normaliseSpace(raw)`: white space collapsed to single spaces, trimmed.
 * One pass over `raw` for all offsets.
 */
export function normalisedOffsets(raw: string, rawOffsets: readonly number[]): number[] {
  const out: number[] = [];
  let length = 0;
  let space = false;
  let next = 0;
  for (let i = 0; i < raw.length && next < rawOffsets.length; i++) {
    while (rawOffsets[next] === i) {
      out.push(length + (space && length > 0 ? 1 : 0));
      next++;
    }
    if (isSpace(raw.charCodeAt(i))) {
      space = true;
    } else {
      length += space && length > 0 ? 2 : 1;
      space = false;
    }
  }
  while (out.length < rawOffsets.length) out.push(length);
  return out;
}

/** The characters `\s` matches in a JS regex, so this agrees with `normaliseSpace`. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * The stable id of a paragraph: `p-` and 7 base-36 characters of the FNV-1a
 * (32-bit) hash of its UTF-8 text. It depends on nothing but the paragraph's
 * own words, so inserting, removing or editing another paragraph leaves it
 * alone; any language can recompute it.
 */
export function paragraphId(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of encoder.encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `p-${hash.toString(36).padStart(7, '0')}`;
}

const encoder = new TextEncoder();

/**
 * Split text into sentences: `[start, end)` ranges covering the text.
 *
 * A sentence ends at `.`, `!` or `?` (and any closing quotes or brackets) when
 * white space and then a capital letter, a digit or an opening quote follow,
 * unless the word before the stop is an abbreviation (`Jan.`, `Mr.`, `U.S.`,
 * a single initial). Deliberately simple and deterministic: the same text
 * always splits the same way, whatever the ICU version.
 */
export function sentenceRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    const closing = match[1] ?? '.';
    // A closing quote or bracket after the stop ends the sentence whatever the word.
    // Only the word before the stop matters: look at a short tail, not the whole sentence so far.
    if (closing.length === 1 && isAbbreviation(text.slice(Math.max(start, match.index - 24), match.index + 1)))
      continue;
    const stop = match.index + closing.length;
    ranges.push([start, stop]);
    start = match.index + match[0].length;
  }
  if (start < text.length || ranges.length === 0) ranges.push([start, text.length]);
  return ranges;
}

/** The sentence of `text` containing `offset`, trimmed. */
export function sentenceAt(text: string, offset: number, ranges = sentenceRanges(text)): string {
  const range = ranges.find(([, end]) => offset < end) ?? ranges.at(-1) ?? [0, text.length];
  return text.slice(range[0], range[1]).trim();
}

// group 1: the stop with its closing quotes/brackets; then the space before the next sentence.
const BOUNDARY = /([.!?][)"'”’\]]*)\s+(?=[\p{Lu}\p{N}"“‘'(])/gu;

const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof gen lt col maj capt sgt adm gov sen rep pres st mt jr sr vs etc inc ltd co corp fig jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  ),
);

function isAbbreviation(sentenceSoFar: string): boolean {
  const word = /([\p{L}.]+)\.$/u.exec(sentenceSoFar)?.[1];
  if (!word) return false;
  // A single initial ("J.") or a dotted acronym ("U.S.", "U.A.E.").
  if (/^\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}
