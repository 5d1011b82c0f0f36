/**
 * Geometry of the timeline chart: where each event sits on a real time axis,
 * computed at build time so the page draws it as plain SVG.
 *
 * - Every event is a range of days (a year, a month, a week or a day) and is
 *   drawn as wide as the range it covers on the axis.
 * - Long stretches with no event (2011 → 2019 in the seed) are cut out of the
 *   axis and drawn as a break, so the dated periods share the width instead
 *   of a decade of nothing squeezing them into a corner.
 * - Where events still crowd together (a week of daily events beside a
 *   year-long bar) they are drawn again on a detail axis below, magnified, and
 *   the main axis shows a band where the detail belongs.
 * - Marks that would overlap are put on separate lanes.
 *
 * Each axis is piecewise linear: linear inside each segment, with fixed-width
 * breaks between segments. All positions are in SVG user units.
 */
import type { Precision } from '../model/schema.ts';
import { dayNumber, dayOfNumber, longMonth, precisionRank, shortMonth } from './dates.ts';

export interface LayoutItem {
  key: string;
  /** First and last day covered, `YYYY-MM-DD`, inclusive. */
  start: string;
  end: string;
  precision: Precision;
  /** The text drawn beside the mark (the event's number in the list). */
  label: string;
}

/** A single day marked on the axis but not an event: an article's publication. */
export interface LayoutMarker {
  key: string;
  day: string;
}

export interface TimelineLayoutOptions {
  /** Width of the drawing. */
  width: number;
  /** Space left and right of the axis. */
  padding: number;
  /** Width of the mark that stands for a cut-out stretch of time. */
  breakWidth: number;
  /** No dated segment is drawn narrower than this. */
  minSegmentWidth: number;
  /** A stretch of at least this many days without any event is cut out of the axis. */
  minGapDays: number;
  /** Marks of short events whose centres are closer than this go to a detail axis as well. */
  crowdedWidth: number;
  /** At most this many detail axes; crowding beyond them is left to the lanes. */
  maxDetails: number;
  laneHeight: number;
  /** At most this many lanes per axis; marks that find no room are counted instead ("+12"). */
  maxLanes: number;
  /** Minimum spacing of tick labels. */
  tickSpacing: number;
}

export const defaultLayoutOptions: TimelineLayoutOptions = {
  width: 960,
  padding: 28,
  breakWidth: 52,
  minSegmentWidth: 120,
  minGapDays: 730,
  crowdedWidth: 22,
  maxDetails: 3,
  laneHeight: 24,
  maxLanes: 10,
  tickSpacing: 52,
};

export interface Segment {
  /** Day numbers (days since 1970-01-01), `from` inclusive, `to` exclusive. */
  from: number;
  to: number;
  x0: number;
  x1: number;
}

export interface AxisBreak {
  x0: number;
  x1: number;
  /** The days left out, `from` inclusive, `to` exclusive. */
  from: number;
  to: number;
  /** `2012–2018`: the years left out. */
  label: string;
  /** `2012–18`: the same, short enough to fit the break. */
  shortLabel: string;
}

export interface Tick {
  x: number;
  label: string;
  /** 0: the finer row (days, months); 1: the coarser row (months under days, years under months). */
  row: 0 | 1;
}

export interface MarkLayout {
  key: string;
  precision: Precision;
  label: string;
  /** Extent of the range on the axis (after clipping to a detail window). */
  x0: number;
  x1: number;
  /** Centre of the mark, for day diamonds. */
  cx: number;
  /** Vertical centre of the mark's lane. */
  y: number;
  lane: number;
  /** Where the number is drawn (start of the text). */
  labelX: number;
  /** The range goes on beyond the left/right edge of a detail window. */
  clippedStart: boolean;
  clippedEnd: boolean;
}

export interface ZoomBand {
  /** Id of the detail axis that magnifies this band. */
  detail: string;
  x0: number;
  x1: number;
  /** Items drawn only in the detail. */
  keys: string[];
}

export interface AxisLayout {
  id: string;
  /** Human description of the span: `2011–2020`, `6–19 January 2020`. */
  title: string;
  from: number;
  to: number;
  /** Top of this axis's block. */
  top: number;
  lanes: number;
  /** y of the top of the first lane. */
  lanesTop: number;
  /** y of the axis line. */
  axisY: number;
  /** Bottom of this axis's block (below the tick labels). */
  bottom: number;
  segments: Segment[];
  breaks: AxisBreak[];
  ticks: Tick[];
  marks: MarkLayout[];
  /**
   * Publications, left to right. Publications closer together than a
   * marker's width share one marker (`keys` in date order): a chart of
   * hundreds of articles stays legible and a few tab stops long.
   */
  markers: { keys: string[]; x: number }[];
  zooms: ZoomBand[];
  /** Marks left out for lack of lanes, counted where they would have been (drawn as "+N" on the last row). */
  overflow: { x: number; y: number; count: number; keys: string[] }[];
}

export interface TimelineLayout {
  width: number;
  height: number;
  /** The main axis first, then the detail axes from left to right. */
  axes: AxisLayout[];
}

interface Span {
  key: string;
  from: number;
  /** Exclusive. */
  to: number;
  precision: Precision;
  label: string;
}

const TITLE_HEIGHT = 22;
const AXIS_GAP = 40;
const TICK_ROWS = 34;

export function layoutTimeline(
  items: readonly LayoutItem[],
  markers: readonly LayoutMarker[] = [],
  options: Partial<TimelineLayoutOptions> = {},
): TimelineLayout {
  const opts = { ...defaultLayoutOptions, ...options };
  const spans: Span[] = items
    .map((item) => ({
      key: item.key,
      from: dayNumber(item.start),
      to: dayNumber(item.end) + 1,
      precision: item.precision,
      label: item.label,
    }))
    .sort((a, b) => a.from - b.from || precisionRank[a.precision] - precisionRank[b.precision]);
  const points = markers.map((marker) => ({ key: marker.key, day: dayNumber(marker.day) }));
  if (spans.length === 0 && points.length === 0) return { width: opts.width, height: 0, axes: [] };

  const mainScale = buildScale(
    [...spans.map((span) => [span.from, span.to] as const), ...points.map((p) => [p.day, p.day + 1] as const)],
    opts,
  );
  const details = findCrowdedWindows(spans, mainScale, opts);

  const axes: AxisLayout[] = [];
  const hidden = new Set(details.flatMap((window) => window.keys));
  const main = layoutAxis({
    id: 'main',
    scale: mainScale,
    spans: spans.filter((span) => !hidden.has(span.key)),
    points,
    top: 0,
    opts,
  });
  main.title = gapLabel(main.from, main.to);
  main.zooms = details.map((window, index) => ({
    detail: `detail-${index + 1}`,
    x0: mainScale.x(window.from),
    x1: Math.max(mainScale.x(window.to), mainScale.x(window.from) + 6),
    keys: window.keys,
  }));
  axes.push(main);

  let top = main.bottom + AXIS_GAP;
  details.forEach((window, index) => {
    const scale = linearScale(window.from, window.to, opts);
    const inside = spans.filter((span) => span.to > window.from && span.from < window.to);
    const axis = layoutAxis({
      id: `detail-${index + 1}`,
      scale,
      spans: inside,
      points: points.filter((p) => p.day >= window.from && p.day < window.to),
      top: top + TITLE_HEIGHT,
      opts,
    });
    axis.title = spanTitle(window.from, window.to);
    axes.push(axis);
    top = axis.bottom + AXIS_GAP;
  });

  return { width: opts.width, height: Math.ceil(top - AXIS_GAP), axes };
}

// ---------------------------------------------------------------------------
// Scales

export interface Scale {
  segments: Segment[];
  breaks: AxisBreak[];
  /** Position of the start of a day. */
  x(day: number): number;
}

/**
 * The main axis: clusters of dated time separated by long empty stretches,
 * each cluster rounded out to whole months (or years, when it is long) and
 * given width in proportion to its length, but never less than the minimum.
 */
export function buildScale(ranges: readonly (readonly [number, number])[], opts: TimelineLayoutOptions): Scale {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const clusters: [number, number][] = [];
  for (const [from, to] of sorted) {
    const last = clusters.at(-1);
    if (last && from - last[1] < opts.minGapDays) last[1] = Math.max(last[1], to);
    else clusters.push([from, to]);
  }
  const rounded: [number, number][] = [];
  for (const [from, to] of clusters) {
    const [a, b] = roundOut(from, to);
    const last = rounded.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else rounded.push([a, b]);
  }

  const breakCount = rounded.length - 1;
  const available = opts.width - 2 * opts.padding - breakCount * opts.breakWidth;
  const widths = shareWidth(
    rounded.map(([from, to]) => to - from),
    available,
    Math.min(opts.minSegmentWidth, available / rounded.length),
  );

  const segments: Segment[] = [];
  const breaks: AxisBreak[] = [];
  let x = opts.padding;
  rounded.forEach(([from, to], index) => {
    const width = widths[index] ?? 0;
    segments.push({ from, to, x0: x, x1: x + width });
    x += width;
    const next = rounded[index + 1];
    if (next) {
      breaks.push({
        x0: x,
        x1: x + opts.breakWidth,
        from: to,
        to: next[0],
        label: gapLabel(to, next[0]),
        shortLabel: gapLabel(to, next[0], true),
      });
      x += opts.breakWidth;
    }
  });
  return { segments, breaks, x: (day) => positionOf(day, segments, breaks) };
}

/** A detail axis: one linear segment over the window. */
export function linearScale(from: number, to: number, opts: TimelineLayoutOptions): Scale {
  const segments = [{ from, to, x0: opts.padding, x1: opts.width - opts.padding }];
  return { segments, breaks: [], x: (day) => positionOf(day, segments, []) };
}

function positionOf(day: number, segments: readonly Segment[], breaks: readonly AxisBreak[]): number {
  for (const segment of segments) {
    if (day >= segment.from && day <= segment.to) {
      const span = segment.to - segment.from;
      return segment.x0 + (span === 0 ? 0 : ((day - segment.from) / span) * (segment.x1 - segment.x0));
    }
  }
  for (const gap of breaks) if (day > gap.from && day < gap.to) return (gap.x0 + gap.x1) / 2;
  const first = segments[0];
  const last = segments.at(-1);
  if (first && day < first.from) return first.x0;
  return last?.x1 ?? 0;
}

/** Split `total` in proportion to `weights`, giving none less than `min`. */
export function shareWidth(weights: readonly number[], total: number, min: number): number[] {
  const fixed = new Set<number>();
  for (;;) {
    const free = weights.reduce((sum, weight, index) => (fixed.has(index) ? sum : sum + weight), 0);
    const room = total - fixed.size * min;
    const widths = weights.map((weight, index) => (fixed.has(index) || free === 0 ? min : (room * weight) / free));
    const under = widths.findIndex((width, index) => width < min && !fixed.has(index));
    if (under === -1) return widths;
    fixed.add(under);
  }
}

/** Round a range of days out to whole months, or whole years when it is three years or longer. */
function roundOut(from: number, to: number): [number, number] {
  const start = new Date(from * 86_400_000);
  const end = new Date((to - 1) * 86_400_000);
  if (to - from >= 3 * 365) {
    return [Date.UTC(start.getUTCFullYear(), 0, 1) / 86_400_000, Date.UTC(end.getUTCFullYear() + 1, 0, 1) / 86_400_000];
  }
  return [
    Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1) / 86_400_000,
    Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 1) / 86_400_000,
  ];
}

function gapLabel(from: number, to: number, short = false): string {
  const first = dayOfNumber(from).slice(0, 4);
  const last = dayOfNumber(to - 1).slice(0, 4);
  if (first === last) return first;
  return short && first.slice(0, 2) === last.slice(0, 2) ? `${first}–${last.slice(2)}` : `${first}–${last}`;
}

/** `6–19 January 2020`, `28 December 2019 – 3 January 2020` */
export function spanTitle(from: number, to: number): string {
  const a = new Date(from * 86_400_000);
  const b = new Date((to - 1) * 86_400_000);
  const day = (d: Date) => d.getUTCDate();
  const month = (d: Date) => longMonth(d.getUTCMonth());
  if (a.getUTCFullYear() !== b.getUTCFullYear()) {
    return `${day(a)} ${month(a)} ${a.getUTCFullYear()} – ${day(b)} ${month(b)} ${b.getUTCFullYear()}`;
  }
  if (a.getUTCMonth() !== b.getUTCMonth()) return `${day(a)} ${month(a)} – ${day(b)} ${month(b)} ${b.getUTCFullYear()}`;
  return `${day(a)}–${day(b)} ${month(b)} ${b.getUTCFullYear()}`;
}

// ---------------------------------------------------------------------------
// Ticks

const DAY_STEPS = [1, 2, 7, 14];
const MONTH_STEPS = [1, 2, 3, 6];
const YEAR_STEPS = [1, 2, 5, 10, 20, 25, 50, 100];

/** Tick marks for one segment: the finest calendar unit whose labels keep `tickSpacing` apart. */
export function segmentTicks(segment: Segment, spacing: number): Tick[] {
  const perDay = (segment.x1 - segment.x0) / Math.max(1, segment.to - segment.from);
  const x = (day: number) => segment.x0 + (day - segment.from) * perDay;
  const ticks: Tick[] = [];
  const dayStep = DAY_STEPS.find((step) => step * perDay >= spacing);
  if (dayStep !== undefined) {
    let lastMonth = -1;
    for (let day = segment.from; day < segment.to; day += 1) {
      const date = new Date(day * 86_400_000);
      const aligned = dayStep === 1 || (dayStep >= 7 ? date.getUTCDay() === 1 : (day - segment.from) % dayStep === 0);
      if (!aligned) continue;
      ticks.push({ x: x(day), label: String(date.getUTCDate()), row: 0 });
      if (date.getUTCMonth() !== lastMonth) {
        lastMonth = date.getUTCMonth();
        ticks.push({ x: x(day), label: `${shortMonth(lastMonth)} ${date.getUTCFullYear()}`, row: 1 });
      }
    }
    return ticks;
  }
  const monthStep = MONTH_STEPS.find((step) => step * 30.44 * perDay >= spacing);
  const first = new Date(segment.from * 86_400_000);
  if (monthStep !== undefined) {
    let shownYear = -1;
    for (let m = first.getUTCFullYear() * 12 + first.getUTCMonth(); ; m += 1) {
      const day = Date.UTC(Math.floor(m / 12), m % 12, 1) / 86_400_000;
      if (day >= segment.to) break;
      if (day < segment.from || (m % 12) % monthStep !== 0) continue;
      ticks.push({ x: x(day), label: shortMonth(m % 12), row: 0 });
      const year = Math.floor(m / 12);
      if (year !== shownYear) {
        shownYear = year;
        ticks.push({ x: x(day), label: String(year), row: 1 });
      }
    }
    return ticks;
  }
  const yearStep = YEAR_STEPS.find((step) => step * 365.25 * perDay >= spacing) ?? 100;
  for (let year = first.getUTCFullYear(); ; year += 1) {
    const day = Date.UTC(year, 0, 1) / 86_400_000;
    if (day >= segment.to) break;
    if (day < segment.from || year % yearStep !== 0) continue;
    ticks.push({ x: x(day), label: String(year), row: 1 });
  }
  // A short segment may hold no round year: name its first year anyway.
  if (ticks.length === 0) ticks.push({ x: segment.x0, label: String(first.getUTCFullYear()), row: 1 });
  return ticks;
}

// ---------------------------------------------------------------------------
// Crowding and lanes

interface Window {
  from: number;
  to: number;
  keys: string[];
}

/** Runs of short events whose marks would sit on top of each other on the main axis. */
function findCrowdedWindows(spans: readonly Span[], scale: Scale, opts: TimelineLayoutOptions): Window[] {
  const short = spans
    .map((span) => ({ span, x0: scale.x(span.from), x1: scale.x(span.to) }))
    .filter(({ x0, x1 }) => x1 - x0 < opts.crowdedWidth)
    .sort((a, b) => a.x0 + a.x1 - (b.x0 + b.x1));

  const runs: (typeof short)[] = [];
  for (const mark of short) {
    const run = runs.at(-1);
    const previous = run?.at(-1);
    if (run && previous && (mark.x0 + mark.x1) / 2 - (previous.x0 + previous.x1) / 2 < opts.crowdedWidth)
      run.push(mark);
    else runs.push([mark]);
  }

  const windows: Window[] = [];
  for (const run of runs.filter((r) => r.length > 1)) {
    const from = Math.min(...run.map(({ span }) => span.from));
    const to = Math.max(...run.map(({ span }) => span.to));
    const pad = Math.max(1, Math.ceil((to - from) * 0.08));
    const last = windows.at(-1);
    if (last && from - pad <= last.to) {
      last.to = to + pad;
      last.keys.push(...run.map(({ span }) => span.key));
    } else {
      windows.push({ from: from - pad, to: to + pad, keys: run.map(({ span }) => span.key) });
    }
  }
  // The most crowded windows win when there are too many.
  return windows
    .map((window, order) => ({ window, order }))
    .sort((a, b) => b.window.keys.length - a.window.keys.length || a.order - b.order)
    .slice(0, opts.maxDetails)
    .sort((a, b) => a.order - b.order)
    .map(({ window }) => window);
}

const DIAMOND = 6;
const OVERFLOW_WIDTH = 36;
const LABEL_CHAR = 7;

function layoutAxis(args: {
  id: string;
  scale: Scale;
  spans: readonly Span[];
  points: readonly { key: string; day: number }[];
  top: number;
  opts: TimelineLayoutOptions;
}): AxisLayout {
  const { id, scale, spans, points, top, opts } = args;
  const first = scale.segments[0];
  const last = scale.segments.at(-1);
  const from = first?.from ?? 0;
  const to = last?.to ?? 0;

  const laneEnds: number[] = [];
  const left: { span: Span; cx: number }[] = [];
  const placed = spans.flatMap((span) => {
    const clippedStart = span.from < from;
    const clippedEnd = span.to > to;
    const x0 = scale.x(Math.max(span.from, from));
    const x1 = Math.max(scale.x(Math.min(span.to, to)), x0 + 2);
    const cx = (x0 + x1) / 2;
    const isPoint = span.precision === 'day' || x1 - x0 < DIAMOND * 2;
    const start = isPoint ? Math.min(x0, cx - DIAMOND) : x0;
    const labelX = (isPoint ? Math.max(x1, cx + DIAMOND) : x1) + 4;
    const right = labelX + span.label.length * LABEL_CHAR + 6;
    let lane = laneEnds.findIndex((end) => end <= start);
    if (lane === -1 && laneEnds.length < opts.maxLanes) {
      lane = laneEnds.length;
      laneEnds.push(right);
    } else if (lane === -1) {
      left.push({ span, cx });
      return [];
    } else {
      laneEnds[lane] = right;
    }
    return [{ span, x0, x1, cx, labelX, lane, clippedStart, clippedEnd }];
  });

  // Marks without a lane are counted per stretch of the axis as wide as a "+N" label.
  const buckets = new Map<number, { x: number; keys: string[] }>();
  for (const { span, cx } of left) {
    const bucket = Math.floor(cx / OVERFLOW_WIDTH);
    const entry = buckets.get(bucket) ?? { x: cx, keys: [] };
    entry.keys.push(span.key);
    buckets.set(bucket, entry);
  }
  const lanes = Math.max(1, laneEnds.length) + (buckets.size > 0 ? 1 : 0);
  // Room above the lanes for a zoom band's label.
  const lanesTop = top + 20;
  const axisY = lanesTop + lanes * opts.laneHeight + 6;
  const ticks = scale.segments.flatMap((segment) => segmentTicks(segment, opts.tickSpacing));
  return {
    id,
    title: spanTitle(from, to),
    from,
    to,
    top,
    lanes,
    lanesTop,
    axisY,
    bottom: axisY + TICK_ROWS,
    segments: scale.segments,
    breaks: scale.breaks,
    ticks,
    marks: placed.map(({ span, x0, x1, cx, labelX, lane, clippedStart, clippedEnd }) => ({
      key: span.key,
      precision: span.precision,
      label: span.label,
      x0: round(x0),
      x1: round(x1),
      cx: round(cx),
      y: round(lanesTop + (lane + 0.5) * opts.laneHeight),
      lane,
      labelX: round(labelX),
      clippedStart,
      clippedEnd,
    })),
    markers: groupMarkers(
      points.map((point) => ({ key: point.key, x: scale.x(point.day) + 0.5 * perDayAt(scale, point.day) })),
    ),
    zooms: [],
    overflow: [...buckets.values()].map((bucket) => ({
      x: round(bucket.x),
      y: round(lanesTop + (lanes - 0.5) * opts.laneHeight),
      count: bucket.keys.length,
      keys: bucket.keys,
    })),
  };
}

/** Width of a publication marker's square on the axis. */
export const MARKER_WIDTH = 8;

/**
 * Publication markers left to right, each run of points less than a marker's
 * width from the run's first one merged into one marker at the run's middle.
 */
function groupMarkers(points: readonly { key: string; x: number }[]): { keys: string[]; x: number }[] {
  const runs: { keys: string[]; from: number; to: number }[] = [];
  for (const point of [...points].sort((a, b) => a.x - b.x)) {
    const run = runs.at(-1);
    if (run && point.x - run.from < MARKER_WIDTH) {
      run.keys.push(point.key);
      run.to = point.x;
    } else runs.push({ keys: [point.key], from: point.x, to: point.x });
  }
  return runs.map((run) => ({ keys: run.keys, x: round((run.from + run.to) / 2) }));
}

/** Width of one day at `day` on the scale (publication markers sit mid-day). */
function perDayAt(scale: Scale, day: number): number {
  return scale.x(day + 1) - scale.x(day);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
