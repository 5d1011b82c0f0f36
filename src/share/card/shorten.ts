/**
 * The text rules of the card designs: long text is cut at whole words with an
 * ellipsis, and shorter titles get bigger type.
 */

/** Collapses whitespace; text longer than `maxChars` is cut at a word, with an ellipsis. */
export function shorten(text: string, maxChars: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= maxChars) return clean;
  const cut = clean.slice(0, maxChars + 1).replace(/\s+\S*$/, '');
  return `${(cut || clean.slice(0, maxChars)).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** The title's font size in px, by its length once shortened. */
export function titleSize(title: string): number {
  if (title.length <= 50) return 68;
  if (title.length <= 80) return 58;
  return 48;
}
