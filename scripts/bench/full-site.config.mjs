// @ts-check
/**
 * The real Backstory config (../../astro.config.mjs) with one change: Astro's
 * cacheDir (content layer data store, incremental-build cache, optimised
 * assets) moves to BENCH_CACHE_DIR, so the benchmark can start every build
 * cold without touching the shared node_modules/.astro other builds use.
 * Used as `astro build --root <repo> --config scripts/bench/full-site.config.mjs`.
 */
import config from '../../astro.config.mjs';

export default {
  ...config,
  ...(process.env.BENCH_CACHE_DIR ? { cacheDir: process.env.BENCH_CACHE_DIR } : {}),
};
