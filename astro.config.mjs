// @ts-check
import { availableParallelism } from 'node:os';
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { entityIndex } from './src/annotate/entities.ts';
import { annotationPlugins } from './src/annotate/index.ts';
import { contentCheck } from './src/integrations/contentCheck.ts';
import { pagefind } from './src/integrations/pagefind.ts';
import { readContentSnapshot } from './src/model/contentFiles.ts';
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

// The annotators need every actor's and place's kind and name (for link
// classes); articles carry their own declarations in their frontmatter.
// Read once: the content check and the preview images reuse these files.
// Worker threads share the parsing (YAML, and the body text the check needs).
const content = await readContentSnapshot(process.cwd(), contentDir, {
  threads: Math.min(3, availableParallelism() - 1),
});
const annotate = annotationPlugins({ base, entities: entityIndex(content.entries) });

export default defineConfig({
  site,
  base,
  outDir: process.env.OUT_DIR ?? './dist',
  trailingSlash: 'always',
  integrations: [
    contentCheck({ content }),
    sitemap({ filter: sitemapFilter(base) }),
    previewImages({ content }),
    pagefind(),
  ],
  // A strict content security policy (hashes, no 'unsafe-inline' for scripts);
  // scripts and stylesheets stay files so public/_headers can allow them as 'self'.
  security: { csp: astroCsp },
  build: { inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: keepScriptsExternal } },
  markdown: {
    // Smartypants would turn the source's straight quotes into curly ones:
    // the rendered text must equal the Markdown text.
    processor: unified({ smartypants: false, ...annotate }),
  },
});
