/**
 * The three collections editors write. The schemas live in
 * `src/model/schema.ts` so the content check and the tests share them.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { actorSchema, articleSchema, placeSchema } from './model/schema.ts';

/** CONTENT_DIR lets the benchmark build a generated corpus; editors never set it. */
const contentDir = process.env.CONTENT_DIR ?? './content';
const markdownIn = (folder: string) => glob({ pattern: '*.md', base: `${contentDir}/${folder}` });

export const collections = {
  articles: defineCollection({ loader: markdownIn('articles'), schema: articleSchema }),
  actors: defineCollection({ loader: markdownIn('actors'), schema: actorSchema }),
  places: defineCollection({ loader: markdownIn('places'), schema: placeSchema }),
};
