/**
 * "Hover, focus or tap a mention to see who or what it is": the entity card
 * with a mouse, a keyboard and a touch screen, at the domain root and under a
 * sub-path. The card must name the entity its file declares, and its link
 * must lead to that entity's page.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, listProblems, PHONE, visibleText, withoutAbortedRequests } from '../support/browser.ts';
import { browserSession, sharedVisit } from '../support/browserSession.ts';
import type { Build } from '../support/builds.ts';
import { entityName } from '../support/contentSource.ts';
import { attr, elements } from '../support/html.ts';
import { listArticles, pageUrl, readPage, type SitePage } from '../support/sitePages.ts';
import { ensureBuilds } from '../support/sites.ts';

const builds = await ensureBuilds();

const session = browserSession(builds);

interface Mention {
  /** `id` of the mention element (the data contract gives every mention one). */
  id: string;
  collection: 'actors' | 'places';
  entity: string;
  /** The name the entity's file declares: what the card and the entity page must show. */
  name: string;
}

/** Mentions of an actor and of a place in the article body, from the built HTML's data contract. */
function sampleMentions(page: SitePage): Mention[] {
  const { document } = readPage(page);
  const found = new Map<string, Mention>();
  for (const element of elements(document)) {
    const key = attr(element, 'data-entity');
    const id = attr(element, 'id');
    const match = key ? /^(actor|place):([a-z0-9-]+)$/.exec(key) : null;
    if (!match || !id) continue;
    const collection = match[1] === 'actor' ? 'actors' : 'places';
    if (found.has(collection)) continue;
    const entity = match[2] ?? '';
    found.set(collection, { id, collection, entity, name: entityName(collection, entity) });
  }
  return [...found.values()];
}

const card = (page: Page) => page.getByRole('dialog');

async function expectCardFor(page: Page, mention: Mention): Promise<void> {
  const dialog = card(page);
  await dialog.waitFor({ state: 'visible', timeout: 3_000 });
  expect(await visibleText(dialog)).toContain(mention.name);
  const box = await dialog.boundingBox();
  const viewport = page.viewportSize();
  expect(box, 'the card has no box on screen').not.toBeNull();
  if (box && viewport) {
    expect(
      box.x >= 0 && box.x + box.width <= viewport.width,
      `the card sticks out of the window: ${JSON.stringify(box)}`,
    ).toBe(true);
  }
}

async function expectEntityPage(page: Page, build: Build, mention: Mention): Promise<void> {
  await page.waitForURL((address) => address.pathname === `${build.base}${mention.collection}/${mention.entity}/`, {
    timeout: 5_000,
  });
  const heading = page.getByRole('heading', { level: 1 });
  expect(await visibleText(heading)).toContain(mention.name);
}

/** The link a reader activates: the mention itself, or the link inside it. */
function linkOf(page: Page, mention: Mention): Locator {
  return page.locator(`[id="${mention.id}"]:is(a[href]), [id="${mention.id}"] a[href]`).first();
}

describe.each(builds)('at $base', (build: Build) => {
  const server = () => session.server(build);
  const articles = listArticles(build);

  describe.each(articles)('article $slug', ({ page }) => {
    const url = () => pageUrl(server().url, page.path);
    const mentions = sampleMentions(page);

    it('has mentions of an actor and of a place to try', () => {
      expect(mentions.map((mention) => mention.collection).sort()).toEqual(['actors', 'places']);
    });

    describe('with a mouse', () => {
      const visit = sharedVisit(() => session.open(build, DESKTOP));

      it.each(mentions)('hovering $entity shows its card; moving away hides it', async (mention) => {
        await visit.goto(url());
        const link = linkOf(visit.page, mention);
        await link.hover();
        await expectCardFor(visit.page, mention);
        expect(await link.getAttribute('aria-expanded')).toBe('true');
        await visit.page.mouse.move(2, 2);
        await card(visit.page).waitFor({ state: 'hidden', timeout: 3_000 });
        expect(await link.getAttribute('aria-expanded')).toBe('false');
        const problems = listProblems(withoutAbortedRequests(await visit.problems()));
        expect(problems, problems.join('\n')).toEqual([]);
      });

      it.each(mentions)('clicking $entity follows its link to the entity page', async (mention) => {
        await visit.goto(url());
        await linkOf(visit.page, mention).click();
        await expectEntityPage(visit.page, build, mention);
      });

      it('the card under the mouse stays while the pointer moves onto it, and its link opens the entity page', async () => {
        const mention = mentions[0] as Mention;
        await visit.goto(url());
        await linkOf(visit.page, mention).hover();
        await expectCardFor(visit.page, mention);
        const profile = card(visit.page).getByRole('link', { name: /profile/i });
        await profile.hover();
        await visit.page.waitForTimeout(500); // longer than the card's hide delay
        expect(await card(visit.page).isVisible(), 'the card vanished under the pointer').toBe(true);
        await profile.click();
        await expectEntityPage(visit.page, build, mention);
      });
    });

    describe('with a keyboard', () => {
      const visit = sharedVisit(() => session.open(build, DESKTOP));

      /** Tab from the top of the page until a mention has focus; its id. */
      async function tabToFirstMention(): Promise<string> {
        for (let presses = 0; presses < 100; presses++) {
          await visit.page.keyboard.press('Tab');
          const id = await visit.page.evaluate(() => {
            const active = document.activeElement;
            return active?.closest('[data-entity]')?.id || undefined;
          });
          if (id) return id;
        }
        throw new Error('Tab never reached a mention');
      }

      it('Tab reaches a mention; Enter opens its card and moves focus into it; Escape closes it and focus returns', async () => {
        await visit.goto(url());
        const id = await tabToFirstMention();
        const key = await visit.page.locator(`[id="${id}"]`).getAttribute('data-entity');
        const [collection, entity] = (key ?? '').split(':');
        const mention: Mention = {
          id,
          collection: collection === 'actor' ? 'actors' : 'places',
          entity: entity ?? '',
          name: entityName(collection === 'actor' ? 'actors' : 'places', entity ?? ''),
        };
        await visit.page.keyboard.press('Enter');
        await expectCardFor(visit.page, mention);
        expect(new URL(visit.page.url()).pathname, 'Enter navigated away instead of opening the card').toBe(
          new URL(url()).pathname,
        );
        await expect
          .poll(() => visit.page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null))
          .toBe(true);

        await visit.page.keyboard.press('Escape');
        await card(visit.page).waitFor({ state: 'hidden', timeout: 3_000 });
        const focused = await visit.page.evaluate(() => document.activeElement?.closest('[data-entity]')?.id);
        expect(focused, 'focus did not return to the mention').toBe(id);
      });

      it('inside the open card, Tab reaches "Open profile" and Enter goes to the entity page', async () => {
        await visit.goto(url());
        const id = await tabToFirstMention();
        const key = (await visit.page.locator(`[id="${id}"]`).getAttribute('data-entity')) ?? '';
        const [collection, entity] = key.split(':');
        const mention: Mention = {
          id,
          collection: collection === 'actor' ? 'actors' : 'places',
          entity: entity ?? '',
          name: entityName(collection === 'actor' ? 'actors' : 'places', entity ?? ''),
        };
        await visit.page.keyboard.press('Enter');
        await expectCardFor(visit.page, mention);
        let onProfile = false;
        for (let presses = 0; presses < 30 && !onProfile; presses++) {
          await visit.page.keyboard.press('Tab');
          onProfile = await visit.page.evaluate(() => {
            const active = document.activeElement;
            return (
              active instanceof HTMLAnchorElement &&
              active.closest('[role="dialog"]') !== null &&
              /profile/i.test(active.textContent ?? '')
            );
          });
        }
        expect(onProfile, 'Tab never reached the card\'s "Open profile" link').toBe(true);
        await visit.page.keyboard.press('Enter');
        await expectEntityPage(visit.page, build, mention);
      });
    });

    describe('on a touch screen', () => {
      const visit = sharedVisit(() => session.open(build, PHONE));

      it.each(mentions)('the first tap on $entity opens its card and stays on the article', async (mention) => {
        await visit.goto(url());
        await linkOf(visit.page, mention).tap();
        await expectCardFor(visit.page, mention);
        expect(new URL(visit.page.url()).pathname, 'the first tap navigated instead of opening the card').toBe(
          new URL(url()).pathname,
        );
        const problems = listProblems(withoutAbortedRequests(await visit.problems()));
        expect(problems, problems.join('\n')).toEqual([]);
      });

      it.each(mentions)("the card's link for $entity opens the entity page", async (mention) => {
        await visit.goto(url());
        await linkOf(visit.page, mention).tap();
        await expectCardFor(visit.page, mention);
        await card(visit.page)
          .getByRole('link', { name: /profile/i })
          .tap();
        await expectEntityPage(visit.page, build, mention);
      });

      it('a second tap on the same mention follows its link', async () => {
        const mention = mentions[0] as Mention;
        await visit.goto(url());
        await linkOf(visit.page, mention).tap();
        await expectCardFor(visit.page, mention);
        await linkOf(visit.page, mention).tap();
        await expectEntityPage(visit.page, build, mention);
      });

      it('a tap elsewhere on the text closes the card', async () => {
        const mention = mentions[0] as Mention;
        await visit.goto(url());
        await linkOf(visit.page, mention).tap();
        await expectCardFor(visit.page, mention);
        await visit.page.getByRole('heading', { level: 1 }).tap();
        await card(visit.page).waitFor({ state: 'hidden', timeout: 3_000 });
      });
    });
  });
});
