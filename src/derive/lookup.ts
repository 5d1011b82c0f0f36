/**
 * One table of every actor and place, keyed `actor:<id>` / `place:<id>`, so
 * every derived record names an entity the same way.
 */
import type { EntityKey } from '../annotate/types.ts';
import type { EntityRef, SiteInput } from './types.ts';

export type EntityLookup = ReadonlyMap<EntityKey, EntityRef>;

export function entityLookup(input: Pick<SiteInput, 'actors' | 'places'>): EntityLookup {
  const table = new Map<EntityKey, EntityRef>();
  for (const { id, data } of input.actors) {
    table.set(`actor:${id}`, { key: `actor:${id}`, id, collection: 'actor', name: data.name, kind: data.kind });
  }
  for (const { id, data } of input.places) {
    table.set(`place:${id}`, { key: `place:${id}`, id, collection: 'place', name: data.name, kind: data.kind });
  }
  return table;
}

/** The entity, or a stand-in named after its id when the content check let a dangling reference through. */
export function resolveEntity(lookup: EntityLookup, collection: 'actor' | 'place', id: string): EntityRef {
  const key: EntityKey = `${collection}:${id}`;
  return lookup.get(key) ?? { key, id, collection, name: id, kind: collection === 'actor' ? 'group' : 'other' };
}

/** Names compare the way readers alphabetise: case- and accent-insensitive. */
export const byName = (a: { name: string }, b: { name: string }): number =>
  a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });
