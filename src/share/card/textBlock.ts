/**
 * Wrapping a paragraph into lines of a given width, and clamping it to a
 * number of lines with an ellipsis. Pure: widths come from `measure`.
 */
import { breakPieces } from './lineBreaks.ts';

export type Measure = (text: string) => number;

const ELLIPSIS = '…';
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function graphemesOf(text: string): string[] {
  return Array.from(graphemes.segment(text), ({ segment }) => segment);
}

/**
 * How many of the graphemes, joined and followed by `suffix`, fit `width`:
 * a binary search, so a huge unbroken string costs a few measurements, not
 * one per character.
 */
function fittingCount(parts: readonly string[], width: number, measure: Measure, suffix = ''): number {
  let fits = 0;
  let fails = parts.length + 1;
  while (fails - fits > 1) {
    const middle = (fits + fails) >> 1;
    if (measure(parts.slice(0, middle).join('') + suffix) <= width) fits = middle;
    else fails = middle;
  }
  return fits;
}

/** Splits a piece wider than a whole line at graphemes (CSS `overflow-wrap: anywhere`): never past the card's edge. */
function splitWide(piece: string, width: number, measure: Measure): string[] {
  const parts: string[] = [];
  let rest = graphemesOf(piece);
  while (rest.length > 0) {
    const count = Math.max(1, fittingCount(rest, width, measure));
    parts.push(rest.slice(0, count).join(''));
    rest = rest.slice(count);
  }
  return parts;
}

/**
 * Greedy line breaking as satori does it: a piece fits when the line up to
 * the piece's last visible character fits (its trailing spaces may hang).
 * Lines come back without trailing spaces.
 */
export function wrapLines(text: string, width: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const piece of breakPieces(text)) {
    const visible = measure(piece.trimEnd());
    if (visible > width) {
      // Too wide for any line: start it on a fresh line, in parts.
      if (line.trim()) lines.push(line.trimEnd());
      const parts = splitWide(piece, width, measure);
      line = parts.pop() ?? '';
      lines.push(...parts.map((part) => part.trimEnd()));
      lineWidth = measure(line);
      continue;
    }
    if (line && lineWidth + visible > width) {
      lines.push(line.trimEnd());
      line = '';
      lineWidth = 0;
    }
    line += piece;
    lineWidth += measure(piece);
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/** Strips what should not stand before an ellipsis: spaces and the punctuation `shorten` strips too. */
function beforeEllipsis(text: string): string {
  return text.replace(/[\s,;:.…–—-]+$/u, '');
}

/**
 * The line with an ellipsis that fits `width`: whole pieces are dropped from
 * its end first, graphemes only when a single piece is left.
 */
export function withEllipsis(line: string, width: number, measure: Measure): string {
  let pieces = breakPieces(line);
  while (pieces.length > 1) {
    const candidate = `${beforeEllipsis(pieces.join(''))}${ELLIPSIS}`;
    if (measure(candidate) <= width) return candidate;
    pieces = pieces.slice(0, -1);
  }
  const kept = graphemesOf(beforeEllipsis(pieces[0] ?? ''));
  const count = fittingCount(kept, width, measure, ELLIPSIS);
  return `${beforeEllipsis(kept.slice(0, count).join(''))}${ELLIPSIS}`;
}

/** At most `maxLines` lines; when text is cut, the last kept line ends in an ellipsis. */
export function clampLines(lines: readonly string[], maxLines: number, width: number, measure: Measure): string[] {
  if (lines.length <= maxLines) return [...lines];
  if (maxLines <= 0) return [];
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = withEllipsis(kept[maxLines - 1] ?? '', width, measure);
  return kept;
}
