/**
 * The site's timeline: every event of every article, in the order things
 * happened, each tied to the passage of the article that states it.
 *
 * Order: by the first day the date covers; when two start on the same day the
 * coarser one first (the year 2019 before 1 January 2019); then the earlier
 * article; then the editor's order within the article.
 */
import type { Precision } from '../model/schema.ts';
import { eventSpan, formatEventDate, precisionRank } from './dates.ts';
import { type EntityLookup, entityLookup, resolveEntity } from './lookup.ts';
import { pagedPath } from './pagination.ts';
import { passagePath } from './passages.ts';
import type { ArticleRef, EntityRef, SiteInput } from './types.ts';

export interface TimelineEvent {
  /** `<article slug>/<event id>`: unique across the site. */
  key: string;
  /** Fragment id of the event on timeline pages: `tl-<article slug>-<event id>`. */
  anchorId: string;
  eventId: string;
  article: ArticleRef;
  /** The date as the editor wrote it at its precision: `2011`, `2019-04`, `2020-W02`, `2020-01-13`. */
  date: string;
  precision: Precision;
  /** First and last day covered, `YYYY-MM-DD`, inclusive. */
  start: string;
  end: string;
  /** The date as a reader says it: `April 2019`, `Week of 6 Jan 2020`. */
  label: string;
  /** The words of the article that state the date. */
  phrase: string;
  summary: string;
  actors: EntityRef[];
  place: EntityRef | undefined;
  /** Id of the event (same article) a relative phrase counts from ("72 hours later"). */
  after: string | undefined;
  /** Where the article states it. */
  passage: {
    /** The paragraph holding the date; `null` when unknown (no annotations, or outside a paragraph). */
    paragraphId: string | null;
    /** Fragment id of the date element: `event-<event id>`. */
    dateId: string;
    /** Site path (no base) of the link: the paragraph when known, else the date element. */
    path: string;
  };
  /** Site path (no base) of the event on the site's timeline: its page and its fragment. */
  timelinePath: string;
}

/** Events per timeline page: enough for years of news, few enough for a light page. */
export const TIMELINE_PAGE_SIZE = 250;

/**
 * Site paths (no base) of the timeline views: every event, one actor's. One
 * article's events, in order, are the "Key dates" of its page
 * (`routes.articleDates` in src/site/paths.ts), not a view of their own.
 */
export const timelineRoutes = {
  all: () => 'timeline/',
  actor: (id: string) => `timeline/actor/${id}/`,
} as const;

export function timelineAnchorId(slug: string, eventId: string): string {
  return `tl-${slug}-${eventId}`;
}

export function buildTimeline(
  input: SiteInput,
  lookup: EntityLookup = entityLookup(input),
  pageSize = TIMELINE_PAGE_SIZE,
): TimelineEvent[] {
  const rows: { event: TimelineEvent; order: number }[] = [];
  for (const { slug, data, annotations } of input.articles) {
    const article: ArticleRef = { slug, title: data.title, published: data.published };
    data.events.forEach((event, order) => {
      const anchor = annotations?.events[event.id];
      const dateId = anchor?.id ?? `event-${event.id}`;
      const paragraphId = anchor?.paragraphId ?? null;
      rows.push({
        order,
        event: {
          key: `${slug}/${event.id}`,
          anchorId: timelineAnchorId(slug, event.id),
          eventId: event.id,
          article,
          date: event.date,
          precision: event.precision,
          ...eventSpan(event.date),
          label: formatEventDate(event.date, event.precision),
          phrase: event.phrase,
          summary: event.summary,
          actors: event.actors.map((id) => resolveEntity(lookup, 'actor', id)),
          place: event.place === undefined ? undefined : resolveEntity(lookup, 'place', event.place),
          after: event.after,
          passage: { paragraphId, dateId, path: passagePath(slug, paragraphId ?? dateId) },
          timelinePath: '',
        },
      });
    });
  }
  const events = rows.sort((a, b) => compareEvents(a.event, b.event) || a.order - b.order).map(({ event }) => event);
  events.forEach((event, index) => {
    const page = Math.floor(index / pageSize) + 1;
    event.timelinePath = `${pagedPath(timelineRoutes.all(), page)}#${event.anchorId}`;
  });
  return events;
}

/** Chronological order (without the editor's order, which only the caller knows). */
export function compareEvents(a: TimelineEvent, b: TimelineEvent): number {
  return (
    a.start.localeCompare(b.start) ||
    precisionRank[a.precision] - precisionRank[b.precision] ||
    a.end.localeCompare(b.end) ||
    a.article.published.localeCompare(b.article.published) ||
    a.article.slug.localeCompare(b.article.slug)
  );
}

/** Events grouped by the year they start in, oldest first: the sections of a timeline page. */
export function groupByYear(events: readonly TimelineEvent[]): { year: string; events: TimelineEvent[] }[] {
  const groups: { year: string; events: TimelineEvent[] }[] = [];
  for (const event of events) {
    const year = event.start.slice(0, 4);
    const last = groups.at(-1);
    if (last?.year === year) last.events.push(event);
    else groups.push({ year, events: [event] });
  }
  return groups;
}
