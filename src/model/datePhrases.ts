/**
 * Date phrases: what "on Monday", "in April", "last week" or "72 hours later"
 * can mean, and the build check that an editor's event date agrees with them.
 *
 * A phrase is read against the article's publication day or, for phrases such
 * as "hours later", against the event named in `after`. News language is
 * ambiguous: "on Sunday" in a Wednesday article is the Sunday just gone or the
 * coming one; "in April" in a January article is usually last April but may be
 * a planned one. So a phrase yields EVERY plausible reading and a date passes
 * when some reading allows it. Parsers such as chrono-node pick one reading,
 * which would reject correct dates, so the readings are worked out here.
 *
 * Choices: a bare month is that month of the publication year (even after
 * publication: a planned event) or of the previous year, never the next year.
 * Counted amounts allow half a unit of slack (weeks ±3 days, months ±15 days,
 * years ±6 months, plus the whole calendar year), decades ±1 year per decade;
 * hours and days are exact. Vague plurals ("weeks later") span DEFAULT_COUNT.
 * Results are widened to the grain of the unit and of the `after` event.
 */
import { addDays, dayRange, formatDay, isCalendarDate, isIsoWeek, isoWeekOf, parseDay } from './calendar.ts';
import type { Precision } from './schema.ts';

export interface DateReading {
  /** Human description, e.g. 'the Monday before publication', 'April of the previous year'. */
  label: string;
  /** First and last day the reading allows, ISO YYYY-MM-DD. */
  start: string;
  end: string;
}
export interface PhraseContext {
  published: string;
  anchor?: { id: string; date: string; precision: Precision };
}
export type DateCheck = { ok: true; reading: DateReading } | { ok: false; message: string };

interface Span {
  start: Date;
  end: Date;
}
type Unit = 'hour' | 'day' | 'week' | 'month' | 'year' | 'decade';
/** "72 hours later", "a decade ago", "the following week": a move from an origin. */
interface Offset {
  unit: Unit;
  count: [number, number];
  dir: 1 | -1;
  amount: string;
  exact: boolean;
}
type Interpretation = { kind: 'readings'; readings: DateReading[] } | { kind: 'needs-anchor' } | { kind: 'unknown' };

const MONTHS = 'January February March April May June July August September October November December'.split(' ');
const DAYS = 'Sunday Monday Tuesday Wednesday Thursday Friday Saturday'.split(' ');
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WEEKDAY = '(mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?';
const UNIT = '(hour|day|week|month|year|decade)(s?)';
const FILLER =
  /^(?:on|in|since|by|until|till|through|from|during|over|around|about|approximately|roughly|some|just|only|nearly|almost|barely|as of|back in|sometime in|as early as|at|of)\s+/;
const QUALIFIERS: [RegExp, Qualifier, string][] = [
  [/^(?:early|the (?:start|beginning|first half) of)\s+/, 'early', 'the first half of'],
  [/^(?:mid|the middle of)\s+/, 'mid', 'the middle of'],
  [/^(?:late|the (?:end|second half) of)\s+/, 'late', 'the second half of'],
  [/^earlier\s+/, 'earlier', 'the part up to publication of'],
  [/^later\s+/, 'later', 'the part from publication of'],
];
type Qualifier = 'early' | 'mid' | 'late' | 'earlier' | 'later';
const NUMBERS =
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen';
const TENS = '- - twenty thirty forty fifty sixty seventy eighty ninety'.split(' ');
const VAGUE: Record<string, [number, number]> = {
  'a few': [2, 5],
  few: [2, 5],
  several: [3, 9],
  'a couple of': [2, 3],
  'a couple': [2, 3],
  'couple of': [2, 3],
  many: [3, 30],
};
/** What a bare plural means: "hours later" is 1–23 hours, "weeks later" 1–8 weeks. */
const DEFAULT_COUNT: Record<Unit, [number, number]> = {
  hour: [1, 23],
  day: [2, 14],
  week: [1, 8],
  month: [1, 18],
  year: [2, 30],
  decade: [2, 5],
};
/** Publication-relative day words: offsets in days from publication. */
const DAY_WORDS: Record<string, [number, number, string]> = {
  today: [0, 0, 'the publication day'],
  tonight: [0, 0, 'the publication day'],
  'this morning': [0, 0, 'the publication day'],
  'this afternoon': [0, 0, 'the publication day'],
  'this evening': [0, 0, 'the publication day'],
  yesterday: [-1, -1, 'the day before publication'],
  'the day before': [-1, -1, 'the day before publication'],
  'the previous day': [-1, -1, 'the day before publication'],
  'last night': [-1, 0, 'the night before publication'],
  overnight: [-1, 0, 'the night before publication'],
  tomorrow: [1, 1, 'the day after publication'],
  'the day before yesterday': [-2, -2, 'two days before publication'],
  'the day after tomorrow': [2, 2, 'two days after publication'],
};

// ---- calendar spans ----
const utc = (y: number, m: number, d = 1): Date => new Date(Date.UTC(y, m, d));
const span = (start: Date, end: Date = start): Span => ({ start, end });
const monthSpan = (y: number, m: number): Span => span(utc(y, m), utc(y, m + 1, 0));
const yearSpan = (first: number, last = first): Span => span(utc(first, 0), utc(last, 11, 31));
const weekSpan = (d: Date): Span => {
  const monday = addDays(d, -((d.getUTCDay() + 6) % 7));
  return span(monday, addDays(monday, 6));
};
const monthsOf = (d: Date): number => d.getUTCFullYear() * 12 + d.getUTCMonth();
const reading = (label: string, s: Span): DateReading => ({ label, start: formatDay(s.start), end: formatDay(s.end) });
const toSpan = (r: { start: string; end: string }): Span => span(parseDay(r.start), parseDay(r.end));

function addMonths(d: Date, n: number): Date {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + n;
  return utc(y, m, Math.min(d.getUTCDate(), utc(y, m + 1, 0).getUTCDate()));
}

/** Widen a span to whole weeks, months or years. */
function roundOut(s: Span, grain: Precision): Span {
  if (grain === 'week') return span(weekSpan(s.start).start, weekSpan(s.end).end);
  if (grain === 'month')
    return span(
      monthSpan(s.start.getUTCFullYear(), s.start.getUTCMonth()).start,
      monthSpan(s.end.getUTCFullYear(), s.end.getUTCMonth()).end,
    );
  if (grain === 'year') return yearSpan(s.start.getUTCFullYear(), s.end.getUTCFullYear());
  return s;
}

/** "early", "mid", "late" take the first half, middle half or second half (by months when whole months). */
function narrow(s: Span, q: Qualifier, pub: Date): Span {
  if (q === 'earlier' || q === 'later') {
    if (pub < s.start || pub > s.end) return s;
    return q === 'earlier' ? span(s.start, pub) : span(pub, s.end);
  }
  const months = monthsOf(s.end) - monthsOf(s.start) + 1;
  const byMonth = months >= 2 && s.start.getUTCDate() === 1 && addDays(s.end, 1).getUTCDate() === 1;
  const length = byMonth ? months : Math.round((s.end.getTime() - s.start.getTime()) / 86_400_000) + 1;
  const half = Math.ceil(length / 2);
  const quarter = Math.floor(length / 4);
  const [a, b] =
    q === 'early' ? [0, half - 1] : q === 'late' ? [length - half, length - 1] : [quarter, length - 1 - quarter];
  if (!byMonth) return span(addDays(s.start, a), addDays(s.start, b));
  const y = s.start.getUTCFullYear();
  const m = s.start.getUTCMonth();
  return span(utc(y, m + a), utc(y, m + b + 1, 0));
}

// ---- offsets ("72 hours later", "a decade ago") ----
function move(d: Date, unit: Unit, n: number): Date {
  if (unit === 'hour' || unit === 'day') return addDays(d, n);
  if (unit === 'week') return addDays(d, 7 * n);
  return addMonths(d, n * (unit === 'month' ? 1 : unit === 'year' ? 12 : 120));
}
function slack(d: Date, unit: Unit, sign: number, n: number): Date {
  if (unit === 'week') return addDays(d, 3 * sign);
  if (unit === 'month') return addDays(d, 15 * sign);
  if (unit === 'year') return addMonths(d, 6 * sign);
  return unit === 'decade' ? addMonths(d, 12 * n * sign) : d;
}
const UNIT_GRAIN: Record<Unit, Precision> = {
  hour: 'day',
  day: 'day',
  week: 'day',
  month: 'month',
  year: 'month',
  decade: 'year',
};

function shift(s: Span, { unit, count: [lo, hi], dir, exact }: Offset): Span {
  if (exact)
    return roundOut(
      span(move(s.start, unit, dir * lo), move(s.end, unit, dir * lo)),
      unit === 'decade' || unit === 'hour' ? 'day' : unit,
    );
  if (unit === 'hour') {
    // An event at any time of the origin day(s) plus N hours lands on these days.
    return dir > 0
      ? span(addDays(s.start, Math.floor(lo / 24)), addDays(s.end, Math.ceil(hi / 24)))
      : span(addDays(s.start, -Math.ceil(hi / 24)), addDays(s.end, -Math.floor(lo / 24)));
  }
  const start = move(s.start, unit, dir > 0 ? lo : -hi);
  const end = move(s.end, unit, dir > 0 ? hi : -lo);
  return roundOut(span(slack(start, unit, -1, hi), slack(end, unit, 1, hi)), UNIT_GRAIN[unit]);
}

function offsetReadings(o: Offset, origin: Span, grain: Precision, from: string): DateReading[] {
  const round = (s: Span): Span => roundOut(s, grain);
  const label =
    o.count[1] === 0 ? `the same ${o.unit} as ${from}` : `${o.amount} ${o.dir > 0 ? 'after' : 'before'} ${from}`;
  const out = [reading(label, round(shift(origin, o)))];
  const [lo, hi] = o.count;
  const [y0, y1] = [origin.start.getUTCFullYear(), origin.end.getUTCFullYear()];
  if (o.unit === 'week' && !o.exact && grain === 'day') {
    // The whole ISO week(s) of the exact target day(s), for editors who date by week.
    const exact =
      o.dir > 0
        ? span(move(origin.start, 'week', lo), move(origin.end, 'week', hi))
        : span(move(origin.start, 'week', -hi), move(origin.end, 'week', -lo));
    out.push(reading(`${label}, as whole weeks`, roundOut(exact, 'week')));
  }
  if (o.unit === 'year' && !o.exact) {
    out.push(
      reading(`${label}, as a calendar year`, o.dir > 0 ? yearSpan(y0 + lo, y1 + hi) : yearSpan(y0 - hi, y1 - lo)),
    );
  }
  return out;
}

function parseCount(text: string, plural: boolean, unit: Unit): [number, number] | undefined {
  if (text === '') return plural ? DEFAULT_COUNT[unit] : [1, 1];
  if (/^\d+$/.test(text)) return [Number(text), Number(text)];
  if (text === 'a' || text === 'an') return [1, 1];
  if (VAGUE[text]) return VAGUE[text];
  const [first = '', second] = text.split(' ');
  const ones = NUMBERS.split(' ').indexOf(second ?? first);
  const tens = TENS.indexOf(first);
  // "seven", "twenty", "twenty five" (hyphens were turned into spaces)
  const n =
    second === undefined ? (ones > 0 ? ones : 10 * tens) : tens >= 2 && ones > 0 && ones < 10 ? 10 * tens + ones : 0;
  return n > 0 ? [n, n] : undefined;
}

/** Phrases that count from another event: "72 hours later", "the following day", "that week". */
const SPECIAL_OFFSETS: [RegExp, (m: RegExpExecArray) => [string, string]][] = [
  [/^(?:the|that) (next|following|previous|prior|same) (day|week|month|year)$/, (m) => [m[1] ?? '', m[2] ?? '']],
  [/^the day (after|before)$/, (m) => [m[1] ?? '', 'day']],
  [/^(?:(?:later|earlier) )?that (?:same )?(day|week|month|year)$/, (m) => ['same', m[1] ?? '']],
];
function anchorOffset(text: string): Offset | undefined {
  for (const [re, parts] of SPECIAL_OFFSETS) {
    const m = re.exec(text);
    if (!m) continue;
    const [word, unit] = parts(m);
    const n = word === 'same' ? 0 : 1;
    const dir = ['previous', 'prior', 'before'].includes(word) ? -1 : 1;
    return { unit: unit as Unit, count: [n, n], dir, amount: `the ${unit}`, exact: true };
  }
  const m = new RegExp(`^(.*?) ?\\b${UNIT} (later|after|afterwards?|on|earlier|before|prior)$`).exec(text);
  return m
    ? countedOffset(m[1] ?? '', m[2] as Unit, m[3] === 's', /^(earlier|before|prior)$/.test(m[4] ?? '') ? -1 : 1)
    : undefined;
}
function countedOffset(countText: string, unit: Unit, plural: boolean, dir: 1 | -1): Offset | undefined {
  const count = parseCount(countText.trim(), plural, unit);
  const amount = `${countText.trim()} ${unit}${plural ? 's' : ''}`.trim();
  return count ? { unit, count, dir, amount, exact: false } : undefined;
}

// ---- publication-relative readings ----
function weekdayReadings(mod: string | undefined, t: number, pub: Date): DateReading[] {
  const name = DAYS[t];
  const p = pub.getUTCDay();
  const day = (label: string, d: Date): DateReading => reading(label, span(d));
  const inWeek = (weeks: number): Date => addDays(weekSpan(addDays(pub, 7 * weeks)).start, (t + 6) % 7);
  const before = day(`the ${name} before publication`, addDays(pub, -((p - t + 7) % 7 || 7)));
  const after = day(`the ${name} after publication`, addDays(pub, (t - p + 7) % 7 || 7));
  if (mod === 'last' || mod === 'past') return [before, day(`the ${name} of the week before publication`, inWeek(-1))];
  if (mod === 'next' || mod === 'coming') return [after, day(`the ${name} of the week after publication`, inWeek(1))];
  if (mod === 'this') return [day(`the ${name} of the publication week`, inWeek(0)), after];
  return p === t ? [before, after, day(`the publication day (a ${name})`, pub)] : [before, after];
}

function monthReadings(mod: string | undefined, yearMod: string | undefined, m: number, pub: Date): DateReading[] {
  const [y, pm, name] = [pub.getUTCFullYear(), pub.getUTCMonth(), MONTHS[m]];
  const of = (label: string, year: number): DateReading => reading(label, monthSpan(year, m));
  const [pubYear, prevYear, nextYear] = [
    of(`${name} of the publication year`, y),
    of(`${name} of the previous year`, y - 1),
    of(`${name} of the next year`, y + 1),
  ];
  if (yearMod) return [yearMod === 'last' ? prevYear : yearMod === 'next' ? nextYear : pubYear];
  if (mod === 'last' || mod === 'past')
    return [of(`the last ${name} before publication`, m < pm ? y : y - 1), prevYear];
  if (mod === 'next' || mod === 'coming')
    return [of(`the next ${name} after publication`, m > pm ? y : y + 1), nextYear];
  return mod === 'this' ? [pubYear] : [pubYear, prevYear];
}

function monthDayReadings(m: number, d: number, year: string | undefined, pub: Date): DateReading[] {
  const y = pub.getUTCFullYear();
  const name = `${MONTHS[m]} ${d}`;
  const candidates: [string, number][] = year
    ? [[`${name}, ${year}`, Number(year)]]
    : [
        [`${name} of the publication year`, y],
        [`${name} of the previous year`, y - 1],
      ];
  return candidates.flatMap(([label, yr]) => {
    const iso = `${String(yr).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    return isCalendarDate(iso) ? [reading(label, span(parseDay(iso)))] : [];
  });
}

/** "last week", "this month", "the past year", "next weekend", "the last decade". */
function periodReadings(mod: string, unit: string, pub: Date): DateReading[] {
  const y = pub.getUTCFullYear();
  const k = { last: -1, previous: -1, past: -1, this: 0, current: 0, next: 1, coming: 1 }[mod] ?? 0;
  const at = (n: number): Span => {
    if (unit === 'week' || unit === 'weekend') {
      const w = weekSpan(addDays(pub, 7 * n));
      return unit === 'week' ? w : span(addDays(w.start, 5), w.end);
    }
    if (unit === 'month') return monthSpan(y, pub.getUTCMonth() + n);
    if (unit === 'year') return yearSpan(y + n);
    const d = Math.floor(y / 10) * 10 + 10 * n;
    return yearSpan(d, d + 9);
  };
  const where =
    k < 0
      ? `the ${unit} before publication`
      : k > 0
        ? `the ${unit} after publication`
        : unit === 'weekend'
          ? 'the weekend of the publication week'
          : `the publication ${unit}`;
  const out = [reading(where, at(k))];
  const back: Record<string, [Date, string]> = {
    week: [addDays(pub, -7), 'the seven days'],
    month: [addMonths(pub, -1), 'the month'],
    year: [addMonths(pub, -12), 'the twelve months'],
    decade: [addMonths(pub, -120), 'the ten years'],
  };
  const upTo = back[unit];
  if (upTo && (mod === 'past' || (mod === 'last' && unit === 'decade')))
    out.unshift(reading(`${upTo[1]} up to publication`, span(upTo[0], pub)));
  return out;
}

const monthIndex = (w: string): number => MONTHS.findIndex((name) => name.toLowerCase().startsWith(w.slice(0, 3)));
const dayIndex = (w: string): number => DAYS.findIndex((name) => name.toLowerCase().startsWith(w.slice(0, 3)));
type Rule = [RegExp, (m: RegExpExecArray, pub: Date) => DateReading[] | undefined];
/** Publication-relative phrases, tried in order; `m[i] ?? ''` only satisfies the index checks. */
const RULES: Rule[] = [
  [
    /^\d{4}(?:-(?:0[1-9]|1[0-2])|-\d{2}-\d{2}|-w\d{2})?$/,
    ([text]) => {
      const value = text.toUpperCase();
      const kinds = ['year', 'month', 'week', 'day'] as const;
      const kind = kinds[[4, 7, 8, 10].indexOf(value.length)];
      const valid = kind === 'day' ? isCalendarDate(value) : kind === 'week' ? isIsoWeek(value) : true;
      return valid ? [reading(`the ${kind} ${value}`, dayRange(value))] : undefined;
    },
  ],
  [/^(?:the )?(\d{3})0s$/, (m) => [reading(`the ${m[1]}0s`, yearSpan(Number(m[1]) * 10, Number(m[1]) * 10 + 9))]],
  [
    new RegExp(`^${MONTH} (\\d{1,2})(?: (\\d{4}))?$`),
    (m, pub) => monthDayReadings(monthIndex(m[1] ?? ''), Number(m[2]), m[3], pub),
  ],
  [
    new RegExp(`^(\\d{1,2}) (?:of )?${MONTH}(?: (\\d{4}))?$`),
    (m, pub) => monthDayReadings(monthIndex(m[2] ?? ''), Number(m[1]), m[3], pub),
  ],
  [
    new RegExp(`^${MONTH}(?: of)? (\\d{4})$`),
    (m) => {
      const month = monthIndex(m[1] ?? '');
      return [reading(`${MONTHS[month]} ${m[2]}`, monthSpan(Number(m[2]), month))];
    },
  ],
  [
    new RegExp(`^(?:(last|this|next|past|coming) )?${MONTH}(?: (last|this|next) year)?$`),
    (m, pub) => monthReadings(m[1], m[3], monthIndex(m[2] ?? ''), pub),
  ],
  [
    new RegExp(`^(?:(last|this|next|past|coming) )?${WEEKDAY}(?: (?:morning|afternoon|evening|night))?$`),
    (m, pub) => weekdayReadings(m[1], dayIndex(m[2] ?? ''), pub),
  ],
  [
    /^(?:the )?(last|past|previous|this|current|next|coming) (week|weekend|month|year|decade)$/,
    (m, pub) => periodReadings(m[1] ?? '', m[2] ?? '', pub),
  ],
  [
    /^(?:the|this past) weekend$/,
    (_, pub) => [...periodReadings('last', 'weekend', pub), ...periodReadings('this', 'weekend', pub)],
  ],
  [
    new RegExp(`^(.*?) ?\\b${UNIT} ago$`),
    (m, pub) => {
      const offset = countedOffset(m[1] ?? '', m[2] as Unit, m[3] === 's', -1);
      return offset && offsetReadings(offset, span(pub), 'day', 'publication');
    },
  ],
];

function publicationReadings(text: string, pub: Date): DateReading[] | undefined {
  const words = DAY_WORDS[text];
  if (words) return [reading(words[2], span(addDays(pub, words[0]), addDays(pub, words[1])))];
  for (const [re, read] of RULES) {
    const m = re.exec(text);
    const readings = m ? read(m, pub) : undefined;
    if (readings) return readings;
  }
  return undefined;
}

// ---- the public API ----
function normalize(phrase: string): string {
  return phrase
    .toLowerCase()
    .replace(/(\d)(?:st|nd|rd|th)\b/g, '$1')
    .replace(/([a-z])-(?=[a-z0-9])/g, '$1 ')
    .replace(/[.,;:!?()"“”]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
function stripFillers(text: string): string {
  let out = text;
  while (FILLER.test(out)) out = out.replace(FILLER, '');
  return out;
}
function dedupe(readings: DateReading[]): DateReading[] {
  return readings.filter((r, i) => readings.findIndex((o) => o.start === r.start && o.end === r.end) === i);
}

function interpret(phrase: string, context: PhraseContext): Interpretation {
  const pub = parseDay(context.published);
  let text = stripFillers(normalize(phrase));
  const offset = anchorOffset(text);
  if (offset && context.anchor) {
    const { id, date, precision } = context.anchor;
    return {
      kind: 'readings',
      readings: dedupe(offsetReadings(offset, dayRange(date), precision, `event "${id}" (${date})`)),
    };
  }
  if (offset && !DAY_WORDS[text]) return { kind: 'needs-anchor' };
  const qualifier = QUALIFIERS.find(([re]) => re.test(text));
  if (qualifier) text = stripFillers(text.replace(qualifier[0], ''));
  const readings = publicationReadings(text, pub);
  if (!readings || readings.length === 0) return { kind: 'unknown' };
  const narrowed = qualifier
    ? readings.map((r) => {
        const s = toSpan(r);
        const n = narrow(s, qualifier[1], pub);
        return n.start.getTime() === s.start.getTime() && n.end.getTime() === s.end.getTime()
          ? r
          : reading(`${qualifier[2]} ${r.label}`, n);
      })
    : readings;
  return { kind: 'readings', readings: dedupe(narrowed) };
}

/** All plausible readings of a date phrase; [] if the phrase is not recognised as a date expression. */
export function readDatePhrase(phrase: string, context: PhraseContext): DateReading[] {
  const result = interpret(phrase, context);
  return result.kind === 'readings' ? result.readings : [];
}

/** Does the phrase count from another event ("72 hours later"), so that the event needs `after`? */
export function needsAnchor(phrase: string): boolean {
  return anchorOffset(stripFillers(normalize(phrase))) !== undefined;
}

/** A span for messages: "2019", "2019-04", "2020-W02", "2020-01-12" or "start to end". */
export function describeSpan(start: string, end: string): string {
  const s = toSpan({ start, end });
  if (start === end) return start;
  if (start.endsWith('-01-01') && end.endsWith('-12-31'))
    return start.slice(0, 4) === end.slice(0, 4) ? start.slice(0, 4) : `${start.slice(0, 4)} to ${end.slice(0, 4)}`;
  if (start.endsWith('-01') && addDays(s.end, 1).getUTCDate() === 1)
    return start.slice(0, 7) === end.slice(0, 7) ? start.slice(0, 7) : `${start.slice(0, 7)} to ${end.slice(0, 7)}`;
  if (s.start.getUTCDay() === 1 && formatDay(addDays(s.start, 6)) === end)
    return `${isoWeekOf(s.start)}, ${start} to ${end}`;
  return `${start} to ${end}`;
}

/** Is `date` (at `precision`) allowed by some reading of `phrase`? */
export function checkEventDate(
  event: { date: string; precision: Precision; phrase: string },
  context: PhraseContext,
): DateCheck {
  const result = interpret(event.phrase, context);
  if (result.kind === 'needs-anchor') {
    return {
      ok: false,
      message: `phrase "${event.phrase}" counts from another event, but this event has no \`after\`: set \`after: <event id>\` to the id of the event it counts from.`,
    };
  }
  if (result.kind === 'unknown') {
    return {
      ok: false,
      message: `phrase "${event.phrase}" is not understood as a date: reword \`phrase\` to the date words of the text (e.g. "on Monday", "in April", "last week", "72 hours later"), or, if the text gives no date, date the event with a directive or leave it out.`,
    };
  }
  const e = dayRange(event.date);
  if (Number.isNaN(e.start.getTime()) || Number.isNaN(e.end.getTime()))
    return {
      ok: false,
      message: `"${event.date}" is not a date at any precision (2011, 2019-04, 2020-W02, 2020-01-13).`,
    };
  const within = (a: Span, b: Span): boolean => a.start >= b.start && a.end <= b.end;
  const hit = result.readings.find((r) => within(e, toSpan(r)) || within(toSpan(r), e));
  if (hit) return { ok: true, reading: hit };
  const tried = result.readings.map((r) => `${r.label} (${describeSpan(r.start, r.end)})`);
  const list = tried.length > 1 ? `${tried.slice(0, -1).join(', ')} and ${tried.at(-1)}` : tried[0];
  return {
    ok: false,
    message: `phrase "${event.phrase}" cannot mean ${event.date}: tried ${list}. Use a date within one of these, or correct the phrase.`,
  };
}
