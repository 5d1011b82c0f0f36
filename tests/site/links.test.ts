/**
 * Links across the whole built site, at the domain root and under a sub-path
 * (operators upload dist/ to either): nothing broken, nothing unreachable,
 * nothing loaded from another host, and every #link lands on its passage.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, type Build, ensureBuild } from '../support/builds.ts';
import {
  brokenFragments,
  crawlSite,
  describeLink,
  type LinkResult,
  LinkState,
  thirdPartyResources,
} from '../support/crawl.ts';
import { listPages, pageUrl } from '../support/sitePages.ts';
import { type StaticServer, serveStatic } from '../support/staticServer.ts';

describe.each(['/', '/backstory/'])('site built for base %s', (base) => {
  let build: Build;
  let server: StaticServer;
  let links: LinkResult[];

  beforeAll(async () => {
    build = await ensureBuild({ base });
    server = await serveStatic({ root: build.dir, base });
    links = await crawlSite(build, server);
  }, BUILD_TIMEOUT_MS);

  afterAll(async () => {
    await server?.close();
  });

  it('has no broken internal link (pages, styles, scripts, images, fonts, canonical and preview URLs)', () => {
    const broken = links.filter((link) => link.state === LinkState.BROKEN).map(describeLink);
    expect(broken, `broken links:\n${broken.join('\n')}`).toEqual([]);
    // The crawl really ran: the home page and at least one link on it were checked.
    expect(links.filter((link) => link.state === LinkState.OK).length).toBeGreaterThan(1);
  });

  it('lets a reader reach every page from the home page by following links', () => {
    const visited = new Set(
      links.filter((link) => link.state === LinkState.OK).map((link) => link.url.replace(/#.*$/, '')),
    );
    const orphans = listPages(build.dir)
      .filter((page) => page.path !== '/404.html')
      .map((page) => pageUrl(server.url, page.path))
      .filter((url) => !visited.has(url));
    expect(orphans, `pages no link leads to:\n${orphans.join('\n')}`).toEqual([]);
  });

  it('loads nothing from another host (scripts, styles, images, fonts, frames)', () => {
    const found = thirdPartyResources(build).map(({ where, what, url }) => `${where}: ${what} → ${url}`);
    expect(found, `third-party resources:\n${found.join('\n')}`).toEqual([]);
  });

  it('points every #fragment link (on the same page or another) at an element that exists', () => {
    const problems = brokenFragments(build);
    expect(problems, `links to a passage that is not there:\n${problems.join('\n')}`).toEqual([]);
  });
});
