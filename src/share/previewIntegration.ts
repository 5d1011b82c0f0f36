/**
 * Astro integration: when `astro build` starts, read the content and queue
 * every preview card (site, actors, articles) for worker threads, so the
 * images are drawn while Astro bundles and renders the pages; the image
 * routes then only collect them (see previewRendering.ts). Cards are cached
 * in Astro's cache folder (`cacheDir`), so a rebuild draws only changed ones.
 * Without this integration the routes draw every card themselves: same
 * images, slower build.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readContentDir } from '../model/contentFiles.ts';
import { type Actor, type Article, actorSchema, articleSchema } from '../model/schema.ts';
import type { Entry } from './jsonLd.ts';
import { actorCard, articleCard } from './previewCards.ts';
import { actorPreview, articlePreview, sitePreview } from './previewImage.ts';
import { prerenderPreviews, stopPrerendering } from './previewRendering.ts';

export function previewImages(): AstroIntegration {
  let root = process.cwd();
  let cacheDir: string | undefined;
  return {
    name: 'backstory:preview-images',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        cacheDir = fileURLToPath(new URL('backstory-previews/', config.cacheDir));
      },
      'astro:build:start': async ({ logger }) => {
        // Invalid files are the content check's business: they simply get no card here.
        const { entries } = await readContentDir(root, process.env.CONTENT_DIR ?? 'content');
        const articles: Entry<Article>[] = [];
        const actors: Entry<Actor>[] = [];
        for (const entry of entries) {
          const schema =
            entry.collection === 'articles' ? articleSchema : entry.collection === 'actors' ? actorSchema : null;
          const parsed = schema?.safeParse(entry.data);
          if (!parsed?.success) continue;
          if (entry.collection === 'articles') articles.push({ id: entry.id, data: parsed.data as Article });
          else actors.push({ id: entry.id, data: parsed.data as Actor });
        }
        const nodes = [
          sitePreview(),
          ...actors.map((actor) => actorPreview(actorCard(actor, articles, actors))),
          ...articles.map((article) => articlePreview(articleCard(article, actors))),
        ];
        const { drawing, cached } = prerenderPreviews(nodes, { root, cacheDir });
        logger.info(`preview images: ${drawing} to draw in the background, ${cached} unchanged`);
      },
      'astro:build:done': async () => {
        await stopPrerendering();
      },
    },
  };
}
