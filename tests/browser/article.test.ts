/**
 * A reader opening an article: the headline and every word the editor wrote are
 * on screen (with and without JavaScript), a shared link to a passage opens
 * scrolled to it, and the page loads cleanly from the site alone.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readArticleSource } from '../support/articleSource.ts';
import { listProblems, PHONE } from '../support/browser.ts';
import { browserSession } from '../support/browserSession.ts';
import { ensureBuild } from '../support/builds.ts';
import { attr, byTag, type Element, elements, normaliseSpace } from '../support/html.ts';
import { listArticles, pageUrl, readPage, type SitePage } from '../support/sitePages.ts';

const build = await ensureBuild({ base: '/' });
const articles = listArticles(build);

const session = browserSession([build]);

it('the build has at least one article page', () => {
  expect(articles.map((article) => article.slug)).not.toEqual([]);
});

/** Source blocks (paragraphs, headings) not found in the text the reader sees in <main>. */
async function missingText(page: Page, blocks: string[]): Promise<string[]> {
  // biome-ignore lint/performance/useDomNodeTextContent: rendered text on purpose; text hidden by CSS must not count.
  const shown = normaliseSpace(await page.locator('main').innerText());
  return blocks.filter((block) => !shown.includes(block)).map((block) => `"${block.slice(0, 100)}…"`);
}

/**
 * The passage a sharer would link to: the last paragraph with an id in the
 * article body (furthest down, so the browser must scroll), else the last
 * heading with an id.
 */
function linkablePassage(page: SitePage): string | undefined {
  const { document } = readPage(page);
  const body = byTag(document, 'article')[0] ?? byTag(document, 'main')[0] ?? document;
  const withId = (tags: string[]) =>
    [...elements(body)].filter((element: Element) => tags.includes(element.tagName) && attr(element, 'id'));
  const passages = withId(['p']);
  const candidates = passages.length > 0 ? passages : withId(['h2', 'h3', 'h4', 'h5', 'h6', 'h1']);
  const last = candidates.at(-1);
  return last && attr(last, 'id');
}

describe.each(articles)('article $slug', ({ slug, page }) => {
  const source = () => readArticleSource(slug);
  const url = () => pageUrl(session.server(build).url, page.path);

  it('shows the headline as the one main heading, and in the window title', async () => {
    const visit = await session.open(build, { url: url() });
    try {
      const heading = visit.page.getByRole('heading', { level: 1 });
      expect(await heading.count()).toBe(1);
      expect(await heading.isVisible()).toBe(true);
      // biome-ignore lint/performance/useDomNodeTextContent: what the reader sees, not the DOM's text.
      expect(normaliseSpace(await heading.innerText())).toBe(normaliseSpace(source().title));
      expect(await visit.page.title()).toContain(normaliseSpace(source().title));
    } finally {
      await visit.close();
    }
  });

  it('shows the summary and every paragraph and heading of the article text', async () => {
    const visit = await session.open(build, { url: url() });
    try {
      const { dek, blocks } = source();
      expect(blocks.length, `no paragraphs in ${source().file}`).toBeGreaterThan(0);
      const missing = await missingText(visit.page, [normaliseSpace(dek), ...blocks]);
      expect(missing, `text the reader cannot see:\n${missing.join('\n')}`).toEqual([]);
    } finally {
      await visit.close();
    }
  });

  it('is fully readable with JavaScript disabled', async () => {
    const visit = await session.open(build, { url: url(), javaScriptEnabled: false });
    try {
      const { title, dek, blocks } = source();
      const missing = await missingText(visit.page, [normaliseSpace(title), normaliseSpace(dek), ...blocks]);
      expect(missing, `text missing without JavaScript:\n${missing.join('\n')}`).toEqual([]);
    } finally {
      await visit.close();
    }
  });

  it('opens a link to a passage (…/#id) on a phone scrolled to that passage, not hidden under anything', async () => {
    const id = linkablePassage(page) ?? '';
    expect(id, 'no paragraph or heading in the article has an id to link to').not.toBe('');
    const target = `${url()}#${encodeURIComponent(id)}`;
    const visit = await session.open(build, { ...PHONE, url: target });
    try {
      const inView = (passage: string) => {
        const element = document.getElementById(passage);
        if (!element) return false;
        const box = element.getBoundingClientRect();
        // Sub-pixel layout on a phone can leave the top a fraction of a pixel above the edge.
        return box.top > -2 && box.top < window.innerHeight && box.bottom > 0;
      };
      await visit.page
        .waitForFunction(inView, id, { timeout: 5_000 })
        .catch(() => undefined /* asserted below, with details */);
      const state = await visit.page.evaluate((passage) => {
        const element = document.getElementById(passage);
        if (!element) return undefined;
        const box = element.getBoundingClientRect();
        const x = box.left + box.width / 2;
        const y = box.top + Math.min(box.height / 2, 8);
        const onTop = document.elementFromPoint(x, y);
        return {
          top: box.top,
          viewportHeight: window.innerHeight,
          scrollY: Math.round(window.scrollY),
          isTarget: document.querySelector(':target') === element,
          coveredBy: onTop && !element.contains(onTop) ? onTop.outerHTML.slice(0, 120) : null,
        };
      }, id);
      expect(state, `#${id} is not on the page`).toBeDefined();
      expect(state?.isTarget, `#${id} is not the :target`).toBe(true);
      expect(
        (state?.top ?? -Infinity) > -2 && (state?.top ?? Infinity) < (state?.viewportHeight ?? 0),
        `#${id} is not in view: top ${state?.top}px of a ${state?.viewportHeight}px viewport (scrollY ${state?.scrollY})`,
      ).toBe(true);
      expect(state?.coveredBy, `#${id} is hidden under another element`).toBeNull();
    } finally {
      await visit.close();
    }
  });

  it('loads with no console error, no failed request and no request to another host', async () => {
    const visit = await session.open(build);
    try {
      await visit.page.goto(url(), { waitUntil: 'networkidle' });
      const problems = listProblems(await visit.problems());
      expect(problems, problems.join('\n')).toEqual([]);
    } finally {
      await visit.close();
    }
  });
});
