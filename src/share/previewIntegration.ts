/**
 * Astro integration: as soon as `astro build` has its config, queue every
 * preview card (site, actors, articles) for worker threads, so the images are
 * drawn while Astro syncs the content, bundles and renders the pages; the
 * image routes then only collect them (see previewRendering.ts). Cards are
 * cached in Astro's cache folder (`cacheDir`), so a rebuild draws only changed
 * ones. Without this integration the routes draw every card themselves: same
 * images, slower build.
 *
 * `content`: the files as astro.config.mjs already read them (see
 * `contentCheck`), so `content/` is not read again.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { type ContentSnapshot, contentAt } from '../model/contentFiles.ts';
import { parseEntry } from '../model/parseEntry.ts';
import type { Actor, Article } from '../model/schema.ts';
import type { Entry } from './jsonLd.ts';
import { actorCard, articleCard } from './previewCards.ts';
import { actorPreview, articlePreview, sitePreview } from './previewImage.ts';
import { prerenderPreviews, stopPrerendering } from './previewRendering.ts';

export interface PreviewImagesOptions {
  content?: ContentSnapshot | undefined;
}

export function previewImages(options: PreviewImagesOptions = {}): AstroIntegration {
  return {
    name: 'backstory:preview-images',
    hooks: {
      // The earliest hook with the config: the content check (listed before
      // this integration) has passed, and nothing else needs the second core yet.
      'astro:config:setup': async ({ command, config, logger }) => {
        if (command !== 'build') return;
        const root = fileURLToPath(config.root);
        const cacheDir = fileURLToPath(new URL('backstory-previews/', config.cacheDir));
        const { entries } = await contentAt(root, process.env.CONTENT_DIR ?? 'content', options.content);
        // Invalid files are the content check's business: they simply get no card here.
        const articles: Entry<Article>[] = [];
        const actors: Entry<Actor>[] = [];
        for (const entry of entries) {
          if (entry.collection === 'places') continue;
          const parsed = parseEntry(entry);
          if (!parsed.success) continue;
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
