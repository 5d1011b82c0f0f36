// @ts-check
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { backstoryContent } from './src/integrations/backstoryContent.ts';
import { pagefind } from './src/integrations/pagefind.ts';
import { astroCsp, keepScriptsExternal } from './src/share/contentSecurityPolicy.ts';
import { previewImages } from './src/share/previewIntegration.ts';
import { sitemapFilter } from './src/share/seo.ts';

/**
 * Where the site is served. Operators set these at build time:
 *   SITE_URL  absolute origin, e.g. https://example.org (canonical URLs, feeds, previews)
 *   BASE_PATH sub-path the site lives under, e.g. /backstory (default: /)
 *   OUT_DIR   where the build goes (default: ./dist); tests build a sub-path copy elsewhere
 */
const site = process.env.SITE_URL ?? 'http://localhost:4321';
const base = process.env.BASE_PATH ?? '/';
const contentDir = process.env.CONTENT_DIR ?? 'content';

// Astro lets a process environment variable named BASE_URL (common in CI
// systems) override `import.meta.env.BASE_URL`, which every internal link is
// built from. The base path is BASE_PATH's job alone.
delete process.env.BASE_URL;

export default defineConfig({
  site,
  base,
  outDir: process.env.OUT_DIR ?? './dist',
  trailingSlash: 'always',
  integrations: [
    backstoryContent({ contentDir }),
    sitemap({ filter: sitemapFilter(base) }),
    previewImages({ contentDir }),
    pagefind(),
  ],
  // A strict content security policy (hashes, no 'unsafe-inline' for scripts);
  // scripts and stylesheets stay files so public/_headers can allow them as 'self'.
  security: { csp: astroCsp },
  // Four pages in flight: while one page's file is written, the next renders
  // (about 8 % off a 1,000-article build on two cores; same files).
  build: { inlineStylesheets: 'never', concurrency: 4 },
  vite: { build: { assetsInlineLimit: keepScriptsExternal } },
  markdown: {
    // No code highlighting: nothing on the site shows code, and Shiki's inline
    // styles would not pass the content security policy (Astro warns about it
    // on every build while Shiki is on).
    syntaxHighlight: false,
    // Articles are rendered by the content pipeline's own processor
    // (src/annotate/processor.ts); this one renders actor and place profiles
    // in the same dialect. Smartypants would turn the source's straight
    // quotes into curly ones: the rendered text must equal the Markdown text.
    processor: unified({ smartypants: false }),
  },
});
