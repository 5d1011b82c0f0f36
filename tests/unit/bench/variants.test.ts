import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AstroIntegration, AstroPrerenderer, RouteData } from 'astro';
import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../../scripts/bench/args.ts';
import { repoRoot } from '../../../scripts/bench/generate.ts';
import { type BuildSummary, breakdownTable, type SizeResult } from '../../../scripts/bench/report.ts';
import {
  BACKGROUND_INTEGRATIONS,
  SECONDARY_ROUTES,
  skippingPrerenderer,
  unknownRoutes,
  variantFromEnv,
  variantIntegrations,
} from '../../../scripts/bench/variants.ts';
import { pagefind } from '../../../src/integrations/pagefind.ts';
import { previewImages } from '../../../src/share/previewIntegration.ts';

const route = (pattern: string) => ({ route: pattern }) as RouteData;

/** Astro's default prerenderer is a class instance whose methods use `this`. */
class FakePrerenderer implements AstroPrerenderer {
  name = 'fake';
  rendered: string[] = [];
  constructor(private readonly routes: Record<string, string[]>) {}
  async getStaticPaths() {
    return Object.entries(this.routes).flatMap(([pattern, pathnames]) =>
      pathnames.map((pathname) => ({ pathname, route: route(pattern) })),
    );
  }
  async render(request: Request) {
    this.rendered.push(new URL(request.url).pathname);
    return new Response('ok');
  }
}

describe('bench variant "core"', () => {
  const everyRoute = Object.fromEntries([
    ['/articles/[slug]', ['/articles/a/', '/articles/b/']],
    ['/actors/[id]', ['/actors/x/']],
    ...SECONDARY_ROUTES.map((pattern, i) => [pattern, [`/secondary/${i}/`]]),
  ]);

  it('renders every page except those of the secondary routes, through the inner renderer', async () => {
    const inner = new FakePrerenderer(everyRoute);
    const skipping = skippingPrerenderer(inner, SECONDARY_ROUTES);
    const paths = await skipping.getStaticPaths();
    expect(paths.map((p) => p.pathname)).toEqual(['/articles/a/', '/articles/b/', '/actors/x/']);
    const response = await skipping.render(new Request('http://localhost/articles/a/'), {
      routeData: route('/articles/[slug]'),
    });
    expect(response instanceof Response ? await response.text() : undefined).toBe('ok');
    expect(inner.rendered).toEqual(['/articles/a/']);
  });

  it('refuses a secondary route the site does not have (renamed or removed), not one that merely has no page', () => {
    const site = ['/articles/[slug]', ...SECONDARY_ROUTES];
    expect(unknownRoutes(site, SECONDARY_ROUTES)).toEqual([]);
    expect(
      unknownRoutes(
        site.filter((r) => r !== '/page/[n]'),
        SECONDARY_ROUTES,
      ),
    ).toEqual(['/page/[n]']);
  });

  it('skips nothing else, also when a secondary route has no page on a small corpus', async () => {
    const { '/page/[n]': _none, ...rest } = everyRoute;
    const paths = await skippingPrerenderer(new FakePrerenderer(rest), SECONDARY_ROUTES).getStaticPaths();
    expect(paths.map((p) => p.pathname)).toEqual(['/articles/a/', '/articles/b/', '/actors/x/']);
  });

  it('names routes that exist in src/pages', () => {
    for (const pattern of SECONDARY_ROUTES) {
      const file = path.join(repoRoot, 'src', 'pages', pattern);
      expect(
        ['.astro', '.ts'].some((ext) => existsSync(file + ext)),
        `${pattern} has no page file under src/pages`,
      ).toBe(true);
    }
  });
});

describe('variantIntegrations', () => {
  const site: AstroIntegration[] = [
    { name: 'backstory:content', hooks: {} },
    previewImages({ contentDir: 'content' }),
    pagefind(),
  ];

  it("leaves out the site's search and preview-image integrations", () => {
    expect(site.map((i) => i.name)).toEqual(expect.arrayContaining([...BACKGROUND_INTEGRATIONS]));
    expect(variantIntegrations(site, 'without-search-images').map((i) => i.name)).toEqual(['backstory:content']);
  });

  it('adds the route skipping for "core" only', () => {
    const core = variantIntegrations(site, 'core').map((i) => i.name);
    expect(core).toHaveLength(2);
    expect(core[0]).toBe('backstory:content');
    expect(core[1]).not.toMatch(/pagefind|preview/);
  });
});

describe('BENCH_VARIANT', () => {
  it('builds the full site when unset, a named variant when set, and refuses a misspelt one', () => {
    expect(variantFromEnv(undefined)).toBeUndefined();
    expect(variantFromEnv('')).toBeUndefined();
    expect(variantFromEnv('core')).toBe('core');
    expect(() => variantFromEnv('cor')).toThrow(/BENCH_VARIANT=cor .*without-search-images, core/);
  });
});

describe('--breakdown', () => {
  it('is off unless asked for', () => {
    expect(parseBenchArgs([]).breakdown).toBe(false);
    expect(parseBenchArgs(['--breakdown']).breakdown).toBe(true);
  });

  it('is refused with --skip-builds, which would leave it nothing to build', () => {
    expect(() => parseBenchArgs(['--breakdown', '--skip-builds'])).toThrow(/--skip-builds/);
  });

  const summary = (name: BuildSummary['name'], seconds: number, pages: number): BuildSummary => ({
    name,
    runs: [],
    seconds,
    pages,
    failed: false,
  });

  it("shows each reduced build's ratio to the plain build and the time it saves against the full one", () => {
    const size: SizeResult = {
      size: 1000,
      generateSeconds: 1,
      corpus: { articles: 1000, actors: 20, places: 10, perArticle: {} },
      builds: {
        'plain-unified': summary('plain-unified', 10, 1000),
        full: summary('full', 30, 1800),
        'without-search-images': summary('without-search-images', 24, 1800),
        core: summary('core', 14, 1100),
      },
    };
    const rows = breakdownTable([size])
      .split('\n')
      .slice(2)
      .map((line) => line.split('|').map((cell) => cell.trim()));
    const byName = new Map(rows.map((cells) => [cells[2], cells]));
    expect(byName.get('full')?.slice(4, 6)).toEqual(['30.0', '3.00×']);
    expect(byName.get('without-search-images')?.slice(4, 7)).toEqual(['24.0', '2.40×', '6.0']);
    expect(byName.get('core')?.slice(4, 8)).toEqual(['14.0', '1.40×', '16.0', '1100']);
  });

  it('prints nothing for a run without reduced builds', () => {
    const size: SizeResult = {
      size: 100,
      generateSeconds: 1,
      corpus: { articles: 100, actors: 20, places: 10, perArticle: {} },
      builds: { 'plain-unified': summary('plain-unified', 5, 100), full: summary('full', 9, 200) },
    };
    expect(breakdownTable([size]).split('\n')).toHaveLength(2);
  });
});
