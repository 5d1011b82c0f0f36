/**
 * What an operator reads after building the shipped content and config: no
 * warning. A warning printed by every build teaches people to skip warnings,
 * and then they miss the one about their own content (an alias that never
 * occurs, a failed preview image). The test builds keep their output beside
 * the build folder (`buildLogFile`); the sub-path build read here differs from
 * `npm run build` only in `BASE_PATH`.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, buildLogFile, ensureBuild } from '../support/builds.ts';

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

describe('astro build of the shipped content under a sub-path', () => {
  it(
    'prints no warning or error, and says how many pages it built',
    async () => {
      const build = await ensureBuild({ base: '/backstory/' });
      const log = (await readFile(buildLogFile(build.dir), 'utf8')).replace(ANSI, '');
      // Astro's and integrations' `[WARN]` / `[ERROR]`, and Node's own `(node:123) SomeWarning: …`.
      const flagged = log.split('\n').filter((line) => /\[(WARN|ERROR)\]|\(node:\d+\) \w*Warning\b/.test(line));
      expect(flagged, `the build log flags:\n${flagged.join('\n')}`).toEqual([]);
      expect(log).toMatch(/\d+ page\(s\) built in/);
    },
    BUILD_TIMEOUT_MS,
  );
});
