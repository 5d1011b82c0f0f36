/**
 * The plain reference site's only collection: the corpus's articles, with no
 * schema (Backstory's zod validation is part of what the benchmark measures).
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

const contentDir = process.env.CONTENT_DIR ?? '../../content';

export const collections = {
  articles: defineCollection({ loader: glob({ pattern: '*.md', base: `${contentDir}/articles` }) }),
};
