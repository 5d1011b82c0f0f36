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
import { storedAnnotations } from '../annotate/readAnnotations.ts';
import type { ArticleAnnotations } from '../annotate/types.ts';
import { buildSiteData, type SiteData } from '../derive/siteData.ts';
import type { SiteInput } from '../derive/types.ts';

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

/**
 * The annotations as recorded in the entry (`entry.rendered.metadata.frontmatter`,
 * which is what `render(entry).remarkPluginFrontmatter` returns too), unpacked,
 * or `undefined` when the annotation plugins did not run.
 */
export function annotationsOf(entry: CollectionEntry<'articles'>): ArticleAnnotations | undefined {
  const frontmatter = entry.rendered?.metadata?.frontmatter as Record<string, unknown> | undefined;
  const candidate: Partial<ArticleAnnotations> | undefined = storedAnnotations(frontmatter);
  if (candidate === undefined) return undefined;
  const ok =
    candidate.version === 1 &&
    Array.isArray(candidate.paragraphs) &&
    Array.isArray(candidate.mentions) &&
    Array.isArray(candidate.dates) &&
    typeof candidate.events === 'object';
  return ok ? (candidate as ArticleAnnotations) : undefined;
}

async function derive(): Promise<Site> {
  const [articles, actors, places] = await Promise.all([
    getCollection('articles'),
    getCollection('actors'),
    getCollection('places'),
  ]);
  const input: SiteInput = {
    articles: articles.map((entry) => ({ slug: entry.id, data: entry.data, annotations: annotationsOf(entry) })),
    actors: actors.map((entry) => ({ id: entry.id, data: entry.data })),
    places: places.map((entry) => ({ id: entry.id, data: entry.data })),
  };
  const bare = input.articles.filter((article) => article.annotations === undefined);
  if (bare.length > 0) {
    // The pages still build, without mentions or paragraph links: say why.
    console.warn(
      `[backstory:derive] ${bare.length} of ${input.articles.length} articles have no annotations ` +
        `(e.g. ${bare[0]?.slug}): are the annotation plugins in astro.config.mjs's markdown processor?`,
    );
  }
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
