/**
 * schema.org structured data for Backstory's pages, as plain objects.
 *
 * Pages call a builder with typed content (the entries `getCollection`
 * returns) and pass the result in `seo.jsonLd`; `SeoHead.astro` writes each
 * object with `serializeJsonLd`, which is the only safe way to put one inside
 * a `<script>` element. Every URL is absolute and includes the base path.
 *
 * Actor kinds map to schema.org types: person → Person, state → Country,
 * organisation and group → Organization; places are Place with GeoCoordinates.
 * An entity with a Wikidata id gets `sameAs: https://www.wikidata.org/wiki/<id>`.
 */
import type { Actor, ActorKind, Article, Place } from '../model/schema.ts';
import { routes } from '../site/paths.ts';
import {
  absoluteUrl,
  PREVIEW_IMAGE,
  previewImagePaths,
  SITE_DESCRIPTION,
  SITE_NAME,
  type SiteLocation,
} from './seo.ts';

export type JsonLd = Record<string, unknown>;

/** The shape of a content collection entry that the builders need: `getCollection()` results fit. */
export interface Entry<T> {
  id: string;
  data: T;
}

const CONTEXT = 'https://schema.org';

export function wikidataUrl(id: string): string {
  return `https://www.wikidata.org/wiki/${id}`;
}

export function actorSchemaType(kind: ActorKind): 'Person' | 'Country' | 'Organization' {
  if (kind === 'person') return 'Person';
  if (kind === 'state') return 'Country';
  return 'Organization';
}

/** An actor as a schema.org thing (no `@context`: for nesting or for `actorJsonLd`). */
function actorThing(where: SiteLocation, { id, data }: Entry<Actor>): JsonLd {
  return {
    '@type': actorSchemaType(data.kind),
    name: data.name,
    url: absoluteUrl(where, routes.actor(id)),
    ...(data.wikidata ? { sameAs: wikidataUrl(data.wikidata) } : {}),
  };
}

function placeThing(where: SiteLocation, { id, data }: Entry<Place>): JsonLd {
  return {
    '@type': 'Place',
    name: data.name,
    url: absoluteUrl(where, routes.place(id)),
    geo: { '@type': 'GeoCoordinates', latitude: data.coordinates.lat, longitude: data.coordinates.lon },
    ...(data.wikidata ? { sameAs: wikidataUrl(data.wikidata) } : {}),
  };
}

function imageObject(where: SiteLocation, path: string): JsonLd {
  return {
    '@type': 'ImageObject',
    url: absoluteUrl(where, path),
    width: PREVIEW_IMAGE.width,
    height: PREVIEW_IMAGE.height,
  };
}

/**
 * Who wrote it. A byline that names the publisher, or an organisation among the
 * actors, is an Organization ("Bloomberg"); anything else is taken for a person.
 */
function author(article: Article, actors: ReadonlyMap<string, Entry<Actor>>): JsonLd {
  const byline = article.byline.trim();
  const same = (name: string | undefined) => name !== undefined && name.toLowerCase() === byline.toLowerCase();
  const actor = [...actors.values()].find((a) => same(a.data.name) || a.data.aliases.some(same));
  const isOrganisation =
    same(article.publisher) || same(article.republishedBy) || (actor !== undefined && actor.data.kind !== 'person');
  return { '@type': isOrganisation ? 'Organization' : 'Person', name: byline };
}

export interface NewsArticleInput {
  where: SiteLocation;
  article: Entry<Article>;
  /** The actors collection (or at least the actors this article declares). */
  actors: readonly Entry<Actor>[];
  /** The places collection (or at least the places this article declares). */
  places: readonly Entry<Place>[];
  /** Site path of the preview image; the article's generated image by default. */
  image?: string;
}

/** `NewsArticle` for an article page: what it says, who wrote it, what it is based on, whom it mentions. */
export function newsArticleJsonLd({ where, article, actors, places, image }: NewsArticleInput): JsonLd {
  const { data } = article;
  const actorById = new Map(actors.map((entry) => [entry.id, entry]));
  const placeById = new Map(places.map((entry) => [entry.id, entry]));
  const url = absoluteUrl(where, routes.article(article.id));
  const mentions = [
    ...data.actors.flatMap((ref) => {
      const entry = actorById.get(ref.id);
      return entry ? [actorThing(where, entry)] : [];
    }),
    ...data.places.flatMap((ref) => {
      const entry = placeById.get(ref.id);
      return entry ? [placeThing(where, entry)] : [];
    }),
  ];
  return {
    '@context': CONTEXT,
    '@type': 'NewsArticle',
    headline: data.title,
    description: data.dek,
    url,
    mainEntityOfPage: url,
    datePublished: data.published,
    dateModified: data.updated ?? data.published,
    author: author(data, actorById),
    publisher: { '@type': 'Organization', name: data.publisher },
    isBasedOn: data.originalUrl,
    image: imageObject(where, image ?? previewImagePaths.article(article.id)),
    inLanguage: 'en',
    ...(data.topics.length > 0 ? { keywords: data.topics.join(', ') } : {}),
    ...(mentions.length > 0 ? { mentions } : {}),
  };
}

/** Person, Country or Organization for an actor page. */
export function actorJsonLd({ where, actor }: { where: SiteLocation; actor: Entry<Actor> }): JsonLd {
  return {
    '@context': CONTEXT,
    ...actorThing(where, actor),
    description: actor.data.description,
    ...(actor.data.aliases.length > 0 ? { alternateName: [...actor.data.aliases] } : {}),
    image: absoluteUrl(where, previewImagePaths.actor(actor.id)),
  };
}

/** Place (with coordinates) for a place page. */
export function placeJsonLd({ where, place }: { where: SiteLocation; place: Entry<Place> }): JsonLd {
  return {
    '@context': CONTEXT,
    ...placeThing(where, place),
    ...(place.data.description ? { description: place.data.description } : {}),
    ...(place.data.aliases.length > 0 ? { alternateName: [...place.data.aliases] } : {}),
  };
}

export interface Crumb {
  name: string;
  /** Site path without the base: `''` for home, `actors/` … */
  path: string;
}

/** `BreadcrumbList` from the home page down to the current page. */
export function breadcrumbJsonLd(where: SiteLocation, trail: readonly Crumb[]): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: absoluteUrl(where, crumb.path),
    })),
  };
}

/** Trails for the routes of product.md (there is no `/articles/` index: an article hangs off home). */
export const breadcrumbs = {
  article: (title: string, slug: string): Crumb[] => [
    { name: SITE_NAME, path: routes.home() },
    { name: title, path: routes.article(slug) },
  ],
  actor: (name: string, id: string): Crumb[] => [
    { name: SITE_NAME, path: routes.home() },
    { name: 'Actors', path: routes.actors() },
    { name, path: routes.actor(id) },
  ],
  place: (name: string, id: string): Crumb[] => [
    { name: SITE_NAME, path: routes.home() },
    { name: 'Places', path: routes.places() },
    { name, path: routes.place(id) },
  ],
  section: (name: string, path: string): Crumb[] => [
    { name: SITE_NAME, path: routes.home() },
    { name, path },
  ],
} as const;

/** `WebSite` for the home page. */
export function webSiteJsonLd(where: SiteLocation): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'WebSite',
    name: SITE_NAME,
    description: SITE_DESCRIPTION,
    url: absoluteUrl(where),
    inLanguage: 'en',
  };
}

/**
 * JSON for a `<script type="application/ld+json">` element. `<`, `>` and `&`
 * become `\u003c`, `\u003e`, `\u0026` (still the same JSON string values), so
 * a title containing `</script>` or `<!--` cannot end the element; U+2028 and
 * U+2029 are escaped for old JavaScript parsers that treat them as newlines.
 */
export function serializeJsonLd(value: JsonLd): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
