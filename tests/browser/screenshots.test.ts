/**
 * Screenshots of an article on a phone and a desktop, light and dark, kept in
 * test-results/screenshots/ as CI artefacts for people to look at. The checks
 * are the ones a reader notices at once: something is drawn, and nothing
 * sticks out sideways on a phone.
 */
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContextOptions } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE } from '../support/browser.ts';
import { browserSession, sharedVisit } from '../support/browserSession.ts';
import { ensureBuild, TEST_RESULTS } from '../support/builds.ts';
import { listArticles, listPages, pageUrl } from '../support/sitePages.ts';

const SCREENSHOTS = join(TEST_RESULTS, 'screenshots');
const build = await ensureBuild({ base: '/' });
const article = listArticles(build)[0];
const pages = listPages(build.dir);

/** The phone at a device pixel ratio of 2. */
const PHONE_2X = { ...PHONE, deviceScaleFactor: 2 };
const DEVICES: { name: string; options: BrowserContextOptions & { viewport: { width: number; height: number } } }[] = [
  { name: 'phone', options: PHONE_2X },
  { name: 'desktop', options: DESKTOP },
];

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
});
const session = browserSession([build]);

it('the build has an article to photograph', () => {
  expect(article?.slug).toBeTruthy();
});

describe.each(DEVICES.flatMap((device) => (['light', 'dark'] as const).map((scheme) => ({ ...device, scheme }))))(
  'article on $name, $scheme',
  ({ name, options, scheme }) => {
    const { width, height } = options.viewport;

    it(`renders a full-page screenshot at ${width}×${height} with no sideways scrolling`, async () => {
      const visit = await session.open(build, { ...options, colorScheme: scheme });
      try {
        // What an empty page of the same size weighs as a PNG: the article must weigh far more.
        await visit.page.setContent('<!doctype html><title>blank</title>');
        const blank = (await visit.page.screenshot()).length;

        await visit.page.goto(pageUrl(session.server(build).url, article?.page.path ?? '/'), { waitUntil: 'load' });
        await visit.page.evaluate(() => document.fonts.ready.then(() => undefined));
        const file = join(SCREENSHOTS, `article-${article?.slug}-${name}-${width}x${height}-${scheme}.png`);
        await visit.page.screenshot({ path: file, fullPage: true });

        const { size } = await stat(file);
        expect(size, `${file} looks blank (${size} bytes; a blank page is ${blank})`).toBeGreaterThan(4 * blank);
        const scrollWidth = await visit.page.evaluate(() => document.documentElement.scrollWidth);
        expect(scrollWidth, `page is ${scrollWidth}px wide on a ${width}px screen`).toBeLessThanOrEqual(width);
      } finally {
        await visit.close();
      }
    });
  },
);

describe('every page on a 390 px phone', () => {
  const phone = sharedVisit(() => session.open(build, PHONE_2X));

  it.each(pages.map((page) => page.path))('%s fits the screen width (no sideways scrolling)', async (path) => {
    await phone.goto(pageUrl(session.server(build).url, path));
    const overflow = await phone.page.evaluate(() => {
      const limit = document.documentElement.clientWidth;
      const wide = [...document.body.querySelectorAll('*')]
        .filter((element) => element.getBoundingClientRect().right > limit + 1)
        .slice(0, 5)
        .map((element) => element.outerHTML.slice(0, 100));
      return { scrollWidth: document.documentElement.scrollWidth, wide };
    });
    expect(overflow.scrollWidth, `wider than 390px:\n${overflow.wide.join('\n')}`).toBeLessThanOrEqual(390);
  });
});
