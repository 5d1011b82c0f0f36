/**
 * Who and where across all articles: for every actor and place, how often and
 * where it is mentioned (each mention with its sentence), the events it takes
 * part in or hosts, the relations it is in, and what is mentioned alongside it.
 *
 * Counts come from the annotations (`mentions`), so the number on an entity
 * page is the number of marks a reader can find in the articles.
 */
import type { AnnotatedMention, EntityKey } from '../annotate/types.ts';
import type { Actor, Place } from '../model/schema.ts';
import { byName, type EntityLookup, entityLookup, resolveEntity } from './lookup.ts';
import { type ListPage, paginateRuns } from './pagination.ts';
import { blockOfQuote, passagePath, type SentenceParts, splitSentence } from './passages.ts';
import type { TimelineEvent } from './timeline.ts';
import type { ArticleRef, EntityRef, SiteInput } from './types.ts';

/** One mention, in its sentence, with a link to it in the article. */
export interface MentionInContext extends SentenceParts {
  /** Fragment id of the mention in the article: `m-<entity id>-<n>`. */
  id: string;
  article: ArticleRef;
  paragraphId: string | null;
  /** Site path (no base): `articles/<slug>/#<mention id>`. */
  path: string;
  /** The words of the mention as the reader sees them. */
  text: string;
  sentence: string;
}

/** An article an entity appears in: declared by the editor, mentioned `mentions` times. */
export interface Appearance {
  article: ArticleRef;
  mentions: number;
  /** The editor's one-line role of the entity in this article. */
  role: string | undefined;
  /** Site path of the first mention, or of the article when it is never mentioned. */
  path: string;
}

export type RelationKind = 'backs' | 'opposes' | 'mediates' | 'allied';

/** A relation seen from one actor: `outgoing` when this actor is the `from` side. */
export interface EntityRelation {
  kind: RelationKind;
  direction: 'outgoing' | 'incoming';
  other: EntityRef;
  quote: string;
  article: ArticleRef;
  paragraphId: string | null;
  /** Site path (no base) of the paragraph that supports it (the article when not found). */
  path: string;
}

/** The relations of one kind with one other actor, in one direction, with every passage that supports them. */
export interface RelationGroup {
  kind: RelationKind;
  direction: 'outgoing' | 'incoming';
  other: EntityRef;
  /** Each supporting passage, newest article first. */
  evidence: EntityRelation[];
}

const relationOrder: Record<RelationKind, number> = { backs: 0, opposes: 1, mediates: 2, allied: 3 };

/**
 * "Egypt backs Haftar" said by fifty articles is one relation with fifty
 * passages: grouped by kind, direction and the other actor, most supported first.
 */
export function groupRelations(relations: readonly EntityRelation[]): RelationGroup[] {
  const groups = new Map<string, RelationGroup>();
  for (const relation of relations) {
    const key = `${relation.kind}|${relation.direction}|${relation.other.id}`;
    const group = groups.get(key);
    if (group) group.evidence.push(relation);
    else
      groups.set(key, {
        kind: relation.kind,
        direction: relation.direction,
        other: relation.other,
        evidence: [relation],
      });
  }
  for (const group of groups.values()) {
    group.evidence.sort((a, b) => b.article.published.localeCompare(a.article.published));
  }
  return [...groups.values()].sort(
    (a, b) =>
      relationOrder[a.kind] - relationOrder[b.kind] ||
      b.evidence.length - a.evidence.length ||
      (a.direction === b.direction ? 0 : a.direction === 'outgoing' ? -1 : 1) ||
      byName(a.other, b.other),
  );
}

/** Another entity mentioned in the same paragraphs. */
export interface CoMention {
  entity: EntityRef;
  /** Paragraphs mentioning both. */
  paragraphs: number;
  /** Articles with at least one such paragraph. */
  articles: number;
}

interface EntityEntryBase {
  key: EntityKey;
  id: string;
  name: string;
  kind: string;
  aliases: string[];
  description: string | undefined;
  wikidata: string | undefined;
  /** Mentions across all articles (equals `mentions.length`). */
  mentionCount: number;
  /** Articles that declare or mention it, newest first. */
  appearances: Appearance[];
  mentions: MentionInContext[];
  /** Entities mentioned in the same paragraphs, most shared paragraphs first. */
  coMentioned: CoMention[];
}

export interface ActorEntry extends EntityEntryBase {
  collection: 'actor';
  kind: Actor['kind'];
  description: string;
  /** Events the actor takes part in, in timeline order. */
  events: TimelineEvent[];
  relations: EntityRelation[];
}

export interface PlaceEntry extends EntityEntryBase {
  collection: 'place';
  kind: Place['kind'];
  coordinates: { lat: number; lon: number };
  /** Events located here, in timeline order. */
  events: TimelineEvent[];
}

export interface EntityIndex<T> {
  /** Every entry, by name. */
  all: T[];
  byId: ReadonlyMap<string, T>;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

interface MentionTables {
  mentions: Map<EntityKey, MentionInContext[]>;
  appearances: Map<EntityKey, Appearance[]>;
  coMentions: Map<EntityKey, Map<EntityKey, { paragraphs: number; articles: Set<string> }>>;
}

/** One pass over every article's annotations, shared by the actor and place indexes. */
function tabulateMentions(input: SiteInput): MentionTables {
  const mentions = new Map<EntityKey, MentionInContext[]>();
  const appearances = new Map<EntityKey, Appearance[]>();
  const coMentions = new Map<EntityKey, Map<EntityKey, { paragraphs: number; articles: Set<string> }>>();
  const articles = [...input.articles].sort(
    (a, b) => b.data.published.localeCompare(a.data.published) || a.slug.localeCompare(b.slug),
  );

  for (const { slug, data, annotations } of articles) {
    const article: ArticleRef = { slug, title: data.title, published: data.published };
    const blockText = new Map((annotations?.paragraphs ?? []).map((block) => [block.id, block.text]));
    const inArticle = new Map<EntityKey, AnnotatedMention[]>();
    const byParagraph = new Map<string, Set<EntityKey>>();

    for (const mention of annotations?.mentions ?? []) {
      pushTo(inArticle, mention.entity, mention);
      pushTo(mentions, mention.entity, {
        id: mention.id,
        article,
        paragraphId: mention.paragraphId,
        path: passagePath(slug, mention.id),
        text: mention.text,
        sentence: mention.sentence,
        ...splitSentence(mention, mention.paragraphId ? blockText.get(mention.paragraphId) : undefined),
      });
      if (mention.paragraphId) {
        const set = byParagraph.get(mention.paragraphId) ?? new Set();
        set.add(mention.entity);
        byParagraph.set(mention.paragraphId, set);
      }
    }

    const roles = new Map<EntityKey, string | undefined>([
      ...data.actors.map((ref) => [`actor:${ref.id}` as EntityKey, ref.role] as const),
      ...data.places.map((ref) => [`place:${ref.id}` as EntityKey, ref.role] as const),
    ]);
    for (const key of new Set([...roles.keys(), ...inArticle.keys()])) {
      const found = inArticle.get(key) ?? [];
      pushTo(appearances, key, {
        article,
        mentions: found.length,
        role: roles.get(key),
        path: passagePath(slug, found[0]?.id),
      });
    }

    for (const keys of byParagraph.values()) {
      for (const a of keys) {
        for (const b of keys) {
          if (a === b) continue;
          const row = coMentions.get(a) ?? new Map();
          const cell = row.get(b) ?? { paragraphs: 0, articles: new Set<string>() };
          cell.paragraphs += 1;
          cell.articles.add(slug);
          row.set(b, cell);
          coMentions.set(a, row);
        }
      }
    }
  }
  return { mentions, appearances, coMentions };
}

function coMentionsOf(tables: MentionTables, key: EntityKey, lookup: EntityLookup): CoMention[] {
  return [...(tables.coMentions.get(key) ?? new Map<EntityKey, { paragraphs: number; articles: Set<string> }>())]
    .flatMap(([other, cell]) => {
      const entity = lookup.get(other);
      return entity ? [{ entity, paragraphs: cell.paragraphs, articles: cell.articles.size }] : [];
    })
    .sort((a, b) => b.paragraphs - a.paragraphs || b.articles - a.articles || byName(a.entity, b.entity));
}

function relationsOf(input: SiteInput, lookup: EntityLookup): Map<string, EntityRelation[]> {
  const byActor = new Map<string, EntityRelation[]>();
  const add = (id: string, relation: EntityRelation) => pushTo(byActor, id, relation);
  for (const { slug, data, annotations } of input.articles) {
    const article: ArticleRef = { slug, title: data.title, published: data.published };
    for (const relation of data.relations) {
      const paragraphId = blockOfQuote(annotations?.paragraphs ?? [], relation.quote);
      const shared = {
        kind: relation.kind,
        quote: relation.quote,
        article,
        paragraphId,
        path: passagePath(slug, paragraphId),
      };
      add(relation.from, { ...shared, direction: 'outgoing', other: resolveEntity(lookup, 'actor', relation.to) });
      add(relation.to, { ...shared, direction: 'incoming', other: resolveEntity(lookup, 'actor', relation.from) });
    }
  }
  return byActor;
}

function baseEntry(
  tables: MentionTables,
  lookup: EntityLookup,
  key: EntityKey,
  id: string,
  data: { name: string; aliases: string[]; wikidata?: string | undefined },
) {
  const mentions = tables.mentions.get(key) ?? [];
  return {
    key,
    id,
    name: data.name,
    aliases: data.aliases,
    wikidata: data.wikidata,
    mentionCount: mentions.length,
    appearances: tables.appearances.get(key) ?? [],
    mentions,
    coMentioned: coMentionsOf(tables, key, lookup),
  };
}

function indexOf<T extends { id: string; name: string }>(entries: T[]): EntityIndex<T> {
  const all = entries.sort(byName);
  return { all, byId: new Map(all.map((entry) => [entry.id, entry])) };
}

export interface EntityIndexes {
  actors: EntityIndex<ActorEntry>;
  places: EntityIndex<PlaceEntry>;
}

/** Both indexes from one pass over the annotations (what `buildSiteData` uses). */
export function buildEntityIndexes(
  input: SiteInput,
  timeline: readonly TimelineEvent[],
  lookup: EntityLookup = entityLookup(input),
): EntityIndexes {
  const tables = tabulateMentions(input);
  const relations = relationsOf(input, lookup);
  const actors = input.actors.map(
    ({ id, data }): ActorEntry => ({
      ...baseEntry(tables, lookup, `actor:${id}`, id, data),
      collection: 'actor',
      kind: data.kind,
      description: data.description,
      events: timeline.filter((event) => event.actors.some((actor) => actor.id === id)),
      relations: relations.get(id) ?? [],
    }),
  );
  const places = input.places.map(
    ({ id, data }): PlaceEntry => ({
      ...baseEntry(tables, lookup, `place:${id}`, id, data),
      collection: 'place',
      kind: data.kind,
      description: data.description,
      coordinates: data.coordinates,
      events: timeline.filter((event) => event.place?.id === id),
    }),
  );
  return { actors: indexOf(actors), places: indexOf(places) };
}

export function buildActorIndex(input: SiteInput, timeline: readonly TimelineEvent[]): EntityIndex<ActorEntry> {
  return buildEntityIndexes(input, timeline).actors;
}

export function buildPlaceIndex(input: SiteInput, timeline: readonly TimelineEvent[]): EntityIndex<PlaceEntry> {
  return buildEntityIndexes(input, timeline).places;
}

/** Entries grouped by kind in the given order of kinds (kinds not listed come last, alphabetically). */
export function groupByKind<T extends { kind: string }>(
  entries: readonly T[],
  order: readonly string[],
): { kind: string; entries: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const entry of entries) pushTo(groups, entry.kind, entry);
  const rank = (kind: string) => {
    const at = order.indexOf(kind);
    return at === -1 ? order.length : at;
  };
  return [...groups]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([kind, list]) => ({ kind, entries: list }));
}

/** Mentions in context per page of an entity's mention list (whole articles per page). */
export const MENTIONS_PAGE_SIZE = 200;

/** An entity's mentions in pages: page 1 on the entity page, the others at `<entity>/mentions/<n>/`. */
export function mentionPages(
  mentions: readonly MentionInContext[],
  size = MENTIONS_PAGE_SIZE,
): ListPage<MentionInContext>[] {
  // Every page of an entity asks for the same split: compute it once per list.
  const cached = pagesCache.get(mentions);
  if (cached?.size === size) return cached.pages;
  const pages = paginateRuns(mentions, (mention) => mention.article.slug, size);
  pagesCache.set(mentions, { size, pages });
  return pages;
}

const pagesCache = new WeakMap<readonly MentionInContext[], { size: number; pages: ListPage<MentionInContext>[] }>();

/** Site path (no base) of page `number` of an entity's mentions. */
export function mentionsPagePath(collection: 'actor' | 'place', id: string, number: number): string {
  const page = collection === 'actor' ? `actors/${id}/` : `places/${id}/`;
  return number <= 1 ? `${page}#mentions` : `${page}mentions/${number}/`;
}
