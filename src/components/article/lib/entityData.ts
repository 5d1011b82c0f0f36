/**
 * The data behind the mention cards, written into the page once as
 * `<script type="application/json" id="entity-data">` and read by
 * `src/scripts/mentionCards.ts`.
 */
import type { CastMember } from './cast.ts';

/** What a card shows about one entity. Keyed by entity key (`actor:khalifa-haftar`). */
export interface EntityCardData {
  name: string;
  kindLabel: string;
  mark: CastMember['mark'];
  description?: string;
  role?: string;
  href: string;
}

export type EntityDataMap = Record<string, EntityCardData>;

export function buildEntityData(cast: readonly CastMember[]): EntityDataMap {
  const data: EntityDataMap = {};
  for (const member of cast) {
    data[member.key] = {
      name: member.name,
      kindLabel: member.kindLabel,
      mark: member.mark,
      href: member.href,
      ...(member.description ? { description: member.description } : {}),
      ...(member.role ? { role: member.role } : {}),
    };
  }
  return data;
}

/**
 * JSON that is safe inside a `<script>` element: `<`, `>` and `&` are written
 * as `\u003c`, `\u003e`, `\u0026`, so no text (`</script>`, `<!--`) can end the
 * element early, and U+2028/U+2029 are escaped for old JavaScript parsers.
 * `JSON.parse` reads it back unchanged.
 */
export function serializeForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
