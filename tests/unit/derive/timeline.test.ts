import { describe, expect, it } from 'vitest';
import { buildTimeline, groupByYear, timelineAnchorId } from '../../../src/derive/timeline.ts';
import type { ArticleInput, SiteInput } from '../../../src/derive/types.ts';
import { actors, moscowTalks, places, site } from './fixtures.ts';

const only = (article: ArticleInput): SiteInput => ({ articles: [article], actors, places });

describe('buildTimeline', () => {
  it('orders events by the first day they cover, across articles', () => {
    const keys = buildTimeline(site).map((event) => event.key);
    expect(keys).toEqual([
      'moscow-talks/uprising', // 2011
      'moscow-talks/offensive', // April 2019, listed first by the editor
      'moscow-talks/truce-work', // April 2019
      'berlin-plans/jan-year', // 2020 starts 1 January
      'berlin-plans/week-talks', // 2020-W02 starts Monday 6 January
      'moscow-talks/talks', // 13 January 2020
    ]);
  });

  it('puts the coarser date first when two start on the same day: year, month, week, day', () => {
    const events = [
      { id: 'd', date: '2019-01-01', precision: 'day' as const },
      { id: 'm', date: '2019-01', precision: 'month' as const },
      { id: 'y', date: '2019', precision: 'year' as const },
      // ISO week 1 of 2019 starts on Monday 31 December 2018: before all of them.
      { id: 'w', date: '2019-W01', precision: 'week' as const },
    ].map((event) => ({ ...event, phrase: event.id, summary: event.id, actors: [] }));
    const article = { ...moscowTalks, data: { ...moscowTalks.data, events }, annotations: undefined };
    expect(buildTimeline(only(article)).map((event) => event.eventId)).toEqual(['w', 'y', 'm', 'd']);
  });

  it('keeps the editor order between events with the same date and precision', () => {
    const ids = buildTimeline(only(moscowTalks))
      .filter((event) => event.date === '2019-04')
      .map((event) => event.eventId);
    expect(ids).toEqual(['offensive', 'truce-work']);
  });

  it('gives each event the range its precision covers and a reader-facing label', () => {
    const byId = new Map(buildTimeline(site).map((event) => [event.eventId, event]));
    expect(byId.get('uprising')).toMatchObject({ start: '2011-01-01', end: '2011-12-31', label: '2011' });
    expect(byId.get('offensive')).toMatchObject({ start: '2019-04-01', end: '2019-04-30', label: 'April 2019' });
    expect(byId.get('week-talks')).toMatchObject({
      start: '2020-01-06',
      end: '2020-01-12',
      label: 'Week of 6 Jan 2020',
    });
    expect(byId.get('talks')).toMatchObject({ start: '2020-01-13', end: '2020-01-13', label: '13 Jan 2020' });
  });

  it('links each event to the paragraph that states it, or to its date element when the paragraph is unknown', () => {
    const byId = new Map(buildTimeline(site).map((event) => [event.eventId, event]));
    expect(byId.get('talks')?.passage).toEqual({
      paragraphId: 'p-one',
      dateId: 'event-talks',
      path: 'articles/moscow-talks/#p-one',
    });
    expect(byId.get('uprising')?.passage).toEqual({
      paragraphId: null,
      dateId: 'event-uprising',
      path: 'articles/moscow-talks/#event-uprising',
    });
  });

  it('resolves actors and places to names, and gives every event its own anchor', () => {
    const talks = buildTimeline(site).find((event) => event.eventId === 'talks');
    expect(talks?.actors.map((actor) => actor.name)).toEqual(['Vladimir Putin', 'Khalifa Haftar']);
    expect(talks?.place?.name).toBe('Moscow');
    expect(talks?.anchorId).toBe(timelineAnchorId('moscow-talks', 'talks'));
    const anchors = buildTimeline(site).map((event) => event.anchorId);
    expect(new Set(anchors).size).toBe(anchors.length);
  });
});

describe('groupByYear', () => {
  const timeline = buildTimeline(site);

  it('groups by the year events start in, oldest first', () => {
    expect(groupByYear(timeline).map((group) => [group.year, group.events.length])).toEqual([
      ['2011', 1],
      ['2019', 2],
      ['2020', 3],
    ]);
  });
});
