/**
 * How the entity pages name kinds and which mark colour they use: the same
 * visual code as the article page (person solid blue, state/organisation
 * purple, group orange, place green), taken from the design tokens.
 */
export const actorKindOrder = ['person', 'state', 'organisation', 'group'] as const;
export const placeKindOrder = ['country', 'region', 'city', 'sea', 'building', 'other'] as const;

const plural: Record<string, string> = {
  person: 'People',
  state: 'States',
  organisation: 'Organisations',
  group: 'Groups',
  country: 'Countries',
  region: 'Regions',
  city: 'Cities',
  sea: 'Seas',
  building: 'Buildings',
  other: 'Other places',
};

export function kindHeading(kind: string): string {
  return plural[kind] ?? `${kind.charAt(0).toUpperCase()}${kind.slice(1)}`;
}

export function kindLabel(kind: string): string {
  return `${kind.charAt(0).toUpperCase()}${kind.slice(1)}`;
}

/** The mark an entity's mentions carry: `person` | `state` | `group` | `place`. */
export function markOf(collection: 'actor' | 'place', kind: string): 'person' | 'state' | 'group' | 'place' {
  if (collection === 'place') return 'place';
  if (kind === 'person' || kind === 'group') return kind;
  return 'state';
}

export function plural1(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
