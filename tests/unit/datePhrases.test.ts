import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PhraseContext } from '../../src/model/datePhrases.ts';
import { checkEventDate, describeSpan, needsAnchor, readDatePhrase } from '../../src/model/datePhrases.ts';
import type { Precision } from '../../src/model/schema.ts';

// The seed article was published on Wednesday 2020-01-15. Expected dates below
// are worked out from the calendar: Mon 13, Tue 14, Wed 15, Sun 12 and Sun 19 January 2020;
// ISO week 2020-W02 is Mon 6 … Sun 12 January.
const seed: PhraseContext = { published: '2020-01-15' };
const precisionOf = (date: string): Precision =>
  /^\d{4}$/.test(date) ? 'year' : /-W/.test(date) ? 'week' : /^\d{4}-\d{2}$/.test(date) ? 'month' : 'day';
const check = (phrase: string, date: string, context: PhraseContext = seed) =>
  checkEventDate({ phrase, date, precision: precisionOf(date) }, context);
const accepts = (phrase: string, date: string, context?: PhraseContext) => check(phrase, date, context).ok;
const messageOf = (phrase: string, date: string, context?: PhraseContext): string => {
  const result = check(phrase, date, context);
  return result.ok ? '' : result.message;
};
const anchoredTo = (id: string, date: string, published = '2020-01-15'): PhraseContext => ({
  published,
  anchor: { id, date, precision: precisionOf(date) },
});
const days = (phrase: string, context: PhraseContext = seed) =>
  readDatePhrase(phrase, context).map((r) => [r.start, r.end]);

describe('weekdays', () => {
  it('reads "on Monday" as the Monday just before a Wednesday publication', () => {
    expect(accepts('on Monday', '2020-01-13')).toBe(true);
  });

  it('reads "on Sunday" as the Sunday before or after and names both when rejecting', () => {
    expect(accepts('on Sunday', '2020-01-12')).toBe(true);
    expect(accepts('on Sunday', '2020-01-19')).toBe(true);
    const message = messageOf('on Sunday', '2020-01-14');
    expect(message).toContain('phrase "on Sunday" cannot mean 2020-01-14');
    expect(message).toContain('the Sunday before publication (2020-01-12)');
    expect(message).toContain('the Sunday after publication (2020-01-19)');
  });

  it('returns the reading that matched', () => {
    const result = check('on Sunday', '2020-01-19');
    expect(result.ok && result.reading.label).toBe('the Sunday after publication');
  });

  it('includes the publication day when the weekday is the same', () => {
    expect(days('on Wednesday')).toEqual([
      ['2020-01-08', '2020-01-08'],
      ['2020-01-22', '2020-01-22'],
      ['2020-01-15', '2020-01-15'],
    ]);
  });

  it('reads "last Monday" as the last Monday or the Monday of last week', () => {
    expect(accepts('last Monday', '2020-01-13')).toBe(true);
    expect(accepts('last Monday', '2020-01-06')).toBe(true);
    expect(accepts('last Monday', '2020-01-20')).toBe(false);
  });

  it('is case-insensitive and takes abbreviations and times of day', () => {
    expect(accepts('ON MONDAY', '2020-01-13')).toBe(true);
    expect(accepts('on Tues. night', '2020-01-14')).toBe(true);
  });

  it('crosses the year boundary: Monday in a Thursday 2020-01-02 article', () => {
    // 2020-01-02 is a Thursday; the Monday before is 2019-12-30, the one after 2020-01-06.
    expect(days('on Monday', { published: '2020-01-02' })).toEqual([
      ['2019-12-30', '2019-12-30'],
      ['2020-01-06', '2020-01-06'],
    ]);
  });

  it('property: "on <Weekday>" gives that weekday within 7 days of publication', () => {
    const names = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
    const epochDay = Date.UTC(1900, 0, 1) / 86_400_000;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 73_000 }), fc.integer({ min: 0, max: 6 }), (offset, weekday) => {
        const published = new Date((epochDay + offset) * 86_400_000).toISOString().slice(0, 10);
        const readings = readDatePhrase(`on ${names[weekday]}`, { published });
        expect(readings.length).toBeGreaterThanOrEqual(2);
        for (const r of readings) {
          expect(r.start).toBe(r.end);
          expect(new Date(`${r.start}T00:00:00Z`).getUTCDay()).toBe(weekday);
          const distance = Math.abs(Date.parse(r.start) - Date.parse(published)) / 86_400_000;
          expect(distance).toBeLessThanOrEqual(7);
        }
      }),
    );
  });
});

describe('months and days of the month', () => {
  it('reads "in April" as last April or a planned April of the publication year', () => {
    expect(accepts('in April', '2019-04')).toBe(true);
    // Decision: April 2020 (after a January 2020 publication) is allowed: a planned event.
    expect(accepts('in April', '2020-04')).toBe(true);
    expect(accepts('in April', '2020-04-10')).toBe(true);
    expect(accepts('in April', '2018-04')).toBe(false);
    expect(accepts('since April', '2019-04')).toBe(true);
  });

  it('reads "in September" in a January article as last September', () => {
    expect(accepts('in September', '2019-09')).toBe(true);
  });

  it('reads "in December" in a January article as last December', () => {
    expect(days('in December', { published: '2020-01-02' })).toContainEqual(['2019-12-01', '2019-12-31']);
    expect(accepts('in December', '2019-12', { published: '2020-01-02' })).toBe(true);
    expect(accepts('in December', '2018-12', { published: '2020-01-02' })).toBe(false);
  });

  it('reads "last April" and "April last year" as April of the previous year', () => {
    expect(days('last April')).toEqual([['2019-04-01', '2019-04-30']]);
    expect(days('April last year')).toEqual([['2019-04-01', '2019-04-30']]);
    expect(days('in April 2018')).toEqual([['2018-04-01', '2018-04-30']]);
  });

  it('reads "Jan. 8" in all its spellings', () => {
    expect(accepts('Jan. 8', '2020-01-08')).toBe(true);
    expect(accepts('January 8', '2020-01-08')).toBe(true);
    expect(accepts('8 January', '2020-01-08')).toBe(true);
    expect(accepts('on Jan. 8, 2020', '2020-01-08')).toBe(true);
    expect(accepts('Jan. 8, 2020', '2019-01-08')).toBe(false);
    expect(accepts('Jan. 8', '2020-01-09')).toBe(false);
  });

  it('knows leap days: Feb. 29 exists only in leap years', () => {
    // Published 2021-03-10: 2021 has no Feb 29, so only 2020-02-29 remains.
    expect(days('Feb. 29', { published: '2021-03-10' })).toEqual([['2020-02-29', '2020-02-29']]);
    // Published 2020-03-02: 2020-02-29 exists, 2019-02-29 does not.
    expect(days('Feb. 29', { published: '2020-03-02' })).toEqual([['2020-02-29', '2020-02-29']]);
    expect(days('yesterday', { published: '2020-03-01' })).toEqual([['2020-02-29', '2020-02-29']]);
    expect(days('yesterday', { published: '2021-03-01' })).toEqual([['2021-02-28', '2021-02-28']]);
  });

  it('reads explicit dates', () => {
    expect(days('2020-01-08')).toEqual([['2020-01-08', '2020-01-08']]);
    expect(days('15 January 2020')).toEqual([['2020-01-15', '2020-01-15']]);
  });
});

describe('weeks, months and years around publication', () => {
  it('reads "last week" as the ISO week before publication', () => {
    expect(accepts('last week', '2020-W02')).toBe(true);
    expect(accepts('last week', '2020-01-09')).toBe(true);
    expect(accepts('last week', '2020-01-14')).toBe(false);
    expect(messageOf('last week', '2020-01-14')).toContain('2020-W02');
  });

  it('reads "last week" across the year boundary', () => {
    // 2020-01-02 lies in 2020-W01 (Mon 2019-12-30); the week before is Mon 23 … Sun 29 December 2019.
    expect(days('last week', { published: '2020-01-02' })).toEqual([['2019-12-23', '2019-12-29']]);
  });

  it('reads this week, last month, yesterday, today, tomorrow', () => {
    expect(days('this week')).toEqual([['2020-01-13', '2020-01-19']]);
    expect(days('last month')).toEqual([['2019-12-01', '2019-12-31']]);
    expect(days('yesterday')).toEqual([['2020-01-14', '2020-01-14']]);
    expect(days('today')).toEqual([['2020-01-15', '2020-01-15']]);
    expect(days('tomorrow')).toEqual([['2020-01-16', '2020-01-16']]);
    expect(days('the day before')).toEqual([['2020-01-14', '2020-01-14']]);
  });

  it('reads "early last year" as the first half of 2019', () => {
    expect(accepts('early last year', '2019')).toBe(true);
    expect(accepts('early last year', '2019-02')).toBe(true);
    expect(accepts('early last year', '2019-11')).toBe(false);
    expect(accepts('early last year', '2018')).toBe(false);
  });

  it('reads "earlier this year" as 1 January up to publication', () => {
    expect(days('earlier this year')).toEqual([['2020-01-01', '2020-01-15']]);
    expect(days('late last year')).toEqual([['2019-07-01', '2019-12-31']]);
  });

  it('reads years', () => {
    expect(accepts('in 2011', '2011')).toBe(true);
    expect(accepts('in 2011', '2011-05')).toBe(true);
    expect(accepts('in 2011', '2012')).toBe(false);
    expect(days('last year')).toEqual([['2019-01-01', '2019-12-31']]);
    expect(days('next year')).toEqual([['2021-01-01', '2021-12-31']]);
  });
});

describe('amounts of time ago', () => {
  it('reads "a decade ago" as 2009–2011 from 2020', () => {
    expect(accepts('a decade ago', '2011')).toBe(true);
    expect(accepts('a decade ago', '2009')).toBe(true);
    expect(accepts('a decade ago', '2000')).toBe(false);
  });

  it('reads counted days exactly and years with slack or as the calendar year', () => {
    expect(days('two days ago')).toEqual([['2020-01-13', '2020-01-13']]);
    expect(accepts('a year ago', '2019')).toBe(true);
    expect(accepts('a year ago', '2019-01')).toBe(true);
    expect(accepts('a year ago', '2017')).toBe(false);
    expect(accepts('6 months ago', '2019-07')).toBe(true);
  });
});

describe('phrases relative to another event', () => {
  it('counts "72 hours later" from the anchor, not from publication', () => {
    expect(accepts('72 hours later', '2020-01-11', anchoredTo('istanbul-summit', '2020-01-08'))).toBe(true);
    expect(accepts('72 hours later', '2020-01-15', anchoredTo('istanbul-summit', '2020-01-08'))).toBe(false);
    expect(messageOf('72 hours later', '2020-01-15', anchoredTo('istanbul-summit', '2020-01-08'))).toContain(
      '72 hours after event "istanbul-summit" (2020-01-08)',
    );
  });

  it('asks for `after` when a relative phrase has no anchor', () => {
    expect(messageOf('72 hours later', '2020-01-11')).toContain('after: <event id>');
    expect(readDatePhrase('72 hours later', seed)).toEqual([]);
    expect(needsAnchor('Weeks later')).toBe(true);
    expect(needsAnchor('on Monday')).toBe(false);
  });

  it('reads "Weeks later" after a month-precision event', () => {
    expect(accepts('Weeks later', '2019-11', anchoredTo('offensive', '2019-09'))).toBe(true);
    expect(accepts('Weeks later', '2020-06', anchoredTo('offensive', '2019-09'))).toBe(false);
  });

  it('reads "Hours later" as the same day or the next', () => {
    const context = anchoredTo('attack', '2020-01-13');
    expect(accepts('Hours later', '2020-01-13', context)).toBe(true);
    expect(accepts('Hours later', '2020-01-14', context)).toBe(true);
    expect(accepts('Hours later', '2020-01-15', context)).toBe(false);
  });

  it('reads "a week later", "the following day" and "days later"', () => {
    const context = anchoredTo('talks', '2020-01-08');
    expect(accepts('a week later', '2020-01-15', context)).toBe(true);
    expect(accepts('a week later', '2020-W03', context)).toBe(true);
    expect(accepts('a week later', '2020-01-08', context)).toBe(false);
    expect(days('the following day', context)).toEqual([['2020-01-09', '2020-01-09']]);
    expect(accepts('days later', '2020-01-12', context)).toBe(true);
    expect(accepts('days later', '2020-01-08', context)).toBe(false);
  });
});

describe('unrecognised phrases', () => {
  it('explains that the phrase is not a date and how to fix it', () => {
    expect(readDatePhrase('the peace summit', seed)).toEqual([]);
    const message = messageOf('the peace summit', '2020-01-13');
    expect(message).toContain('not understood as a date');
    expect(message).toContain('reword');
  });
});

describe('describeSpan', () => {
  it('writes spans at their natural precision', () => {
    expect(describeSpan('2019-01-01', '2019-12-31')).toBe('2019');
    expect(describeSpan('2019-04-01', '2019-04-30')).toBe('2019-04');
    expect(describeSpan('2020-01-06', '2020-01-12')).toBe('2020-W02, 2020-01-06 to 2020-01-12');
    expect(describeSpan('2020-01-12', '2020-01-12')).toBe('2020-01-12');
  });
});
