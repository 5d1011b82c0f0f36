import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../../scripts/bench/args.ts';
import { parseGnuTime } from '../../../scripts/bench/measure.ts';
import { kb, markdownTable, mb, median, ratio, score, seconds } from '../../../scripts/bench/table.ts';

describe('markdownTable', () => {
  it('pads columns, right-aligns all but the first by default, and escapes pipes', () => {
    expect(
      markdownTable(
        ['size', 'secs'],
        [
          ['100', '6.8'],
          ['5000', 'a|b'],
        ],
      ),
    ).toBe(['| size | secs |', '| ---- | ---: |', '| 100  |  6.8 |', '| 5000 | a\\|b |'].join('\n'));
  });

  it('honours explicit alignment and fills missing cells', () => {
    expect(markdownTable(['a', 'b'], [['x']], ['right', 'left'])).toBe(
      ['|   a | b   |', '| --: | --- |', '|   x |     |'].join('\n'),
    );
  });
});

describe('units', () => {
  it('formats figures', () => {
    expect(kb(61_440)).toBe('61.4');
    expect(seconds(6.849)).toBe('6.8');
    expect(seconds(undefined)).toBe('–');
    expect(ratio(9, 6)).toBe('1.50×');
    expect(ratio(1, 0)).toBe('–');
    expect(mb(639.6)).toBe('640');
    expect(score(0.955)).toBe('96');
    expect(score(null)).toBe('–');
  });

  it('takes medians', () => {
    expect(median([])).toBeUndefined();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('parseGnuTime', () => {
  it('reads max RSS and CPU times from /usr/bin/time -v', () => {
    const text =
      '\tUser time (seconds): 4.51\n\tSystem time (seconds): 0.98\n\tMaximum resident set size (kbytes): 663552\n';
    expect(parseGnuTime(text)).toEqual({ maxRssKB: 663552, userSeconds: 4.51, systemSeconds: 0.98 });
    expect(parseGnuTime('')).toEqual({});
  });
});

describe('parseBenchArgs', () => {
  it('defaults to one 1000-article size', () => {
    expect(parseBenchArgs([])).toMatchObject({ sizes: [1000], repeat: 1, skipLighthouse: false, dist: 'dist' });
  });

  it('reads sizes, articles and switches', () => {
    expect(parseBenchArgs(['--articles', '100', '--skip-lighthouse']).sizes).toEqual([100]);
    expect(parseBenchArgs(['--sizes=100,1000,5000', '--articles', '7']).sizes).toEqual([100, 1000, 5000]);
    expect(parseBenchArgs(['--repeat', '3', '--dist', 'out']).repeat).toBe(3);
    expect(parseBenchArgs(['--keep-output']).keepOutput).toBe(true);
  });

  it('rejects bad input', () => {
    expect(() => parseBenchArgs(['--articles', 'many'])).toThrow(/positive whole number/);
    expect(() => parseBenchArgs(['--sizes', '100,0'])).toThrow(/positive whole number/);
    expect(() => parseBenchArgs(['--frobnicate'])).toThrow(/unknown option/);
  });
});

describe('scalingTable', () => {
  it('shows the ratios and whether the 1.5× target is met', async () => {
    const { scalingTable } = await import('../../../scripts/bench/report.ts');
    const build = (name: 'plain-unified' | 'plain-satteri' | 'full', secs: number) => ({
      name,
      runs: [],
      seconds: secs,
      pages: 1000,
      pagesPerSecond: 1000 / secs,
      maxRssMB: 900,
      failed: false,
    });
    const table = scalingTable([
      {
        size: 1000,
        generateSeconds: 1,
        corpus: { articles: 1000, actors: 1, places: 1, perArticle: {} },
        builds: {
          'plain-unified': build('plain-unified', 40),
          'plain-satteri': build('plain-satteri', 32),
          full: build('full', 70),
        },
        fullOverPlain: 70 / 40,
        plainOverSatteri: 40 / 32,
      },
    ]);
    const row = table.split('\n')[2] ?? '';
    expect(row.split('|').map((c) => c.trim())).toEqual([
      '',
      '1000',
      '40.0',
      '32.0',
      '70.0',
      '1.75×',
      '–',
      '1.25×',
      '14.3',
      '900',
      'not met',
      '',
    ]);
  });
});

describe('parseAstroPhases', () => {
  it('reads the phase timings Astro prints', async () => {
    const { parseAstroPhases } = await import('../../../scripts/bench/report.ts');
    const log = `07:40:56 [backstory:content-check] content check passed (1035 files)
07:41:04 [types] Generated 8.53s
07:41:04 [build] Collecting build info...
07:41:04 [build] \u001b[32m✓ Completed in 14.81s.\u001b[39m
07:41:07 [vite] ✓ built in 2.39s
07:41:07 [vite] ✓ built in 22ms

 generating static routes 
07:41:08   ├─ /articles/x/index.html (+1ms)
07:41:09 ✓ Completed in 2.70s.

07:41:09 [build] ✓ Completed in 5.20s.
07:41:09 [build] 1001 page(s) built in 20.02s`;
    const p = parseAstroPhases(log);
    expect(p).toMatchObject({ prepareSeconds: 14.81, syncSeconds: 8.53, renderSeconds: 2.7, astroTotalSeconds: 20.02 });
    expect(p.bundleSeconds).toBeCloseTo(2.412, 6);
    expect(parseAstroPhases('')).toEqual({});
    const long = parseAstroPhases(
      ' generating static routes \n07:46:10 ✓ Completed in 1m 28s.\n[build] 1001 page(s) built in 1m 55s',
    );
    expect(long).toEqual({ renderSeconds: 88, astroTotalSeconds: 115 });
  });

  it('reads durations', async () => {
    const { parseDuration } = await import('../../../scripts/bench/report.ts');
    expect(parseDuration('760ms')).toBe(0.76);
    expect(parseDuration('2.41s')).toBe(2.41);
    expect(parseDuration('1m 28s')).toBe(88);
    expect(parseDuration('2m')).toBe(120);
    expect(parseDuration('soon')).toBeNaN();
  });
});

describe('parseRouteTimes', () => {
  it('groups the per-page render times by kind of route', async () => {
    const { parseRouteTimes, routeGroup } = await import('../../../scripts/bench/report.ts');
    expect(routeGroup('/articles/x-0001/index.html')).toBe('/articles/*/index.html');
    expect(routeGroup('/og/articles/x-0001.png')).toBe('/og/articles/*.png');
    expect(routeGroup('/index.html')).toBe('/index.html');
    expect(routeGroup('/rss.xml')).toBe('/rss.xml');
    const log = `07:44:54   ├─ /articles/a/index.html (+3ms)
07:44:54   ├─ /articles/b/index.html (+5ms)
07:44:54   ├─ /og/articles/a.png (+1.5s)
07:44:54   └─ /og/articles/b.png (+500ms)
07:44:54 ✓ Completed in 2s.`;
    expect(parseRouteTimes(log)).toEqual([
      { route: '/og/articles/*.png', pages: 2, seconds: 2 },
      { route: '/articles/*/index.html', pages: 2, seconds: 0.008 },
    ]);
  });
});
