/**
 * remarkDates through the real processor: each event's phrase becomes a
 * `<time>` with the event's date at its precision.
 */
import { describe, expect, it } from 'vitest';
import { article, datesIn, mentionPairs, render } from './helpers.ts';

const event = (id: string, date: string, precision: string, phrase: string) => ({
  id,
  date,
  precision,
  phrase,
  summary: `${id}.`,
});

const frontmatter = article({
  places: [{ id: 'moscow', aliases: ['Moscow'] }],
  events: [
    event('moscow-talks', '2020-01-13', 'day', 'on Monday'),
    event('tripoli-offensive', '2019-04', 'month', 'in April'),
    event('qaddafi-overthrow', '2011', 'year', 'in 2011'),
    event('italy-mediation', '2020-W02', 'week', 'last week'),
  ],
});

const dates = async (markdown: string, fm = frontmatter) => datesIn((await render(markdown, fm)).html);

describe('remarkDates', () => {
  it('emits <time> with the date at each precision: day, month, year, week', async () => {
    const html = (await render('Talks on Monday. War in April, chaos in 2011, a meeting last week.', frontmatter)).html;
    expect(html).toContain(
      '<time datetime="2020-01-13" data-event="moscow-talks" id="event-moscow-talks">on Monday</time>',
    );
    expect(datesIn(html).map((d) => [d.event, d.datetime, d.text])).toEqual([
      ['moscow-talks', '2020-01-13', 'on Monday'],
      ['tripoli-offensive', '2019-04', 'in April'],
      ['qaddafi-overthrow', '2011', 'in 2011'],
      ['italy-mediation', '2020-W02', 'last week'],
    ]);
  });

  it('annotates the first occurrence only', async () => {
    const found = await dates('Talks on Monday.\n\nMore talks on Monday.');
    expect(found).toHaveLength(1);
    expect(found[0]?.id).toBe('event-moscow-talks');
  });

  it('skips headings, links and code, and takes the first occurrence in prose', async () => {
    const found = await dates(
      '## Talks on Monday\n\n[on Monday](https://example.com) and `on Monday`.\n\nThey met on Monday.',
    );
    expect(found.map((d) => d.text)).toEqual(['on Monday']);
  });

  it('matches whole words, exact case, and across a line break', async () => {
    expect(await dates('Won Monday and On Monday.')).toEqual([]);
    expect((await dates('They met on\nMonday.')).map((d) => d.text)).toEqual(['on\nMonday']);
  });

  it('an alias inside the phrase stays plain text inside the <time>', async () => {
    const fm = article({
      places: [{ id: 'moscow', aliases: ['Moscow'] }],
      events: [event('moscow-talks', '2020-01-13', 'day', 'in Moscow on Monday')],
    });
    const html = (await render('Talks in Moscow on Monday, then Moscow again.', fm)).html;
    expect(datesIn(html).map((d) => d.text)).toEqual(['in Moscow on Monday']);
    expect(mentionPairs(html)).toEqual([['place:moscow', 'Moscow']]);
  });

  it('does not find a phrase split by formatting (documented limitation)', async () => {
    expect(await dates('They met on *Monday*.')).toEqual([]);
  });

  it('an event dated twice by directives gets event-<id> and event-<id>-2', async () => {
    const found = await dates(':date[Monday]{#moscow-talks} and again :date[that day]{#moscow-talks}, not on Monday.');
    expect(found.map((d) => d.id)).toEqual(['event-moscow-talks', 'event-moscow-talks-2']);
  });
});

describe('remarkDates with several events', () => {
  const two = (first: string, second: string) =>
    article({ events: [event('a', '2019-04', 'month', first), event('b', '2019', 'year', second)] });

  it('events sharing a phrase take its occurrences in order', async () => {
    const found = await dates('First in April, then in April again.', two('in April', 'in April'));
    expect(found.map((d) => [d.event, d.text])).toEqual([
      ['a', 'in April'],
      ['b', 'in April'],
    ]);
  });

  it('a phrase overlapped by another one is still found elsewhere', async () => {
    // The second "in April" is taken by nobody (event a is placed) but hides "April 2019" from the first pass.
    const found = await dates('War in April 2019. Later in April 2019.', two('in April', 'April 2019'));
    expect(found.map((d) => [d.event, d.text])).toEqual([
      ['a', 'in April'],
      ['b', 'April 2019'],
    ]);
    const nested = await dates('Talks in April 2019 ended.', two('in April 2019', 'April'));
    expect(nested.map((d) => d.event)).toEqual(['a']);
  });
});
