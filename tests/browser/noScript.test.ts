/**
 * An article read with JavaScript disabled ("JS only enhances"), at the domain
 * root and under a sub-path, on a phone and a desktop screen: nothing that
 * carries words is left hidden for a script to reveal, every mention is a
 * plain link to its entity's page (which exists), and a copy-link control is
 * a plain link to its paragraph.
 */
import { describe, expect, it } from 'vitest';
import { DESKTOP, listProblems, PHONE, visibleText } from '../support/browser.ts';
import { browserSession } from '../support/browserSession.ts';
import type { Build } from '../support/builds.ts';
import { entityName } from '../support/contentSource.ts';
import { listArticles, pageUrl } from '../support/sitePages.ts';
import { ensureBuilds } from '../support/sites.ts';

const builds = await ensureBuilds();
const SCREENS = [
  { name: 'a phone', ...PHONE },
  { name: 'a desktop screen', ...DESKTOP },
];

const session = browserSession(builds);

describe.each(builds)('at $base', (build: Build) => {
  const server = () => session.server(build);

  describe.each(listArticles(build))('article $slug, JavaScript disabled', ({ page }) => {
    const url = () => pageUrl(server().url, page.path);

    it.each(SCREENS)(
      'on $name, nothing with words in it is hidden waiting for a script',
      async ({ name, ...screen }) => {
        const visit = await session.open(build, { ...screen, javaScriptEnabled: false, url: url() });
        try {
          const hidden = await visit.page.evaluate(() => {
            const shown = (element: Element) =>
              element.checkVisibility({ opacityProperty: true, visibilityProperty: true });
            const out: string[] = [];
            for (const element of document.body.querySelectorAll('*')) {
              if (shown(element)) continue;
              // Not content: code, data, templates, the insides of pictures.
              if (element.closest('script, style, template, noscript, svg')) continue;
              // Content one click away: a closed <details> whose summary is on screen.
              const details = element.parentElement?.closest('details:not([open])');
              if (details && element.tagName !== 'SUMMARY') {
                const summary = details.querySelector(':scope > summary');
                if (summary && shown(summary)) continue;
              }
              // Content one click away without a script: a popover whose opening button is on screen.
              const popover = element.closest('[popover]');
              if (popover?.id) {
                const opener = document.querySelector(`[popovertarget="${CSS.escape(popover.id)}"]`);
                if (opener && shown(opener)) continue;
              }
              // Only report the outermost hidden element.
              if (element.parentElement && !shown(element.parentElement) && element.parentElement !== document.body)
                continue;
              // Controls that only a script can make work (copy, share, toggles) rightly stay hidden.
              if (element.matches('button[hidden], form[hidden]')) continue;
              // Copy-link controls are wordless links shown on hover and focus: the last test checks them.
              if (element.matches('a[data-permalink]')) continue;
              // A link to a passage already on screen (e.g. "jump to the panel" beside the panel).
              const href = element instanceof HTMLAnchorElement ? (element.getAttribute('href') ?? '') : '';
              const target = href.startsWith('#') ? document.getElementById(decodeURIComponent(href.slice(1))) : null;
              if (target && shown(target)) continue;
              const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
              if (text === '' && !element.matches('a[href], img, video, input, select, textarea')) continue;
              out.push(
                `<${element.tagName.toLowerCase()} class="${element.getAttribute('class') ?? ''}">${text.slice(0, 80)}`,
              );
            }
            return out;
          });
          expect(hidden, `hidden without JavaScript on ${name}:\n${hidden.join('\n')}`).toEqual([]);
          const problems = listProblems(await visit.problems());
          expect(problems, problems.join('\n')).toEqual([]);
        } finally {
          await visit.close();
        }
      },
    );

    it('every mention is a plain link to its entity page under the base path, and each of those pages exists', async () => {
      const visit = await session.open(build, { javaScriptEnabled: false, url: url() });
      try {
        const mentions = await visit.page.evaluate(() =>
          [...document.querySelectorAll('main [data-entity]')].map((mention) => {
            const link = mention instanceof HTMLAnchorElement ? mention : mention.querySelector('a[href]');
            return {
              entity: mention.getAttribute('data-entity') ?? '',
              text: (mention.textContent ?? '').trim(),
              href: link instanceof HTMLAnchorElement ? link.href : '',
              popup: link?.getAttribute('aria-haspopup') ?? link?.getAttribute('role') ?? null,
              shown: mention.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
            };
          }),
        );
        expect(mentions.length, 'no mentions in the article').toBeGreaterThan(0);
        const wrong: string[] = [];
        for (const mention of mentions) {
          const [kind, id] = mention.entity.split(':');
          const expected = `${build.base}${kind === 'actor' ? 'actors' : 'places'}/${id}/`;
          const path = mention.href ? new URL(mention.href).pathname : '(no link)';
          if (path !== expected) wrong.push(`"${mention.text}" (${mention.entity}) links to ${path}, not ${expected}`);
          if (mention.popup) wrong.push(`"${mention.text}" claims to open a ${mention.popup} without JavaScript`);
          if (!mention.shown) wrong.push(`"${mention.text}" is not on screen`);
        }
        expect(wrong, wrong.join('\n')).toEqual([]);
        const broken: string[] = [];
        for (const href of new Set(mentions.map((mention) => mention.href))) {
          const response = await fetch(href);
          if (!response.ok) broken.push(`${href}: HTTP ${response.status}`);
        }
        expect(broken, broken.join('\n')).toEqual([]);
      } finally {
        await visit.close();
      }
    });

    it("clicking a mention goes straight to the entity's page", async () => {
      const visit = await session.open(build, { javaScriptEnabled: false, url: url() });
      try {
        const mention = visit.page.locator('main [data-entity^="actor:"]').first();
        const id = ((await mention.getAttribute('data-entity')) ?? '').split(':')[1] ?? '';
        await mention.click();
        await visit.page.waitForURL((address) => address.pathname === `${build.base}actors/${id}/`);
        expect(await visibleText(visit.page.getByRole('heading', { level: 1 }))).toContain(entityName('actors', id));
      } finally {
        await visit.close();
      }
    });

    it('a copy-link control shows when focused and, pressed, opens its paragraph highlighted', async () => {
      const visit = await session.open(build, { javaScriptEnabled: false, url: url() });
      try {
        let id: string | undefined;
        for (let presses = 0; presses < 150 && !id; presses++) {
          await visit.page.keyboard.press('Tab');
          id = await visit.page.evaluate(() =>
            document.activeElement?.matches('a[data-permalink]') ? document.activeElement.parentElement?.id : undefined,
          );
        }
        expect(id, 'Tab never reached a copy-link control').toBeDefined();
        const opacity = await visit.page.evaluate(() =>
          Number(getComputedStyle(document.activeElement as Element).opacity),
        );
        expect(opacity, 'the focused copy-link control is invisible').toBeGreaterThan(0.5);
        await visit.page.keyboard.press('Enter');
        await visit.page.waitForURL((address) => address.hash === `#${id}`);
        const target = await visit.page.evaluate(() => {
          const element = document.querySelector(':target');
          return element ? { id: element.id, background: getComputedStyle(element).backgroundColor } : undefined;
        });
        expect(target?.id).toBe(id);
        expect(target?.background, 'the paragraph is not highlighted').not.toBe('rgba(0, 0, 0, 0)');
      } finally {
        await visit.close();
      }
    });
  });
});
