/**
 * The machine-readable exports under `/data/`: their shapes (zod schemas,
 * published as JSON Schema under `/data/schema/`; the builders' return types
 * are inferred from them, and the site tests check every built file against
 * the published JSON Schema) and the functions that build them from the
 * derived data. Documented for consumers in docs/data-format.md.
 *
 * Every URL in an export is absolute (site origin + base path); the caller
 * passes `url`, which turns a site path into one.
 */
import { z } from 'astro/zod';
import { precisionSchema, relationKindSchema } from '../model/schema.ts';
import { routes } from '../site/paths.ts';
import { eventSpan } from './dates.ts';
import { type ActorEntry, groupRelations, type PlaceEntry } from './entityIndex.ts';
import { blockOfQuote, passagePath } from './passages.ts';
import type { SiteData } from './siteData.ts';
import type { TimelineEvent } from './timeline.ts';
import type { ArticleInput } from './types.ts';

/** Bumped when a field is removed or changes meaning; adding a field keeps the version. */
export const EXPORT_VERSION = 1;

/** Turns a site path (no base, e.g. `actors/x/`) into an absolute URL. */
export type UrlOf = (path: string) => string;

/** Site paths of the exports (no base). */
export const dataRoutes = {
  index: () => 'data/index.json',
  article: (slug: string) => `data/articles/${slug}.json`,
  timeline: () => 'data/timeline.json',
  actors: () => 'data/actors.json',
  places: () => 'data/places.json',
  schema: (name: SchemaName) => `data/schema/${name}.json`,
} as const;

const version = z.literal(EXPORT_VERSION).describe('Version of the export format (see docs/data-format.md).');
const url = z.url().describe('Absolute URL.');
const id = z.string().describe('Slug id.');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const paragraphId = z.string().nullable().describe('Fragment id of the paragraph or heading; null when unknown.');

const entityLinkSchema = z.object({
  id,
  name: z.string(),
  kind: z.string().describe('Actor kind (person, state, organisation, group) or place kind (city, country, …).'),
  url: url.describe('The entity page.'),
});

const articleLinkSchema = z.object({
  slug: id,
  title: z.string(),
  published: day,
  url: url.describe('The article page.'),
});

const eventFields = {
  date: z.string().describe('The date at its precision: "2011", "2019-04", "2020-W02" or "2020-01-13".'),
  precision: precisionSchema,
  start: day.describe('First day the date covers.'),
  end: day.describe('Last day the date covers (inclusive).'),
  phrase: z.string().describe('The words of the article that state the date.'),
  summary: z.string(),
  after: z.string().optional().describe('For phrases counted from another event ("72 hours later"): its id.'),
  paragraphId,
};

// ---------------------------------------------------------------------------
// data/articles/<slug>.json

export const articleExportSchema = z
  .object({
    version,
    slug: id,
    url: url.describe('The annotated article page.'),
    title: z.string(),
    dek: z.string(),
    byline: z.string(),
    publisher: z.string(),
    republishedBy: z.string().optional(),
    originalUrl: url.describe('Where the article was first published.'),
    published: day,
    updated: day.optional(),
    topics: z.array(z.string()),
    annotated: z
      .boolean()
      .describe('False when the annotation plugins did not run: paragraphs, mentions and dates are then empty.'),
    actors: z.array(
      entityLinkSchema.extend({
        aliases: z.array(z.string()).describe('Surface forms used for the actor in this text.'),
        role: z.string().optional().describe("The editor's one-line role of the actor in this article."),
        mentions: z.number().int().nonnegative(),
      }),
    ),
    places: z.array(
      entityLinkSchema.extend({
        aliases: z.array(z.string()),
        role: z.string().optional(),
        mentions: z.number().int().nonnegative(),
        coordinates: z.object({ lat: z.number(), lon: z.number() }),
      }),
    ),
    paragraphs: z
      .array(
        z.object({
          id: z.string().describe('Stable fragment id.'),
          kind: z.enum(['paragraph', 'heading']),
          depth: z.number().int().min(1).max(6).optional().describe('Heading level.'),
          text: z.string().describe('The text as the reader sees it, whitespace collapsed.'),
          url,
        }),
      )
      .describe('Headings and body paragraphs in document order.'),
    mentions: z
      .array(
        z.object({
          id: z.string().describe('Fragment id of the mention: m-<entity id>-<n>.'),
          entity: z.string().describe('actor:<id> or place:<id>.'),
          text: z.string(),
          paragraphId,
          offset: z
            .number()
            .int()
            .nonnegative()
            .describe('Offset of the mention in its paragraph text (UTF-16 units).'),
          sentence: z.string(),
          url,
        }),
      )
      .describe('Every mention, in document order.'),
    dates: z
      .array(
        z.object({
          id: z.string().describe('Fragment id of the date element.'),
          eventId: z.string(),
          datetime: z.string(),
          text: z.string(),
          paragraphId,
          sentence: z.string(),
          url,
        }),
      )
      .describe('Every date element, in document order.'),
    events: z.array(
      z.object({
        id,
        ...eventFields,
        actors: z.array(z.string()).describe('Actor ids.'),
        place: z.string().optional().describe('Place id.'),
        url: url.describe('The passage of the article that states it.'),
        timelineUrl: url.describe('The event on the timeline.'),
      }),
    ),
    relations: z.array(
      z.object({
        from: id,
        to: id,
        kind: relationKindSchema,
        quote: z.string(),
        paragraphId,
        url: url.describe('The passage that supports it.'),
      }),
    ),
    sources: z.array(
      z.object({
        id,
        kind: z.enum(['named', 'anonymous']),
        actor: z.string().optional(),
        label: z.string(),
        quote: z.string(),
        paragraphId,
        url,
      }),
    ),
  })
  .describe("One article's metadata and annotations.");
export type ArticleExport = z.infer<typeof articleExportSchema>;

// ---------------------------------------------------------------------------
// data/timeline.json

const timelineEventSchema = z.object({
  key: z.string().describe('<article slug>/<event id>: unique across the site.'),
  id: z.string().describe('Event id within its article.'),
  article: articleLinkSchema,
  ...eventFields,
  label: z.string().describe('The date as a reader says it.'),
  actors: z.array(entityLinkSchema),
  place: entityLinkSchema.nullable(),
  url: url.describe('The passage of the article that states it.'),
  timelineUrl: url.describe('The event on the timeline page.'),
});

export const timelineExportSchema = z
  .object({
    version,
    url: url.describe('The timeline page.'),
    events: z.array(timelineEventSchema).describe('Every event of every article, in chronological order.'),
    publications: z.array(articleLinkSchema).describe('The articles, by publication date (oldest first).'),
  })
  .describe('All events of all articles in date order.');
export type TimelineExport = z.infer<typeof timelineExportSchema>;

// ---------------------------------------------------------------------------
// data/actors.json and data/places.json

const appearanceSchema = articleLinkSchema.extend({
  mentions: z.number().int().nonnegative().describe('Mentions in this article; each is in data/articles/<slug>.json.'),
  firstMention: url.optional().describe('The first mention in the article.'),
  role: z.string().optional(),
});

const coMentionSchema = z.object({
  entity: z.string().describe('actor:<id> or place:<id>.'),
  paragraphs: z.number().int().positive().describe('Paragraphs mentioning both.'),
  articles: z.number().int().positive(),
});

const entityExportFields = {
  id,
  name: z.string(),
  aliases: z.array(z.string()),
  wikidata: z.string().optional(),
  url: url.describe('The entity page.'),
  mentionCount: z
    .number()
    .int()
    .nonnegative()
    .describe('Mentions across all articles (the sum of articles[].mentions).'),
  articles: z.array(appearanceSchema).describe('Articles that declare or mention it, newest first.'),
  coMentioned: z.array(coMentionSchema).describe('Entities mentioned in the same paragraphs, most first.'),
  events: z.array(z.string()).describe('Keys of timeline events (see timeline.json).'),
};

export const actorsExportSchema = z
  .object({
    version,
    url: url.describe('The actors index page.'),
    actors: z.array(
      z.object({
        ...entityExportFields,
        kind: z.enum(['person', 'state', 'organisation', 'group']),
        description: z.string(),
        relations: z
          .array(
            z.object({
              kind: relationKindSchema,
              direction: z.enum(['outgoing', 'incoming']).describe('outgoing: this actor is the "from" side.'),
              other: z.string().describe('Actor id.'),
              evidence: z
                .array(z.object({ article: z.string().describe('Article slug.'), paragraphId }))
                .min(1)
                .describe('The passages that support it, newest article first (quotes: data/articles/<slug>.json).'),
            }),
          )
          .describe('Grouped by kind, direction and other actor; most supported first.'),
      }),
    ),
  })
  .describe('Every actor with its mentions, events and relations across all articles.');
export type ActorsExport = z.infer<typeof actorsExportSchema>;

export const placesExportSchema = z
  .object({
    version,
    url: url.describe('The places index page.'),
    places: z.array(
      z.object({
        ...entityExportFields,
        kind: z.string(),
        description: z.string().optional(),
        coordinates: z.object({ lat: z.number(), lon: z.number() }),
      }),
    ),
  })
  .describe('Every place with its mentions and the events located there.');
export type PlacesExport = z.infer<typeof placesExportSchema>;

// ---------------------------------------------------------------------------
// data/index.json

export const indexExportSchema = z
  .object({
    version,
    site: url,
    timeline: url,
    actors: url,
    places: url,
    articles: z.array(articleLinkSchema.extend({ data: url.describe('data/articles/<slug>.json') })),
    schemas: z.record(z.string(), url).describe('JSON Schema of each export.'),
  })
  .describe('What is exported and where.');
export type IndexExport = z.infer<typeof indexExportSchema>;

export const exportSchemas = {
  index: indexExportSchema,
  article: articleExportSchema,
  timeline: timelineExportSchema,
  actors: actorsExportSchema,
  places: placesExportSchema,
} as const;
export type SchemaName = keyof typeof exportSchemas;

/** The JSON Schema (draft 2020-12) of an export. */
export function exportJsonSchema(name: SchemaName, id: string): Record<string, unknown> {
  return { $id: id, ...z.toJSONSchema(exportSchemas[name], { target: 'draft-2020-12' }) };
}

// ---------------------------------------------------------------------------
// Builders

const link = (url: UrlOf, entity: { id: string; name: string; kind: string }, path: string) => ({
  id: entity.id,
  name: entity.name,
  kind: entity.kind,
  url: url(path),
});

const aliasText = (alias: string | { text: string }) => (typeof alias === 'string' ? alias : alias.text);

const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

export function buildArticleExport(article: ArticleInput, site: SiteData, url: UrlOf): ArticleExport {
  const { slug, data, annotations } = article;
  const counts = annotations?.counts ?? {};
  const blocks = annotations?.paragraphs ?? [];
  const passage = (fragment: string | null) => url(passagePath(slug, fragment));
  const onTimeline = new Map((site.eventsByArticle.get(slug) ?? []).map((e) => [e.eventId, e.timelinePath]));
  return {
    version: EXPORT_VERSION,
    slug,
    url: url(routes.article(slug)),
    title: data.title,
    dek: data.dek,
    byline: data.byline,
    publisher: data.publisher,
    ...optional('republishedBy', data.republishedBy),
    originalUrl: data.originalUrl,
    published: data.published,
    ...optional('updated', data.updated),
    topics: data.topics,
    annotated: annotations !== undefined,
    actors: data.actors.map((ref) => {
      const actor = site.actors.byId.get(ref.id);
      return {
        ...link(url, { id: ref.id, name: actor?.name ?? ref.id, kind: actor?.kind ?? 'group' }, routes.actor(ref.id)),
        aliases: ref.aliases.map(aliasText),
        ...optional('role', ref.role),
        mentions: counts[`actor:${ref.id}`] ?? 0,
      };
    }),
    places: data.places.map((ref) => {
      const place = site.places.byId.get(ref.id);
      return {
        ...link(url, { id: ref.id, name: place?.name ?? ref.id, kind: place?.kind ?? 'other' }, routes.place(ref.id)),
        aliases: ref.aliases.map(aliasText),
        ...optional('role', ref.role),
        mentions: counts[`place:${ref.id}`] ?? 0,
        coordinates: place?.coordinates ?? { lat: 0, lon: 0 },
      };
    }),
    paragraphs: blocks.map((block) => ({
      id: block.id,
      kind: block.kind,
      ...optional('depth', block.kind === 'heading' ? block.depth : undefined),
      text: block.text,
      url: passage(block.id),
    })),
    mentions: (annotations?.mentions ?? []).map((mention) => ({
      id: mention.id,
      entity: mention.entity,
      text: mention.text,
      paragraphId: mention.paragraphId,
      offset: mention.offset,
      sentence: mention.sentence,
      url: passage(mention.id),
    })),
    dates: (annotations?.dates ?? []).map((date) => ({
      id: date.id,
      eventId: date.eventId,
      datetime: date.datetime,
      text: date.text,
      paragraphId: date.paragraphId,
      sentence: date.sentence,
      url: passage(date.id),
    })),
    events: data.events.map((event) => {
      const anchor = annotations?.events[event.id];
      const paragraph = anchor?.paragraphId ?? null;
      return {
        id: event.id,
        date: event.date,
        precision: event.precision,
        ...eventSpan(event.date),
        phrase: event.phrase,
        summary: event.summary,
        ...optional('after', event.after),
        paragraphId: paragraph,
        actors: event.actors,
        ...optional('place', event.place),
        url: passage(paragraph ?? anchor?.id ?? `event-${event.id}`),
        timelineUrl: url(onTimeline.get(event.id) ?? `${routes.timeline()}#tl-${slug}-${event.id}`),
      };
    }),
    relations: data.relations.map((relation) => {
      const paragraph = blockOfQuote(blocks, relation.quote);
      return { ...relation, paragraphId: paragraph, url: passage(paragraph) };
    }),
    sources: data.sources.map((source) => {
      const paragraph = blockOfQuote(blocks, source.quote);
      return {
        id: source.id,
        kind: source.kind,
        ...optional('actor', source.actor),
        label: source.label,
        quote: source.quote,
        paragraphId: paragraph,
        url: passage(paragraph),
      };
    }),
  };
}

function timelineEventExport(event: TimelineEvent, url: UrlOf): TimelineExport['events'][number] {
  return {
    key: event.key,
    id: event.eventId,
    article: {
      slug: event.article.slug,
      title: event.article.title,
      published: event.article.published,
      url: url(routes.article(event.article.slug)),
    },
    date: event.date,
    precision: event.precision,
    start: event.start,
    end: event.end,
    label: event.label,
    phrase: event.phrase,
    summary: event.summary,
    ...optional('after', event.after),
    paragraphId: event.passage.paragraphId,
    actors: event.actors.map((actor) => link(url, actor, routes.actor(actor.id))),
    place: event.place ? link(url, event.place, routes.place(event.place.id)) : null,
    url: url(event.passage.path),
    timelineUrl: url(event.timelinePath),
  };
}

export function buildTimelineExport(site: SiteData, url: UrlOf): TimelineExport {
  return {
    version: EXPORT_VERSION,
    url: url(routes.timeline()),
    events: site.timeline.map((event) => timelineEventExport(event, url)),
    publications: [...site.articles]
      .sort((a, b) => a.published.localeCompare(b.published) || a.title.localeCompare(b.title))
      .map((article) => ({
        slug: article.slug,
        title: article.title,
        published: article.published,
        url: url(routes.article(article.slug)),
      })),
  };
}

function entityFields(entry: ActorEntry | PlaceEntry, url: UrlOf, path: string) {
  return {
    id: entry.id,
    name: entry.name,
    aliases: entry.aliases,
    ...optional('wikidata', entry.wikidata),
    url: url(path),
    mentionCount: entry.mentionCount,
    articles: entry.appearances.map((appearance) => ({
      slug: appearance.article.slug,
      title: appearance.article.title,
      published: appearance.article.published,
      url: url(routes.article(appearance.article.slug)),
      mentions: appearance.mentions,
      ...optional('firstMention', appearance.mentions > 0 ? url(appearance.path) : undefined),
      ...optional('role', appearance.role),
    })),
    coMentioned: entry.coMentioned.map((co) => ({
      entity: co.entity.key,
      paragraphs: co.paragraphs,
      articles: co.articles,
    })),
    events: entry.events.map((event) => event.key),
  };
}

export function buildActorsExport(site: SiteData, url: UrlOf): ActorsExport {
  return {
    version: EXPORT_VERSION,
    url: url(routes.actors()),
    actors: site.actors.all.map((actor) => ({
      ...entityFields(actor, url, routes.actor(actor.id)),
      kind: actor.kind,
      description: actor.description,
      relations: groupRelations(actor.relations).map((group) => ({
        kind: group.kind,
        direction: group.direction,
        other: group.other.id,
        evidence: group.evidence.map((relation) => ({
          article: relation.article.slug,
          paragraphId: relation.paragraphId,
        })),
      })),
    })),
  };
}

export function buildPlacesExport(site: SiteData, url: UrlOf): PlacesExport {
  return {
    version: EXPORT_VERSION,
    url: url(routes.places()),
    places: site.places.all.map((place) => ({
      ...entityFields(place, url, routes.place(place.id)),
      kind: place.kind,
      ...optional('description', place.description),
      coordinates: place.coordinates,
    })),
  };
}

export function buildIndexExport(site: SiteData, url: UrlOf): IndexExport {
  return {
    version: EXPORT_VERSION,
    site: url(routes.home()),
    timeline: url(dataRoutes.timeline()),
    actors: url(dataRoutes.actors()),
    places: url(dataRoutes.places()),
    articles: site.articles.map((article) => ({
      slug: article.slug,
      title: article.title,
      published: article.published,
      url: url(routes.article(article.slug)),
      data: url(dataRoutes.article(article.slug)),
    })),
    schemas: Object.fromEntries(
      (Object.keys(exportSchemas) as SchemaName[]).map((name) => [name, url(dataRoutes.schema(name))]),
    ),
  };
}
