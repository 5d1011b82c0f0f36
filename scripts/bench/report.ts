/**
 * The benchmark's figures as tables: what `run.ts` prints and what the lead
 * pastes into the README. Pure functions of the results object.
 */
import { stripVTControlCharacters } from 'node:util';
import type { LighthouseResult } from './lighthouse.ts';
import { kb, markdownTable, mb, ratio, score, seconds } from './table.ts';
import { VARIANTS, type Variant } from './variants.ts';
import type { PageWeight } from './weight.ts';

export type BuildName = 'plain-unified' | 'plain-satteri' | 'full' | Variant;
export const BUILD_NAMES: readonly BuildName[] = ['plain-unified', 'plain-satteri', 'full'];
/** The reduced full sites of `--breakdown`, in the order they are built and shown. */
export const BREAKDOWN_NAMES: readonly Variant[] = VARIANTS;
export const BUILD_LABELS: Record<BuildName, string> = {
  'plain-unified': 'plain Astro + unified (no plugins)',
  'plain-satteri': 'plain Astro + Sätteri (Astro default)',
  full: 'Backstory (full site)',
  'without-search-images': 'Backstory without search and preview images',
  core: 'Backstory without search, preview images and secondary pages',
};
/** What each reduced site leaves out of the full one. */
export const BREAKDOWN_LEAVES_OUT: Record<Variant, string> = {
  'without-search-images': 'Pagefind index, preview images',
  core: 'Pagefind index, preview images, mention lists, per-actor timelines, per-article JSON, home pages 2+',
};

export interface BuildRun {
  wallSeconds: number;
  userSeconds?: number;
  systemSeconds?: number;
  maxRssMB?: number;
  treePeakMB: number;
  pages: number;
  exitCode: number | null;
  error?: string;
  log: string;
  phases?: AstroPhases;
  /** Render time per kind of route (from Astro's per-page log lines), slowest first. */
  routes?: RouteGroup[];
  /** Every file in the output directory (pages, images, feeds…). */
  files?: number;
  /** 1-minute load average when the build started (other work on the machine skews timings). */
  loadAverage?: number;
}

export interface BuildSummary {
  name: BuildName;
  runs: BuildRun[];
  /** Median wall time of the successful runs. */
  seconds?: number;
  /** Median CPU time (user + system, all processes) of the successful runs: less sensitive to other load. */
  cpuSeconds?: number;
  pages?: number;
  pagesPerSecond?: number;
  /** Highest over the runs. */
  maxRssMB?: number;
  treePeakMB?: number;
  failed: boolean;
}

export interface SizeResult {
  size: number;
  generateSeconds: number;
  corpus: { articles: number; actors: number; places: number; perArticle: Record<string, number> };
  builds: Partial<Record<BuildName, BuildSummary>>;
  /** full / plain-unified. */
  fullOverPlain?: number;
  /** plain-unified / plain-satteri. */
  plainOverSatteri?: number;
}

export const BUILD_TARGET = 1.5;
export const BUILD_AIM = 1.2;
export const ARTICLE_BUDGET_BYTES = 60_000;

export function scalingTable(sizes: readonly SizeResult[]): string {
  return markdownTable(
    [
      'articles',
      'plain-unified s',
      'satteri s',
      'full s',
      'full/plain-unified',
      'cpu full/plain-unified',
      'plain-unified/satteri',
      'full pages/s',
      'full peak MB',
      `≤${BUILD_TARGET}×`,
    ],
    sizes.map((s) => {
      const full = s.builds.full;
      return [
        String(s.size),
        cellSeconds(s.builds['plain-unified']),
        cellSeconds(s.builds['plain-satteri']),
        cellSeconds(full),
        ratio(s.builds.full?.seconds, s.builds['plain-unified']?.seconds),
        ratio(s.builds.full?.cpuSeconds, s.builds['plain-unified']?.cpuSeconds),
        ratio(s.builds['plain-unified']?.seconds, s.builds['plain-satteri']?.seconds),
        full?.pagesPerSecond === undefined ? '–' : full.pagesPerSecond.toFixed(1),
        mb(full?.maxRssMB ?? full?.treePeakMB),
        s.fullOverPlain === undefined ? '–' : s.fullOverPlain <= BUILD_TARGET ? 'met' : 'not met',
      ];
    }),
  );
}

/**
 * The `--breakdown` builds beside the full one: each one's time against the
 * plain build, and how much of the full build's extra time it removes.
 */
export function breakdownTable(sizes: readonly SizeResult[]): string {
  const rows: string[][] = [];
  for (const s of sizes) {
    const plain = s.builds['plain-unified']?.seconds;
    const full = s.builds.full?.seconds;
    for (const name of ['full', ...BREAKDOWN_NAMES] as const) {
      const b = s.builds[name];
      if (!b || (name === 'full' && !BREAKDOWN_NAMES.some((v) => s.builds[v]))) continue;
      rows.push([
        String(s.size),
        name,
        name === 'full' ? '–' : BREAKDOWN_LEAVES_OUT[name],
        cellSeconds(b),
        ratio(b.seconds, plain),
        name === 'full' || b.seconds === undefined || full === undefined ? '–' : seconds(full - b.seconds),
        b.pages === undefined ? '–' : String(b.pages),
      ]);
    }
  }
  return markdownTable(['articles', 'build', 'leaves out', 'wall s', '/plain-unified', 's saved', 'pages'], rows, [
    'right',
    'left',
    'left',
    'right',
    'right',
    'right',
    'right',
  ]);
}

export function buildDetailTable(sizes: readonly SizeResult[]): string {
  const rows: string[][] = [];
  for (const s of sizes) {
    for (const name of [...BUILD_NAMES, ...BREAKDOWN_NAMES]) {
      const b = s.builds[name];
      if (!b) continue;
      const ok = b.runs.filter((r) => r.exitCode === 0);
      // Phases of the run closest to the median.
      const typical = [...ok].sort(
        (x, y) => Math.abs(x.wallSeconds - (b.seconds ?? 0)) - Math.abs(y.wallSeconds - (b.seconds ?? 0)),
      )[0];
      const p = typical?.phases ?? {};
      const setup =
        p.prepareSeconds !== undefined && p.syncSeconds !== undefined ? p.prepareSeconds - p.syncSeconds : undefined;
      const startup =
        typical && p.astroTotalSeconds !== undefined ? typical.wallSeconds - p.astroTotalSeconds : undefined;
      rows.push([
        String(s.size),
        name,
        cellSeconds(b),
        seconds(b.cpuSeconds),
        seconds(startup),
        seconds(setup),
        seconds(p.syncSeconds),
        seconds(p.bundleSeconds),
        seconds(p.renderSeconds),
        b.pages === undefined ? '–' : String(b.pages),
        b.pagesPerSecond === undefined ? '–' : b.pagesPerSecond.toFixed(1),
        mb(b.maxRssMB),
        mb(b.treePeakMB),
        typical?.loadAverage === undefined ? '–' : typical.loadAverage.toFixed(1),
        String(b.runs.length),
      ]);
    }
  }
  return markdownTable(
    [
      'articles',
      'build',
      'wall s',
      'cpu s',
      'node+astro start s',
      'config+content check s',
      'content sync s',
      'bundle s',
      'render s',
      'pages',
      'pages/s',
      'max RSS MB',
      'tree RSS MB',
      'load avg',
      'runs',
    ],
    rows,
    [
      'right',
      'left',
      'right',
      'right',
      'right',
      'right',
      'right',
      'right',
      'right',
      'right',
      'right',
      'right',
      'right',
      'right',
      'right',
    ],
  );
}

function cellSeconds(b: BuildSummary | undefined): string {
  if (!b) return '–';
  if (b.failed && b.seconds === undefined) return 'failed';
  return seconds(b.seconds);
}

export function weightTable(pages: readonly PageWeight[], budget = ARTICLE_BUDGET_BYTES): string {
  return markdownTable(
    [
      'page',
      'HTML raw / gz / br KB',
      'CSS raw / gz / br KB',
      'JS raw / gz / br KB',
      'total gz KB',
      'total br KB',
      'files',
      'budget',
    ],
    pages.map((p) => {
      const t = p.totals;
      const triple = (s: { raw: number; gzip: number; brotli: number }) =>
        `${kb(s.raw)} / ${kb(s.gzip)} / ${kb(s.brotli)}`;
      const flag = p.type === 'article' ? (t.all.gzip > budget ? `OVER ${kb(budget)}` : `≤ ${kb(budget)}`) : '';
      return [
        `${p.type} (${p.page})`,
        triple(t.html),
        triple(t.css),
        triple(t.js),
        kb(t.all.gzip),
        kb(t.all.brotli),
        String(p.assets.length),
        flag,
      ];
    }),
  );
}

export function lighthouseTable(results: readonly LighthouseResult[]): string {
  return markdownTable(
    ['page', 'performance', 'accessibility', 'best-practices', 'SEO', 'LCP ms', 'TBT ms', 'CLS', 'note'],
    results.map((r) => [
      r.type,
      score(r.scores?.performance),
      score(r.scores?.accessibility),
      score(r.scores?.['best-practices']),
      score(r.scores?.seo),
      metric(r.metrics?.['largest-contentful-paint'], 0),
      metric(r.metrics?.['total-blocking-time'], 0),
      metric(r.metrics?.['cumulative-layout-shift'], 3),
      r.error ? `error: ${r.error}` : (r.failing ?? []).slice(0, 4).join(', '),
    ]),
    ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
  );
}

function metric(value: number | undefined, digits: number): string {
  return value === undefined ? '–' : value.toFixed(digits);
}

/** Where an `astro build` spent its time, read from its log (Astro prints these figures). */
export interface AstroPhases {
  /** Config setup, integrations' `astro:config:setup` (the content check) and content sync: "Collecting build info… Completed in". */
  prepareSeconds?: number;
  /** Content layer sync + type generation: "[types] Generated". */
  syncSeconds?: number;
  /** Vite bundling: the sum of "[vite] ✓ built in". */
  bundleSeconds?: number;
  /** Rendering the pages: "generating static routes … Completed in". */
  renderSeconds?: number;
  /** "N page(s) built in". */
  astroTotalSeconds?: number;
}

/** Astro's durations: `760ms`, `2.41s`, `1m 28s`. */
const DURATION = String.raw`((?:\d+m\s*)?[\d.]+(?:ms|s)|\d+m)`;

export function parseDuration(text: string): number {
  const m = /^(?:(\d+)m)?\s*(?:([\d.]+)(ms|s))?$/.exec(text.trim());
  if (!m) return Number.NaN;
  return Number(m[1] ?? 0) * 60 + (m[2] === undefined ? 0 : Number(m[2]) / (m[3] === 'ms' ? 1000 : 1));
}

export function parseAstroPhases(log: string): AstroPhases {
  const text = stripVTControlCharacters(log);
  const phases: AstroPhases = {};
  const completed = [...text.matchAll(new RegExp(String.raw`\[build\] ✓ Completed in ${DURATION}`, 'g'))];
  if (completed[0]) phases.prepareSeconds = parseDuration(completed[0][1] as string);
  const sync = new RegExp(String.raw`\[types\] Generated ${DURATION}`).exec(text);
  if (sync) phases.syncSeconds = parseDuration(sync[1] as string);
  const vite = [...text.matchAll(new RegExp(String.raw`\[vite\] ✓ built in ${DURATION}`, 'g'))];
  if (vite.length > 0) phases.bundleSeconds = vite.reduce((sum, m) => sum + parseDuration(m[1] as string), 0);
  const render = new RegExp(String.raw`generating static routes[\s\S]*?✓ Completed in ${DURATION}`).exec(text);
  if (render) phases.renderSeconds = parseDuration(render[1] as string);
  const total = new RegExp(String.raw`page\(s\) built in ${DURATION}`).exec(text);
  if (total) phases.astroTotalSeconds = parseDuration(total[1] as string);
  return phases;
}

/** Render time per kind of route, from the per-page lines Astro logs (`├─ /og/articles/x.png (+75ms)`). */
export interface RouteGroup {
  /** `/articles/*\/index.html`, `/og/articles/*.png`, `/rss.xml`… */
  route: string;
  pages: number;
  seconds: number;
}

export function routeGroup(pathname: string): string {
  const parts = pathname.split('/');
  const last = parts.at(-1) ?? '';
  if (last === 'index.html' && parts.length > 3) parts[parts.length - 2] = '*';
  else if (last !== 'index.html' && parts.length > 2) parts[parts.length - 1] = `*${/\.[^.]+$/.exec(last)?.[0] ?? ''}`;
  return parts.join('/');
}

export function parseRouteTimes(log: string): RouteGroup[] {
  const groups = new Map<string, RouteGroup>();
  for (const m of stripVTControlCharacters(log).matchAll(
    new RegExp(String.raw`[├└]─ (\/\S*) \(\+${DURATION}\)`, 'g'),
  )) {
    const route = routeGroup(m[1] as string);
    const group = groups.get(route) ?? { route, pages: 0, seconds: 0 };
    group.pages++;
    group.seconds += parseDuration(m[2] as string);
    groups.set(route, group);
  }
  return [...groups.values()].sort((a, b) => b.seconds - a.seconds);
}

export function routeTable(groups: readonly RouteGroup[], limit = 8): string {
  const total = groups.reduce((n, g) => n + g.seconds, 0);
  return markdownTable(
    ['route', 'pages', 'render s', 'ms/page', 'share'],
    groups
      .slice(0, limit)
      .map((g) => [
        g.route,
        String(g.pages),
        g.seconds.toFixed(1),
        ((g.seconds * 1000) / g.pages).toFixed(1),
        total > 0 ? `${Math.round((g.seconds / total) * 100)}%` : '–',
      ]),
    ['left', 'right', 'right', 'right', 'right'],
  );
}
