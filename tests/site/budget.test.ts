/**
 * The page-weight budget as a generous ceiling (the figures themselves are
 * reported by `npm run bench`): every article page's HTML plus the CSS and JS
 * it loads stays within 60 KB compressed, and every asset it references is in
 * the build.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { weighPage } from '../../scripts/bench/weight.ts';
import { ensureBuild } from '../support/builds.ts';
import { listArticles, listPages } from '../support/sitePages.ts';

const ARTICLE_BUDGET_GZIP = 60 * 1024;
const build = await ensureBuild({ base: '/' });
const read = (file: string) => {
  try {
    return readFileSync(join(build.dir, file));
  } catch {
    return undefined;
  }
};
const weigh = (file: string, sizes?: () => { raw: number; gzip: number; brotli: number }) =>
  weighPage('page', relative(build.dir, file), { base: build.base, read, ...(sizes ? { sizes } : {}) });
// Only references matter for the whole-site check; skip compressing every file.
const uncompressed = () => ({ raw: 0, gzip: 0, brotli: 0 });

it.each(listArticles(build).map((article) => [article.slug, article.page] as const))(
  'article %s: HTML + CSS + JS ≤ 60 KB gzip, nothing missing',
  (_slug, page) => {
    const weight = weigh(page.file);
    expect(weight.missing).toEqual([]);
    expect(weight.assets.some((asset) => asset.kind === 'css')).toBe(true);
    expect(weight.totals.all.gzip).toBeLessThanOrEqual(ARTICLE_BUDGET_GZIP);
  },
);

it('no page of the site references a stylesheet or script that is not in the build', () => {
  const missing = listPages(build.dir).flatMap((page) =>
    weigh(page.file, uncompressed).missing.map((file) => `${page.path}: ${file}`),
  );
  expect(missing).toEqual([]);
});
