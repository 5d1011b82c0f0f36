/**
 * The setup every browser test file shares: its builds served and Chromium
 * launched before the first test, all closed after the last; visits opened on
 * one build's server; a visit shared by the tests of a `describe`.
 *
 *     const builds = await ensureBuilds();          // or [await ensureBuild({ base: '/' })]
 *     const session = browserSession(builds);       // registers beforeAll / afterAll
 *     describe.each(builds)('at $base', (build) => {
 *       const visit = sharedVisit(() => session.open(build, DESKTOP));
 *       it('…', async () => { await visit.goto(pageUrl(session.server(build).url, '/')); … });
 *     });
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { BROWSER_TIMEOUT_MS, launchBrowser, openPage, type PageVisit, type VisitOptions } from './browser.ts';
import type { Build } from './builds.ts';
import { closeServers, serveBuilds } from './sites.ts';
import type { StaticServer } from './staticServer.ts';

export interface BrowserSession {
  /** The file's Chromium (from `beforeAll` on). */
  readonly browser: Browser;
  /** The static server of a build (from `beforeAll` on). */
  server: (build: Build) => StaticServer;
  /** A fresh visit on the build's server (`openPage`): close it when done. */
  open: (build: Build, options?: VisitOptions) => Promise<PageVisit>;
}

/** Serve `builds` and launch Chromium in this file's `beforeAll`; close them in its `afterAll`. */
export function browserSession(builds: readonly Build[]): BrowserSession {
  let browser: Browser | undefined;
  let servers: Map<string, StaticServer> | undefined;

  beforeAll(async () => {
    servers = await serveBuilds(builds);
    browser = await launchBrowser();
  }, BROWSER_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await closeServers(servers);
  });

  const session: BrowserSession = {
    get browser() {
      if (!browser) throw new Error('the browser is launched in beforeAll: use it inside a test or a hook');
      return browser;
    },
    server: (build) => {
      const server = servers?.get(build.base);
      if (!server) throw new Error(`no server for the build at ${build.base}: serve it with browserSession([...])`);
      return server;
    },
    open: (build, options) => openPage(session.browser, session.server(build).origin, options),
  };
  return session;
}

/**
 * One visit for all the tests of the enclosing `describe` (or file): opened in
 * its `beforeAll`, closed in its `afterAll`. The visit returned stands for the
 * open one, so it can be named before it exists.
 */
export function sharedVisit(open: () => Promise<PageVisit>): PageVisit {
  let visit: PageVisit | undefined;
  beforeAll(async () => {
    visit = await open();
  });
  afterAll(async () => {
    await visit?.close();
  });
  const current = (): PageVisit => {
    if (!visit) throw new Error('the shared visit is opened in beforeAll: use it inside a test');
    return visit;
  };
  return {
    get page() {
      return current().page;
    },
    get context() {
      return current().context;
    },
    problems: () => current().problems(),
    goto: (url) => current().goto(url),
    close: () => current().close(),
  };
}
