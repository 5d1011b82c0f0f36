/**
 * The Content-Security-Policy the build's `_headers` declares, as Netlify or
 * Cloudflare Pages would send it: zero `securitypolicyviolation` events on
 * every built page and in every scripted feature.
 *
 * Coverage, not a sample: `a11y.test.ts` loads every page at `/` (light and
 * dark) and fails on any violation during load; this file adds every page
 * under the sub-path `/backstory/`, and the features that only run after a
 * reader does something (Pagefind's WebAssembly search, mention cards, copy
 * link, "Link to selected text", the marking toggle, the timeline's
 * `?actor=` redirect), at both bases. A canary first proves that the policy is
 * really applied and that a violation would be seen.
 */
import { describe, expect, it } from 'vitest';
import { allowClipboard, DESKTOP, type PageVisit, twoFrames } from '../support/browser.ts';
import { browserSession, sharedVisit } from '../support/browserSession.ts';
import type { Build } from '../support/builds.ts';
import { listArticles, listPages, pageUrl } from '../support/sitePages.ts';
import { ensureBuilds } from '../support/sites.ts';

const builds = await ensureBuilds();
const [rootBuild, subBuild] = builds as [Build, Build];

const session = browserSession(builds);

async function violations(visit: PageVisit): Promise<string[]> {
  // Two frames: whatever the page's scripts do on load has been done.
  await twoFrames(visit.page);
  return (await visit.problems()).cspViolations;
}

describe.each(builds)('at $base', (build: Build) => {
  const server = () => session.server(build);

  it('every page is served with a script policy that forbids inline scripts', async () => {
    const missing: string[] = [];
    for (const page of listPages(build.dir)) {
      const response = await fetch(pageUrl(server().url, page.path), { method: 'HEAD' });
      const policy = response.headers.get('content-security-policy') ?? '';
      const scripts = /(?:^|;)\s*script-src ([^;]*)/.exec(policy)?.[1] ?? '';
      if (!scripts || /'unsafe-inline'/.test(scripts)) missing.push(`${page.path}: "${policy}"`);
    }
    expect(missing, `pages without a strict script-src:\n${missing.join('\n')}`).toEqual([]);
  });

  it('canary: an inline script added to a page is refused, and the refusal is recorded', async () => {
    const visit = await session.open(build, { url: server().url });
    try {
      await visit.page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.__canaryRan = true;';
        document.head.append(script);
      });
      expect(
        await visit.page.evaluate(
          () => 'window.__canaryRan' in window && (window as { __canaryRan?: boolean }).__canaryRan,
        ),
      ).toBeFalsy();
      await expect.poll(async () => (await violations(visit)).length).toBeGreaterThan(0);
    } finally {
      await visit.close();
    }
  });

  describe('features that run after the reader acts', () => {
    const visit = sharedVisit(async () => allowClipboard(await session.open(build, DESKTOP), server().origin));
    const articles = listArticles(build);
    const article = () => pageUrl(server().url, articles[0]?.page.path ?? '/');

    it('search: Pagefind loads its index and WebAssembly and shows results', async () => {
      await visit.goto(`${pageUrl(server().url, '/search/')}?q=Haftar`);
      await visit.page.getByRole('main').getByRole('listitem').first().waitFor({ timeout: 10_000 });
      // A second query: more index fragments.
      const box = visit.page.getByRole('main').getByRole('searchbox');
      await box.fill('Moscow truce');
      await box.press('Enter');
      await visit.page.waitForTimeout(500);
      expect(await violations(visit)).toEqual([]);
    });

    it('article: a mention card by hover and by keyboard, a copied link, a link to selected text, the marking toggle', async () => {
      await visit.goto(article());
      const mention = visit.page.locator('main [data-entity]').first();
      await mention.hover();
      await visit.page.getByRole('dialog').waitFor({ timeout: 3_000 });
      await mention.focus();
      await visit.page.keyboard.press('Enter');
      await visit.page.keyboard.press('Escape');

      const paragraph = visit.page.locator('main p[id]').nth(1);
      await paragraph.hover();
      await paragraph.locator('a[data-permalink]').click();
      await visit.page
        .getByRole('status')
        .filter({ hasText: /copied/i })
        .waitFor({ timeout: 3_000 });

      // Select a few words of a paragraph, as a drag would.
      await paragraph.evaluate((element) => {
        const text = [...element.childNodes].find(
          (node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim().length > 10,
        );
        if (!text) return;
        const range = document.createRange();
        range.setStart(text, 0);
        range.setEnd(text, Math.min(20, (text.textContent ?? '').length));
        document.getSelection()?.removeAllRanges();
        document.getSelection()?.addRange(range);
        document.dispatchEvent(new Event('selectionchange'));
      });
      const share = visit.page.getByRole('button', { name: /link to selected text/i });
      await share.waitFor({ timeout: 3_000 });
      await share.click();

      await visit.page.getByRole('button', { name: /highlight mentions/i }).click();
      await visit.page.getByRole('button', { name: /highlight mentions/i }).click();
      expect(await violations(visit)).toEqual([]);
    });

    it('timeline: a ?actor= address redirected to its view', async () => {
      await visit.goto(pageUrl(server().url, '/timeline/'));
      const link = visit.page
        .getByRole('navigation', { name: /filter/i })
        .locator('a[href*="/timeline/actor/"]')
        .first();
      const actor = /\/timeline\/actor\/([^/]+)\//.exec((await link.getAttribute('href')) ?? '')?.[1] ?? '';
      expect(actor).not.toBe('');
      await visit.goto(`${pageUrl(server().url, '/timeline/')}?actor=${actor}`);
      await visit.page.waitForURL((address) => address.search === '');
      expect(await violations(visit)).toEqual([]);
    });
  });
});

describe(`every page under ${subBuild.base}`, () => {
  // At `/`, a11y.test.ts loads every page with the same recorder; here, the sub-path build.
  const pages = listPages(subBuild.dir);
  const visit = sharedVisit(() => session.open(subBuild));

  it('has as many pages as the root build', () => {
    expect(pages.map((page) => page.path)).toEqual(listPages(rootBuild.dir).map((page) => page.path));
  });

  it.each(pages)('$path loads without a CSP violation', async (page) => {
    await visit.goto(pageUrl(session.server(subBuild).url, page.path));
    const found = await violations(visit);
    expect(found, `CSP violations on ${page.path}:\n${found.join('\n')}`).toEqual([]);
  });
});
