/**
 * Links to a passage of text with a URL text fragment
 * (https://wicg.github.io/scroll-to-text-fragment/):
 *
 *   https://example.org/articles/x/#p-intro:~:text=Haftar%20practically%20ran%20away
 *
 * A short selection is quoted whole; a long one, or one that spans paragraphs,
 * by its first and last words (`text=<start>,<end>`), which keeps the link
 * short and still matches when the middle has typographic quirks. The id of
 * the paragraph in front of `:~:` makes the link land on that paragraph in
 * browsers without text fragments, or after the sentence was edited.
 */

export interface TextFragmentOptions {
  /**
   * A selection within one paragraph of at most this many words (or too few
   * for separate start and end terms) is quoted whole (default 8).
   */
  maxExactWords?: number;
  /** Otherwise the link quotes this many words at each end (default 4). */
  edgeWords?: number;
  /** Id of the paragraph or heading where the selection starts. */
  targetId?: string | undefined;
}

/**
 * Percent-encodes one term of a text directive. `encodeURIComponent` already
 * escapes `&` and `,`; `-` must be escaped too because it marks prefix and
 * suffix terms (`text=prefix-,start`).
 */
export function encodeTextDirectiveTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, '%2D');
}

/** The selected text as blocks (paragraphs) of whitespace-separated words. */
function blocksOf(selection: string): string[][] {
  return selection
    .split(/\s*\n\s*/)
    .map((block) => block.split(/\s+/).filter(Boolean))
    .filter((words) => words.length > 0);
}

/**
 * The address of `pageUrl` (any fragment it has is dropped) scrolled to and
 * highlighting `selection`; `null` when the selection has no words.
 */
export function textFragmentUrl(pageUrl: string, selection: string, options: TextFragmentOptions = {}): string | null {
  const { maxExactWords = 8, edgeWords = 4, targetId } = options;
  const blocks = blocksOf(selection);
  const first = blocks[0];
  const last = blocks.at(-1);
  if (!first || !last) return null;

  let directive: string;
  if (blocks.length === 1 && first.length <= Math.max(maxExactWords, 2 * edgeWords)) {
    directive = encodeTextDirectiveTerm(first.join(' '));
  } else {
    const start = first.slice(0, edgeWords).join(' ');
    const end = last.slice(-edgeWords).join(' ');
    directive = `${encodeTextDirectiveTerm(start)},${encodeTextDirectiveTerm(end)}`;
  }
  const page = pageUrl.split('#')[0] ?? pageUrl;
  const anchor = targetId ? encodeURIComponent(targetId) : '';
  return `${page}#${anchor}:~:text=${directive}`;
}
