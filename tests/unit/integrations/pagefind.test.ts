/**
 * Search indexed while the site renders: the searched pages render first, each
 * reaches Pagefind as it comes out with its URL relative to the site root, the
 * pages Astro writes are byte for byte what it rendered, and the index is
 * written as soon as the last searched page is in (while the other pages still
 * render). Pagefind itself is replaced by a recorder here; the site tests
 * compare the real index with one Pagefind makes from the written pages.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AstroPrerenderer, RouteData } from 'astro';
import { describe, expect, it } from 'vitest';
import { indexingPrerenderer } from '../../../src/integrations/pagefind.ts';
import { searchIndexSession } from '../../../src/integrations/searchIndexSession.ts';

const route = (pattern: string) => ({ route: pattern }) as RouteData;
const ARTICLE = route('/articles/[slug]');
const TIMELINE = route('/timeline/[...page]');
const searched = (data: RouteData) => data.route === '/articles/[slug]';

/** Astro's default renderer, reduced to what the wrapper sees: paths, and a page per request. */
function fakeRenderer(paths: { pathname: string; route: RouteData }[], log: string[] = []): AstroPrerenderer {
  return {
    name: 'fake',
    getStaticPaths: async () => paths,
    render: async (request) => {
      log.push(`render ${new URL(request.url).pathname}`);
      return new Response(page(new URL(request.url).pathname), { status: 200, headers: { 'x-page': 'yes' } });
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

/** Every staging folder a fake Pagefind was given. */
const folders: string[] = [];
const page = (text: string) => new TextEncoder().encode(`<html><main><h1>${text} ünïcode</h1></main></html>`);

const paths = [
  { pathname: '/timeline/', route: TIMELINE },
  { pathname: '/articles/b/', route: ARTICLE },
  { pathname: '/timeline/page/2/', route: TIMELINE },
  { pathname: '/articles/a/', route: ARTICLE },
];

async function renderAll(renderer: AstroPrerenderer, base: string) {
  const order = await renderer.getStaticPaths();
  const bodies: string[] = [];
  for (const { pathname, route: routeData } of order) {
    const result = await renderer.render(new Request(`http://localhost:4321${base.replace(/\/$/, '')}${pathname}`), {
      routeData,
    });
    const response = result instanceof Response ? result : result.response;
    bodies.push(await response.text());
    // Let the session's file writes run, as they do between Astro's pages.
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { order: order.map((path) => path.pathname), bodies };
}

describe('search index built while the pages render', () => {
  for (const base of ['/', '/backstory/']) {
    it(`renders searched pages first and indexes them by site path, at base ${base}`, async () => {
      const log: string[] = [];
      const session = searchIndexSession({}, '/out/pagefind', fakePagefind(log));
      const renderer = indexingPrerenderer(fakeRenderer(paths, log), session, searched, base);
      const { order, bodies } = await renderAll(renderer, base);

      expect(order).toEqual(['/articles/b/', '/articles/a/', '/timeline/', '/timeline/page/2/']);
      // What Astro writes is what the page rendered, non-ASCII included.
      expect(bodies[0]).toBe(new TextDecoder().decode(page(`${base.replace(/\/$/, '')}/articles/b/`)));
      expect(log.filter((line) => line.startsWith('add'))).toEqual([
        'add /articles/a/ whole',
        'add /articles/b/ whole',
      ]);
      // The index is written before the pages that are not searched render.
      expect(log.indexOf('write /out/pagefind')).toBeGreaterThan(-1);
      expect(log.indexOf('write /out/pagefind')).toBeLessThan(log.indexOf(`render ${base}timeline/`));
      expect(await session.finish()).toBe(2);
      expect(log.filter((line) => line === 'write /out/pagefind')).toHaveLength(1);
      expect(log.at(-1)).toBe('close');
      // The staged copies are gone.
      expect(existsSync(folders.at(-1) as string)).toBe(false);
    });
  }

  it('keeps the response headers and status Astro gave the page', async () => {
    const session = searchIndexSession({}, '/out/pagefind', fakePagefind([]));
    const renderer = indexingPrerenderer(fakeRenderer(paths), session, searched, '/');
    await renderer.getStaticPaths();
    const result = await renderer.render(new Request('http://localhost:4321/articles/a/'), { routeData: ARTICLE });
    const response = result instanceof Response ? result : result.response;
    expect(response.status).toBe(200);
    expect(response.headers.get('x-page')).toBe('yes');
    await session.finish();
  });

  it('writes the index at the end when the renderer never said how many pages to expect', async () => {
    const log: string[] = [];
    const session = searchIndexSession({}, '/out/pagefind', fakePagefind(log));
    session.add('/articles/a/', page('a'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(log).toEqual([]);
    expect(await session.finish()).toBe(1);
    expect(log).toEqual(['folder **/*.html', 'add /articles/a/ whole', 'write /out/pagefind', 'close']);
  });

  it("fails the build with Pagefind's own error and cleans up", async () => {
    const log: string[] = [];
    const session = searchIndexSession({}, '/out/pagefind', fakePagefind(log, { fail: true }));
    const renderer = indexingPrerenderer(fakeRenderer(paths), session, searched, '/');
    await renderAll(renderer, '/');
    await expect(session.finish()).rejects.toThrow('Pagefind could not index: boom');
    expect(log).not.toContain('write /out/pagefind');
    expect(log.at(-1)).toBe('close');
    expect(existsSync(folders.at(-1) as string)).toBe(false);
  });

  it('refuses a searched page rendered twice, outside a page folder, or after the index was written', () => {
    const session = searchIndexSession({}, '/out/pagefind', fakePagefind([]));
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
