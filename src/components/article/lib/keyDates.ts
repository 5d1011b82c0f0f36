/**
 * The article's events as a reader scans them: in date order, each with a
 * human date at its precision and a link to where the text states it.
 */

import { dayRange, formatDay } from '../../../model/calendar.ts';
import type { ArticleEvent } from '../../../model/schema.ts';

export interface KeyDate {
  eventId: string;
  /** Machine-readable date for `<time datetime>`: `2011`, `2019-04`, `2020-W02`, `2020-01-13`. */
  datetime: string;
  /** Human date at its precision: `2011`, `April 2019`, `Week of 6 Jan 2020`, `13 Jan 2020`. */
  label: string;
  phrase: string;
  summary: string;
  /** Fragment id of the date in the body. */
  targetId: string;
}

// One way of saying dates across the site: the timeline and entity pages use the same.
import { formatEventDate } from '../../../derive/dates.ts';

export { formatEventDate, formatLongDay } from '../../../derive/dates.ts';

/**
 * Events in the order they happened: by first day, the coarser date first
 * when two start together (a year before a day in it), then in the order the
 * editor listed them.
 */
export function orderKeyDates(
  events: readonly ArticleEvent[],
  /** `annotations.events`: where each event's first date element is. */
  anchors?: Readonly<Record<string, { id: string }>>,
): KeyDate[] {
  const span = (event: ArticleEvent) => {
    const { start, end } = dayRange(event.date);
    return { start: formatDay(start), end: formatDay(end) };
  };
  return events
    .map((event, order) => ({ event, order, ...span(event) }))
    .sort((a, b) => a.start.localeCompare(b.start) || b.end.localeCompare(a.end) || a.order - b.order)
    .map(({ event }) => ({
      eventId: event.id,
      datetime: event.date,
      label: formatEventDate(event.date, event.precision),
      phrase: event.phrase,
      summary: event.summary,
      targetId: anchors?.[event.id]?.id ?? `event-${event.id}`,
    }));
}
