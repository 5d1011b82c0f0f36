/**
 * What the derive stage reads: the three collections as plain data, plus each
 * article's annotations as the annotation plugins recorded them. Nothing here
 * knows about Astro; `src/data/site.ts` fills these from `getCollection`.
 */
import type { ArticleAnnotations, EntityKey } from '../annotate/types.ts';
import type { Actor, Article, Place } from '../model/schema.ts';

export interface ArticleInput {
  /** The article's id: its file name and URL slug. */
  slug: string;
  data: Article;
  /** `remarkPluginFrontmatter.annotations`; absent when the annotation plugins did not run. */
  annotations?: ArticleAnnotations | undefined;
}

export interface ActorInput {
  id: string;
  data: Actor;
}

export interface PlaceInput {
  id: string;
  data: Place;
}

export interface SiteInput {
  articles: readonly ArticleInput[];
  actors: readonly ActorInput[];
  places: readonly PlaceInput[];
}

/** An actor or place as other derived records refer to it. */
export interface EntityRef {
  key: EntityKey;
  id: string;
  collection: 'actor' | 'place';
  name: string;
  /** `person`, `state`, … for actors; `city`, `country`, … for places. */
  kind: string;
}

/** An article as other derived records refer to it. */
export interface ArticleRef {
  slug: string;
  title: string;
  /** Publication day, `YYYY-MM-DD`. */
  published: string;
}
