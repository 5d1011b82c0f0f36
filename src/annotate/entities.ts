/**
 * The site's entity index (`actor:<id>` / `place:<id>` → kind and name) that
 * `annotationPlugins` needs, built from the content files:
 *
 * ```js
 * const { entries } = await readContentDir(root);
 * annotationPlugins({ base, entities: entityIndex(entries) });
 * ```
 */
import type { RawEntry } from '../model/contentFiles.ts';
import { actorSchema, placeSchema } from '../model/schema.ts';
import type { EntityInfo } from './types.ts';

export function entityIndex(entries: readonly RawEntry[]): Record<string, EntityInfo> {
  const index: Record<string, EntityInfo> = {};
  for (const entry of entries) {
    if (entry.collection === 'articles') continue;
    const parsed = (entry.collection === 'actors' ? actorSchema : placeSchema).safeParse(entry.data);
    // Invalid files are the content check's business; they simply have no entry.
    if (!parsed.success) continue;
    const key = `${entry.collection === 'actors' ? 'actor' : 'place'}:${entry.id}`;
    index[key] = { kind: parsed.data.kind, name: parsed.data.name };
  }
  return index;
}
