/**
 * The article's events as a reader scans them: in date order, each with a
 * human date at its precision and a link to where the text states it.
 */

import { dayRange, formatDay } from '../../../model/calendar.ts';
import type { ArticleEvent, Precision } from '../../../model/schema.ts';

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

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const longMonths = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function shortDay(date: Date): string {
  return `${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** `13 January 2020`, for a `YYYY-MM-DD` day (the publication date). */
export function formatLongDay(day: string): string {
  const { start } = dayRange(day);
  return `${start.getUTCDate()} ${longMonths[start.getUTCMonth()]} ${start.getUTCFullYear()}`;
}

/** A date at its precision, as a reader says it. */
export function formatEventDate(date: string, precision: Precision): string {
  const { start } = dayRange(date);
  switch (precision) {
    case 'year':
      return String(start.getUTCFullYear());
    case 'month':
      return `${longMonths[start.getUTCMonth()]} ${start.getUTCFullYear()}`;
    case 'week':
      return `Week of ${shortDay(start)}`;
    case 'day':
      return shortDay(start);
  }
}

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
