/**
 * A keyboard-only reader on an article page: Tab goes skip link → header
 * navigation → search → "Highlight mentions" → the text's mentions and
 * copy-link controls → the panel → the footer, every stop visibly focused
 * and on screen, and there is no trap: Tab carries on round to the start,
 * Shift+Tab walks all the way back.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, visibleText } from '../support/browser.ts';
import { browserSession, sharedVisit } from '../support/browserSession.ts';
import { ensureBuild } from '../support/builds.ts';
import { listArticles, pageUrl } from '../support/sitePages.ts';

const build = await ensureBuild({ base: '/' });
const articles = listArticles(build);

const session = browserSession([build]);

type Stop = 'skip' | 'nav' | 'search' | 'toggle' | 'text' | 'panel' | 'footer' | 'other' | 'none';

interface Focused {
  stop: Stop;
  label: string;
  /** Why a reader could not see where focus is, if they could not. */
  unseen: string | null;
}

/** Where focus is, in a reader's terms, and whether it can be seen. */
function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body || active === document.documentElement) {
      return { stop: 'none' as const, label: '(nothing)', unseen: null };
    }
    const name = (active.getAttribute('aria-label') ?? active.textContent ?? '').replace(/\s+/g, ' ').trim();
    const label = `<${active.tagName.toLowerCase()}> ${name.slice(0, 50)}`;
    const stop = ((): string => {
      if (active.matches('a[href="#main"]') && /skip/i.test(name)) return 'skip';
      const banner = active.closest('body > header, [role="banner"]');
      if (banner && active.closest('nav')) return 'nav';
      if (banner && active.closest('form[role="search"], [role="search"]')) return 'search';
      if (active.matches('button[aria-pressed]') && /highlight/i.test(name)) return 'toggle';
      if (active.closest('[data-entity]') || active.matches('a[data-permalink]')) return 'text';
      if (active.closest('aside')) return 'panel';
      if (active.closest('body > footer, [role="contentinfo"]')) return 'footer';
      return 'other';
    })();

    const style = getComputedStyle(active);
    const box = active.getBoundingClientRect();
    const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
    const ring = style.boxShadow !== 'none' && style.boxShadow !== '';
    let unseen: string | null = null;
    if (!outline && !ring) unseen = 'no focus outline or ring';
    else if (box.width === 0 || box.height === 0) unseen = 'no size';
    else if (Number(style.opacity) < 0.5 || style.visibility !== 'visible') unseen = `opacity ${style.opacity}`;
    else if (box.bottom <= 0 || box.top >= window.innerHeight || box.right <= 0 || box.left >= window.innerWidth) {
      unseen = `off screen at ${Math.round(box.left)},${Math.round(box.top)}`;
    } else {
      // The first line box: a mention that wraps has a bounding box wider than any of its words.
      const line = active.getClientRects()[0] ?? box;
      const x = Math.min(Math.max(line.left + line.width / 2, 0), window.innerWidth - 1);
      const y = Math.min(Math.max(line.top + line.height / 2, 0), window.innerHeight - 1);
      const onTop = document.elementFromPoint(x, y);
      if (onTop && onTop !== active && !active.contains(onTop) && !onTop.contains(active)) {
        unseen = `covered by ${onTop.outerHTML.slice(0, 80)}`;
      }
    }
    return { stop: stop as Stop, label, unseen };
  });
}

/** How many things on the page take focus with Tab: a bound for the walks (no endless loops). */
function tabStops(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      [
        ...document.querySelectorAll(
          'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"]), [contenteditable]',
        ),
      ].filter((element) => element.checkVisibility()).length,
  );
}

describe.each(articles)('article $slug, keyboard only', ({ page }) => {
  const visit = sharedVisit(() => session.open(build, DESKTOP));
  const url = () => pageUrl(session.server(build).url, page.path);

  it('Tab visits skip link, navigation, search, the marking toggle, the text, the panel and the footer in that order, each stop visibly focused, then comes round to the start', async () => {
    await visit.goto(url());
    const limit = (await tabStops(visit.page)) + 20;
    const walk: Focused[] = [];
    let wrapped = false;
    for (let presses = 0; presses < limit && !wrapped; presses++) {
      await visit.page.keyboard.press('Tab');
      const now = await focused(visit.page);
      // Past the footer focus leaves the page (the browser's own controls) and comes back to the skip link.
      if (presses > 0 && (now.stop === 'none' || now.stop === 'skip')) {
        for (let more = 0; more < 3 && !wrapped; more++) {
          wrapped = (await focused(visit.page)).stop === 'skip';
          if (!wrapped) await visit.page.keyboard.press('Tab');
        }
        break;
      }
      walk.push(now);
    }
    const trail = walk.map((step) => `${step.stop}: ${step.label}`).join('\n');
    const order: Stop[] = ['skip', 'nav', 'search', 'toggle', 'text', 'panel', 'footer'];
    const firstAt = order.map((stop) => walk.findIndex((step) => step.stop === stop));
    const missing = order.filter((_, i) => firstAt[i] === -1);
    expect(missing, `never reached by Tab: ${missing.join(', ')}\n${trail}`).toEqual([]);
    expect(firstAt, `stops out of order:\n${trail}`).toEqual([...firstAt].sort((a, b) => a - b));
    expect(walk[0]?.stop, 'the first Tab does not land on the skip link').toBe('skip');
    expect(walk.at(-1)?.stop, `the walk does not end in the footer:\n${trail}`).toBe('footer');
    expect(wrapped, `after the footer, Tab did not come back round to the skip link (${limit} presses)`).toBe(true);
    const unseen = walk.filter((step) => step.unseen).map((step) => `${step.label}: ${step.unseen}`);
    expect(unseen, `focus a reader cannot see:\n${unseen.join('\n')}`).toEqual([]);
  });

  it('no keyboard trap backwards: Shift+Tab from the footer walks all the way back to the skip link', async () => {
    await visit.goto(url());
    const limit = (await tabStops(visit.page)) + 20;
    await visit.page.getByRole('contentinfo').getByRole('link').last().focus();
    let reached = false;
    for (let back = 0; back < limit && !reached; back++) {
      await visit.page.keyboard.press('Shift+Tab');
      reached = await visit.page.evaluate(() => document.activeElement?.matches('a[href="#main"]') ?? false);
    }
    expect(reached, `Shift+Tab from the footer never reached the skip link in ${limit} presses`).toBe(true);
  });

  it('the skip link moves focus past the header: the next Tab is in the main content', async () => {
    await visit.goto(url());
    await visit.page.keyboard.press('Tab');
    expect((await focused(visit.page)).stop).toBe('skip');
    await visit.page.keyboard.press('Enter');
    await visit.page.keyboard.press('Tab');
    const inMain = await visit.page.evaluate(() => document.activeElement?.closest('main') !== null);
    expect(inMain, `after the skip link, Tab went to ${(await focused(visit.page)).label}`).toBe(true);
  });

  it('"Highlight mentions" works from the keyboard: Space turns the marks off, and the choice is kept on the next visit', async () => {
    await visit.goto(url());
    const toggle = visit.page.getByRole('button', { name: /highlight mentions/i });
    const mention = visit.page.locator('main [data-entity]').first();
    const look = () =>
      mention.evaluate((element) => {
        const style = getComputedStyle(element);
        return [
          style.textDecorationLine,
          style.textDecorationStyle,
          style.borderBottomStyle,
          style.backgroundColor,
          style.color,
        ].join(' ');
      });
    const marked = await look();
    await toggle.focus();
    await visit.page.keyboard.press('Space');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    const plain = await look();
    expect(plain, 'the mention looks the same with marks off').not.toBe(marked);
    expect(await visibleText(mention), 'turning marks off hid the words').not.toBe('');

    await visit.page.reload();
    expect(await visit.page.getByRole('button', { name: /highlight mentions/i }).getAttribute('aria-pressed')).toBe(
      'false',
    );
    expect(await look()).toBe(plain);
    await visit.page.getByRole('button', { name: /highlight mentions/i }).press('Enter');
    expect(await look()).toBe(marked);
  });
});
