/**
 * Astro integration that runs the content check before anything is rendered,
 * for `astro build`, `astro dev` and `astro check` alike, and stops with every
 * problem listed (file › field: message. Fix: …).
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkContent } from '../model/checkContent.ts';
import { readContentDir } from '../model/contentFiles.ts';
import { ContentError } from '../model/problems.ts';

export function contentCheck(): AstroIntegration {
  return {
    name: 'backstory:content-check',
    hooks: {
      'astro:config:setup': async ({ config, logger }) => {
        const root = fileURLToPath(config.root);
        const { entries, problems } = await readContentDir(root, process.env.CONTENT_DIR ?? 'content');
        problems.push(...checkContent(entries));
        if (problems.length > 0) throw new ContentError(problems);
        logger.info(`content check passed (${entries.length} files)`);
      },
    },
  };
}
