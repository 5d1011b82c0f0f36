/** An entity's mention list split into pages: what each page covers, and the pager between them. */
import { formatShortDay } from '../../derive/dates.ts';
import { type MentionInContext, mentionsPagePath } from '../../derive/entityIndex.ts';
import type { ListPage } from '../../derive/pagination.ts';
import { joinBase } from '../../site/paths.ts';

/** The dates each page covers, for its pager: `3 Feb 2020 – 15 Jan 2020`. */
export function mentionRanges(pages: readonly ListPage<MentionInContext>[]): string[] {
  return pages.map((page) => {
    const newest = page.items[0]?.article.published;
    const oldest = page.items.at(-1)?.article.published;
    if (!newest || !oldest) return '';
    return newest === oldest ? formatShortDay(newest) : `${formatShortDay(newest)} – ${formatShortDay(oldest)}`;
  });
}

/**
 * The pager of an entity's mentions on page `current`, all but its label (see
 * `Pager.astro`): page 1 is the entity page itself, the others `mentions/<n>/`.
 */
export function mentionPager(
  entity: { collection: 'actor' | 'place'; id: string },
  ranges: readonly string[],
  current: number,
  base: string,
) {
  return {
    current,
    ranges,
    href: (number: number) => joinBase(base, mentionsPagePath(entity.collection, entity.id, number)),
    previous: 'Newer articles',
    next: 'Older articles',
  };
}
