/**
 * The article's cast: every declared actor and place with what the reader
 * needs to place them (name, kind, one-line description, role in this
 * article), where they are first mentioned and how often. Pure data, so the
 * cast panel, the mention cards and the relations diagram agree.
 */
import type { AnnotatedMention, EntityKey } from '../../../annotate/types.ts';
import type { Actor, Article, Place } from '../../../model/schema.ts';
import { entityRoute, joinBase } from '../../../site/paths.ts';
import { kindLabel, markOf } from './kinds.ts';

export interface CastMember {
  key: EntityKey;
  id: string;
  collection: 'actor' | 'place';
  name: string;
  /** The entity's own kind: `person`, `organisation`, `city`, … */
  kind: string;
  kindLabel: string;
  /** The visual mark of its mentions: `person` | `state` | `group` | `place`. */
  mark: 'person' | 'state' | 'group' | 'place';
  description: string | undefined;
  role: string | undefined;
  /** Entity page under the base path. */
  href: string;
  /** Fragment id of the first mention in the body, if it is mentioned at all. */
  firstMentionId: string | undefined;
  mentionCount: number;
}

export interface CastGroup {
  /** `person` | `state` | `organisation` | `group` | `place` */
  kind: string;
  heading: string;
  members: CastMember[];
}

export interface CastInput {
  article: Pick<Article, 'actors' | 'places'>;
  actors: ReadonlyMap<string, Actor>;
  places: ReadonlyMap<string, Place>;
  /** Mentions from `annotations.mentions`; without them every entity is assumed mentioned once, at `m-<id>-1`. */
  mentions?: readonly Pick<AnnotatedMention, 'entity' | 'id'>[] | undefined;
  base: string;
}

/** Every declared entity, actors first then places, in the article's order. */
export function buildCast({ article, actors, places, mentions, base }: CastInput): CastMember[] {
  const byEntity = new Map<string, string[]>();
  for (const mention of mentions ?? []) {
    byEntity.set(mention.entity, [...(byEntity.get(mention.entity) ?? []), mention.id]);
  }
  const member = (collection: 'actor' | 'place', ref: Article['actors'][number]): CastMember | undefined => {
    const entity = collection === 'actor' ? actors.get(ref.id) : places.get(ref.id);
    if (!entity) return undefined;
    const key: EntityKey = `${collection}:${ref.id}`;
    const ids = mentions ? (byEntity.get(key) ?? []) : [`m-${ref.id}-1`];
    return {
      key,
      id: ref.id,
      collection,
      name: entity.name,
      kind: entity.kind,
      kindLabel: kindLabel(entity.kind),
      mark: markOf(entity.kind, collection),
      description: entity.description,
      role: ref.role,
      href: joinBase(base, entityRoute(key)),
      firstMentionId: ids[0],
      mentionCount: ids.length,
    };
  };
  return [
    ...article.actors.map((ref) => member('actor', ref)),
    ...article.places.map((ref) => member('place', ref)),
  ].filter((entry): entry is CastMember => entry !== undefined);
}

const actorGroups = [
  { kind: 'person', heading: 'People' },
  { kind: 'state', heading: 'States' },
  { kind: 'organisation', heading: 'Organisations' },
  { kind: 'group', heading: 'Groups' },
] as const;

/**
 * The cast as the panel shows it: actors by kind (people, states,
 * organisations, groups), then places; most-mentioned first inside a group,
 * ties in the article's order. Empty groups are left out.
 */
export function groupCast(cast: readonly CastMember[]): CastGroup[] {
  const ranked = (members: CastMember[]) =>
    members
      .map((entry, order) => ({ entry, order }))
      .sort((a, b) => b.entry.mentionCount - a.entry.mentionCount || a.order - b.order)
      .map(({ entry }) => entry);
  const groups: CastGroup[] = actorGroups.map(({ kind, heading }) => ({
    kind,
    heading,
    members: ranked(cast.filter((entry) => entry.collection === 'actor' && entry.kind === kind)),
  }));
  groups.push({ kind: 'place', heading: 'Places', members: ranked(cast.filter((e) => e.collection === 'place')) });
  return groups.filter((group) => group.members.length > 0);
}
