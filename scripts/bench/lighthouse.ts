/**
 * Lighthouse 12 (Node API, default mobile config with simulated throttling)
 * against pages of the built site served on 127.0.0.1, in Debian Chromium
 * started by chrome-launcher (CHROME_PATH, default /usr/bin/chromium; flags
 * --headless=new --no-sandbox --disable-gpu). One Chromium, one Lighthouse
 * run per page, in sequence. Each report is saved as JSON next to the results.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { serveStatic } from './serve.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface LighthousePage {
  type: string;
  /** Path inside the site, e.g. `articles/x/`. */
  path: string;
}

export interface LighthouseResult {
  type: string;
  url: string;
  scores?: Record<Category, number | null>;
  metrics?: Record<string, number | undefined>;
  /** Audits below 1 in the non-performance categories, for a quick look at what to fix. */
  failing?: string[];
  report?: string;
  error?: string;
}

const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
];

export async function runLighthouse(
  dist: string,
  pages: readonly LighthousePage[],
  options: { base?: string; reportDir: string; log?: (line: string) => void },
): Promise<{ results: LighthouseResult[]; error?: string; chromePath: string }> {
  process.env.CHROME_PATH ??= '/usr/bin/chromium';
  const chromePath = process.env.CHROME_PATH;
  let lighthouse: typeof import('lighthouse').default;
  let launcher: typeof import('chrome-launcher');
  try {
    lighthouse = (await import('lighthouse')).default;
    launcher = await import('chrome-launcher');
  } catch (error) {
    return { results: [], error: `cannot load lighthouse/chrome-launcher: ${describe(error)}`, chromePath };
  }
  const server = await serveStatic(dist, options.base);
  let chrome: Awaited<ReturnType<typeof launcher.launch>> | undefined;
  const results: LighthouseResult[] = [];
  try {
    chrome = await launcher.launch({
      chromePath,
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
      logLevel: 'silent',
    });
    await mkdir(options.reportDir, { recursive: true });
    for (const page of pages) {
      const url = `${server.url}${page.path}`;
      options.log?.(`lighthouse: ${page.type} ${url}`);
      try {
        const result = await lighthouse(url, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: [...CATEGORIES],
        });
        if (!result) throw new Error('lighthouse returned no result');
        const lhr = result.lhr;
        if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
        const scores = Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score ?? null])) as Record<
          Category,
          number | null
        >;
        const metrics = Object.fromEntries(METRICS.map((id) => [id, lhr.audits[id]?.numericValue]));
        const failing = CATEGORIES.filter((c) => c !== 'performance').flatMap((c) =>
          (lhr.categories[c]?.auditRefs ?? [])
            .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
            .map((ref) => `${c}: ${ref.id}`),
        );
        const report = path.join(options.reportDir, `${page.type.replace(/\W+/g, '-')}.json`);
        await writeFile(report, typeof result.report === 'string' ? result.report : JSON.stringify(lhr));
        results.push({ type: page.type, url, scores, metrics, failing, report });
      } catch (error) {
        results.push({ type: page.type, url, error: describe(error) });
      }
    }
  } catch (error) {
    return { results, error: `cannot start Chromium at ${chromePath}: ${describe(error)}`, chromePath };
  } finally {
    chrome?.kill();
    await server.close();
  }
  return { results, chromePath };
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
}
