import { describe, expect, it } from 'vitest';
import { mentionPages, mentionsPagePath } from '../../../src/derive/entityIndex.ts';
import { pagedPath, pageNumber, pageParams, paginate, paginateRuns } from '../../../src/derive/pagination.ts';
import { buildSiteData } from '../../../src/derive/siteData.ts';
import { buildTimeline } from '../../../src/derive/timeline.ts';
import { layoutTimeline } from '../../../src/derive/timelineLayout.ts';
import { site } from './fixtures.ts';

describe('pagination', () => {
  it('splits a list into pages and keeps one empty page for an empty list', () => {
    expect(paginate([1, 2, 3, 4, 5], 2).map((page) => page.items)).toEqual([[1, 2], [3, 4], [5]]);
    expect(paginate([], 10)).toEqual([{ number: 1, items: [] }]);
  });

  it('never splits a run (one article’s mentions) across pages', () => {
    const items = ['a', 'a', 'a', 'b', 'c', 'c', 'c', 'c', 'c', 'd'];
    const pages = paginateRuns(items, (item) => item, 4);
    expect(pages.map((page) => page.items.join(''))).toEqual(['aaab', 'ccccc', 'd']);
    expect(pages.flatMap((page) => page.items)).toEqual(items);
  });

  it('names pages the way the routes do', () => {
    expect(pagedPath('timeline/', 1)).toBe('timeline/');
    expect(pagedPath('timeline/', 3)).toBe('timeline/page/3/');
    expect(pageParams(3).map(({ params }) => params.page)).toEqual([undefined, 'page/2', 'page/3']);
    expect([undefined, 'page/2', 'page/17'].map(pageNumber)).toEqual([1, 2, 17]);
    expect(mentionsPagePath('actor', 'x', 1)).toBe('actors/x/#mentions');
    expect(mentionsPagePath('place', 'y', 2)).toBe('places/y/mentions/2/');
  });

  it('gives every timeline event the page it is on', () => {
    const events = buildTimeline(site, undefined, 4);
    expect(events.map((event) => event.timelinePath.replace(/#.*/, ''))).toEqual([
      'timeline/',
      'timeline/',
      'timeline/',
      'timeline/',
      'timeline/page/2/',
      'timeline/page/2/',
    ]);
    expect(events[0]?.timelinePath).toBe(`timeline/#${events[0]?.anchorId}`);
  });

  it('splits an entity’s mentions by article, newest first', () => {
    const haftar = buildSiteData(site).actors.byId.get('haftar');
    const pages = mentionPages(haftar?.mentions ?? [], 2);
    expect(pages.map((page) => page.items.map((m) => m.article.slug))).toEqual([
      ['berlin-plans'],
      ['moscow-talks', 'moscow-talks', 'moscow-talks', 'moscow-talks', 'moscow-talks'],
    ]);
  });
});

describe('a chart with many events on the same days', () => {
  it('stops at the lane limit and counts the rest', () => {
    const items = Array.from({ length: 40 }, (_, index) => ({
      key: `e${index}`,
      start: '2019-04-01',
      end: '2019-04-30',
      precision: 'month' as const,
      label: String(index + 1),
    }));
    const layout = layoutTimeline(items, [], { maxLanes: 6 });
    const axis = layout.axes[0];
    expect(axis?.marks).toHaveLength(6);
    expect(axis?.overflow.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(34);
    expect(axis?.lanes).toBe(7);
  });
});
