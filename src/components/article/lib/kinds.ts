/**
 * How the article page names and groups the kinds of entity. The same kind
 * vocabulary drives the mention classes (`mention--person`), the legend, the
 * cast panel and the relations diagram, so a reader learns one visual code.
 */

/** The five marks a reader can tell apart in the text. */
export type MarkKind = 'person' | 'state' | 'group' | 'place' | 'date';

/** Actor kinds share a mark where readers need not tell them apart: states and organisations. */
export function markOf(kind: string, collection: 'actor' | 'place'): Exclude<MarkKind, 'date'> {
  if (collection === 'place') return 'place';
  if (kind === 'person' || kind === 'group') return kind;
  return 'state';
}

/** Singular label of an actor or place kind, for cards: `organisation` → `Organisation`. */
export function kindLabel(kind: string): string {
  return kind.charAt(0).toUpperCase() + kind.slice(1);
}

export const markLegend: readonly { mark: MarkKind; label: string; sample: string }[] = [
  { mark: 'person', label: 'Person', sample: 'solid underline' },
  { mark: 'state', label: 'State or organisation', sample: 'double underline' },
  { mark: 'group', label: 'Group', sample: 'dashed underline' },
  { mark: 'place', label: 'Place', sample: 'dotted underline' },
  { mark: 'date', label: 'Date', sample: 'highlight' },
];
