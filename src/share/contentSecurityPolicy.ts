/**
 * The site's Content Security Policy, in one place for its two deliveries:
 *
 * - the `<meta http-equiv="content-security-policy">` Astro writes into every
 *   page (`security.csp` in astro.config.mjs takes `astroCsp`), where Astro adds
 *   the SHA-256 hashes of the page's own inline scripts and styles;
 * - the HTTP header in `public/_headers` (Netlify, Cloudflare Pages), which
 *   cannot know per-page hashes and so relies on scripts being files under
 *   `'self'` (astro.config.mjs keeps Astro from inlining them, see `keepScriptsExternal`).
 *
 * Nothing is loaded from another origin. Pagefind (search) compiles WebAssembly
 * (`'wasm-unsafe-eval'`, which allows WASM only, not JavaScript eval) and
 * fetches its index from the same origin (`connect-src 'self'`).
 */
import type { AstroUserConfig } from 'astro';

/** Directives besides script-src and style-src, identical in the meta policy and the header. */
export const sharedDirectives = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/** Sources for script-src; Astro appends hashes in the meta policy. Never 'unsafe-inline'. */
export const scriptSources = ["'self'", "'wasm-unsafe-eval'"] as const;

/** Sources for style-src; Astro appends the hashes of inlined stylesheets in the meta policy. */
export const styleSources = ["'self'"] as const;

/**
 * Directives browsers ignore (and complain about) in a `<meta>` policy: only
 * the `_headers` file carries them.
 */
export const headerOnlyDirectives = ["frame-ancestors 'none'"] as const;

type AstroCsp = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;

/** The value of `security.csp` in astro.config.mjs. */
export const astroCsp: AstroCsp = {
  algorithm: 'SHA-256',
  directives: [...sharedDirectives],
  scriptDirective: { resources: [...scriptSources] },
  styleDirective: { resources: [...styleSources] },
};

/**
 * Vite's `build.assetsInlineLimit`: never inline a script into the HTML (so
 * the `_headers` policy, which has no hashes, allows every script as a file
 * from 'self'); other assets keep Vite's default (inline under 4 kB).
 */
export function keepScriptsExternal(file: string): boolean | undefined {
  return /\.[cm]?[jt]s$/.test(file) ? false : undefined;
}
