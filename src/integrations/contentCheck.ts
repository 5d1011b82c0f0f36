/**
 * Astro integration that runs the content check before anything is rendered,
 * for `astro build`, `astro dev` and `astro check` alike, and stops with every
 * problem listed (file › field: message. Fix: …).
 *
 * `content`: the files as astro.config.mjs already read them (for the entity
 * index), so the build reads and parses `content/` once; without it, or when
 * it was read from another folder, the check reads the folder itself.
 */
import path from 'node:path';
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
      // The dev server keeps running while editors work: check again on every
      // change under content/ so a mistake is reported where they are looking.
      'astro:server:setup': ({ server, logger }) => {
        const root = server.config.root;
        const dir = path.resolve(root, process.env.CONTENT_DIR ?? 'content');
        let pending: ReturnType<typeof setTimeout> | undefined;
        const recheck = (file: string) => {
          if (!file.startsWith(dir) || !file.endsWith('.md')) return;
          const collection = path.relative(dir, file).split(path.sep)[0];
          if (collection === 'actors' || collection === 'places') {
            logger.warn('an actor or place file changed: restart `npm start` so mention links pick up its kind');
          }
          clearTimeout(pending);
          pending = setTimeout(async () => {
            const { entries, problems } = await contentAt(root, dir);
            const all = [...problems, ...checkContent(entries)];
            if (all.length > 0) logger.error(new ContentError(all).message);
            else logger.info(`content check passed (${entries.length} files)`);
          }, 150);
        };
        server.watcher.on('change', recheck);
        server.watcher.on('add', recheck);
        server.watcher.on('unlink', recheck);
      },
    },
  };
}
