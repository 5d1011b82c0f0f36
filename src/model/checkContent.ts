/**
 * The content check: everything zod alone cannot say about `content/`.
 *
 * 1. each file: its name, and its frontmatter against its zod schema
 *    (field-level messages, `zodProblems.ts`);
 * 2. each article, rendered: references, text, dates and safety
 *    (`articleChecks.ts`, through `processArticle`).
 *
 * It returns problems instead of throwing so that one run reports them all.
 */
import { entityIndex } from '../annotate/entities.ts';
import { type CheckContext, collectionFolder } from './articleChecks.ts';
import type { CollectionName, RawEntry } from './contentFiles.ts';
import { parseEntry } from './parseEntry.ts';
import type { ContentProblem } from './problems.ts';
import { processArticle } from './processArticle.ts';
import { slugSchema } from './schema.ts';
import { zodProblems } from './zodProblems.ts';

/**
 * The whole check, on this thread: every file, then every article through
 * `processArticle` (rendered, so the text checks read what is published).
 * The build runs the same steps spread over worker threads (`contentPipeline.ts`).
 */
export async function checkContent(entries: readonly RawEntry[], base = '/'): Promise<ContentProblem[]> {
  const problems = checkFiles(entries);
  const context = checkContext(entries, base);
  for (const entry of entries) {
    if (entry.collection !== 'articles' || !parseEntry(entry).success) continue;
    problems.push(...(await processArticle(entry, context)).problems);
  }
  return problems;
}

/** Ids, entities and profile files of `entries`, for checking and rendering articles. */
export function checkContext(entries: readonly RawEntry[], base: string): CheckContext {
  const ids = (collection: CollectionName) =>
    new Set(entries.filter((entry) => entry.collection === collection).map((entry) => entry.id));
  return { base, entities: entityIndex(entries), ids: { actors: ids('actors'), places: ids('places') } };
}

/** What can be said of each file on its own: its name, and its frontmatter against the schema. */
export function checkFiles(entries: readonly RawEntry[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const ids: Record<CollectionName, Set<string>> = { articles: new Set(), actors: new Set(), places: new Set() };
  for (const entry of entries) {
    const seen = ids[entry.collection];
    if (seen.has(entry.id)) {
      problems.push({
        file: entry.file,
        field: '(file name)',
        message: `the id "${entry.id}" is used by another file in ${collectionFolder[entry.collection]}`,
        fix: 'give each file a unique name',
      });
    }
    seen.add(entry.id);
    problems.push(...checkFile(entry));
  }
  return problems;
}

/** One file's name and frontmatter. */
export function checkFile(entry: RawEntry): ContentProblem[] {
  const problems: ContentProblem[] = [];
  if (!slugSchema.safeParse(entry.id).success) {
    problems.push({
      file: entry.file,
      field: '(file name)',
      message: `"${entry.id}" is not a valid id`,
      fix: `rename the file to a lowercase slug such as "${suggestSlug(entry.id)}.md"`,
    });
  }
  const parsed = parseEntry(entry);
  if (!parsed.success) problems.push(...zodProblems(entry, parsed.error));
  return problems;
}

export function suggestSlug(id: string): string {
  return (
    id
      .normalize('NFKD')
      .replace(/\p{M}/gu, '') // "ḥaftar" → "haftar", not "h-aftar"
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'my-article'
  );
}
