// @ts-check
/**
 * The real Backstory config (../../astro.config.mjs) with two bench-only changes:
 *  - Astro's cacheDir (content layer data store, incremental-build cache,
 *    optimised assets) moves to BENCH_CACHE_DIR, so the benchmark can start
 *    every build cold without touching the shared node_modules/.astro other
 *    builds use;
 *  - BENCH_VARIANT, when set, builds one of the reduced sites of
 *    `npm run bench -- --breakdown` (./variants.ts).
 * Used as `astro build --root <repo> --config scripts/bench/full-site.config.mjs`.
 */
import config from '../../astro.config.mjs';
import { variantFromEnv, variantIntegrations } from './variants.ts';

const variant = variantFromEnv(process.env.BENCH_VARIANT);

export default {
  ...config,
  ...(process.env.BENCH_CACHE_DIR ? { cacheDir: process.env.BENCH_CACHE_DIR } : {}),
  ...(variant ? { integrations: variantIntegrations(config.integrations ?? [], variant) } : {}),
};
