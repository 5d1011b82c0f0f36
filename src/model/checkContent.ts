/**
 * The content check: everything zod alone cannot say about `content/`.
 *
 * 1. each file against its zod schema (field-level messages);
 * 2. cross-references: every actor/place/event id an article uses resolves;
 * 3. the text: every event phrase, relation quote and source quote occurs in
 *    the body, and every alias occurs as whole words;
 * 4. event dates agree with their phrases (see `datePhrases.ts`);
 * 5. the body is safe: no raw HTML, no script URLs.
 *
 * It returns problems instead of throwing so that one run reports them all.
 */
import type { z } from 'astro/zod';
import { entityIndex } from '../annotate/entities.ts';
import { bodyTextOf, normaliseSpace, occursAsWords } from './bodyText.ts';
import type { CollectionName, RawEntry } from './contentFiles.ts';
import { checkEventDate } from './datePhrases.ts';
import { directiveProblemsOf, entitiesKey } from './directiveCheck.ts';
import { parseEntry } from './parseEntry.ts';
import type { ContentProblem } from './problems.ts';
import { type Article, slugSchema } from './schema.ts';

const collectionFolder: Record<CollectionName, string> = {
  articles: 'content/articles',
  actors: 'content/actors',
  places: 'content/places',
};

export function checkContent(entries: readonly RawEntry[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const ids: Record<CollectionName, Set<string>> = { articles: new Set(), actors: new Set(), places: new Set() };
  const articles: { entry: RawEntry; article: Article }[] = [];

  for (const entry of entries) {
    const seen = ids[entry.collection];
    const idCheck = slugSchema.safeParse(entry.id);
    if (!idCheck.success) {
      problems.push({
        file: entry.file,
        field: '(file name)',
        message: `"${entry.id}" is not a valid id`,
        fix: `rename the file to a lowercase slug such as "${suggestSlug(entry.id)}.md"`,
      });
    }
    if (seen.has(entry.id)) {
      problems.push({
        file: entry.file,
        field: '(file name)',
        message: `the id "${entry.id}" is used by another file in ${collectionFolder[entry.collection]}`,
        fix: 'give each file a unique name',
      });
    }
    seen.add(entry.id);
    const parsed = parseEntry(entry);
    if (!parsed.success) {
      problems.push(...zodProblems(entry, parsed.error));
      continue;
    }
    if (entry.collection === 'articles') articles.push({ entry, article: parsed.data as Article });
  }

  const entities = entityIndex(entries);
  const key = entitiesKey(entities);
  for (const { entry, article } of articles) {
    problems.push(...checkArticle(entry, article, ids), ...directiveProblemsOf(entry, entities, key));
  }
  return problems;
}

function zodProblems(entry: RawEntry, error: z.ZodError): ContentProblem[] {
  return error.issues.map((issue) => {
    const field = describePath(entry.data, issue.path);
    if (issue.code === 'unrecognized_keys') {
      return {
        file: entry.file,
        field: field || '(frontmatter)',
        message: `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`,
        fix: 'remove it or fix its spelling (see src/model/schema.ts for the allowed fields)',
      };
    }
    const received = valueAt(entry.data, issue.path);
    const message = received === undefined && issue.code === 'invalid_type' ? 'is required but missing' : issue.message;
    return { file: entry.file, field: field || '(frontmatter)', message, fix: fixFor(issue, received) };
  });
}

function fixFor(issue: z.core.$ZodIssue, received: unknown): string {
  if (issue.code === 'invalid_type') {
    return received === undefined
      ? `add the field (expected ${issue.expected})`
      : `write a ${issue.expected} here, not ${JSON.stringify(received)}`;
  }
  if (issue.code === 'invalid_value') return `use one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return `replace ${JSON.stringify(received)} with a value as described`;
}

/** `events.2.date` → `events[2].date ("istanbul-summit")` so editors find the entry. */
function describePath(data: unknown, path: readonly PropertyKey[]): string {
  let out = '';
  let node: unknown = data;
  for (const key of path) {
    if (typeof key === 'number') {
      out += `[${key}]`;
      node = Array.isArray(node) ? node[key] : undefined;
      const label = labelOf(node);
      if (label) out += `{${label}}`;
    } else {
      out += out ? `.${String(key)}` : String(key);
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[String(key)] : undefined;
    }
  }
  return out.replace(/\{([^}]*)\}/g, ' ("$1")');
}

function labelOf(node: unknown): string | undefined {
  if (node && typeof node === 'object' && 'id' in node && typeof node.id === 'string') return node.id;
  return undefined;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node = data;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

const INVISIBLE: Record<string, string> = {
  '\u00A0': 'NO-BREAK SPACE',
  '\u200B': 'ZERO WIDTH SPACE',
  '\u200C': 'ZERO WIDTH NON-JOINER',
  '\u200D': 'ZERO WIDTH JOINER',
  '\u2060': 'WORD JOINER',
  '\uFEFF': 'ZERO WIDTH NO-BREAK SPACE',
};

/** Two spellings that look the same but are not: say what the eye cannot see. */
function invisibleDifference(alias: string, text: string, caseSensitive: boolean): string {
  const hidden = [...new Set([...alias].filter((c) => c in INVISIBLE))].map(
    (c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')} ${INVISIBLE[c]}`,
  );
  if (hidden.length > 0) return ` (it contains the invisible character ${hidden.join(', ')})`;
  if (alias.normalize('NFC') !== alias)
    return ' (it is written with combining accents: retype it, or normalise it to NFC)';
  if (occursAsWords(text.normalize('NFC'), alias, caseSensitive)) {
    return ' (the text spells it with combining accents that look the same: normalise the article to NFC)';
  }
  return '';
}

function suggestSlug(id: string): string {
  return (
    id
      .normalize('NFKD')
      .replace(/\p{M}/gu, '') // "ḥaftar" → "haftar", not "h-aftar"
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'my-article'
  );
}

function checkArticle(entry: RawEntry, article: Article, ids: Record<CollectionName, Set<string>>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const add = (field: string, message: string, fix: string) => problems.push({ file: entry.file, field, message, fix });
  const body = bodyTextOf(entry);
  const fullText = body.blocks.map((b) => b.text).join('\n');

  if (article.updated && article.updated < article.published) {
    add(
      'updated',
      `the update date ${article.updated} is before the publication date ${article.published}`,
      'correct `updated` (or `published`)',
    );
  }
  if (body.blocks.length === 0)
    add('(body)', 'the article has no text', 'write the article text below the frontmatter');
  for (const unsafe of body.unsafe) add(`(body, line ${entry.bodyLine + unsafe.line - 1})`, unsafe.message, unsafe.fix);

  // Entity references: declared once, resolving to a file, aliases unambiguous and present.
  const aliasOwner = new Map<string, string>();
  for (const [kind, refs] of [
    ['actors', article.actors],
    ['places', article.places],
  ] as const) {
    const declared = new Set<string>();
    refs.forEach((ref, i) => {
      const field = `${kind}[${i}] ("${ref.id}")`;
      if (declared.has(ref.id))
        add(`${field}.id`, `"${ref.id}" is listed twice`, `merge the two entries for "${ref.id}" into one`);
      declared.add(ref.id);
      if (!ids[kind].has(ref.id))
        add(
          `${field}.id`,
          `no ${kind === 'actors' ? 'actor' : 'place'} "${ref.id}" exists`,
          `create ${collectionFolder[kind]}/${ref.id}.md or correct the id`,
        );
      ref.aliases.forEach((alias, j) => {
        const aliasText = typeof alias === 'string' ? alias : alias.text;
        const caseSensitive = typeof alias === 'string' ? true : alias.caseSensitive;
        const key = aliasText.toLowerCase();
        const owner = aliasOwner.get(key);
        const entity = `${kind === 'actors' ? 'actor' : 'place'}:${ref.id}`;
        if (owner && owner !== entity)
          add(
            `${field}.aliases[${j}]`,
            `the alias "${aliasText}" is also declared for ${owner}`,
            'keep the alias on one entity and mark the other sense with a directive in the text',
          );
        aliasOwner.set(key, entity);
        if (!occursAsWords(fullText, aliasText, caseSensitive))
          add(
            `${field}.aliases[${j}]`,
            `the alias "${aliasText}" does not occur in the text as whole words${caseSensitive ? ' (case-sensitive)' : ''}${invisibleDifference(aliasText, fullText, caseSensitive)}`,
            'correct the spelling to match the text, or remove the alias',
          );
      });
    });
  }
  const declaredActors = new Set(article.actors.map((a) => a.id));
  const declaredPlaces = new Set(article.places.map((p) => p.id));

  // Events: unique ids, declared actors and place, phrase in the text, date agrees with phrase.
  const eventsById = new Map(article.events.map((event) => [event.id, event]));
  const seenEvents = new Set<string>();
  article.events.forEach((event, i) => {
    const field = `events[${i}] ("${event.id}")`;
    if (seenEvents.has(event.id))
      add(`${field}.id`, `the event id "${event.id}" is used twice`, 'give every event of the article its own id');
    seenEvents.add(event.id);
    event.actors.forEach((actor, j) => {
      if (!declaredActors.has(actor))
        add(
          `${field}.actors[${j}]`,
          `"${actor}" is not declared in this article's actors`,
          `add { id: ${actor}, aliases: [...] } to actors, or correct the id`,
        );
    });
    if (event.place && !declaredPlaces.has(event.place))
      add(
        `${field}.place`,
        `"${event.place}" is not declared in this article's places`,
        `add { id: ${event.place}, aliases: [...] } to places, or correct the id`,
      );
    if (!occursAsWords(fullText, normaliseSpace(event.phrase))) {
      add(
        `${field}.phrase`,
        `the phrase "${event.phrase}" does not occur in the text`,
        'copy the date words exactly as they appear in the body',
      );
      return;
    }
    let anchor: { id: string; date: string; precision: typeof event.precision } | undefined;
    if (event.after) {
      const other = eventsById.get(event.after);
      if (!other || other === event) {
        add(
          `${field}.after`,
          `"${event.after}" is not another event of this article`,
          'set `after` to the id of the event this phrase counts from',
        );
        return;
      }
      anchor = { id: other.id, date: other.date, precision: other.precision };
    }
    const verdict = checkEventDate(event, { published: article.published, ...(anchor ? { anchor } : {}) });
    if (!verdict.ok) add(`${field}.date`, verdict.message, 'correct the date, or the phrase if it was copied wrongly');
  });

  // Relations and sources: declared actors, quotes verbatim in the text.
  article.relations.forEach((relation, i) => {
    const field = `relations[${i}]`;
    for (const end of ['from', 'to'] as const) {
      if (!declaredActors.has(relation[end]))
        add(
          `${field}.${end}`,
          `"${relation[end]}" is not declared in this article's actors`,
          'declare the actor in `actors` or correct the id',
        );
    }
    if (relation.from === relation.to)
      add(`${field}.to`, 'a relation must join two different actors', 'correct `from` or `to`');
    if (!fullText.includes(normaliseSpace(relation.quote)))
      add(`${field}.quote`, 'the quote does not occur in the text', 'copy the supporting words exactly from the body');
  });
  const seenSources = new Set<string>();
  article.sources.forEach((source, i) => {
    const field = `sources[${i}] ("${source.id}")`;
    if (seenSources.has(source.id))
      add(`${field}.id`, `the source id "${source.id}" is used twice`, 'give every source its own id');
    seenSources.add(source.id);
    if (source.actor && !declaredActors.has(source.actor))
      add(
        `${field}.actor`,
        `"${source.actor}" is not declared in this article's actors`,
        'declare the actor in `actors` or correct the id',
      );
    if (!fullText.includes(normaliseSpace(source.quote)))
      add(`${field}.quote`, 'the quote does not occur in the text', 'copy the attribution exactly from the body');
  });
  return problems;
}
