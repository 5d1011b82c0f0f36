/**
 * `npm run bench`: build scaling, page weight and Lighthouse figures for
 * Backstory. Prints tables, writes `.bench/results.json`, and ends with a
 * Markdown block for the README. It reports figures; it fails (exit 1) only
 * when something crashes (a build, the generator, the bench itself), never
 * because a budget is missed.
 *
 *   node scripts/bench/run.ts [--articles 1000] [--sizes 100,1000,5000] [--repeat 1]
 *                             [--skip-builds] [--skip-weight] [--skip-lighthouse]
 *                             [--dist dist] [--rebuild-dist] [--keep-output] [--breakdown]
 *
 * Build scaling, for each corpus size, in this one process:
 *   plain-unified  scripts/bench/plain (one route rendering <Content />) with
 *                  unified({ smartypants: false }) from @astrojs/markdown-remark;
 *   plain-satteri  the same project with Astro 7's default processor (Sätteri);
 *   full           the repo itself, CONTENT_DIR/OUT_DIR pointing at the corpus;
 * and with --breakdown, reduced versions of full (scripts/bench/variants.ts):
 *   without-search-images, core.
 * Every build is cold: its Astro cacheDir (content layer data store
 * `data-store.json`, incremental-build manifest, assets cache), the project's
 * `.astro/` and `node_modules/.vite/`, and the output directory are deleted
 * first, and Node's module compile cache is disabled.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { HelpRequested, parseBenchArgs } from './args.ts';
import { DEFAULT_SEED, readSeed, repoRoot, SEED_ARTICLE, writeCorpus } from './generate.ts';
import { type LighthouseResult, runLighthouse } from './lighthouse.ts';
import { GNU_TIME, type Measurement, runMeasured } from './measure.ts';
import {
  ARTICLE_BUDGET_BYTES,
  BREAKDOWN_NAMES,
  BUILD_AIM,
  BUILD_LABELS,
  BUILD_NAMES,
  BUILD_TARGET,
  type BuildName,
  type BuildRun,
  type BuildSummary,
  breakdownTable,
  buildDetailTable,
  lighthouseTable,
  parseAstroPhases,
  parseRouteTimes,
  routeTable,
  type SizeResult,
  scalingTable,
  weightTable,
} from './report.ts';
import { kb, median } from './table.ts';
import { type PageWeight, weighSite } from './weight.ts';

const benchDir = path.join(repoRoot, '.bench');
const plainRoot = path.join(repoRoot, 'scripts', 'bench', 'plain');
const nodeBin = process.execPath;
const astroBin = path.join(repoRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');

const log = (line = '') => console.log(line);
const progress = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

let options: ReturnType<typeof parseBenchArgs>;
try {
  options = parseBenchArgs(process.argv.slice(2));
} catch (error) {
  if (error instanceof HelpRequested) {
    log(error.message);
    process.exit(0);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
}

await mkdir(path.join(benchDir, 'logs'), { recursive: true });

/** Environment of every build: defaults for the site URL and base, node 24 first on PATH, no compile cache. */
function buildEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of [
    'SITE_URL',
    'BASE_PATH',
    'OUT_DIR',
    'CONTENT_DIR',
    'BENCH_CACHE_DIR',
    'BENCH_PROCESSOR',
    'BENCH_VARIANT',
  ])
    delete env[key];
  return {
    ...env,
    PATH: `${path.dirname(nodeBin)}${path.delimiter}${path.join(repoRoot, 'node_modules', '.bin')}${path.delimiter}${env.PATH ?? ''}`,
    NODE_DISABLE_COMPILE_CACHE: '1',
    ASTRO_TELEMETRY_DISABLED: '1',
    ...extra,
  };
}

interface BuildSpec {
  name: BuildName;
  cwd: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  outDir: string;
  cacheDir: string;
  /** Deleted before every run so it starts cold. */
  clear: string[];
}

function buildSpec(name: BuildName, size: number, contentDir: string): BuildSpec {
  const outDir = path.join(benchDir, 'out', `${name}-${size}`);
  const cacheDir = path.join(benchDir, 'cache', `${name}-${size}`);
  const common = { CONTENT_DIR: contentDir, OUT_DIR: outDir, BENCH_CACHE_DIR: cacheDir };
  if (name !== 'plain-unified' && name !== 'plain-satteri') {
    return {
      name,
      cwd: repoRoot,
      args: [astroBin, 'build', '--root', repoRoot, '--config', 'scripts/bench/full-site.config.mjs'],
      env: buildEnv(name === 'full' ? common : { ...common, BENCH_VARIANT: name }),
      outDir,
      cacheDir,
      clear: [cacheDir, path.join(repoRoot, '.astro'), outDir],
    };
  }
  return {
    name,
    cwd: plainRoot,
    args: [astroBin, 'build', '--root', plainRoot],
    env: buildEnv({ ...common, BENCH_PROCESSOR: name === 'plain-unified' ? 'unified' : 'satteri' }),
    outDir,
    cacheDir,
    clear: [cacheDir, path.join(plainRoot, '.astro'), path.join(plainRoot, 'node_modules'), outDir],
  };
}

function countFiles(dir: string, suffix = ''): number {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(suffix)) n++;
  }
  return n;
}

function countHtml(dir: string): number {
  return countFiles(dir, '.html');
}

function logTail(file: string, lines = 25): string {
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => !/^\s*[│├└]─/.test(l))
      .slice(-lines)
      .join('\n');
  } catch {
    return '';
  }
}

async function runBuild(spec: BuildSpec, size: number, round: number): Promise<BuildRun> {
  for (const dir of spec.clear) await rm(dir, { recursive: true, force: true });
  const loadAverage = os.loadavg()[0] ?? 0;
  const logFile = path.join(benchDir, 'logs', `${spec.name}-${size}${options.repeat > 1 ? `-${round + 1}` : ''}.log`);
  progress(
    `${size} articles: ${spec.name} build${options.repeat > 1 ? ` (run ${round + 1}/${options.repeat})` : ''}… (log ${path.relative(repoRoot, logFile)})`,
  );
  const m: Measurement = await runMeasured(nodeBin, spec.args, {
    cwd: spec.cwd,
    env: spec.env,
    logFile,
    heartbeatMs: 30_000,
    onHeartbeat: (s, treeMB) =>
      progress(
        `  … ${spec.name} still building: ${Math.round(s)} s, ${countHtml(spec.outDir)} pages written, tree RSS ${Math.round(treeMB)} MB`,
      ),
  });
  const pages = countHtml(spec.outDir);
  const logText = await readFile(logFile, 'utf8').catch(() => '');
  const run: BuildRun = {
    wallSeconds: m.wallSeconds,
    treePeakMB: m.treePeakMB,
    pages,
    exitCode: m.exitCode,
    log: path.relative(repoRoot, logFile),
    phases: parseAstroPhases(logText),
    routes: parseRouteTimes(logText).slice(0, 12),
    files: countFiles(spec.outDir),
    loadAverage: Math.round(loadAverage * 100) / 100,
    ...(m.userSeconds !== undefined ? { userSeconds: m.userSeconds } : {}),
    ...(m.systemSeconds !== undefined ? { systemSeconds: m.systemSeconds } : {}),
    ...(m.maxRssMB !== undefined ? { maxRssMB: m.maxRssMB } : {}),
  };
  if (m.exitCode !== 0) {
    run.error = `exit ${m.exitCode ?? m.signal}`;
    progress(`  ✗ ${spec.name} FAILED (${run.error}) after ${m.wallSeconds.toFixed(1)} s; last lines of the log:`);
    log(logTail(logFile).replace(/^/gm, '    '));
  } else {
    progress(
      `  ✓ ${spec.name}: ${m.wallSeconds.toFixed(1)} s, ${pages} pages (${run.files} files), ${(pages / m.wallSeconds).toFixed(1)} pages/s, max RSS ${Math.round(m.maxRssMB ?? 0)} MB, tree peak ${Math.round(m.treePeakMB)} MB`,
    );
  }
  return run;
}

function summarise(name: BuildName, runs: BuildRun[]): BuildSummary {
  const ok = runs.filter((r) => r.exitCode === 0);
  const summary: BuildSummary = { name, runs, failed: ok.length < runs.length };
  const secs = median(ok.map((r) => r.wallSeconds));
  if (secs !== undefined) {
    summary.seconds = secs;
    const cpu = median(
      ok.flatMap((r) => (r.userSeconds === undefined ? [] : [r.userSeconds + (r.systemSeconds ?? 0)])),
    );
    if (cpu !== undefined) summary.cpuSeconds = cpu;
    const pages = Math.max(...ok.map((r) => r.pages));
    summary.pages = pages;
    summary.pagesPerSecond = pages / secs;
    const rss = ok.flatMap((r) => (r.maxRssMB === undefined ? [] : [r.maxRssMB]));
    if (rss.length > 0) summary.maxRssMB = Math.max(...rss);
    summary.treePeakMB = Math.max(...ok.map((r) => r.treePeakMB));
  }
  return summary;
}

function gitDescribe(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: repoRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

function version(pkg: string): string | undefined {
  try {
    return JSON.parse(readFileSync(path.join(repoRoot, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------

const startedAt = new Date();
const meta = {
  date: startedAt.toISOString(),
  commit: gitDescribe(),
  node: process.version,
  astro: version('astro'),
  markdownRemark: version('@astrojs/markdown-remark'),
  markdownSatteri: version('@astrojs/markdown-satteri'),
  lighthouse: version('lighthouse'),
  cpu: `${os.cpus()[0]?.model ?? 'unknown'} × ${os.availableParallelism()}`,
  memoryGB: Math.round(os.totalmem() / 2 ** 30),
  loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
  options,
};
const memoryMethod = existsSync(GNU_TIME)
  ? 'GNU /usr/bin/time -v "Maximum resident set size" of each build (ru_maxrss: the peak RSS of the largest single process in the build\'s process tree), plus the peak of the sum of VmRSS over the whole process tree sampled every 200 ms from /proc'
  : "peak of the sum of VmRSS over the build's process tree, sampled every 200 ms from /proc (/usr/bin/time not found)";
const cacheClearing =
  "before every build: its Astro cacheDir (set per build via BENCH_CACHE_DIR → .bench/cache/<build>-<size>/: data-store.json, incremental-build.json, assets/), the project's .astro/ (repo root for full, scripts/bench/plain/.astro for plain), scripts/bench/plain/node_modules/.vite, and the outDir are deleted; NODE_DISABLE_COMPILE_CACHE=1";

log(`Backstory bench — ${meta.date}${meta.commit ? ` @ ${meta.commit}` : ''}`);
log(
  `node ${meta.node}, astro ${meta.astro}, ${meta.cpu}, ${meta.memoryGB} GB RAM, load average ${meta.loadAverageAtStart.join(' ')}`,
);
log();

interface Results {
  meta: typeof meta;
  memoryMethod: string;
  cacheClearing: string;
  scaling?: SizeResult[];
  distBuild?: { seconds: number; pages: number; maxRssMB: number | undefined; treePeakMB: number };
  weight?: {
    dist: string;
    base: string;
    budgetBytes: number;
    articleOverBudget: boolean | undefined;
    pages: PageWeight[];
  };
  lighthouse?: { chromePath?: string; error: string | undefined; pages?: LighthouseResult[] };
  finishedAt?: string;
}
const results: Results = { meta, memoryMethod, cacheClearing };
let crashed = false;

// 1–2. Generator + build scaling -------------------------------------------------
const scaling: SizeResult[] = [];
const buildNames: readonly BuildName[] = [...BUILD_NAMES, ...(options.breakdown ? BREAKDOWN_NAMES : [])];
if (!options.skipBuilds) {
  log('## Build scaling');
  log(`memory: ${memoryMethod}`);
  log(`cold builds: ${cacheClearing}`);
  for (const size of options.sizes) {
    progress(`${size} articles: generating the corpus…`);
    const t0 = performance.now();
    let corpus: Awaited<ReturnType<typeof writeCorpus>>;
    try {
      corpus = await writeCorpus(path.join(benchDir, 'corpus', String(size)), size, options.seed ?? DEFAULT_SEED);
    } catch (error) {
      crashed = true;
      progress(`  ✗ generator failed: ${error instanceof Error ? error.stack : error}`);
      continue;
    }
    const generateSeconds = (performance.now() - t0) / 1000;
    progress(
      `  corpus: ${corpus.articles} articles (+${corpus.actors} actors, ${corpus.places} places) in ${generateSeconds.toFixed(1)} s; per article ≈ ${corpus.perArticle.bodyChars} body chars, ${corpus.perArticle.actors} actors, ${corpus.perArticle.places} places, ${corpus.perArticle.events} events, ${corpus.perArticle.relations} relations, ${corpus.perArticle.sources} sources`,
    );
    const runs = new Map<BuildName, BuildRun[]>(buildNames.map((name) => [name, []]));
    for (let round = 0; round < options.repeat; round++) {
      for (const name of buildNames)
        runs.get(name)?.push(await runBuild(buildSpec(name, size, corpus.contentDir), size, round));
    }
    if (!options.keepOutput) {
      for (const name of buildNames) {
        const spec = buildSpec(name, size, corpus.contentDir);
        for (const dir of [spec.outDir, spec.cacheDir]) await rm(dir, { recursive: true, force: true });
      }
    }
    const builds: SizeResult['builds'] = {};
    for (const name of buildNames) {
      builds[name] = summarise(name, runs.get(name) ?? []);
      if (builds[name].failed) crashed = true;
    }
    const result: SizeResult = { size, generateSeconds, corpus, builds };
    const plain = builds['plain-unified']?.seconds;
    const satteri = builds['plain-satteri']?.seconds;
    const full = builds.full?.seconds;
    if (full !== undefined && plain !== undefined) result.fullOverPlain = full / plain;
    if (plain !== undefined && satteri !== undefined) result.plainOverSatteri = plain / satteri;
    scaling.push(result);
    if (result.fullOverPlain !== undefined) {
      const verdict =
        result.fullOverPlain <= BUILD_AIM
          ? `met (within the ${BUILD_AIM}× aim)`
          : result.fullOverPlain <= BUILD_TARGET
            ? 'met'
            : 'NOT met';
      progress(
        `  ${size} articles: full/plain-unified = ${result.fullOverPlain.toFixed(2)}× — target ≤ ${BUILD_TARGET}× ${verdict}`,
      );
    }
  }
  results.scaling = scaling;
  log();
  log(scalingTable(scaling));
  if (options.breakdown) {
    log();
    log(
      'Where the ratio goes (reduced full sites, not the target; "s saved" = full minus this build, medians; scripts/bench/variants.ts):',
    );
    log(breakdownTable(scaling));
  }
  log();
  log(buildDetailTable(scaling));
  log();
  log('Render time by route (sum of the per-page times Astro logs; the run closest to the median):');
  for (const s of scaling) {
    for (const name of buildNames) {
      const b = s.builds[name];
      const typical = b?.runs
        .filter((r) => r.exitCode === 0)
        .sort((x, y) => Math.abs(x.wallSeconds - (b.seconds ?? 0)) - Math.abs(y.wallSeconds - (b.seconds ?? 0)))[0];
      if (!typical?.routes?.length) continue;
      log();
      log(`${s.size} articles, ${name}:`);
      log(routeTable(typical.routes));
    }
  }
  log();
  for (const s of scaling) {
    for (const name of buildNames)
      log(`  ${BUILD_LABELS[name]}, ${s.size} articles: logs ${s.builds[name]?.runs.map((r) => r.log).join(', ')}`);
  }
  log();
}

// 3. Page weight ------------------------------------------------------------------
const dist = path.resolve(repoRoot, options.dist);
let seedIds: { article?: string; actor?: string; place?: string } = { article: SEED_ARTICLE };
try {
  const seedData = (await readSeed()).data as { actors?: { id?: string }[]; places?: { id?: string }[] };
  const actor = seedData.actors?.[0]?.id;
  const place = seedData.places?.[0]?.id;
  seedIds = { article: SEED_ARTICLE, ...(actor ? { actor } : {}), ...(place ? { place } : {}) };
} catch {
  // No seed: any article, actor and place will do.
}
const base = process.env.BASE_PATH ?? '/';
const siteOrigin = new URL(process.env.SITE_URL ?? 'http://localhost:4321').origin;

let distReady = existsSync(path.join(dist, 'index.html')) && !options.rebuildDist;
if (!options.skipWeight || !options.skipLighthouse) {
  if (!distReady) {
    progress(
      `${path.relative(repoRoot, dist) || dist} is ${options.rebuildDist ? 'to be rebuilt' : 'absent'}: building the site with its normal content…`,
    );
    const logFile = path.join(benchDir, 'logs', 'dist-build.log');
    const env = buildEnv(path.resolve(dist) === path.join(repoRoot, 'dist') ? {} : { OUT_DIR: dist });
    for (const key of ['SITE_URL', 'BASE_PATH']) if (process.env[key]) env[key] = process.env[key];
    const m = await runMeasured(nodeBin, [astroBin, 'build'], { cwd: repoRoot, env, logFile });
    if (m.exitCode === 0) {
      progress(`  ✓ built ${countHtml(dist)} pages in ${m.wallSeconds.toFixed(1)} s`);
      distReady = true;
      results.distBuild = {
        seconds: m.wallSeconds,
        pages: countHtml(dist),
        maxRssMB: m.maxRssMB,
        treePeakMB: m.treePeakMB,
      };
    } else {
      crashed = true;
      progress(
        `  ✗ the site build failed (exit ${m.exitCode}); page weight and Lighthouse skipped. Last lines of ${path.relative(repoRoot, logFile)}:`,
      );
      log(logTail(logFile).replace(/^/gm, '    '));
    }
  } else {
    progress(
      `using the existing build in ${path.relative(repoRoot, dist) || dist} (pass --rebuild-dist to rebuild it)`,
    );
  }
}

let weights: PageWeight[] = [];
if (!options.skipWeight && distReady) {
  log('## Page weight');
  try {
    weights = weighSite(dist, { base, origins: [siteOrigin], preferred: seedIds });
    const article = weights.find((w) => w.type === 'article');
    const over = article ? article.totals.all.gzip > ARTICLE_BUDGET_BYTES : undefined;
    results.weight = {
      dist: path.relative(repoRoot, dist) || dist,
      base,
      budgetBytes: ARTICLE_BUDGET_BYTES,
      articleOverBudget: over,
      pages: weights,
    };
    log(
      `HTML + same-origin CSS + JS each page loads (static imports followed; images, fonts, search index excluded); gzip -9, brotli q11; 1 KB = 1000 bytes.`,
    );
    log();
    log(weightTable(weights));
    log();
    for (const w of weights) {
      if (w.missing.length > 0) log(`  ${w.type}: referenced but missing in the build: ${w.missing.join(', ')}`);
    }
    const fontSets = new Map<string, string[]>();
    for (const w of weights) {
      if (w.fonts.length === 0) continue;
      const key = `${w.fonts.length} files, ${kb(w.fonts.reduce((a, f) => a + f.raw, 0))} KB`;
      fontSets.set(key, [...(fontSets.get(key) ?? []), w.type]);
    }
    for (const [key, types] of fontSets) {
      log(
        `  fonts referenced by the CSS (not counted; loaded only when used): ${key} — ${types.length === weights.length ? 'every page' : types.join(', ')}`,
      );
    }
    if (article) {
      log(
        over
          ? `  ⚠ article page is ${kb(article.totals.all.gzip)} KB gzip: OVER the ${kb(ARTICLE_BUDGET_BYTES)} KB budget`
          : `  article page is ${kb(article.totals.all.gzip)} KB gzip: within the ${kb(ARTICLE_BUDGET_BYTES)} KB budget`,
      );
    } else {
      log('  no article page in the build');
    }
    log();
  } catch (error) {
    crashed = true;
    log(`  ✗ page weight failed: ${error instanceof Error ? error.stack : error}`);
  }
}

// 4. Lighthouse -------------------------------------------------------------------
let lighthouse: LighthouseResult[] = [];
if (!options.skipLighthouse && distReady) {
  log('## Lighthouse (mobile, simulated throttling)');
  const wanted = ['article', 'timeline', 'actor page'];
  const pages = (weights.length > 0 ? weights : weighSite(dist, { base, origins: [siteOrigin], preferred: seedIds }))
    .filter((w) => wanted.includes(w.type))
    .map((w) => ({ type: w.type, path: w.page.replace(/index\.html$/, '') }));
  if (pages.length === 0) {
    log('  no article, timeline or actor page in the build: nothing to audit');
  } else {
    try {
      const run = await runLighthouse(dist, pages, {
        base,
        reportDir: path.join(benchDir, 'lighthouse'),
        log: progress,
      });
      lighthouse = run.results;
      results.lighthouse = { chromePath: run.chromePath, error: run.error, pages: run.results };
      if (run.error) log(`  Lighthouse could not run: ${run.error}`);
      if (lighthouse.length > 0) {
        log();
        log(lighthouseTable(lighthouse));
        log();
        log(`  reports: ${path.relative(repoRoot, path.join(benchDir, 'lighthouse'))}/*.json`);
      }
    } catch (error) {
      log(`  Lighthouse could not run: ${error instanceof Error ? error.message : error}`);
      results.lighthouse = { error: String(error) };
    }
  }
  log();
}

// 5. Results ----------------------------------------------------------------------
results.finishedAt = new Date().toISOString();
const json = `${JSON.stringify(results, null, 2)}\n`;
await writeFile(path.join(benchDir, 'results.json'), json);
await writeFile(path.join(benchDir, `results-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`), json);

const readme: string[] = [];
readme.push(
  `### Benchmark (${meta.date.slice(0, 10)}, ${meta.cpu}, ${meta.memoryGB} GB, node ${meta.node}, astro ${meta.astro})`,
  '',
);
if (scaling.length > 0) {
  readme.push(
    `Build time of N synthetic articles (the seed's sentences reshuffled, with their annotations), cold, one run each${options.repeat > 1 ? ` (median of ${options.repeat})` : ''}. "plain" is a bare Astro site rendering the same Markdown (scripts/bench/plain); target: full ≤ ${BUILD_TARGET}× plain-unified. Peak MB = largest process RSS (GNU time).`,
    '',
    scalingTable(scaling),
    '',
    ...(options.breakdown
      ? ['Where the ratio goes (reduced full sites, not the target):', '', breakdownTable(scaling), '']
      : []),
  );
}
if (weights.length > 0) {
  readme.push(
    `Page weight (HTML + CSS + JS the page loads, KB = 1000 bytes; budget: article ≤ ${kb(ARTICLE_BUDGET_BYTES)} KB compressed).`,
    '',
    weightTable(weights),
    '',
  );
}
if (lighthouse.length > 0)
  readme.push('Lighthouse 12 (mobile), served from dist/ on 127.0.0.1.', '', lighthouseTable(lighthouse), '');
log('## Markdown for the README');
log();
log('```markdown');
log(readme.join('\n').trimEnd());
log('```');
log();
log(`results: ${path.relative(repoRoot, path.join(benchDir, 'results.json'))}`);
process.exitCode = crashed ? 1 : 0;
