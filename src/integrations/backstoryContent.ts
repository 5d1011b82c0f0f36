/**
 * Astro integration for the content pipeline's two hand-offs to the pages:
 *
 * - where the rendered articles are (`renderedArticlesDir`), as
 *   `import.meta.env.BACKSTORY_RENDERED_DIR`; the loader works it out from
 *   the same config;
 * - during `astro build`, Astro's content data store is read from its file
 *   when the build runs instead of being bundled (`dataStoreAtRuntime`).
 */
import type { AstroIntegration } from 'astro';
import { renderedArticlesDir } from '../model/renderedArticles.ts';
import { dataStoreAtRuntime } from './dataStoreAtRuntime.ts';

export function backstoryContent({ contentDir }: { contentDir: string }): AstroIntegration {
  return {
    name: 'backstory:content',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        updateConfig({
          vite: {
            define: {
              'import.meta.env.BACKSTORY_RENDERED_DIR': JSON.stringify(renderedArticlesDir(config, contentDir)),
            },
            plugins: command === 'build' ? [dataStoreAtRuntime(config.cacheDir)] : [],
          },
        });
      },
    },
  };
}
