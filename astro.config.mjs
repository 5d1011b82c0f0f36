// @ts-check
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { contentCheck } from './src/integrations/contentCheck.ts';

/**
 * Where the site is served. Operators set these at build time:
 *   SITE_URL  absolute origin, e.g. https://example.org (canonical URLs, feeds, previews)
 *   BASE_PATH sub-path the site lives under, e.g. /backstory (default: /)
 *   OUT_DIR   where the build goes (default: ./dist); tests build a sub-path copy elsewhere
 */
const site = process.env.SITE_URL ?? 'http://localhost:4321';
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  site,
  base,
  outDir: process.env.OUT_DIR ?? './dist',
  trailingSlash: 'always',
  integrations: [contentCheck()],
  markdown: {
    // Smartypants would turn the source's straight quotes into curly ones:
    // the rendered text must equal the Markdown text.
    processor: unified({ smartypants: false }),
  },
});
