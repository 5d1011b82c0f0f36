/**
 * A content file's frontmatter checked against its collection's zod schema,
 * parsed once per file: the content check, the entity index of the
 * annotators and the preview images all need it, from the same `RawEntry`.
 */
import type { z } from 'astro/zod';
import type { RawEntry } from './contentFiles.ts';
import { type Actor, type Article, actorSchema, articleSchema, type Place, placeSchema } from './schema.ts';

const schemas = { articles: articleSchema, actors: actorSchema, places: placeSchema } as const;

type Parsed = z.ZodSafeParseResult<Article> | z.ZodSafeParseResult<Actor> | z.ZodSafeParseResult<Place>;
const parsed = new WeakMap<RawEntry, Parsed>();

/** `schema.safeParse(entry.data)` for the entry's collection, computed once per entry. */
export function parseEntry(entry: RawEntry): Parsed {
  let result = parsed.get(entry);
  if (result === undefined) {
    result = schemas[entry.collection].safeParse(entry.data) as Parsed;
    parsed.set(entry, result);
  }
  return result;
}
