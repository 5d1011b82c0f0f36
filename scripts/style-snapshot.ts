/**
 * Computed-style snapshot of a built site, to prove that a CSS refactoring
 * changes nothing a reader sees.
 *
 *   node scripts/style-snapshot.ts record --dist dist --out DIR [--set site|corpus] [--only article,search]
 *   node scripts/style-snapshot.ts compare DIR_BEFORE DIR_AFTER
 *
 * `record` serves the build (tests/support/staticServer.ts), opens every page
 * of the chosen set in Debian Chromium (playwright-core; CHROMIUM_PATH
 * overrides /usr/bin/chromium) in every variant (390 px phone and 1280 px
 * desktop, light and dark; 900 px; print; motion allowed; JavaScript off) and
 * page states (mention card open, marking off, a `:target` passage, details
 * and popover open, search results), and writes one JSON file per page and
 * variant: every element (keyed by its tag path, so attributes and class names
 * may change) with all its computed properties, its ::before, ::after and
 * ::marker (when drawn), its box, and, for the hover, focus and `:target`
 * states that some rule depends on, what forcing that state changes in the
 * element's subtree (Chromium DevTools `CSS.forcePseudoState`).
 *
 * `compare` lists every difference (the first 200; SNAPSHOT_REPORT_LIMIT
 * raises that) and exits 1 when there is any. Record from a copy of `dist/`
 * (the next build overwrites it). On two cores a set takes about 12 min
 * (`site`) and 50 min (`corpus`, its 250-event timeline pages): the forced
 * states are most of it; `--only` narrows a run to some pages.
 *
 * Sets: `site` is the build of content/ (`npm run build`). `corpus` is a build
 * of a generated corpus large enough for the pagers and the mention pages:
 *   node scripts/bench/generate.ts --articles 40 --out /tmp/corpus40
 *   CONTENT_DIR=/tmp/corpus40/content OUT_DIR=/tmp/corpus-dist BENCH_CACHE_DIR=/tmp/corpus-cache \
 *     node_modules/.bin/astro build --config scripts/bench/full-site.config.mjs
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { serveStatic } from '../tests/support/staticServer.ts';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface PageSpec {
  name: string;
  path: string;
  /** Extra states of this page, each recorded at 1280 and 390 px, light. */
  states?: readonly StateSpec[];
}

interface StateSpec {
  name: string;
  /** Path to load instead of the page's own (e.g. with a fragment). */
  path?: string;
  act?: (page: Page) => Promise<void>;
}

const ARTICLE = '/articles/how-putin-was-thrown-off-course/';

const openAllDetails = async (page: Page) => {
  await page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
  });
};

const SETS: Record<string, readonly PageSpec[]> = {
  site: [
    { name: 'home', path: '/' },
    {
      name: 'article',
      path: ARTICLE,
      states: [
        {
          name: 'marking-off',
          act: async (page) => {
            await page.click('[data-marking-toggle]');
          },
        },
        {
          name: 'card-open',
          act: async (page) => {
            // Mouse hover on a desktop, a tap on a phone: both open the mention card.
            const mention = page.locator('[data-article-body] a.mention').first();
            const touch = await page.evaluate(() => matchMedia('(hover: none)').matches);
            if (touch) await mention.tap();
            else await mention.hover();
            await page.waitForSelector('#mention-card');
            await page.waitForTimeout(300);
          },
        },
        {
          name: 'card-focus',
          act: async (page) => {
            const place = page.locator('[data-article-body] a.mention[data-entity^="place:"]').first();
            await place.focus();
            await page.keyboard.press('Shift+Tab');
            await page.keyboard.press('Tab');
            await page.waitForSelector('#mention-card');
          },
        },
        { name: 'target-paragraph', path: `${ARTICLE}#p-0c2sz7h` },
        { name: 'target-source', path: `${ARTICLE}#source-semyonov-quote` },
        { name: 'details-open', act: openAllDetails },
        {
          name: 'popover-open',
          act: async (page) => {
            await page.click('button[popovertarget="relations-large"]:not([popovertargetaction])');
            await page.waitForSelector('#relations-large:popover-open');
          },
        },
      ],
    },
    {
      name: 'timeline',
      path: '/timeline/',
      states: [{ name: 'details-open', act: openAllDetails }],
    },
    { name: 'timeline-actor', path: '/timeline/actor/khalifa-haftar/' },
    { name: 'actors', path: '/actors/' },
    { name: 'actor', path: '/actors/khalifa-haftar/' },
    { name: 'actor-unmentioned', path: '/actors/bloomberg/' },
    { name: 'places', path: '/places/' },
    { name: 'place', path: '/places/libya/' },
    { name: 'place-small', path: '/places/tripoli/' },
    { name: 'search', path: '/search/' },
    {
      name: 'search-results',
      path: '/search/?q=Haftar',
      states: [{ name: 'results', path: '/search/?q=Russia' }],
    },
    { name: '404', path: '/404.html' },
  ],
  corpus: [
    { name: 'home', path: '/' },
    { name: 'page-2', path: '/page/2/' },
    { name: 'timeline', path: '/timeline/' },
    { name: 'timeline-page-2', path: '/timeline/page/2/' },
    { name: 'actor', path: '/actors/khalifa-haftar/' },
    { name: 'actor-mentions', path: '/actors/khalifa-haftar/mentions/2/' },
    { name: 'place-mentions', path: '/places/libya/mentions/2/' },
    { name: 'article', path: '/articles/how-putin-was-thrown-off-course-0001/' },
  ],
};

interface Job {
  state: string;
  variant: Variant;
  path: string;
  act?: StateSpec['act'];
}

interface Variant {
  name: string;
  options: BrowserContextOptions;
  media?: 'print';
  /** Also record what forcing hover, focus and :target changes. */
  forced?: boolean;
}

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1280, height: 800 } };
const VARIANTS: readonly Variant[] = [
  { name: '390-light', options: { ...PHONE, colorScheme: 'light' }, forced: true },
  { name: '390-dark', options: { ...PHONE, colorScheme: 'dark' } },
  { name: '900-light', options: { viewport: { width: 900, height: 800 }, colorScheme: 'light' } },
  { name: '1280-light', options: { ...DESKTOP, colorScheme: 'light' }, forced: true },
  { name: '1280-dark', options: { ...DESKTOP, colorScheme: 'dark' } },
  { name: '1280-print', options: { ...DESKTOP, colorScheme: 'light' }, media: 'print' },
  { name: '1280-motion', options: { ...DESKTOP, colorScheme: 'light', reducedMotion: 'no-preference' } },
  { name: '1280-nojs', options: { ...DESKTOP, colorScheme: 'light', javaScriptEnabled: false } },
];

/** One element: tag path, style ids of the element and its drawn ::before, ::after, ::marker, and its box. */
type Row = [path: string, style: number, before: number, after: number, marker: number, box: string];

interface Capture {
  properties: string[];
  styles: string[];
  rows: Row[];
  /** `state path` → the properties forcing that state on that element changes in its subtree. */
  forced: Record<string, string[]>;
}

/** In the page: all computed styles, interned, and boxes in document coordinates. */
function captureInPage(): Omit<Capture, 'forced'> {
  const sample = getComputedStyle(document.documentElement);
  const properties = Array.from({ length: sample.length }, (_, i) => sample.item(i)).sort();
  const ids = new Map<string, number>();
  const styles: string[] = [];
  const intern = (value: string) => {
    let id = ids.get(value);
    if (id === undefined) {
      id = styles.length;
      styles.push(value);
      ids.set(value, id);
    }
    return id;
  };
  const read = (element: Element, pseudo: string | null) => {
    const style = getComputedStyle(element, pseudo);
    if (pseudo && pseudo !== '::marker' && (style.content === 'none' || style.content === 'normal')) return -1;
    if (pseudo === '::marker' && style.display === '') return -1;
    return intern(properties.map((name) => style.getPropertyValue(name)).join('\u0001'));
  };
  const rows: Row[] = [];
  const round = (n: number) => Math.round(n * 100) / 100;
  const walk = (element: Element, path: string) => {
    const box = element.getBoundingClientRect();
    const isListItem = getComputedStyle(element).display.includes('list-item');
    rows.push([
      path,
      read(element, null),
      read(element, '::before'),
      read(element, '::after'),
      isListItem ? read(element, '::marker') : -1,
      [box.x + scrollX, box.y + scrollY, box.width, box.height].map(round).join(' '),
    ]);
    let index = 0;
    for (const child of element.children) walk(child, `${path}/${child.localName}${index++}`);
  };
  walk(document.documentElement, 'html');
  return { properties, styles, rows };
}

const STATES: Record<string, string[]> = {
  hover: ['hover'],
  focus: ['focus', 'focus-visible', 'focus-within'],
  target: ['target'],
};

/**
 * In the page: the elements some rule styles differently under each state
 * (the selector up to the compound with the pseudo-class, state removed), and
 * every focusable element and every element with an id.
 */
function candidatesInPage(): Record<string, number[]> {
  const all = [...document.querySelectorAll('*')];
  const indexOf = new Map(all.map((element, index) => [element, index]));
  const found: Record<string, Set<Element>> = { hover: new Set(), focus: new Set(), target: new Set() };
  const pseudo = { hover: /:hover/, focus: /:focus(-visible|-within)?/, target: /:target/ } as const;
  const rules: CSSStyleRule[] = [];
  const collect = (list: CSSRuleList) => {
    for (const rule of list) {
      if (rule instanceof CSSStyleRule) rules.push(rule);
      if ('cssRules' in rule && rule.cssRules) collect(rule.cssRules as CSSRuleList);
    }
  };
  for (const sheet of document.styleSheets) {
    try {
      collect(sheet.cssRules);
    } catch {
      // not readable
    }
  }
  const split = (selector: string) => {
    const parts: string[] = [];
    let depth = 0;
    let start = 0;
    for (let i = 0; i < selector.length; i++) {
      const c = selector[i];
      if (c === '(' || c === '[') depth++;
      else if (c === ')' || c === ']') depth--;
      else if (c === ',' && depth === 0) {
        parts.push(selector.slice(start, i));
        start = i + 1;
      }
    }
    parts.push(selector.slice(start));
    return parts.map((part) => part.trim());
  };
  const subjects = (selector: string, state: RegExp) => {
    let depth = 0;
    for (let i = 0; i < selector.length; i++) {
      const c = selector[i] ?? '';
      if (c === '(' || c === '[') depth++;
      else if (c === ')' || c === ']') depth--;
      else if (depth === 0 && c === ':' && selector.slice(i).search(state) === 0) {
        let end = i + 1;
        let inner = 0;
        while (end < selector.length) {
          const d = selector[end] ?? '';
          if (d === '(' || d === '[') inner++;
          else if (d === ')' || d === ']') inner--;
          else if (inner === 0 && /[\s>+~]/.test(d)) break;
          end++;
        }
        const stripped = selector
          .slice(0, end)
          .replace(/:(hover|focus-visible|focus-within|focus|active|target)(?![\w-])/g, '')
          .replace(/::?(before|after|marker|placeholder|backdrop)\b/g, '');
        // `:focus-visible` or `:target > x` alone: the focusable elements and those with an id stand in.
        if (stripped.trim() === '' || /[>+~]\s*$/.test(stripped)) return [];
        // `.a :focus-visible`: any descendant of `.a`.
        const prefix = /\s$/.test(stripped) ? `${stripped}*` : stripped;
        try {
          return [...document.querySelectorAll(prefix)];
        } catch {
          return [];
        }
      }
    }
    return [];
  };
  for (const rule of rules) {
    for (const selector of split(rule.selectorText)) {
      for (const [state, pattern] of Object.entries(pseudo)) {
        if (!pattern.test(selector)) continue;
        for (const element of subjects(selector, pattern)) found[state]?.add(element);
      }
    }
  }
  const focusable = 'a[href], button, input, select, textarea, summary, [tabindex]';
  for (const element of document.querySelectorAll(focusable)) found.focus?.add(element);
  for (const element of document.querySelectorAll('[id]')) found.target?.add(element);
  return Object.fromEntries(
    Object.entries(found).map(([state, set]) => [
      state,
      [...set].map((element) => indexOf.get(element) ?? -1).filter((index) => index >= 0),
    ]),
  );
}

/** In the page: keep the current styles of every element (and pseudo) as the baseline for forced states. */
function baselineInPage(): void {
  const sample = getComputedStyle(document.documentElement);
  const properties = Array.from({ length: sample.length }, (_, i) => sample.item(i));
  const read = (element: Element, pseudo: string | null) => {
    const style = getComputedStyle(element, pseudo);
    return properties.map((name) => style.getPropertyValue(name));
  };
  const all = [...document.querySelectorAll('*')];
  const pathOf = new Map<Element, string>();
  const walk = (element: Element, path: string) => {
    pathOf.set(element, path);
    let index = 0;
    for (const child of element.children) walk(child, `${path}/${child.localName}${index++}`);
  };
  walk(document.documentElement, 'html');
  const base = new Map<Element, Record<string, string[]>>();
  for (const element of all) {
    base.set(element, {
      '': read(element, null),
      '::before': read(element, '::before'),
      '::after': read(element, '::after'),
    });
  }
  const state = {
    all,
    properties,
    pathOf,
    base,
    read,
    /** Differences in the subtree of `all[index]` from its baseline. */
    diff(index: number): string[] {
      const root = all[index];
      if (!root) return [];
      const out: string[] = [];
      for (const element of [root, ...root.querySelectorAll('*')]) {
        const known = base.get(element) ?? {};
        for (const pseudo of ['', '::before', '::after']) {
          const now = read(element, pseudo || null);
          const then = known[pseudo] ?? [];
          now.forEach((value, i) => {
            if (value !== then[i]) out.push(`${pathOf.get(element)}${pseudo} ${properties[i]}: ${then[i]} → ${value}`);
          });
        }
      }
      return out;
    },
  };
  (window as unknown as { __snapshot: typeof state }).__snapshot = state;
}

async function forcedStates(page: Page): Promise<Record<string, string[]>> {
  const candidates = await page.evaluate(candidatesInPage);
  await page.evaluate(baselineInPage);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  await cdp.send('DOM.getDocument', { depth: 0 });
  const out: Record<string, string[]> = {};
  for (const [state, indexes] of Object.entries(candidates)) {
    for (const index of indexes) {
      const handle = await cdp.send('Runtime.evaluate', { expression: `window.__snapshot.all[${index}]` });
      const objectId = handle.result.objectId;
      if (!objectId) continue;
      const { nodeId } = await cdp.send('DOM.requestNode', { objectId });
      await cdp.send('CSS.forcePseudoState', { nodeId, forcedPseudoClasses: STATES[state] ?? [] });
      const changes = await page.evaluate(
        (i) => (window as unknown as { __snapshot: { diff: (i: number) => string[] } }).__snapshot.diff(i),
        index,
      );
      await cdp.send('CSS.forcePseudoState', { nodeId, forcedPseudoClasses: [] });
      await cdp.send('Runtime.releaseObject', { objectId });
      if (changes.length > 0) {
        const path = await page.evaluate((i) => {
          const s = (window as unknown as { __snapshot: { all: Element[]; pathOf: Map<Element, string> } }).__snapshot;
          const element = s.all[i];
          return element ? (s.pathOf.get(element) ?? '?') : '?';
        }, index);
        out[`${state} ${path}`] = changes;
      }
    }
  }
  await cdp.detach();
  return out;
}

async function settle(page: Page, scripts = true): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // Without JavaScript no animation frame callback runs: the page has nothing to settle anyway.
  if (scripts)
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  else await page.waitForTimeout(100);
}

async function record(dist: string, out: string, set: string, only: string[] | undefined): Promise<void> {
  const pages = SETS[set];
  if (!pages) throw new Error(`no set ${set}: ${Object.keys(SETS).join(', ')}`);
  await mkdir(out, { recursive: true });
  const server = await serveStatic({ root: dist });
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const url = (path: string) => new URL(path.replace(/^\//, ''), server.url).href;
  const waitForResults = async (page: Page, path: string) => {
    if (path.includes('/search/?q=')) await page.waitForSelector('.search-result', { timeout: 15_000 });
  };
  try {
    for (const spec of pages.filter((p) => !only || only.includes(p.name))) {
      const jobs: Job[] = [];
      for (const variant of VARIANTS) jobs.push({ state: 'static', variant, path: spec.path });
      for (const state of spec.states ?? []) {
        for (const variant of VARIANTS.filter((v) => v.name === '1280-light' || v.name === '390-light')) {
          jobs.push({
            state: state.name,
            variant: { ...variant, forced: false },
            path: state.path ?? spec.path,
            ...(state.act ? { act: state.act } : {}),
          });
        }
      }
      for (const job of jobs) {
        const started = Date.now();
        const capture = await attempt(async () => {
          const context = await browser.newContext({ reducedMotion: 'reduce', ...job.variant.options });
          try {
            return await captureJob(await context.newPage(), job);
          } finally {
            await context.close();
          }
        });
        const file = join(out, `${set}--${spec.name}--${job.state}--${job.variant.name}.json`);
        await writeFile(file, JSON.stringify(capture));
        console.log(
          `${file}: ${capture.rows.length} elements, ${capture.styles.length} distinct styles, ${Object.keys(capture.forced).length} forced states with changes (${Date.now() - started} ms)`,
        );
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }

  async function captureJob(page: Page, job: Job): Promise<Capture> {
    const scripts = job.variant.options.javaScriptEnabled !== false;
    await page.goto(url(job.path), { waitUntil: 'load' });
    if (scripts) await waitForResults(page, job.path);
    if (job.variant.media) await page.emulateMedia({ media: job.variant.media });
    await settle(page, scripts);
    if (job.act) {
      await job.act(page);
      await settle(page);
    } else if (!job.path.includes('#')) {
      await page.evaluate(() => window.scrollTo(0, 0));
    }
    const capture: Capture = { ...(await page.evaluate(captureInPage)), forced: {} };
    if (job.variant.forced) capture.forced = await forcedStates(page);
    return capture;
  }
}

/** Chromium's renderer now and then dies during the thousands of forced states of a long page: try again. */
async function attempt<T>(run: () => Promise<T>, tries = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await run();
    } catch (error) {
      if (i >= tries || !/closed|crash/i.test(String(error))) throw error;
      console.error(`retrying after: ${String(error).split('\n')[0]}`);
    }
  }
}

async function compare(a: string, b: string): Promise<number> {
  const files = (await readdir(a)).filter((name) => name.endsWith('.json')).sort();
  const others = new Set((await readdir(b)).filter((name) => name.endsWith('.json')));
  let differences = 0;
  let elements = 0;
  let forcedStatesCompared = 0;
  const report = (file: string, message: string) => {
    differences++;
    if (differences <= Number(process.env.SNAPSHOT_REPORT_LIMIT ?? 200)) console.log(`${file}: ${message}`);
  };
  for (const file of files) {
    if (!others.has(file)) {
      report(file, `missing in ${b}`);
      continue;
    }
    others.delete(file);
    const left = JSON.parse(await readFile(join(a, file), 'utf8')) as Capture;
    const right = JSON.parse(await readFile(join(b, file), 'utf8')) as Capture;
    if (left.properties.join() !== right.properties.join()) report(file, 'different property lists');
    const style = (capture: Capture, id: number) => (id < 0 ? undefined : capture.styles[id]?.split('\u0001'));
    const rightRows = new Map(right.rows.map((row) => [row[0], row]));
    for (const row of left.rows) {
      const other = rightRows.get(row[0]);
      if (!other) {
        report(file, `${row[0]} missing after`);
        continue;
      }
      rightRows.delete(row[0]);
      elements++;
      for (const [slot, pseudo] of [
        [1, ''],
        [2, '::before'],
        [3, '::after'],
        [4, '::marker'],
      ] as const) {
        const x = style(left, row[slot]);
        const y = style(right, other[slot]);
        if (!x && !y) continue;
        if (!x || !y) {
          report(file, `${row[0]}${pseudo} drawn ${x ? 'before' : 'after'} only`);
          continue;
        }
        x.forEach((value, i) => {
          if (value !== y[i]) report(file, `${row[0]}${pseudo} ${left.properties[i]}: ${value} → ${y[i]}`);
        });
      }
      if (row[5] !== other[5]) report(file, `${row[0]} box ${row[5]} → ${other[5]}`);
    }
    for (const path of rightRows.keys()) report(file, `${path} only after`);
    const keys = new Set([...Object.keys(left.forced), ...Object.keys(right.forced)]);
    forcedStatesCompared += keys.size;
    for (const key of keys) {
      const x = (left.forced[key] ?? []).join('\n');
      const y = (right.forced[key] ?? []).join('\n');
      if (x !== y) report(file, `forced ${key}:\n  before: ${x || '(no change)'}\n  after:  ${y || '(no change)'}`);
    }
  }
  for (const file of others) report(file, `only in ${b}`);
  const pages = new Set(files.map((file) => file.split('--').slice(0, 2).join('--')));
  console.log(
    `${pages.size} pages, ${files.length} page states, ${elements} elements compared, ${forcedStatesCompared} forced element states with an effect; ${differences} differences`,
  );
  return differences;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dist: { type: 'string', default: 'dist' },
    out: { type: 'string' },
    set: { type: 'string', default: 'site' },
    only: { type: 'string' },
  },
});
const [command, ...rest] = positionals;
if (command === 'record') {
  if (!values.out) throw new Error('record needs --out DIR');
  await record(values.dist, values.out, values.set, values.only?.split(','));
} else if (command === 'compare' && rest.length === 2) {
  const [a = '', b = ''] = rest;
  process.exitCode = (await compare(a, b)) > 0 ? 1 : 0;
} else {
  console.error('usage: style-snapshot.ts record --dist DIR --out DIR [--set site|corpus] [--only a,b] | compare A B');
  process.exitCode = 2;
}
