/**
 * Split a Markdown article body into headings and sentences, keeping every
 * sentence's source text exactly as written (so quotes, aliases and date
 * phrases inside a sentence survive reshuffling verbatim).
 *
 * A sentence ends at `.`, `!` or `?` (plus any closing quotes or brackets)
 * followed by white space and a capital letter, a digit or an opening quote,
 * unless the period belongs to an abbreviation (`Jan.`, `U.S.`, `Mr.`, an
 * initial), or we are inside a quotation, or inside `[...]` / `{...}` (links,
 * directives). Quotations are followed by straight `"` parity and curly
 * `“ ”` depth, so a multi-sentence quote stays one unit.
 */

export interface BodyPart {
  kind: 'heading' | 'paragraph';
  /** Heading: the whole `## …` line. Paragraph: the paragraph's lines joined with single spaces. */
  text: string;
}

export interface SplitBody {
  headings: string[];
  /** Sentences of all paragraphs, in order. */
  sentences: string[];
  parts: BodyPart[];
}

/** Words that end with a period without ending a sentence. Compared case-sensitively, without the period. */
const ABBREVIATIONS = new Set([
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Sept',
  'Oct',
  'Nov',
  'Dec',
  'Mon',
  'Tue',
  'Tues',
  'Wed',
  'Thu',
  'Thurs',
  'Fri',
  'Sat',
  'Sun',
  'Mr',
  'Mrs',
  'Ms',
  'Dr',
  'Prof',
  'Gen',
  'Lt',
  'Col',
  'Capt',
  'Sgt',
  'Adm',
  'Maj',
  'Cmdr',
  'Sen',
  'Rep',
  'Gov',
  'Pres',
  'Amb',
  'Rev',
  'Hon',
  'St',
  'Mt',
  'Ft',
  'Jr',
  'Sr',
  'Inc',
  'Corp',
  'Co',
  'Ltd',
  'Bros',
  'No',
  'Nos',
  'vs',
  'etc',
  'approx',
  'est',
  'dept',
]);

const OPENING = /["“‘([]/;
const CLOSING = /["”’)\]']/;

/** Split one paragraph's text into sentences. */
export function splitSentences(paragraph: string): string[] {
  const text = paragraph.replace(/\s+/g, ' ').trim();
  if (text === '') return [];
  const sentences: string[] = [];
  let start = 0;
  let straightQuotes = 0;
  let curlyDepth = 0;
  let bracketDepth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '"') straightQuotes++;
    else if (ch === '“') curlyDepth++;
    else if (ch === '”') curlyDepth = Math.max(0, curlyDepth - 1);
    else if (ch === '[' || ch === '{') bracketDepth++;
    else if (ch === ']' || ch === '}') bracketDepth = Math.max(0, bracketDepth - 1);
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    // Take the closing quotes/brackets that belong to this sentence.
    let end = i + 1;
    let quotes = straightQuotes;
    let curly = curlyDepth;
    while (end < text.length && CLOSING.test(text[end] as string)) {
      if (text[end] === '"') quotes++;
      if (text[end] === '”') curly = Math.max(0, curly - 1);
      end++;
    }
    if (text[end] !== ' ') continue;
    const next = text[end + 1] ?? '';
    if (!(/[\p{Lu}\p{N}]/u.test(next) || OPENING.test(next))) continue;
    if (quotes % 2 === 1 || curly > 0 || bracketDepth > 0) continue;
    if (ch === '.' && isAbbreviation(text.slice(start, i))) continue;
    sentences.push(text.slice(start, end));
    start = end + 1;
    // The consumed closing characters are part of this sentence now.
    straightQuotes = quotes;
    curlyDepth = curly;
    i = end;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}

/** Does the text before a period end with an abbreviation or an initial? */
function isAbbreviation(before: string): boolean {
  const word = /(\S+)$/.exec(before)?.[1] ?? '';
  const bare = word.replace(/^["“‘([]+/, '');
  if (bare === '') return false;
  if (ABBREVIATIONS.has(bare)) return true;
  // An initial ("J.") or a dotted abbreviation ("U.S", "U.A.E").
  if (/^\p{Lu}$/u.test(bare)) return true;
  return /^(?:\p{L}{1,3}\.)+\p{L}{1,3}$/u.test(bare);
}

/** Split a Markdown body into headings and paragraphs (blank-line separated) and the paragraphs into sentences. */
export function splitBody(markdown: string): SplitBody {
  const parts: BodyPart[] = [];
  const blocks = markdown.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/);
  for (const block of blocks) {
    const trimmed = block.trim();
    if (trimmed === '') continue;
    if (/^#{1,6}\s/.test(trimmed) && !trimmed.includes('\n')) parts.push({ kind: 'heading', text: trimmed });
    else parts.push({ kind: 'paragraph', text: trimmed.replace(/\s*\n\s*/g, ' ') });
  }
  return {
    headings: parts.filter((p) => p.kind === 'heading').map((p) => p.text),
    sentences: parts.filter((p) => p.kind === 'paragraph').flatMap((p) => splitSentences(p.text)),
    parts,
  };
}
