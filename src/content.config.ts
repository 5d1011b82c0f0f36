/**
 * The three collections editors write, loaded by one run of the content
 * pipeline (`src/model/contentLoader.ts`): every file checked, every article
 * rendered with the annotation plugins, before any page is built. The schemas
 * live in `src/model/schema.ts` so the content check and the tests share them.
 */
import { defineCollection } from 'astro:content';
import { contentLoaders } from './model/contentLoader.ts';
import { actorSchema, articleSchema, placeSchema } from './model/schema.ts';

/** CONTENT_DIR lets the benchmark build a generated corpus; editors never set it. */
const loaders = contentLoaders({ contentDir: process.env.CONTENT_DIR ?? 'content' });

export const collections = {
  articles: defineCollection({ loader: loaders.articles, schema: articleSchema }),
  actors: defineCollection({ loader: loaders.actors, schema: actorSchema }),
  places: defineCollection({ loader: loaders.places, schema: placeSchema }),
};
