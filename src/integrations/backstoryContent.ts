/**
 * Astro integration for the content pipeline:
 *
 * - `astro build` starts the pipeline as soon as the config is final, so its
 *   worker threads read and render while Astro sets itself up; the loader
 *   takes that run (`startEarly` in contentPipeline.ts).
 *
 * and its two hand-offs to the pages:
 * - where the rendered articles are (`renderedArticlesDir`), as
 *   `import.meta.env.BACKSTORY_RENDERED_DIR`; the loader works it out from
 *   the same config;
 * - during `astro build`, Astro's content data store is read from its file
 *   when the build runs instead of being bundled (`dataStoreAtRuntime`).
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { startEarly } from '../model/contentPipeline.ts';
import { renderedArticlesDir } from '../model/renderedArticles.ts';
import { dataStoreAtRuntime } from './dataStoreAtRuntime.ts';

export function backstoryContent({ contentDir }: { contentDir: string }): AstroIntegration {
  let isBuild = false;
  return {
    name: 'backstory:content',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        isBuild = command === 'build';
        updateConfig({
          vite: {
            define: {
              'import.meta.env.BACKSTORY_RENDERED_DIR': JSON.stringify(renderedArticlesDir(config, contentDir)),
            },
            plugins: command === 'build' ? [dataStoreAtRuntime(config.cacheDir)] : [],
          },
        });
      },
      'astro:config:done': ({ config, logger }) => {
        if (!isBuild) return;
        startEarly({
          root: fileURLToPath(config.root),
          contentDir,
          base: config.base,
          renderDir: renderedArticlesDir(config, contentDir),
          warn: (message) => logger.warn(message),
        });
      },
    },
  };
}
