/**
 * The article a plugin is annotating: `file.data.article` when the content
 * pipeline has validated it already, else its frontmatter as a processor
 * hands it over (`file.data.astro.frontmatter`, the raw YAML object), read
 * through the same zod schema the build validates it with.
 *
 * Anything that does not parse as an article (actor and place profiles, which
 * go through the same processor) yields `undefined`: the plugins then leave
 * the file alone. The content check has already reported real problems, so a
 * failure here is never an error.
 */
import type { VFile } from 'vfile';
import { type Article, articleSchema } from '../model/schema.ts';
import { entityRoute, joinBase } from '../site/paths.ts';
import type { AnnotateOptions, EntityKey } from './types.ts';

declare module 'vfile' {
  interface DataMap {
    /** The article, already validated against `articleSchema` (set by `processArticle`). */
    article: Article;
  }
}

// Several plugins read the same file; parse its frontmatter once.
const parsed = new WeakMap<VFile, Article | null>();

export function readArticle(file: VFile): Article | undefined {
  // The content pipeline hands over the frontmatter it has just validated.
  if (file.data.article) return file.data.article;
  const cached = parsed.get(file);
  if (cached !== undefined) return cached ?? undefined;
  const frontmatter = file.data.astro?.frontmatter;
  let article: Article | null = null;
  if (frontmatter && typeof frontmatter === 'object' && 'actors' in frontmatter) {
    // `annotations` is our own output (rehypeCollect); ignore it if a file comes round again.
    const { annotations: _output, ...input } = frontmatter;
    const result = articleSchema.safeParse(input);
    if (result.success) article = result.data;
  }
  parsed.set(file, article);
  return article ?? undefined;
}

/** `{ text, caseSensitive }` for both spellings of an alias in the frontmatter. */
export function aliasParts(alias: Article['actors'][number]['aliases'][number]): {
  text: string;
  caseSensitive: boolean;
} {
  return typeof alias === 'string' ? { text: alias, caseSensitive: true } : alias;
}

/** The entity keys the article declares, actors then places. */
export function declaredEntities(article: Article): EntityKey[] {
  return [
    ...article.actors.map((ref): EntityKey => `actor:${ref.id}`),
    ...article.places.map((ref): EntityKey => `place:${ref.id}`),
  ];
}

/** The href of an entity's page under the base path: `/sub/actors/khalifa-haftar/`. */
export function entityHref(base: string, entity: EntityKey): string {
  return joinBase(base, entityRoute(entity));
}

/** `actor:khalifa-haftar` → `['actor', 'khalifa-haftar']`. */
export function splitEntity(entity: EntityKey): ['actor' | 'place', string] {
  const colon = entity.indexOf(':');
  return [entity.slice(0, colon) as 'actor' | 'place', entity.slice(colon + 1)];
}

/** Is `value` an entity key (as read back from a `data-entity` attribute)? */
export function isEntityKey(value: unknown): value is EntityKey {
  return typeof value === 'string' && /^(?:actor|place):[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value);
}

/** The CSS modifier of a mention: the entity's kind, or its collection when the kind is unknown. */
export function entityKind(options: Pick<AnnotateOptions, 'entities'>, entity: EntityKey): string {
  return options.entities[entity]?.kind ?? splitEntity(entity)[0];
}
