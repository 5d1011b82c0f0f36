/**
 * axe-core on every built page, in the light and the dark colour scheme: zero
 * violations (the product budget), and no Content-Security-Policy violation.
 */
import { describe, expect, it } from 'vitest';
import { formatViolations, runAxe, setColorScheme } from '../support/browser.ts';
import { browserSession, sharedVisit } from '../support/browserSession.ts';
import { ensureBuild } from '../support/builds.ts';
import { listPages, pageUrl } from '../support/sitePages.ts';

const build = await ensureBuild({ base: '/' });
const pages = listPages(build.dir);

const session = browserSession([build]);
/** One page, reused for every URL: loading axe dominates, a new context per page would add a third. */
const visit = sharedVisit(() => session.open(build));

it('the build has pages to check', () => {
  expect(pages.map((page) => page.path)).toContain('/');
});

describe.each(pages)('$path', (page) => {
  // A fresh load per scheme, as a reader arriving with that preference gets it: switching
  // the scheme on a loaded page left some colours stale for a moment in Chromium, which
  // axe then measured.
  it.each(['light', 'dark'] as const)('has no accessibility or CSP violation in %s mode', async (colorScheme) => {
    await setColorScheme(visit.page, colorScheme);
    await visit.goto(pageUrl(session.server(build).url, page.path));
    // Read before axe is injected, so only the page's own CSP violations count.
    const { cspViolations } = await visit.problems();
    const violations = await runAxe(visit.page);
    expect.soft(cspViolations, `CSP violations:\n${cspViolations.join('\n')}`).toEqual([]);
    expect(
      violations.map((violation) => violation.id),
      `axe violations (${colorScheme} mode):\n${formatViolations(violations)}`,
    ).toEqual([]);
  });
});
