/**
 * Preview cards (1200×630 Open Graph images) and the site's mark, drawn
 * without a layout engine: fixed designs laid out by hand (cardLayout.ts),
 * glyphs rasterised once and cached, palette PNGs.
 *
 *   await loadCardFonts();
 *   const png = drawPreviewCard({ type: 'article', ...articleCard(entry, actors) });
 */
import { cardLayout, type PreviewCard } from './cardLayout.ts';
import { displayListPng } from './drawCard.ts';
import { cardFonts } from './fonts.ts';
import { type MarkOptions, markLayout } from './markLayout.ts';
import { cardPalette, markPalette } from './palette.ts';

export {
  type ActorCard,
  type ArticleCard,
  actorLayout,
  articleLayout,
  cardLayout,
  type PreviewCard,
  siteLayout,
} from './cardLayout.ts';
export type { BoxItem, DisplayList, Item, TextItem } from './displayList.ts';
export { type CardFonts, loadCardFonts } from './fonts.ts';
export { type MarkOptions, markLayout } from './markLayout.ts';

/** PNG bytes of a preview card. Synchronous; `loadCardFonts()` must have finished. */
export function drawPreviewCard(card: PreviewCard): Uint8Array<ArrayBuffer> {
  return displayListPng(cardLayout(card, cardFonts()), cardFonts(), cardPalette);
}

/** PNG bytes of the mark, `size` px square (favicon, app icons; see icons.ts), compressed hard: icons are drawn once. */
export function drawMark(size: number, options: MarkOptions = {}): Uint8Array<ArrayBuffer> {
  return displayListPng(markLayout(cardFonts(), size, options), cardFonts(), markPalette, 'small');
}
