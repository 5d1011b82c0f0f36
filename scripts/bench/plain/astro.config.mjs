// @ts-check
/**
 * The benchmark's reference site: the same Markdown through the same Astro,
 * without Backstory's plugins, pages, layout or content check. One route
 * renders each article's <Content />.
 *
 *   BENCH_PROCESSOR  "unified" (default): unified({ smartypants: false }) from
 *                    @astrojs/markdown-remark, the processor Backstory uses;
 *                    "satteri": Astro 7's default (no `markdown.processor`).
 *   CONTENT_DIR      absolute path of the corpus (…/content)
 *   OUT_DIR          absolute output path
 *   BENCH_CACHE_DIR  Astro cacheDir (content layer data store etc.), so each run can start cold
 */
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';

const processor = process.env.BENCH_PROCESSOR ?? 'unified';
if (processor !== 'unified' && processor !== 'satteri') {
  throw new Error(`BENCH_PROCESSOR must be "unified" or "satteri", not "${processor}"`);
}

export default defineConfig({
  site: 'http://localhost:4321',
  outDir: process.env.OUT_DIR ?? './dist',
  ...(process.env.BENCH_CACHE_DIR ? { cacheDir: process.env.BENCH_CACHE_DIR } : {}),
  trailingSlash: 'always',
  // As in Backstory's own config, so the ratio measures the plugins and pages, not this setting.
  build: { concurrency: 4 },
  ...(processor === 'unified' ? { markdown: { processor: unified({ smartypants: false }) } } : {}),
});
