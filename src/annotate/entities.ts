/**
 * The site's entity index (`actor:<id>` / `place:<id>` → kind and name) that
 * the annotation plugins need, built from the content files:
 *
 * ```js
 * const { entries } = await readContentDir(root);
 * articleProcessor({ base, entities: entityIndex(entries) });
 * ```
 */
import type { RawEntry } from '../model/contentFiles.ts';
import { parseEntry } from '../model/parseEntry.ts';
import type { Actor, Place } from '../model/schema.ts';
import type { EntityInfo } from './types.ts';

export function entityIndex(entries: readonly RawEntry[]): Record<string, EntityInfo> {
  const index: Record<string, EntityInfo> = {};
  for (const entry of entries) {
    if (entry.collection === 'articles') continue;
    const parsed = parseEntry(entry);
    // Invalid files are the content check's business; they simply have no entry.
    if (!parsed.success) continue;
    const data = parsed.data as Actor | Place;
    const key = `${entry.collection === 'actors' ? 'actor' : 'place'}:${entry.id}`;
    index[key] = { kind: data.kind, name: data.name };
  }
  return index;
}
