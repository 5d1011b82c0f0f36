/**
 * The checks of one article that zod alone cannot make: its references
 * resolve, its aliases, event phrases and quotes occur in its text, its event
 * dates agree with their phrases (see `datePhrases.ts`), its body is safe.
 * They read the text as rendered (`bodyTextOf`, recorded by `processArticle`).
 */
import type { EntityInfo } from '../annotate/types.ts';
import { bodyTextOf, normaliseSpace, occursAsWords } from './bodyText.ts';
import type { CollectionName, RawEntry } from './contentFiles.ts';
import { checkEventDate } from './datePhrases.ts';
import type { ContentProblem } from './problems.ts';
import type { Article } from './schema.ts';

export const collectionFolder: Record<CollectionName, string> = {
  articles: 'content/articles',
  actors: 'content/actors',
  places: 'content/places',
};

/** The ids of the actor and place files, valid or not (a broken file is reported once, as itself). */
export interface ProfileIds {
  actors: ReadonlySet<string>;
  places: ReadonlySet<string>;
}

/** What an article is checked against: the site's entities and which profile files exist. */
export interface CheckContext {
  /** The site's base path, for mention links. */
  base: string;
  /** Every actor and place of the site (kind and name), keyed `actor:<id>` / `place:<id>`. */
  entities: Readonly<Record<string, EntityInfo>>;
  ids: ProfileIds;
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

/** The checks of an article that need its text (`bodyTextOf`) and the site's profiles. */
export function checkArticle(entry: RawEntry, article: Article, { ids }: CheckContext): ContentProblem[] {
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
