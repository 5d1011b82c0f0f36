/**
 * Event dates as ranges of days: `2019-04` covers 1–30 April 2019, `2020-W02`
 * covers Monday 6 to Sunday 12 January 2020. Ordering, the timeline axis and
 * the labels all work from these ranges, so a year, a month, a week and a day
 * stay what the text says they are.
 */
import { dayRange, formatDay, parseDay } from '../model/calendar.ts';
import type { Precision } from '../model/schema.ts';

/** Coarse before fine: when two dates start together, the year comes before the day in it. */
export const precisionRank: Readonly<Record<Precision, number>> = { year: 0, month: 1, week: 2, day: 3 };

export const precisionLabel: Readonly<Record<Precision, string>> = {
  year: 'Year',
  month: 'Month',
  week: 'Week',
  day: 'Day',
};

/** First and last day (`YYYY-MM-DD`, inclusive) an event date covers. */
export function eventSpan(date: string): { start: string; end: string } {
  const { start, end } = dayRange(date);
  return { start: formatDay(start), end: formatDay(end) };
}

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` day: the unit of every timeline scale. */
export function dayNumber(day: string): number {
  return Math.round(parseDay(day).getTime() / MS_PER_DAY);
}

/** The `YYYY-MM-DD` of a day number. */
export function dayOfNumber(day: number): string {
  return formatDay(new Date(day * MS_PER_DAY));
}

const shortMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
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

export function shortMonth(month: number): string {
  return shortMonths[month] ?? '';
}

export function longMonth(month: number): string {
  return longMonths[month] ?? '';
}

/** `13 Jan 2020` */
export function formatShortDay(day: string): string {
  const date = parseDay(day);
  return `${date.getUTCDate()} ${shortMonth(date.getUTCMonth())} ${date.getUTCFullYear()}`;
}

/** `15 January 2020` */
export function formatLongDay(day: string): string {
  const date = parseDay(day);
  return `${date.getUTCDate()} ${longMonth(date.getUTCMonth())} ${date.getUTCFullYear()}`;
}

/** A date at its precision, as a reader says it: `2011`, `April 2019`, `Week of 6 Jan 2020`, `13 Jan 2020`. */
export function formatEventDate(date: string, precision: Precision): string {
  const { start } = dayRange(date);
  switch (precision) {
    case 'year':
      return String(start.getUTCFullYear());
    case 'month':
      return `${longMonth(start.getUTCMonth())} ${start.getUTCFullYear()}`;
    case 'week':
      return `Week of ${formatShortDay(formatDay(start))}`;
    case 'day':
      return formatShortDay(formatDay(start));
  }
}
