/**
 * Astro integration that runs the content check before anything is rendered,
 * for `astro build`, `astro dev` and `astro check` alike, and stops with every
 * problem listed (file › field: message. Fix: …).
 *
 * `content`: the files as astro.config.mjs already read them (for the entity
 * index), so the build reads and parses `content/` once; without it, or when
 * it was read from another folder, the check reads the folder itself.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkContent } from '../model/checkContent.ts';
import { type ContentSnapshot, contentAt } from '../model/contentFiles.ts';
import { ContentError } from '../model/problems.ts';

export interface ContentCheckOptions {
  content?: ContentSnapshot | undefined;
}

export function contentCheck(options: ContentCheckOptions = {}): AstroIntegration {
  return {
    name: 'backstory:content-check',
    hooks: {
      'astro:config:setup': async ({ config, logger }) => {
        const root = fileURLToPath(config.root);
        const { entries, problems } = await contentAt(root, process.env.CONTENT_DIR ?? 'content', options.content);
        const all = [...problems, ...checkContent(entries)];
        if (all.length > 0) throw new ContentError(all);
        logger.info(`content check passed (${entries.length} files)`);
      },
    },
  };
}
