import { defineConfig } from 'vitest/config';

/**
 * Three kinds of test, one runner:
 *  - unit:    plain TypeScript and unified plugins through the real processor;
 *  - site:    the built `dist/` (HTML, links, data contract) — needs `astro build` first;
 *  - browser: Debian Chromium driven by playwright-core against the served `dist/`.
 */
export default defineConfig({
  test: {
    // One JSON report per run (npm test runs Vitest twice); .ci/run adds them up.
    reporters: ['default', ['json', { outputFile: `test-results/vitest-${process.pid}.json` }]],
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'site', include: ['tests/site/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
