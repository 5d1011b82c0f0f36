/**
 * Following the events on the timeline, at the domain root and under a
 * sub-path: filtering by actor with the plain links (no JavaScript) and with
 * a `?actor=` address (JavaScript) leaves exactly the events the editors
 * declared for that actor; one article's events, from the list of articles,
 * are its page's "Key dates", in the order they happened; every event's
 * "the text says …" link opens the article on a passage that contains those
 * words.
 *
 * The oracle is the articles' frontmatter (`events[].actors`, `summary`,
 * `phrase`), read from content/ without the site's code.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eventSpan } from '../../src/derive/dates.ts';
import { listProblems, visibleText, withoutAbortedRequests } from '../support/browser.ts';
import { browserSession, sharedVisit } from '../support/browserSession.ts';
import type { Build } from '../support/builds.ts';
import { entityName, readSourceArticles, type SourceEvent } from '../support/contentSource.ts';
import { normaliseSpace } from '../support/html.ts';
import { pageUrl } from '../support/sitePages.ts';
import { ensureBuilds } from '../support/sites.ts';

const builds = await ensureBuilds();
const articles = readSourceArticles().filter((article) => article.events.length > 0);
const allEvents = articles.flatMap((article) => article.events);
const actorIds = [...new Set(allEvents.flatMap((event) => event.actors))].sort();
const actors = actorIds.map((id) => ({ id, name: entityName('actors', id) }));
const summaries = (events: SourceEvent[]) => events.map((event) => normaliseSpace(event.summary)).sort();
const eventsOf = (actor: string) => summaries(allEvents.filter((event) => event.actors.includes(actor)));

const session = browserSession(builds);

it('the content has dated events with actors to filter by', () => {
  expect(allEvents.length).toBeGreaterThan(1);
  expect(actors.length).toBeGreaterThan(1);
});

interface ShownEvent {
  summary: string;
  /** The "the text says …" link: its words and where it goes. */
  phrase: string;
  href: string;
}

/** The events listed on this timeline view (publication entries aside), following its pages. */
async function shownEvents(page: Page): Promise<ShownEvent[]> {
  const shown: ShownEvent[] = [];
  for (let pages = 0; pages < 50; pages++) {
    shown.push(
      ...(await page.evaluate(() =>
        [...document.querySelectorAll('main li')]
          .filter((item) => item.querySelector('.tl-entry__what') && !/^\s*Published/.test(item.textContent ?? ''))
          .map((item) => {
            const source = item.querySelector<HTMLAnchorElement>('.tl-entry__source a[href*="#"]');
            return {
              summary: (item.querySelector('.tl-entry__what')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
              phrase: (source?.textContent ?? '').replace(/\s+/g, ' ').trim(),
              href: source?.href ?? '',
            };
          }),
      )),
    );
    const next = await page.evaluate(() => document.querySelector<HTMLAnchorElement>('a[rel="next"]')?.href);
    if (!next) break;
    await page.goto(next);
  }
  return shown;
}

const summariesShown = async (page: Page) => (await shownEvents(page)).map((event) => event.summary).sort();

describe.each(builds)('at $base', (build: Build) => {
  const server = () => session.server(build);
  const timelineUrl = (query = '') => `${pageUrl(server().url, '/timeline/')}${query}`;

  it('lists every declared event on the unfiltered timeline, each linked to the words that date it', async () => {
    const visit = await session.open(build, { url: timelineUrl() });
    try {
      const shown = await shownEvents(visit.page);
      expect(shown.map((event) => event.summary).sort()).toEqual(summaries(allEvents));
      for (const event of allEvents) {
        const entry = shown.find((candidate) => candidate.summary === normaliseSpace(event.summary));
        expect(entry?.phrase, `the link of "${event.summary}"`).toBe(normaliseSpace(event.phrase));
      }
      const problems = listProblems(await visit.problems());
      expect(problems, problems.join('\n')).toEqual([]);
    } finally {
      await visit.close();
    }
  });

  it("each event's link opens its article on an existing passage that contains the event's words", async () => {
    const visit = await session.open(build, { url: timelineUrl() });
    try {
      const shown = await shownEvents(visit.page);
      const byPage = new Map<string, ShownEvent[]>();
      for (const event of shown) {
        const address = new URL(event.href);
        expect(address.hash, `"${event.summary}" links to no passage: ${event.href}`).toMatch(/^#./);
        expect(address.pathname.startsWith(build.base), `${event.href} leaves the site's base path`).toBe(true);
        const key = address.href.replace(/#.*$/, '');
        byPage.set(key, [...(byPage.get(key) ?? []), event]);
      }
      for (const [address, events] of byPage) {
        await visit.goto(address);
        for (const event of events) {
          const id = decodeURIComponent(new URL(event.href).hash.slice(1));
          // The paragraph (or heading, list item, quote) itself, or the words inside it.
          const passage = await visit.page.evaluate((target) => {
            const element = document.getElementById(target);
            const block = element?.closest('p, li, blockquote, h2, h3, h4, h5, h6');
            return element && block
              ? {
                  block: block.tagName.toLowerCase(),
                  text: (block.textContent ?? '').replace(/\s+/g, ' '),
                  words: (element.textContent ?? '').replace(/\s+/g, ' ').trim(),
                  isBlock: element === block,
                }
              : undefined;
          }, id);
          expect(passage, `#${id} (for "${event.summary}") is not a passage of ${address}`).toBeDefined();
          expect(passage?.text, `the passage of #${id} does not contain "${event.phrase}"`).toContain(event.phrase);
          if (!passage?.isBlock) expect(passage?.words, `#${id} is not the words "${event.phrase}"`).toBe(event.phrase);
        }
      }
      // And following one for real lands on it, highlighted as the target.
      const first = shown[0] as ShownEvent;
      await visit.goto(timelineUrl());
      await visit.page
        .locator(`.tl-entry__source a[href="${new URL(first.href).pathname}${new URL(first.href).hash}"]`)
        .first()
        .click();
      await visit.page.waitForURL((address) => address.hash === new URL(first.href).hash);
      const target = await visit.page.evaluate(() => document.querySelector(':target')?.textContent ?? '');
      expect(normaliseSpace(target)).toContain(first.phrase);
    } finally {
      await visit.close();
    }
  });

  /** Each view (`name` → page address) that does not show exactly the expected events, and why. */
  async function wrongViews(
    page: Page,
    views: { name: string; open: () => Promise<void>; expected: string[] }[],
  ): Promise<string[]> {
    const wrong: string[] = [];
    for (const view of views) {
      await view.open();
      const shown = await summariesShown(page);
      if (JSON.stringify(shown) !== JSON.stringify(view.expected)) {
        wrong.push(
          `${view.name} (${page.url()}):\n  shows    ${JSON.stringify(shown)}\n  expected ${JSON.stringify(view.expected)}`,
        );
      }
    }
    return wrong;
  }

  describe('without JavaScript, the filter links', () => {
    const visit = sharedVisit(() => session.open(build, { javaScriptEnabled: false }));

    /** The links of one filter group ("By actor"), opened as a reader would: name → address. */
    async function filterLinks(group: RegExp): Promise<Map<string, string>> {
      await visit.goto(timelineUrl());
      const filters = visit.page.getByRole('navigation', { name: /filter/i });
      await filters.getByText(group).click();
      const links = filters.locator('details', { has: visit.page.getByText(group) }).getByRole('link');
      await links.first().waitFor({ state: 'visible' });
      const found = new Map<string, string>();
      for (const link of await links.all()) {
        found.set(await visibleText(link), await link.evaluate((a) => (a as HTMLAnchorElement).href));
      }
      return found;
    }

    it('"By actor" opens and its first link leads to that actor\'s events', async () => {
      const actor = actors[0] as (typeof actors)[number];
      await visit.goto(timelineUrl());
      const filters = visit.page.getByRole('navigation', { name: /filter/i });
      await filters.getByText(/by actor/i).click();
      await filters.getByRole('link', { name: actor.name, exact: true }).click();
      await visit.page.waitForLoadState('load');
      expect(await summariesShown(visit.page)).toEqual(eventsOf(actor.id));
    });

    it('offer every actor that has events, no other, each showing exactly the events that actor is involved in', async () => {
      const links = await filterLinks(/by actor/i);
      expect([...links.keys()].sort()).toEqual(actors.map((actor) => actor.name).sort());
      const wrong = await wrongViews(
        visit.page,
        actors.map((actor) => ({
          name: actor.name,
          open: () => visit.goto(links.get(actor.name) ?? ''),
          expected: eventsOf(actor.id),
        })),
      );
      expect(wrong, wrong.join('\n')).toEqual([]);
    });

    it("from the list of articles, each article's dated events open as its Key dates, exactly its events in order", async () => {
      for (const article of articles) {
        await visit.goto(pageUrl(server().url, '/'));
        const card = visit.page.locator('article', {
          has: visit.page.getByRole('link', { name: article.title, exact: true }),
        });
        await card.getByRole('link', { name: /dated events?/ }).click();
        await visit.page.waitForURL((address) => address.hash !== '');
        const shown = await visit.page.evaluate(() => {
          const section = document.querySelector(':target');
          return {
            title: section?.querySelector('h2')?.textContent?.trim() ?? '',
            dates: [...(section?.querySelectorAll('li') ?? [])].map(
              (item) => item.querySelector('time[datetime]')?.getAttribute('datetime') ?? '',
            ),
            what: [...(section?.querySelectorAll('li') ?? [])].map((item) => item.textContent ?? ''),
          };
        });
        expect(shown.title, article.slug).toBe('Key dates');
        expect(shown.what, article.slug).toHaveLength(article.events.length);
        for (const event of article.events) {
          expect(
            shown.what.some((text) => normaliseSpace(text).includes(normaliseSpace(event.summary))),
            `${article.slug}: "${event.summary}" is not among its Key dates`,
          ).toBe(true);
        }
        // By the first day each event covers (a week, month or year starts before the days in it).
        const firstDays = shown.dates.map((datetime) => eventSpan(datetime).start);
        expect(firstDays, `${article.slug}: in the order they happened`).toEqual([...firstDays].sort());
      }
    });
  });

  describe('with JavaScript', () => {
    const visit = sharedVisit(() => session.open(build));

    it('?actor=<id> shows exactly the events of that actor', async () => {
      const arrive = async (query: string) => {
        await visit.goto(timelineUrl(query));
        await visit.page.waitForURL((address) => address.search === '', { timeout: 5_000 });
        await visit.page.waitForLoadState('load');
      };
      const wrong = await wrongViews(visit.page, [
        ...actors.map((actor) => ({
          name: `?actor=${actor.id}`,
          open: () => arrive(`?actor=${actor.id}`),
          expected: eventsOf(actor.id),
        })),
      ]);
      expect(wrong, wrong.join('\n')).toEqual([]);
    });

    it('?actor= naming no actor leaves every event on screen, without a script error', async () => {
      await visit.goto(timelineUrl('?actor=no-such-actor'));
      await visit.page.waitForTimeout(300); // room for a (wrong) redirect
      expect(new URL(visit.page.url()).pathname).toBe(new URL(timelineUrl()).pathname);
      expect(await summariesShown(visit.page)).toEqual(summaries(allEvents));
      const problems = listProblems(withoutAbortedRequests(await visit.problems()));
      expect(problems, problems.join('\n')).toEqual([]);
    });
  });
});
