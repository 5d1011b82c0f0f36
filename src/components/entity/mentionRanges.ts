/** The dates each page of an entity's mention list covers, for its pager: `3 Feb 2020 – 15 Jan 2020`. */
import { formatShortDay } from '../../derive/dates.ts';
import type { MentionInContext } from '../../derive/entityIndex.ts';
import type { ListPage } from '../../derive/pagination.ts';

export function mentionRanges(pages: readonly ListPage<MentionInContext>[]): string[] {
  return pages.map((page) => {
    const newest = page.items[0]?.article.published;
    const oldest = page.items.at(-1)?.article.published;
    if (!newest || !oldest) return '';
    return newest === oldest ? formatShortDay(newest) : `${formatShortDay(newest)} – ${formatShortDay(oldest)}`;
  });
}
