/**
 * The Astro side of the derive stage, kept thin: read the three collections
 * and each article's annotations (recorded by the annotation plugins when the
 * content layer rendered the Markdown: no page re-renders or re-parses it),
 * hand them to `buildSiteData`, and keep the result for the whole build.
 *
 * Every site-wide page and `/data/` endpoint calls `loadSite()`; the first
 * call derives, the others share the same promise.
 */
import { type CollectionEntry, getCollection } from 'astro:content';
import { buildSiteData, type SiteData } from '../derive/siteData.ts';
import type { SiteInput } from '../derive/types.ts';
import { articleText } from './articleText.ts';

export interface Site extends SiteData {
  /** The collection entries, for `render(entry)` (actor and place profiles) and the JSON-LD builders. */
  entries: {
    articles: ReadonlyMap<string, CollectionEntry<'articles'>>;
    actors: ReadonlyMap<string, CollectionEntry<'actors'>>;
    places: ReadonlyMap<string, CollectionEntry<'places'>>;
  };
  /** The derive stage's input, for the exports that need an article's full annotations. */
  input: SiteInput;
}

let pending: Promise<Site> | undefined;

export function loadSite(): Promise<Site> {
  pending ??= derive();
  return pending;
}

async function derive(): Promise<Site> {
  const [articles, actors, places] = await Promise.all([
    getCollection('articles'),
    getCollection('actors'),
    getCollection('places'),
  ]);
  const input: SiteInput = {
    articles: articles.map((entry) => ({
      slug: entry.id,
      data: entry.data,
      annotations: articleText(entry).annotations,
    })),
    actors: actors.map((entry) => ({ id: entry.id, data: entry.data })),
    places: places.map((entry) => ({ id: entry.id, data: entry.data })),
  };
  return {
    ...buildSiteData(input),
    entries: {
      articles: new Map(articles.map((entry) => [entry.id, entry])),
      actors: new Map(actors.map((entry) => [entry.id, entry])),
      places: new Map(places.map((entry) => [entry.id, entry])),
    },
    input,
  };
}
