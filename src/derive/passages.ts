/**
 * Passages of an article, found in the annotations (never by re-reading the
 * Markdown): the paragraph that holds a quote, and a mention's sentence split
 * around the mention so a page can highlight it.
 */
import type { AnnotatedBlock, AnnotatedMention } from '../annotate/types.ts';
import { routes } from '../site/paths.ts';

/** Quotes are compared as a reader sees them: runs of space collapsed, curly quotes as straight ones. */
export function normaliseQuote(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u2033]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Index of the first block (paragraph or heading) whose text contains the quote, or -1 (also for an empty quote). */
export function quoteBlockIndex(blocks: readonly AnnotatedBlock[], quote: string): number {
  const needle = normaliseQuote(quote);
  if (needle === '') return -1;
  return normalisedTexts(blocks).findIndex((text) => text.includes(needle));
}

/** Id of the first block (paragraph or heading) whose text contains the quote, or `null`. */
export function blockOfQuote(blocks: readonly AnnotatedBlock[], quote: string): string | null {
  return blocks[quoteBlockIndex(blocks, quote)]?.id ?? null;
}

/**
 * The blocks' texts as `normaliseQuote` leaves them, computed once per list
 * of blocks: every relation and source of an article looks its quote up in
 * the same paragraphs.
 */
function normalisedTexts(blocks: readonly AnnotatedBlock[]): string[] {
  let texts = normalised.get(blocks);
  if (!texts) {
    texts = blocks.map((block) => normaliseQuote(block.text));
    normalised.set(blocks, texts);
  }
  return texts;
}

const normalised = new WeakMap<readonly AnnotatedBlock[], string[]>();

/** Site path (no base) of a passage of an article: `articles/<slug>/#<fragment>`. */
export function passagePath(slug: string, fragment: string | null | undefined): string {
  return fragment ? `${routes.article(slug)}#${fragment}` : routes.article(slug);
}

/** A mention's sentence cut in three, so the mention can be highlighted where it stands. */
export interface SentenceParts {
  before: string;
  match: string;
  after: string;
}

/**
 * Split the mention's sentence around the mention. The mention's `offset` is
 * in its block's text; the sentence is located in that text so that a word
 * said twice in one sentence is highlighted where this mention is. Without
 * the block text, the first occurrence of the mention's words is used.
 */
export function splitSentence(
  mention: Pick<AnnotatedMention, 'sentence' | 'text' | 'offset'>,
  blockText?: string,
): SentenceParts {
  const { sentence, text } = mention;
  let at = -1;
  if (blockText !== undefined) {
    for (let start = blockText.indexOf(sentence); start !== -1; start = blockText.indexOf(sentence, start + 1)) {
      const inside = mention.offset - start;
      if (inside >= 0 && inside + text.length <= sentence.length && sentence.startsWith(text, inside)) {
        at = inside;
        break;
      }
    }
  }
  if (at === -1) at = sentence.indexOf(text);
  if (at === -1) return { before: sentence, match: '', after: '' };
  return { before: sentence.slice(0, at), match: text, after: sentence.slice(at + text.length) };
}
