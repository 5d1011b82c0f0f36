/**
 * Everything the site-wide pages show, derived once per build from the three
 * collections and the annotations: the articles newest first, the timeline,
 * the actor and place indexes.
 */
import type { EntityKey } from '../annotate/types.ts';
import { buildEntityIndexes, type EntityIndexes } from './entityIndex.ts';
import { entityLookup, resolveEntity } from './lookup.ts';
import { buildTimeline, type TimelineEvent } from './timeline.ts';
import type { EntityRef, SiteInput } from './types.ts';

export interface ArticleSummary {
  slug: string;
  title: string;
  dek: string;
  byline: string;
  publisher: string;
  republishedBy: string | undefined;
  published: string;
  updated: string | undefined;
  topics: string[];
  /** Declared actors, most mentioned first (then in the editor's order). */
  actors: (EntityRef & { mentions: number })[];
  places: (EntityRef & { mentions: number })[];
  eventCount: number;
  /** Whether the annotation plugins ran on it (mentions, paragraph ids). */
  annotated: boolean;
}

export interface SiteData extends EntityIndexes {
  /** Newest first. */
  articles: ArticleSummary[];
  timeline: TimelineEvent[];
  /** Each article's events, in timeline order (articles without events are absent). */
  eventsByArticle: ReadonlyMap<string, TimelineEvent[]>;
}

export function buildSiteData(input: SiteInput): SiteData {
  const lookup = entityLookup(input);
  const timeline = buildTimeline(input, lookup);
  const indexes = buildEntityIndexes(input, timeline, lookup);
  const articles = input.articles
    .map(({ slug, data, annotations }): ArticleSummary => {
      const counts = annotations?.counts ?? {};
      const rank = (collection: 'actor' | 'place', refs: readonly { id: string }[]) =>
        refs
          .map((ref, order) => ({
            ...resolveEntity(lookup, collection, ref.id),
            mentions: counts[`${collection}:${ref.id}` as EntityKey] ?? 0,
            order,
          }))
          .sort((a, b) => b.mentions - a.mentions || a.order - b.order)
          .map(({ order: _, ...entity }) => entity);
      return {
        slug,
        title: data.title,
        dek: data.dek,
        byline: data.byline,
        publisher: data.publisher,
        republishedBy: data.republishedBy,
        published: data.published,
        updated: data.updated,
        topics: data.topics,
        actors: rank('actor', data.actors),
        places: rank('place', data.places),
        eventCount: data.events.length,
        annotated: annotations !== undefined,
      };
    })
    .sort((a, b) => b.published.localeCompare(a.published) || a.title.localeCompare(b.title));
  const eventsByArticle = new Map<string, TimelineEvent[]>();
  for (const event of timeline) {
    const list = eventsByArticle.get(event.article.slug);
    if (list) list.push(event);
    else eventsByArticle.set(event.article.slug, [event]);
  }
  return { articles, timeline, eventsByArticle, ...indexes };
}
