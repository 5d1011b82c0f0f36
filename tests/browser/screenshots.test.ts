/**
 * Screenshots of an article on a phone and a desktop, light and dark, kept in
 * test-results/screenshots/ as CI artefacts for people to look at. The checks
 * are the ones a reader notices at once: something is drawn, and nothing
 * sticks out sideways on a phone.
 */
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_TIMEOUT_MS, launchBrowser, openPage, type PageVisit } from '../support/browser.ts';
import { ensureBuild, TEST_RESULTS } from '../support/builds.ts';
import { listArticles, listPages, pageUrl } from '../support/sitePages.ts';
import { type StaticServer, serveStatic } from '../support/staticServer.ts';

const SCREENSHOTS = join(TEST_RESULTS, 'screenshots');
const build = await ensureBuild({ base: '/' });
const article = listArticles(build)[0];
const pages = listPages(build.dir);

const DEVICES: { name: string; options: BrowserContextOptions & { viewport: { width: number; height: number } } }[] = [
  {
    name: 'phone',
    options: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  },
  { name: 'desktop', options: { viewport: { width: 1280, height: 800 } } },
];
const PHONE = DEVICES[0]?.options ?? {};

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  server = await serveStatic({ root: build.dir, base: build.base });
  browser = await launchBrowser();
}, BROWSER_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('the build has an article to photograph', () => {
  expect(article?.slug).toBeTruthy();
});

describe.each(DEVICES.flatMap((device) => (['light', 'dark'] as const).map((scheme) => ({ ...device, scheme }))))(
  'article on $name, $scheme',
  ({ name, options, scheme }) => {
    const { width, height } = options.viewport;

    it(`renders a full-page screenshot at ${width}×${height} with no sideways scrolling`, async () => {
      const visit = await openPage(browser, server.origin, { ...options, colorScheme: scheme });
      try {
        // What an empty page of the same size weighs as a PNG: the article must weigh far more.
        await visit.page.setContent('<!doctype html><title>blank</title>');
        const blank = (await visit.page.screenshot()).length;

        await visit.page.goto(pageUrl(server.url, article?.page.path ?? '/'), { waitUntil: 'load' });
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
  let phone: PageVisit;
  beforeAll(async () => {
    phone = await openPage(browser, server.origin, PHONE);
  });
  afterAll(async () => {
    await phone?.close();
  });

  it.each(pages.map((page) => page.path))('%s fits the screen width (no sideways scrolling)', async (path) => {
    await phone.goto(pageUrl(server.url, path));
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
