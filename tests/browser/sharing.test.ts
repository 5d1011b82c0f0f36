/**
 * A sharer's round trip, at the domain root and under a sub-path: a link to a
 * paragraph opens scrolled to it, visibly highlighted and not hidden under
 * anything; the copy-link control (mouse or keyboard) puts the canonical
 * absolute URL + fragment on the clipboard and says "Link copied" in a status
 * region a screen reader announces.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { allowClipboard, DESKTOP, listProblems, PHONE, withoutAbortedRequests } from '../support/browser.ts';
import { browserSession, sharedVisit } from '../support/browserSession.ts';
import type { Build } from '../support/builds.ts';
import { attr, elements, type Element as HtmlElement } from '../support/html.ts';
import { listArticles, pageUrl, readPage, type SitePage } from '../support/sitePages.ts';
import { ensureBuilds, publicUrl } from '../support/sites.ts';

const builds = await ensureBuilds();

const session = browserSession(builds);

/**
 * The passages of the article a reader can link to: the paragraphs and headings
 * that carry a copy-link control pointing at their own id (the data contract),
 * from the built HTML.
 */
function passages(page: SitePage): { paragraphs: string[]; headings: string[] } {
  const { document } = readPage(page);
  const paragraphs: string[] = [];
  const headings: string[] = [];
  for (const element of elements(document)) {
    const id = attr(element, 'id');
    if (!id || !/^(p|h[2-6])$/.test(element.tagName)) continue;
    const control = element.childNodes.find(
      (child) => 'tagName' in child && attr(child as HtmlElement, 'data-permalink') !== undefined,
    ) as HtmlElement | undefined;
    if (!control || attr(control, 'href') !== `#${id}`) continue;
    (element.tagName === 'p' ? paragraphs : headings).push(id);
  }
  return { paragraphs, headings };
}

interface PassageState {
  top: number;
  bottom: number;
  viewportHeight: number;
  isTarget: boolean;
  /** What a reader's eye lands on at the left, middle and right of the passage's first line, if not the passage. */
  coveredBy: string[];
  target: { background: string; shadow: string; outline: string };
  other: { background: string; shadow: string; outline: string };
  pageBackground: string;
}

/** Where the passage is, what covers it, and how it is drawn compared with another paragraph. */
async function passageState(page: Page, id: string, otherId: string): Promise<PassageState | undefined> {
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((done) => requestAnimationFrame(done))));
  return page.evaluate(
    ([passage, other]) => {
      const element = document.getElementById(passage);
      const otherElement = document.getElementById(other);
      if (!element || !otherElement) return undefined;
      const box = element.getBoundingClientRect();
      const y = Math.max(box.top, 0) + Math.min(box.height / 2, 6);
      const coveredBy = [box.left + 4, box.left + box.width / 2, box.right - 4].flatMap((x) => {
        const onTop = document.elementFromPoint(x, y);
        return onTop && !element.contains(onTop) && onTop !== element ? [onTop.outerHTML.slice(0, 120)] : [];
      });
      const look = (target: Element) => {
        const style = getComputedStyle(target);
        return {
          background: style.backgroundColor,
          shadow: style.boxShadow,
          outline: style.outlineStyle === 'none' ? 'none' : `${style.outlineStyle} ${style.outlineWidth}`,
        };
      };
      let pageBackground = getComputedStyle(document.body).backgroundColor;
      if (pageBackground === 'rgba(0, 0, 0, 0)')
        pageBackground = getComputedStyle(document.documentElement).backgroundColor;
      return {
        top: box.top,
        bottom: box.bottom,
        viewportHeight: window.innerHeight,
        isTarget: document.querySelector(':target') === element,
        coveredBy,
        target: look(element),
        other: look(otherElement),
        pageBackground,
      };
    },
    [id, otherId] as const,
  );
}

async function waitInView(page: Page, id: string): Promise<void> {
  await page
    .waitForFunction(
      (passage) => {
        const box = document.getElementById(passage)?.getBoundingClientRect();
        return box !== undefined && box.top > -2 && box.top < window.innerHeight;
      },
      id,
      { timeout: 5_000 },
    )
    .catch(() => undefined /* asserted with details by the caller */);
}

function expectShownAndHighlighted(state: PassageState | undefined, id: string): void {
  expect(state, `#${id} is not on the page`).toBeDefined();
  if (!state) return;
  expect(state.isTarget, `#${id} is not the :target`).toBe(true);
  expect(
    state.top > -2 && state.top < state.viewportHeight - 20,
    `#${id} starts at ${state.top}px in a ${state.viewportHeight}px window: not scrolled into view`,
  ).toBe(true);
  expect(state.coveredBy, `the first line of #${id} is hidden under another element`).toEqual([]);
  const { target, other } = state;
  expect(
    target.background !== other.background || target.shadow !== other.shadow || target.outline !== other.outline,
    `#${id} looks like any other paragraph: ${JSON.stringify(target)}`,
  ).toBe(true);
  // A highlight the reader can see: a background unlike the page's, or an outline.
  expect(
    (target.background !== state.pageBackground && target.background !== 'rgba(0, 0, 0, 0)') ||
      target.outline !== 'none',
    `#${id}'s highlight (${JSON.stringify(target)}) does not stand out from the page (${state.pageBackground})`,
  ).toBe(true);
}

describe.each(builds)('at $base', (build: Build) => {
  const server = () => session.server(build);
  const articles = listArticles(build);

  it('has an article with linkable paragraphs and headings', () => {
    expect(articles.length).toBeGreaterThan(0);
    for (const { page } of articles) expect(passages(page).paragraphs.length).toBeGreaterThan(2);
  });

  describe.each(articles)('article $slug', ({ page }) => {
    const url = () => pageUrl(server().url, page.path);
    const { paragraphs, headings } = passages(page);
    // Far down the page, so the browser has to scroll; compared against the first paragraph.
    const deepParagraph = paragraphs.at(-2) ?? '';
    const firstParagraph = paragraphs[0] ?? '';
    const links = [
      { what: 'a paragraph on a desktop screen', id: deepParagraph, options: DESKTOP },
      { what: 'a paragraph on a phone', id: deepParagraph, options: PHONE },
      { what: 'a paragraph in dark mode', id: deepParagraph, options: { ...DESKTOP, colorScheme: 'dark' as const } },
      ...(headings.length > 0
        ? [{ what: 'a section heading on a phone', id: headings.at(-1) ?? '', options: PHONE }]
        : []),
    ];

    it.each(links)('a link to $what opens scrolled to it, highlighted, under nothing', async ({ id, options }) => {
      const visit = await session.open(build, { ...options, url: `${url()}#${id}` });
      try {
        await waitInView(visit.page, id);
        expectShownAndHighlighted(await passageState(visit.page, id, firstParagraph), id);
        const problems = listProblems(await visit.problems());
        expect(problems, problems.join('\n')).toEqual([]);
      } finally {
        await visit.close();
      }
    });

    it('a link inside the page (the panel\'s "in context" link) scrolls to and highlights its paragraph', async () => {
      const visit = await session.open(build, { ...DESKTOP, url: url() });
      try {
        // The last one on screen (some panel sections are folded away).
        const inPage = visit.page.locator('aside a[href^="#p-"]').locator('visible=true').last();
        expect(await inPage.count(), 'the panel shows no link to a paragraph').toBe(1);
        const id = decodeURIComponent(((await inPage.getAttribute('href')) ?? '').slice(1));
        await inPage.click({ timeout: 5_000 });
        await waitInView(visit.page, id);
        expectShownAndHighlighted(
          await passageState(visit.page, id, id === firstParagraph ? deepParagraph : firstParagraph),
          id,
        );
      } finally {
        await visit.close();
      }
    });

    describe('copying a link to a paragraph', () => {
      const visit = sharedVisit(async () => allowClipboard(await session.open(build, DESKTOP), server().origin));

      const clipboard = () => visit.page.evaluate(() => navigator.clipboard.readText());
      const resetClipboard = () => visit.page.evaluate(() => navigator.clipboard.writeText('(nothing copied)'));

      async function expectCopied(id: string): Promise<void> {
        const expected = `${publicUrl(build, page.path)}#${id}`;
        await expect.poll(clipboard, { timeout: 3_000 }).toBe(expected);
        const status = visit.page.getByRole('status').filter({ hasText: 'Link copied' });
        await status.waitFor({ state: 'visible', timeout: 3_000 });
        const box = await status.boundingBox();
        expect(box, 'the "Link copied" message has no box on screen').not.toBeNull();
        if (box) {
          expect(box.width * box.height).toBeGreaterThan(0);
          expect(box.y >= 0 && box.y + box.height <= DESKTOP.viewport.height, 'the message is off screen').toBe(true);
        }
      }

      it('with the mouse: hovering the paragraph shows the control, clicking copies the canonical URL + #id and says so', async () => {
        await visit.goto(url());
        await resetClipboard();
        const id = paragraphs[1] ?? firstParagraph;
        const paragraph = visit.page.locator(`[id="${id}"]`);
        const control = paragraph.locator('a[data-permalink]');
        await paragraph.hover();
        await expect
          .poll(() => control.evaluate((element) => Number(getComputedStyle(element).opacity)), { timeout: 2_000 })
          .toBeGreaterThan(0.5);
        await control.click();
        await expectCopied(id);
        const problems = listProblems(withoutAbortedRequests(await visit.problems()));
        expect(problems, problems.join('\n')).toEqual([]);
      });

      it('with the keyboard: Tab to the first copy-link control, Enter copies its paragraph link and says so', async () => {
        await visit.goto(url());
        await resetClipboard();
        let id: string | undefined;
        for (let presses = 0; presses < 150 && !id; presses++) {
          await visit.page.keyboard.press('Tab');
          id = await visit.page.evaluate(() => {
            const active = document.activeElement;
            return active?.matches('a[data-permalink]') ? active.parentElement?.id : undefined;
          });
        }
        expect(id, 'Tab never reached a copy-link control').toBeDefined();
        if (!id) return;
        // Focused, the control is visible (it is faded out until hovered or focused).
        const opacity = await visit.page.evaluate(() =>
          Number(getComputedStyle(document.activeElement as Element).opacity),
        );
        expect(opacity).toBeGreaterThan(0.5);
        await visit.page.keyboard.press('Enter');
        await expectCopied(id);
      });

      it('the "Copy link" button in the article header copies the canonical URL of the page', async () => {
        await visit.goto(url());
        await resetClipboard();
        const button = visit.page.locator('article header').getByRole('button', { name: /copy link|share/i });
        await button.click();
        await expect.poll(clipboard, { timeout: 3_000 }).toBe(publicUrl(build, page.path));
        await visit.page.getByRole('status').filter({ hasText: 'Link copied' }).waitFor({ timeout: 3_000 });
      });
    });

    it('when the clipboard refuses, the copy-link control still takes the reader to the paragraph', async () => {
      const visit = await session.open(build, DESKTOP);
      try {
        await visit.page.addInitScript(() => {
          Object.defineProperty(navigator.clipboard, 'writeText', {
            value: () => Promise.reject(new DOMException('denied', 'NotAllowedError')),
          });
        });
        await visit.goto(url());
        const id = paragraphs[2] ?? firstParagraph;
        await visit.page.locator(`[id="${id}"]`).hover();
        await visit.page.locator(`[id="${id}"] a[data-permalink]`).click();
        await visit.page.waitForURL((address) => address.hash === `#${id}`, { timeout: 3_000 });
        await waitInView(visit.page, id);
        expectShownAndHighlighted(await passageState(visit.page, id, firstParagraph), id);
      } finally {
        await visit.close();
      }
    });
  });
});
