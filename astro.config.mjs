// @ts-check
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { entityIndex } from './src/annotate/entities.ts';
import { annotationPlugins } from './src/annotate/index.ts';
import { contentCheck } from './src/integrations/contentCheck.ts';
import { readContentDir } from './src/model/contentFiles.ts';

/**
 * Where the site is served. Operators set these at build time:
 *   SITE_URL  absolute origin, e.g. https://example.org (canonical URLs, feeds, previews)
 *   BASE_PATH sub-path the site lives under, e.g. /backstory (default: /)
 *   OUT_DIR   where the build goes (default: ./dist); tests build a sub-path copy elsewhere
 */
const site = process.env.SITE_URL ?? 'http://localhost:4321';
const base = process.env.BASE_PATH ?? '/';
const contentDir = process.env.CONTENT_DIR ?? 'content';

// The annotators need every actor's and place's kind and name (for link
// classes); articles carry their own declarations in their frontmatter.
const { entries } = await readContentDir(process.cwd(), contentDir);
const annotate = annotationPlugins({ base, entities: entityIndex(entries) });

export default defineConfig({
  site,
  base,
  outDir: process.env.OUT_DIR ?? './dist',
  trailingSlash: 'always',
  integrations: [contentCheck()],
  markdown: {
    // Smartypants would turn the source's straight quotes into curly ones:
    // the rendered text must equal the Markdown text.
    processor: unified({ smartypants: false, ...annotate }),
  },
});
