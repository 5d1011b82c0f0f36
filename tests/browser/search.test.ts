/**
 * Searching, at the domain root and under a sub-path: a query typed in the
 * header's search box lands on /search/ with results; the article result
 * opens the article. Results stay inside the site's base path, an empty
 * result says so, a hostile query is shown as text, and without JavaScript
 * the search page offers the indexes instead.
 */
import { describe, expect, it } from 'vitest';
import { DESKTOP, listProblems, visibleText, withoutAbortedRequests } from '../support/browser.ts';
import { browserSession, sharedVisit } from '../support/browserSession.ts';
import type { Build } from '../support/builds.ts';
import { readSourceArticles } from '../support/contentSource.ts';
import { normaliseSpace } from '../support/html.ts';
import { listArticles, pageUrl } from '../support/sitePages.ts';
import { ensureBuilds } from '../support/sites.ts';

const builds = await ensureBuilds();
/** An article whose title or text mentions Haftar: the seed's. */
const haftarArticle = readSourceArticles().find((article) => /Haftar/.test(article.title)) ?? readSourceArticles()[0];

const session = browserSession(builds);

describe.each(builds)('at $base', (build: Build) => {
  const server = () => session.server(build);
  const articlePath = () => listArticles(build)[0]?.page.path ?? '/';

  describe('with JavaScript', () => {
    const visit = sharedVisit(() => session.open(build, DESKTOP));

    const resultLinks = () => visit.page.getByRole('main').getByRole('listitem').getByRole('link');
    const status = () => visit.page.getByRole('main').getByRole('status');

    it('"Haftar" typed in the header search box and submitted lists results; the article result opens the article', async () => {
      expect(haftarArticle, 'no article to find').toBeDefined();
      const title = normaliseSpace(haftarArticle?.title ?? '');
      await visit.goto(pageUrl(server().url, articlePath()));
      const box = visit.page.getByRole('banner').getByRole('searchbox');
      await box.fill('Haftar');
      await box.press('Enter');
      await visit.page.waitForURL(
        (address) => address.pathname === `${build.base}search/` && address.searchParams.get('q') === 'Haftar',
      );
      await expect
        .poll(async () => await visibleText(status()), { timeout: 10_000 })
        .toMatch(/\d+ results? for “Haftar”/);
      const result = resultLinks().filter({ hasText: title });
      expect(await result.count(), `no result titled "${title}"`).toBeGreaterThan(0);
      await result.first().click();
      await visit.page.waitForURL((address) => address.pathname === `${build.base}articles/${haftarArticle?.slug}/`);
      const heading = visit.page.getByRole('heading', { level: 1 });
      expect(await visibleText(heading)).toBe(title);
      const problems = listProblems(withoutAbortedRequests(await visit.problems()));
      expect(problems, problems.join('\n')).toEqual([]);
    });

    it('every result links to a page of this site, under its base path, that exists', async () => {
      await visit.goto(`${pageUrl(server().url, '/search/')}?q=Haftar`);
      await expect.poll(async () => resultLinks().count(), { timeout: 10_000 }).toBeGreaterThan(0);
      const hrefs = await resultLinks().evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
      const broken: string[] = [];
      for (const href of hrefs) {
        const address = new URL(href);
        if (address.origin !== server().origin || !address.pathname.startsWith(build.base)) {
          broken.push(`${href}: outside the site`);
          continue;
        }
        const response = await fetch(href);
        if (!response.ok) broken.push(`${href}: HTTP ${response.status}`);
      }
      expect(broken, broken.join('\n')).toEqual([]);
    });

    it('the search page form runs a new query in place and says when nothing matches', async () => {
      await visit.goto(`${pageUrl(server().url, '/search/')}?q=Haftar`);
      await expect.poll(async () => resultLinks().count(), { timeout: 10_000 }).toBeGreaterThan(0);
      const box = visit.page.getByRole('main').getByRole('searchbox');
      expect(await box.inputValue()).toBe('Haftar');
      await box.fill('zzxqvbnoresults');
      await box.press('Enter');
      await expect.poll(async () => await visibleText(status()), { timeout: 10_000 }).toMatch(/nothing found/i);
      expect(await resultLinks().count()).toBe(0);
      expect(new URL(visit.page.url()).searchParams.get('q')).toBe('zzxqvbnoresults');
    });

    it('a query made of HTML is shown as text, never run', async () => {
      const hostile = '"><img src=x onerror=alert(1)><script>alert(2)</script>';
      let dialogs = 0;
      visit.page.on('dialog', (dialog) => {
        dialogs++;
        void dialog.dismiss();
      });
      await visit.goto(`${pageUrl(server().url, '/search/')}?q=${encodeURIComponent(hostile)}`);
      await expect.poll(async () => await visibleText(status()), { timeout: 10_000 }).toContain(hostile);
      const injected = await visit.page.evaluate(
        () => document.querySelectorAll('main img[src="x"], main script:not([src]):not([type])').length,
      );
      expect(injected).toBe(0);
      expect(dialogs).toBe(0);
      const problems = listProblems(withoutAbortedRequests(await visit.problems()));
      expect(problems, problems.join('\n')).toEqual([]);
    });
  });

  it('without JavaScript, the header search still reaches /search/, which offers the indexes instead', async () => {
    const visit = await session.open(build, {
      javaScriptEnabled: false,
      url: pageUrl(server().url, articlePath()),
    });
    try {
      const box = visit.page.getByRole('banner').getByRole('searchbox');
      await box.fill('Haftar');
      await box.press('Enter');
      await visit.page.waitForURL((address) => address.pathname === `${build.base}search/`);
      const main = visit.page.getByRole('main');
      expect(await visibleText(main)).toMatch(/needs JavaScript/i);
      for (const index of ['Articles', 'Timeline', 'Actors', 'Places']) {
        const link = main.getByRole('link', { name: index, exact: true });
        expect(await link.isVisible(), `no visible link to ${index}`).toBe(true);
        expect(
          new URL((await link.evaluate((a) => (a as HTMLAnchorElement).href)) ?? '').pathname.startsWith(build.base),
        ).toBe(true);
      }
    } finally {
      await visit.close();
    }
  });
});
