/**
 * Text styles and their metrics, bound to the loaded fonts: what the card
 * layouts measure and wrap with. Line boxes and baselines are rounded the way
 * satori rounds them, so text sits on the same pixel rows as today's cards.
 */
import type { Colour, Role, TextItem } from './displayList.ts';
import type { CardFonts, FaceName } from './fonts.ts';
import { breakPieces } from './lineBreaks.ts';
import { measureText } from './shape.ts';
import { clampLines, type Measure, withEllipsis, wrapLines } from './textBlock.ts';

export interface TextStyle {
  face: FaceName;
  size: number;
  /** A multiple of the size, or the font's own ascent + descent. */
  lineHeight: number | 'normal';
  colour: Colour;
  letterSpacing?: number;
  uppercase?: boolean;
}

export interface Typesetter {
  /** Width in px of the text as drawn (uppercased for labels), letter-spacing included. */
  measure(style: TextStyle, text: string): number;
  /** Height of one line box, and the baseline's distance from its top, in whole px. */
  lineMetrics(style: TextStyle): { height: number; baseline: number };
  /** The text as drawn (uppercased for labels), wrapped to `width`, at most `maxLines` lines. */
  lines(style: TextStyle, text: string, width: number, maxLines?: number): string[];
  /** One line that fits `width`, with an ellipsis when cut. */
  fit(style: TextStyle, text: string, width: number): string;
  /** Text items, one per word, for lines whose first line box starts at `top`. */
  runs(style: TextStyle, lines: readonly string[], x: number, top: number, role: Role): TextItem[];
}

/**
 * Text cut to what `lines` lines of `width` could ever show (no visible
 * character is narrower than a tenth of an em), so a 10,000-character input
 * costs no more to lay out than a long headline. The clamp still adds the
 * ellipsis: more is kept than fits.
 */
function plausible(text: string, style: TextStyle, width: number, lines: number): string {
  const most = Math.ceil((lines * width) / (style.size * 0.1)) + 1;
  if (text.length <= most) return text;
  return Array.from(text).slice(0, most).join('');
}

export function typesetter(fonts: CardFonts): Typesetter {
  const measurer =
    (style: TextStyle): Measure =>
    (text) =>
      measureText(fonts, style.face, style.size, text, style.letterSpacing ?? 0);
  const shown = (style: TextStyle, text: string) => (style.uppercase ? text.toUpperCase() : text);

  const lineMetrics = (style: TextStyle) => {
    const font = fonts[style.face][0];
    if (!font) throw new Error(`No font for ${style.face}`);
    const ascent = (font.ascender / font.unitsPerEm) * style.size;
    const descent = (-font.descender / font.unitsPerEm) * style.size;
    const height = style.lineHeight === 'normal' ? ascent + descent : style.size * style.lineHeight;
    // Like Chrome (and satori): ascent and descent rounded to pixels, half the leading floored.
    const baseline = Math.round(ascent) + Math.floor((height - Math.round(ascent) - Math.round(descent)) / 2);
    return { height: Math.round(height), baseline };
  };

  return {
    measure: (style, text) => measurer(style)(shown(style, text)),
    lineMetrics,
    lines(style, text, width, maxLines = Number.POSITIVE_INFINITY) {
      const measure = measurer(style);
      const visible = plausible(shown(style, text), style, width, Math.min(maxLines, 100));
      return clampLines(wrapLines(visible, width, measure), maxLines, width, measure);
    },
    fit(style, text, width) {
      const line = plausible(shown(style, text), style, width, 1);
      const measure = measurer(style);
      return measure(line) <= width ? line : withEllipsis(line, width, measure);
    },
    runs(style, lines, x, top, role) {
      const { height, baseline } = lineMetrics(style);
      const measure = measurer(style);
      const runs: TextItem[] = [];
      // Like satori, each word is shaped on its own and placed where the measured words before it end,
      // on whole pixels when the text has more than one line (no kerning across spaces).
      const place = (offset: number) => x + (lines.length > 1 ? Math.round(offset) : offset);
      lines.forEach((line, i) => {
        let offset = 0;
        let word = '';
        let start = 0;
        const emit = () => {
          const text = word.trimEnd();
          if (text) {
            runs.push({
              kind: 'text',
              role,
              face: style.face,
              size: style.size,
              colour: style.colour,
              x: place(start),
              y: top + i * height + baseline,
              letterSpacing: style.letterSpacing ?? 0,
              text,
            });
          }
          word = '';
        };
        for (const piece of breakPieces(line)) {
          if (!word) start = offset;
          word += piece;
          offset += measure(piece);
          if (/\s$/u.test(piece)) emit();
        }
        emit();
      });
      return runs;
    },
  };
}
