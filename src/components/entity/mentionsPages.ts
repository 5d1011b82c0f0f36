/**
 * An entity's mentions split into pages (page 1 on the entity page, the
 * others `mentions/<n>/`): what each page covers, the pager between them, and
 * the routes, trail and SEO of page 2 and after, for actors and places alike.
 */
import { formatShortDay } from '../../derive/dates.ts';
import {
  type ActorEntry,
  type MentionInContext,
  mentionPages,
  mentionsPagePath,
  type PlaceEntry,
} from '../../derive/entityIndex.ts';
import type { ListPage } from '../../derive/pagination.ts';
import { breadcrumbJsonLd, breadcrumbs, type Crumb } from '../../share/jsonLd.ts';
import type { PageSeo, SiteLocation } from '../../share/seo.ts';
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

/** The pager of an entity's mentions on page `current`, all but its label (see `Pager.astro`). */
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

/** `getStaticPaths` of `actors/<id>/mentions/<n>/` or `places/<id>/mentions/<n>/`: page 2 and after of each entity. */
export function mentionsPageParams(entities: readonly { id: string; mentions: readonly MentionInContext[] }[]) {
  return entities.flatMap((entity) =>
    mentionPages(entity.mentions)
      .slice(1)
      .map((page) => ({ params: { id: entity.id, n: String(page.number) } })),
  );
}

/** The breadcrumb trail of page `current`: the entity page's, then "Mentions, page <n>". */
export function mentionsPageTrail(entity: ActorEntry | PlaceEntry, current: number): Crumb[] {
  return [
    ...breadcrumbs[entity.collection](entity.name, entity.id),
    { name: `Mentions, page ${current}`, path: mentionsPagePath(entity.collection, entity.id, current) },
  ];
}

export function mentionsPageSeo(where: SiteLocation, entity: ActorEntry | PlaceEntry, current: number): PageSeo {
  return {
    title: `Mentions of ${entity.name}, page ${current}`,
    description: `${entity.name} in the articles: every mention in its sentence, page ${current} of ${mentionPages(entity.mentions).length}.`,
    path: mentionsPagePath(entity.collection, entity.id, current),
    jsonLd: [breadcrumbJsonLd(where, mentionsPageTrail(entity, current))],
  };
}
