/**
 * Words in an annotated article that look as if they should have been
 * annotated: proper-noun-looking word sequences and date-like phrases that
 * no mention, date, link, code or `:plain` covers. Heuristics for the
 * annotation report, not rules: they suggest, the editor decides.
 */
import type { Element, Root, RootContent } from 'hast';
import { visitBlocks } from './blocks.ts';

export interface Suggestion {
  kind: 'name' | 'date';
  text: string;
  /** How many times the suggestion occurs unannotated. */
  count: number;
  /** The paragraph of its first occurrence. */
  paragraphId: string;
}

/** Where nothing is annotated on purpose or already: links (mentions included), dates, code, `:plain`. */
function isCovered(element: Element): boolean {
  return ['a', 'time', 'code', 'pre', 'sup'].includes(element.tagName) || element.properties.dataPlain !== undefined;
}

const COVERED = '\u0000';

/** The paragraph's text with covered characters replaced by NUL (same length, same offsets). */
function openText(element: Element): string {
  let out = '';
  const walk = (nodes: RootContent[], covered: boolean) => {
    for (const node of nodes) {
      if (node.type === 'text') out += covered ? COVERED.repeat(node.value.length) : node.value;
      else if (node.type === 'element') walk(node.children, covered || isCovered(node));
    }
  };
  walk(element.children, false);
  return out;
}

/** Suggestions for one rendered article, most frequent first within each kind. */
export function suggestAnnotations(tree: Root): Suggestion[] {
  const paragraphs: { id: string; text: string }[] = [];
  visitBlocks(tree, (element, kind) => {
    if (kind === 'paragraph') paragraphs.push({ id: String(element.properties.id ?? ''), text: openText(element) });
  });
  const lowercaseWords = new Set(paragraphs.flatMap((p) => p.text.match(/\p{Ll}[\p{L}\p{M}]*/gu) ?? []));
  const found = new Map<string, Suggestion>();
  const add = (kind: Suggestion['kind'], text: string, paragraphId: string) => {
    const key = `${kind}:${text}`;
    const seen = found.get(key);
    if (seen) seen.count++;
    else found.set(key, { kind, text, count: 1, paragraphId });
  };
  for (const { id, text } of paragraphs) {
    const dates: [number, number][] = [];
    for (const match of text.matchAll(DATE_LIKE)) {
      add('date', match[0].replace(/\s+/g, ' '), id);
      dates.push([match.index, match.index + match[0].length]);
    }
    for (const match of text.matchAll(NAME_LIKE)) {
      if (dates.some(([start, end]) => match.index < end && start < match.index + match[0].length)) continue;
      const name = trimName(match[0], atSentenceStart(text, match.index), lowercaseWords);
      if (name) add('name', name, id);
    }
  }
  const order = (a: Suggestion, b: Suggestion) => (a.kind === b.kind ? b.count - a.count : a.kind === 'name' ? -1 : 1);
  return [...found.values()].sort(order);
}

// Words that start sentences without being names.
const FUNCTION_WORDS = new Set(
  'a an the and but or nor so yet for in on at by of to from with without after before when while if as it its he she they we you i his her their our this that these those there here what which who whom whose where why how nothing neither either some many much more most all both each every no not one two three instead just still even also only then now however meanwhile relatively'.split(
    ' ',
  ),
);

const WORD = String.raw`\p{Lu}[\p{L}\p{M}\p{N}]*(?:[-'’.][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*\.?`;
const CONNECTOR = String.raw`(?:of|for|de|al|el|bin|ibn|van|von|du|da|del|la|the)(?:\s+|-)`;
const NAME_LIKE = new RegExp(
  String.raw`(?<![\p{L}\p{N}\p{M}])${WORD}(?:(?:\s+|\s+${CONNECTOR}(?:${CONNECTOR})?)${WORD})*`,
  'gu',
);

const MONTH = String.raw`January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.`;
const WEEKDAY = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
const LEAD = String.raw`(?:(?:[Ii]n|[Oo]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ff]rom|[Ee]arly|[Ll]ate|[Ll]ast|[Nn]ext|[Tt]his|[Tt]hat)\s+)?`;
const UNIT = '(?:minute|hour|day|week|month|year|decade)s?';
const COUNT = String.raw`(?:\d+|[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Tt]welve|[Ss]everal|(?:[Aa]\s+)?[Ff]ew|[Mm]any)`;
const DATE_LIKE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:` +
    [
      String.raw`${LEAD}(?:\d{1,2}\s+)?(?:${MONTH})(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?`,
      `${LEAD}(?:${WEEKDAY})s?`,
      String.raw`${LEAD}(?:1[89]|20)\d\d(?:s|(?![,.]\d))`,
      String.raw`(?:(?:[Ee]arly|[Ll]ate|[Ee]arlier|[Ll]ater)\s+)?(?:[Ll]ast|[Nn]ext|[Tt]his|[Pp]revious|[Ff]ollowing|[Cc]oming|[Pp]ast)\s+(?:week|month|year|weekend|decade|spring|summer|autumn|fall|winter|century)`,
      '[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight',
      String.raw`(?:${COUNT}\s+)?(?:[Mm]inute|[Hh]our|[Dd]ay|[Ww]eek|[Mm]onth|[Yy]ear|[Dd]ecade)s?\s+(?:later|earlier|ago|before|after|afterwards)`,
      String.raw`[Tt]he\s+(?:following\s+)?${UNIT}(?:\s+(?:before|after))?(?=[\s,.;:])`,
    ].join('|') +
    String.raw`)(?![\p{L}\p{N}])`,
  'gu',
);

/** Is `index` the first word of a sentence (after any opening quotes or brackets)? */
function atSentenceStart(text: string, index: number): boolean {
  const before = text.slice(0, index).replace(/["“‘'(\s]+$/u, '');
  return before === '' || /[.!?]["”’')\]]*$/u.test(before);
}

/**
 * Clean a candidate: drop a possessive and a sentence-final stop, and drop
 * sentence-initial words that are ordinary words (the article also uses them
 * in lower case, or they are function words). `undefined` when nothing is left.
 */
function trimName(candidate: string, sentenceStart: boolean, lowercaseWords: ReadonlySet<string>): string | undefined {
  let words = candidate.split(/\s+/);
  // "What's", "He'd": judge the word without its clitic.
  const common = (word: string) => {
    const bare = word.replace(/['’]\p{L}*$/u, '').toLowerCase();
    return FUNCTION_WORDS.has(bare) || lowercaseWords.has(bare);
  };
  if (sentenceStart) {
    while (words.length > 0 && common(words[0] ?? '')) words = words.slice(1);
    // Connectors cannot start a name.
    while (words.length > 0 && /^\p{Ll}/u.test(words[0] ?? '')) words = words.slice(1);
  } else if (words.length === 1 && FUNCTION_WORDS.has((words[0] ?? '').toLowerCase())) {
    return undefined;
  }
  let name = words.join(' ').replace(/['’]s?$/u, '');
  if (!/\..*\.$/u.test(name)) name = name.replace(/\.$/u, '');
  if ([...name].length < 2 || !/^\p{Lu}/u.test(name)) return undefined;
  return name;
}
