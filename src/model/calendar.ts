/**
 * Calendar arithmetic on ISO strings, in UTC, with no time zone surprises.
 * Shared by the schema (is this a real date?) and the date-phrase check.
 */

/** `YYYY-MM-DD` that names a real day (no Feb 30, no month 13). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** `YYYY-Www` with a week number that exists in that ISO year. */
export function isIsoWeek(value: string): boolean {
  const match = /^(\d{4})-W(\d{2})$/.exec(value);
  if (!match) return false;
  const week = Number(match[2]);
  return week >= 1 && week <= isoWeeksInYear(Number(match[1]));
}

/** Parse `YYYY-MM-DD` as a UTC midnight Date. */
export function parseDay(value: string): Date {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

export function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** ISO week of a day: `2020-01-08` → `2020-W02`. */
export function isoWeekOf(date: Date): string {
  // The ISO week belongs to the year of its Thursday.
  const thursday = addDays(date, 3 - ((date.getUTCDay() + 6) % 7));
  const year = thursday.getUTCFullYear();
  const dayOfYear = (thursday.getTime() - Date.UTC(year, 0, 1)) / 86_400_000;
  const week = 1 + Math.floor(dayOfYear / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Monday of an ISO week `YYYY-Www`. */
export function mondayOfIsoWeek(value: string): Date {
  const [yearText, weekText] = value.split('-W') as [string, string];
  const jan4 = new Date(Date.UTC(Number(yearText), 0, 4));
  const mondayOfWeek1 = addDays(jan4, -((jan4.getUTCDay() + 6) % 7));
  return addDays(mondayOfWeek1, (Number(weekText) - 1) * 7);
}

function isoWeeksInYear(year: number): number {
  // A year has 53 ISO weeks when Dec 28 falls in week 53.
  return isoWeekOf(new Date(Date.UTC(year, 11, 28))).endsWith('W53') ? 53 : 52;
}

/**
 * The first and last day covered by an event date at its precision:
 * `2019-04` → 2019-04-01 … 2019-04-30.
 */
export function dayRange(value: string): { start: Date; end: Date } {
  if (/^\d{4}$/.test(value)) {
    const y = Number(value);
    return { start: new Date(Date.UTC(y, 0, 1)), end: new Date(Date.UTC(y, 11, 31)) };
  }
  if (/^\d{4}-\d{2}$/.test(value)) {
    const [y, m] = value.split('-').map(Number) as [number, number];
    return { start: new Date(Date.UTC(y, m - 1, 1)), end: new Date(Date.UTC(y, m, 0)) };
  }
  if (/^\d{4}-W\d{2}$/.test(value)) {
    const start = mondayOfIsoWeek(value);
    return { start, end: addDays(start, 6) };
  }
  const day = parseDay(value);
  return { start: day, end: day };
}
