import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../../src/derive/dates.ts';
import {
  buildScale,
  defaultLayoutOptions,
  type LayoutItem,
  layoutTimeline,
  MARKER_WIDTH,
  type MarkLayout,
  segmentTicks,
  shareWidth,
} from '../../../src/derive/timelineLayout.ts';

const item = (key: string, start: string, end: string, precision: LayoutItem['precision']): LayoutItem => ({
  key,
  start,
  end,
  precision,
  label: key,
});

/** The seed's shape: two events in 2011, then 2019 to January 2020. */
const seedLike = [
  item('protests', '2011-01-01', '2011-12-31', 'year'),
  item('overthrow', '2011-01-01', '2011-12-31', 'year'),
  item('prediction', '2019-01-01', '2019-12-31', 'year'),
  item('offensive', '2019-04-01', '2019-04-30', 'month'),
  item('mercenaries', '2019-09-01', '2019-09-30', 'month'),
  item('drone', '2019-11-01', '2019-11-30', 'month'),
  item('italy', '2020-01-06', '2020-01-12', 'week'),
  item('istanbul', '2020-01-08', '2020-01-08', 'day'),
  item('ceasefire', '2020-01-11', '2020-01-11', 'day'),
  item('moscow', '2020-01-13', '2020-01-13', 'day'),
  item('leaves', '2020-01-14', '2020-01-14', 'day'),
  item('berlin', '2020-01-19', '2020-01-19', 'day'),
];

const marksOf = (axis: { marks: MarkLayout[] } | undefined) =>
  new Map((axis?.marks ?? []).map((mark) => [mark.key, mark]));

describe('the main axis across a long gap', () => {
  const layout = layoutTimeline(seedLike, [{ key: 'published', day: '2020-01-15' }]);
  const main = layout.axes[0];

  it('cuts the empty years out as one break, labelled with the years left out', () => {
    expect(main?.segments).toHaveLength(2);
    expect(main?.breaks.map((gap) => gap.label)).toEqual(['2012–2018']);
    expect(main?.title).toBe('2011–2020');
  });

  it('gives each dated period a readable share of the width', () => {
    const [early, late] = main?.segments ?? [];
    const width = (segment?: { x0: number; x1: number }) => (segment ? segment.x1 - segment.x0 : 0);
    expect(width(early)).toBeGreaterThanOrEqual(defaultLayoutOptions.minSegmentWidth);
    expect(width(late)).toBeGreaterThanOrEqual(defaultLayoutOptions.minSegmentWidth);
    // A year is a year on both sides of the break: without it, 2011 would get a tenth of the room.
    const marks = marksOf(main);
    const year2011 = marks.get('protests');
    const year2019 = marks.get('prediction');
    expect(year2011 && year2011.x1 - year2011.x0).toBeCloseTo((year2019?.x1 ?? 0) - (year2019?.x0 ?? 0), -1);
  });

  it('places the 2011 event inside the first segment and before the break', () => {
    const mark = marksOf(main).get('overthrow');
    const gap = main?.breaks[0];
    expect(mark?.x0).toBeGreaterThanOrEqual(main?.segments[0]?.x0 ?? Number.NaN);
    expect(mark?.x1).toBeLessThanOrEqual(gap?.x0 ?? Number.NaN);
  });

  it('is monotonic: later days are further right, across the break', () => {
    const scale = buildScale(
      seedLike.map((entry) => [dayNumber(entry.start), dayNumber(entry.end) + 1] as const),
      defaultLayoutOptions,
    );
    const days = ['2011-01-01', '2011-06-30', '2011-12-31', '2019-01-01', '2019-07-01', '2020-01-19'].map(dayNumber);
    const xs = days.map((day) => scale.x(day));
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(new Set(xs).size).toBe(xs.length);
  });

  it('draws each mark as wide as the range its date covers: year > month > week', () => {
    const marks = marksOf(main);
    const width = (key: string) => {
      const mark = marks.get(key);
      return mark ? mark.x1 - mark.x0 : Number.NaN;
    };
    expect(width('prediction')).toBeGreaterThan(width('offensive') * 10);
    expect(width('offensive')).toBeCloseTo(width('mercenaries'), 0);
  });

  it('keeps the publication apart from the events', () => {
    expect(main?.markers.map((marker) => marker.keys)).toEqual([['published']]);
    expect(main?.marks.some((mark) => mark.key === 'published')).toBe(false);
  });
});

describe('many publications', () => {
  // 400 articles published every few days over four years, and one long before.
  const day = (n: number) => new Date(Date.UTC(2016, 0, 1 + n)).toISOString().slice(0, 10);
  const published = [
    { key: 'early', day: '2011-06-01' },
    ...Array.from({ length: 400 }, (_, i) => ({ key: `a${i}`, day: day(Math.floor(i * 3.6)) })),
  ];
  const [main] = layoutTimeline(seedLike, published).axes;
  const markers = main?.markers ?? [];

  it('share markers where they would overlap, so the chart has far fewer links than articles', () => {
    expect(markers.length).toBeGreaterThan(1);
    expect(markers.length).toBeLessThan(published.length / 4);
    const xs = markers.map((marker) => marker.x);
    for (let i = 1; i < xs.length; i++)
      expect((xs[i] ?? 0) - (xs[i - 1] ?? 0)).toBeGreaterThanOrEqual(MARKER_WIDTH / 2);
  });

  it('leave no publication out, and list each marker’s publications in date order', () => {
    const keys = markers.flatMap((marker) => marker.keys);
    expect([...keys].sort()).toEqual(published.map((p) => p.key).sort());
    const order = new Map(published.map((p, i) => [p.key, i]));
    expect(keys.map((key) => order.get(key))).toEqual(
      [...keys.map((key) => order.get(key))].sort((a = 0, b = 0) => a - b),
    );
  });

  it('keep a publication far from the others on its own marker', () => {
    expect(markers.find((marker) => marker.keys.includes('early'))?.keys).toEqual(['early']);
  });
});

describe('crowded days', () => {
  const layout = layoutTimeline(seedLike, [{ key: 'published', day: '2020-01-15' }]);
  const [main, detail] = layout.axes;
  const crowded = ['italy', 'istanbul', 'ceasefire', 'moscow', 'leaves', 'berlin'];

  it('go to a detail axis, magnified, and leave a band on the main axis', () => {
    expect(layout.axes).toHaveLength(2);
    expect([...marksOf(detail).keys()].sort()).toEqual([...crowded].sort());
    for (const key of crowded) expect(marksOf(main).has(key)).toBe(false);
    expect(main?.zooms).toEqual([
      expect.objectContaining({ detail: 'detail-1', keys: expect.arrayContaining(crowded) }),
    ]);
    expect(detail?.title).toMatch(/January 2020$/);
    expect(detail?.top).toBeGreaterThan(main?.bottom ?? Number.POSITIVE_INFINITY);
  });

  it('are linear on the detail axis: days one apart are the same distance apart', () => {
    const marks = marksOf(detail);
    const centre = (key: string) => marks.get(key)?.cx ?? Number.NaN;
    const perDay = centre('leaves') - centre('moscow');
    expect(perDay).toBeGreaterThan(30);
    expect(centre('berlin') - centre('leaves')).toBeCloseTo(5 * perDay, 0);
    const week = marks.get('italy');
    expect(week && week.x1 - week.x0).toBeCloseTo(7 * perDay, 0);
  });

  it('never overlap on one lane', () => {
    for (const axis of layout.axes) {
      const byLane = new Map<number, { x0: number; x1: number; labelX: number }[]>();
      for (const mark of axis.marks) byLane.set(mark.lane, [...(byLane.get(mark.lane) ?? []), mark]);
      for (const marks of byLane.values()) {
        const sorted = [...marks].sort((a, b) => a.x0 - b.x0);
        for (let i = 1; i < sorted.length; i += 1) {
          expect(sorted[i]?.x0 ?? 0).toBeGreaterThanOrEqual((sorted[i - 1]?.labelX ?? 0) + 1);
        }
      }
    }
  });
});

describe('scales without gaps', () => {
  it('stay one segment when events are close together', () => {
    const layout = layoutTimeline([
      item('a', '2019-01-01', '2019-01-31', 'month'),
      item('b', '2019-06-01', '2019-06-30', 'month'),
      item('c', '2020-03-01', '2020-03-31', 'month'),
    ]);
    expect(layout.axes[0]?.segments).toHaveLength(1);
    expect(layout.axes[0]?.breaks).toEqual([]);
  });

  it('handle a single day', () => {
    const layout = layoutTimeline([item('only', '2020-01-13', '2020-01-13', 'day')]);
    const mark = layout.axes[0]?.marks[0];
    expect(mark?.cx).toBeGreaterThan(defaultLayoutOptions.padding);
    expect(mark?.cx).toBeLessThan(defaultLayoutOptions.width - defaultLayoutOptions.padding);
  });

  it('handle nothing', () => {
    expect(layoutTimeline([]).axes).toEqual([]);
  });
});

describe('helpers', () => {
  it('shareWidth splits in proportion but gives none less than the minimum', () => {
    const widths = shareWidth([1, 1000, 3000], 800, 100);
    expect(widths[0]).toBe(100);
    expect(widths.reduce((sum, width) => sum + width, 0)).toBeCloseTo(800);
    expect((widths[2] ?? 0) / (widths[1] ?? 1)).toBeCloseTo(3);
  });

  it('segmentTicks picks the finest calendar unit that leaves room for the labels', () => {
    const month = { from: dayNumber('2019-01-01'), to: dayNumber('2020-01-01'), x0: 0, x1: 1200 };
    expect(
      segmentTicks(month, 52)
        .filter((tick) => tick.row === 0)
        .map((tick) => tick.label),
    ).toEqual(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);
    const decade = { from: dayNumber('2000-01-01'), to: dayNumber('2020-01-01'), x0: 0, x1: 400 };
    expect(segmentTicks(decade, 52).map((tick) => tick.label)).toEqual(['2000', '2005', '2010', '2015']);
    const days = { from: dayNumber('2020-01-06'), to: dayNumber('2020-01-13'), x0: 0, x1: 700 };
    expect(segmentTicks(days, 52).map((tick) => tick.label)).toEqual([
      '6',
      'Jan 2020',
      '7',
      '8',
      '9',
      '10',
      '11',
      '12',
    ]);
  });
});
