/**
 * Debian Chromium driven by playwright-core (no downloaded browsers), plus
 * what every browser test watches for: console errors, uncaught exceptions,
 * Content-Security-Policy violations, failed local requests and any request
 * to a host other than the local test server (there must be none).
 *
 * One browser per test file (`launchBrowser` in `beforeAll`), one context per
 * page visit (`openPage`), so visits never share cookies, storage or settings.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AxeResults, NodeResult } from 'axe-core';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Locator,
  type Page,
  type Request,
} from 'playwright-core';
import { PROJECT_ROOT } from './builds.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox', // CI runs as root
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** For `beforeAll(..., BROWSER_TIMEOUT_MS)`: launching Chromium on a busy 2-core machine. */
export const BROWSER_TIMEOUT_MS = 60_000;

/** The screens the tests read on: a desktop window, and a phone with a touch screen. */
export const DESKTOP = { viewport: { width: 1280, height: 800 } } satisfies BrowserContextOptions;
export const PHONE = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
} satisfies BrowserContextOptions;

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`no Chromium at ${CHROMIUM_PATH}: install Debian's chromium or set CHROMIUM_PATH`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: BROWSER_TIMEOUT_MS });
}

export interface PageProblems {
  /** `console.error` messages, and the browser's own errors (failed loads, CSP refusals). */
  consoleErrors: string[];
  /** Uncaught exceptions in page scripts. */
  pageErrors: string[];
  /** `securitypolicyviolation` events and CSP console messages. */
  cspViolations: string[];
  /** Requests (any kind: document, script, image, font, fetch, WebSocket) to another host. Blocked, and counted. */
  thirdPartyRequests: string[];
  /** Requests to the local server that failed or answered 4xx/5xx (the visited URL itself excepted). */
  failedRequests: string[];
}

export interface PageVisit {
  page: Page;
  context: BrowserContext;
  /** Everything seen since the last `goto` (or since opening), including CSP events recorded inside the page. */
  problems: () => Promise<PageProblems>;
  /** Forget what was seen so far and load `url` in the same page: cheaper than a new visit per page in long loops. */
  goto: (url: string) => Promise<void>;
  close: () => Promise<void>;
}

export interface VisitOptions extends BrowserContextOptions {
  /** Navigate here after setting up (default: don't navigate). */
  url?: string;
}

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** A fresh context and page that record problems; requests to other hosts are blocked and counted. */
export async function openPage(browser: Browser, origin: string, options: VisitOptions = {}): Promise<PageVisit> {
  const { url, ...contextOptions } = options;
  const local = new URL(origin).origin;
  const context = await browser.newContext({ reducedMotion: 'reduce', ...contextOptions });
  const found: PageProblems = {
    consoleErrors: [],
    pageErrors: [],
    cspViolations: [],
    thirdPartyRequests: [],
    failedRequests: [],
  };
  const isThirdParty = (address: URL) => /^(https?|wss?):$/.test(address.protocol) && address.origin !== local;

  await context.route(isThirdParty, async (route) => {
    const request = route.request();
    found.thirdPartyRequests.push(`${request.resourceType()} ${request.url()}`);
    await route.abort('blockedbyclient');
  });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations?.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile || 'document'}:${event.lineNumber})`,
      );
    });
  });

  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // The browser's note about a request this harness blocked: already counted as a third-party request.
    if (message.text().includes('ERR_BLOCKED_BY_CLIENT')) return;
    const location = message.location();
    const text = `${message.text()}${location.url ? ` (${location.url}:${location.lineNumber})` : ''}`;
    found.consoleErrors.push(text);
    if (/Content Security Policy/i.test(message.text())) found.cspViolations.push(text);
  });
  page.on('pageerror', (error) => found.pageErrors.push(error.stack ?? error.message));
  page.on('websocket', (socket) => {
    if (isThirdParty(new URL(socket.url()))) found.thirdPartyRequests.push(`websocket ${socket.url()}`);
  });
  const isVisited = (request: Request) => request.isNavigationRequest() && request.frame() === page.mainFrame();
  page.on('requestfailed', (request) => {
    if (isThirdParty(new URL(request.url()))) return; // already counted, and blocked on purpose
    found.failedRequests.push(`${request.resourceType()} ${request.url()}: ${request.failure()?.errorText}`);
  });
  page.on('response', (response) => {
    const request = response.request();
    if (response.status() >= 400 && !isThirdParty(new URL(response.url())) && !isVisited(request)) {
      found.failedRequests.push(`${request.resourceType()} ${response.url()}: HTTP ${response.status()}`);
    }
  });

  const goto = async (address: string) => {
    for (const list of Object.values(found)) list.length = 0;
    await page.goto(address, { waitUntil: 'load' });
  };
  if (url) await goto(url);

  return {
    goto,
    page,
    context,
    problems: async () => {
      let inPage: string[] = [];
      if (contextOptions.javaScriptEnabled !== false && !page.isClosed()) {
        inPage = await page.evaluate(() => window.__cspViolations ?? []).catch(() => []);
      }
      return { ...found, cspViolations: [...found.cspViolations, ...inPage] };
    },
    close: () => context.close(),
  };
}

/** Let the visit's page read and write the clipboard (copy-link tests), on the origin it is served from. */
export async function allowClipboard(visit: PageVisit, origin: string): Promise<PageVisit> {
  await visit.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  return visit;
}

/**
 * The problems a reader would notice: without requests the browser itself
 * cancelled (`net::ERR_ABORTED`: a favicon or prefetch dropped because a page
 * reused across visits navigated on), which are not failures of the site.
 */
export function withoutAbortedRequests(problems: PageProblems): PageProblems {
  return { ...problems, failedRequests: problems.failedRequests.filter((item) => !item.endsWith('net::ERR_ABORTED')) };
}

/** The text a reader sees in an element: rendered (CSS-hidden text excluded), whitespace collapsed. */
export async function visibleText(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: rendered text on purpose; text hidden by CSS must not count.
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

/** Problems as a readable list for assertion messages (empty when there are none). */
export function listProblems(problems: Partial<PageProblems>): string[] {
  return Object.entries(problems).flatMap(([kind, items]) => (items ?? []).map((item) => `${kind}: ${item}`));
}

// ---------------------------------------------------------------------------
// axe-core

const AXE_PATH = join(PROJECT_ROOT, 'node_modules', 'axe-core', 'axe.min.js');

export interface AxeViolation {
  id: string;
  impact: string | null | undefined;
  help: string;
  helpUrl: string;
  nodes: { target: string; html: string; summary: string }[];
}

/** Run axe-core on the whole document; only violations are returned. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  const present = await page.evaluate(() => 'axe' in window);
  if (!present) {
    try {
      await page.addScriptTag({ path: AXE_PATH });
    } catch {
      // A strict Content-Security-Policy refuses injected <script> tags; evaluating
      // through the DevTools protocol is not subject to it.
      await page.evaluate(readFileSync(AXE_PATH, 'utf8'));
    }
  }
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } })
      .axe;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      helpUrl: violation.helpUrl,
      nodes: violation.nodes.map((node: NodeResult) => ({
        target: node.target.map(String).join(' '),
        html: node.html,
        summary: node.failureSummary ?? '',
      })),
    }));
  });
}

/** Two animation frames: what the page's styles and scripts do on load or on a change has been done. */
export async function twoFrames(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/** Switch the page to a colour scheme and let the styles settle (two frames) before anything is measured. */
export async function setColorScheme(page: Page, colorScheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme });
  await twoFrames(page).catch(() => undefined); // JavaScript disabled: nothing animates either
}

/** One block per violation: id, impact, help, and each offending node's selector, markup and reason. */
export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map((violation) =>
      [
        `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help} — ${violation.helpUrl}`,
        ...violation.nodes.map(
          (node) => `    ${node.target}\n      ${node.html}\n      ${node.summary.replace(/\n/g, '\n      ')}`,
        ),
      ].join('\n'),
    )
    .join('\n');
}
