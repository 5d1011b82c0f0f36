/**
 * Search indexed while the site renders: the searched pages render first, each
 * reaches Pagefind as it comes out with its URL relative to the site root, the
 * pages Astro writes are byte for byte what it rendered, and the index is
 * written as soon as the last searched page is in (while the other pages still
 * render). When not every searched page comes through, nothing half-made is
 * kept: the integration indexes the written pages instead. Pagefind itself is
 * replaced by a recorder here; the site tests compare the real index with one
 * Pagefind makes from the written pages.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AstroPrerenderer, RouteData } from 'astro';
import { describe, expect, it } from 'vitest';
import { indexingPrerenderer } from '../../../src/integrations/pagefind.ts';
import { searchIndexSession } from '../../../src/integrations/searchIndexSession.ts';

const route = (pattern: string) => ({ route: pattern }) as RouteData;
const ARTICLE = route('/articles/[slug]');
const TIMELINE = route('/timeline/[...page]');
const searched = (data: RouteData) => data.route === '/articles/[slug]';

/** Every staging folder a fake Pagefind was given. */
const folders: string[] = [];
const page = (text: string) => new TextEncoder().encode(`<html><main><h1>${text} ünïcode</h1></main></html>`);

type Reply = (pathname: string) => Response | { response: Response; metadata: object };

/** Astro's default renderer, reduced to what the wrapper sees: paths, and a page per request. */
function fakeRenderer(
  paths: { pathname: string; route: RouteData }[],
  log: string[] = [],
  reply: Reply = (pathname) => new Response(page(pathname), { status: 200, headers: { 'x-page': 'yes' } }),
): AstroPrerenderer {
  return {
    name: 'fake',
    getStaticPaths: async () => paths,
    render: async (request) => {
      const { pathname } = new URL(request.url);
      log.push(`render ${pathname}`);
      return reply(pathname) as Response;
    },
    teardown: async () => {
      log.push('teardown');
    },
  };
}

/** A Pagefind stand-in that records what it is asked to do: the pages it finds in the folder it is given. */
function fakePagefind(log: string[], { fail }: { fail?: boolean } = {}) {
  const module = {
    createIndex: async () => ({
      errors: [],
      index: {
        addDirectory: async ({ path, glob }: { path: string; glob: string }) => {
          log.push(`folder ${glob}`);
          folders.push(path);
          const pages = (readdirSync(path, { recursive: true }) as string[])
            .filter((file) => file.endsWith('.html'))
            .map((file) => {
              const text = readFileSync(join(path, file), 'utf8');
              return `add /${file.replace(/index\.html$/, '')} ${text.endsWith('ünïcode</h1></main></html>') ? 'whole' : 'mangled'}`;
            })
            .sort();
          log.push(...pages);
          return { errors: fail ? ['boom'] : [], page_count: pages.length };
        },
        writeFiles: async ({ outputPath }: { outputPath: string }) => {
          log.push(`write ${outputPath}`);
          return { errors: [], outputPath };
        },
      },
    }),
    close: async () => {
      log.push('close');
      return null;
    },
  };
  return () => Promise.resolve(module as unknown as typeof import('pagefind'));
}

const paths = [
  { pathname: '/timeline/', route: TIMELINE },
  { pathname: '/articles/b/', route: ARTICLE },
  { pathname: '/timeline/page/2/', route: TIMELINE },
  { pathname: '/articles/a/', route: ARTICLE },
];

/** What Astro does with a renderer: list the paths, render each in turn, tear down. */
async function renderAll(renderer: AstroPrerenderer, base: string) {
  const order = await renderer.getStaticPaths();
  const bodies: string[] = [];
  for (const { pathname, route: routeData } of order) {
    const url = `http://localhost:4321${encodeURI(base.replace(/\/$/, ''))}${pathname}`;
    const result = await renderer.render(new Request(url), { routeData });
    const response = result instanceof Response ? result : result.response;
    bodies.push(await response.text());
    // Let the session's file writes run, as they do between Astro's pages.
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await renderer.teardown?.();
  return { order: order.map((path) => path.pathname), bodies };
}

const added = (log: string[]) => log.filter((line) => line.startsWith('add'));

describe('search index built while the pages render', () => {
  for (const base of ['/', '/backstory/', '/müll/']) {
    it(`renders searched pages first and indexes them by site path, at base ${base}`, async () => {
      const log: string[] = [];
      const session = searchIndexSession({}, '/out/pagefind', { load: fakePagefind(log) });
      const renderer = indexingPrerenderer(fakeRenderer(paths, log), session, searched, base);
      const { order, bodies } = await renderAll(renderer, base);

      expect(order).toEqual(['/articles/b/', '/articles/a/', '/timeline/', '/timeline/page/2/']);
      // What Astro writes is what the page rendered, non-ASCII included.
      expect(bodies[0]).toBe(new TextDecoder().decode(page(`${encodeURI(base)}articles/b/`)));
      expect(added(log)).toEqual(['add /articles/a/ whole', 'add /articles/b/ whole']);
      // The index is written before the pages that are not searched render.
      expect(log.indexOf('write /out/pagefind')).toBeGreaterThan(-1);
      expect(log.indexOf('write /out/pagefind')).toBeLessThan(log.indexOf(`render ${encodeURI(base)}timeline/`));
      expect(session.started()).toBe(true);
      expect(await session.finish()).toBe(2);
      expect(log.filter((line) => line === 'write /out/pagefind')).toHaveLength(1);
      expect(log.at(-1)).toBe('close');
      // The staged copies are gone.
      expect(existsSync(folders.at(-1) as string)).toBe(false);
    });
  }

  it('keeps the response headers, and the object form Astro uses when it collects metadata', async () => {
    const session = searchIndexSession({}, '/out/pagefind', { load: fakePagefind([]) });
    const metadata = { contentEntryKeys: ['articles:a'] };
    const renderer = indexingPrerenderer(
      fakeRenderer(paths, [], (pathname) => ({
        response: new Response(page(pathname), { status: 200, headers: { 'x-page': 'yes' } }),
        metadata,
      })),
      session,
      searched,
      '/',
    );
    await renderer.getStaticPaths();
    const result = await renderer.render(new Request('http://localhost:4321/articles/a/'), { routeData: ARTICLE });
    expect(result).not.toBeInstanceOf(Response);
    const { response, metadata: kept } = result as { response: Response; metadata: object };
    expect(kept).toBe(metadata);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-page')).toBe('yes');
    expect(await response.text()).toBe(new TextDecoder().decode(page('/articles/a/')));
    await renderer.teardown?.();
  });

  it('indexes nothing from the copies when a searched page does not come through, and removes them', async () => {
    const log: string[] = [];
    const stagingRoot = mkdtempSync(join(tmpdir(), 'pagefind-test-'));
    const session = searchIndexSession({}, '/out/pagefind', { load: fakePagefind(log), stagingRoot });
    const renderer = indexingPrerenderer(
      fakeRenderer(paths, log, (pathname) =>
        pathname === '/articles/a/' ? new Response(null, { status: 404 }) : new Response(page(pathname)),
      ),
      session,
      searched,
      '/',
    );
    await renderAll(renderer, '/');
    expect(session.started()).toBe(false);
    expect(log).not.toContain('write /out/pagefind');
    expect(log).toContain('teardown');
    // Astro's teardown (after the last page) removed the copy of the page that did come through.
    expect(readdirSync(stagingRoot)).toEqual([]);
    await session.discard();
    rmSync(stagingRoot, { recursive: true });
    await expect(session.finish()).rejects.toThrow('before every expected page came in');
  });

  it('keeps Astro’s order when two routes claim one URL, so the same page wins', async () => {
    const clash = [...paths, { pathname: '/timeline', route: TIMELINE }];
    const renderer = indexingPrerenderer(
      fakeRenderer(clash),
      searchIndexSession({}, '/o', { load: fakePagefind([]) }),
      searched,
      '/',
    );
    expect((await renderer.getStaticPaths()).map((path) => path.pathname)).toEqual(clash.map((path) => path.pathname));
  });

  it("fails the build with Pagefind's own error and cleans up", async () => {
    const log: string[] = [];
    const session = searchIndexSession({}, '/out/pagefind', { load: fakePagefind(log, { fail: true }) });
    const renderer = indexingPrerenderer(fakeRenderer(paths), session, searched, '/');
    await renderAll(renderer, '/');
    await expect(session.finish()).rejects.toThrow('Pagefind could not index: boom');
    expect(log).not.toContain('write /out/pagefind');
    expect(log.at(-1)).toBe('close');
    expect(existsSync(folders.at(-1) as string)).toBe(false);
  });

  it('refuses a searched page rendered twice, outside a page folder, or after the index was written', () => {
    const session = searchIndexSession({}, '/out/pagefind', { load: fakePagefind([]) });
    session.expect(2);
    session.add('/articles/a/', page('a'));
    expect(() => session.add('/articles/a/', page('a'))).toThrow('/articles/a/ was rendered twice');
    expect(() => session.add('/articles/../x/', page('x'))).toThrow('/articles/../x/ is not a page folder');
    session.add('/articles/b/', page('b'));
    expect(() => session.add('/articles/c/', page('c'))).toThrow(
      '/articles/c/ was rendered after the index was written',
    );
    return session.finish();
  });
});
