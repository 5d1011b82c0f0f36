/**
 * The editors' override directives (`:actor[Moscow]{#russia}`) checked by the
 * very plugin that renders them, before anything is rendered: a misspelt
 * directive or an undeclared id stops the build in the content check instead
 * of failing halfway through writing pages.
 */
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import remarkOverrides from '../annotate/remarkOverrides.ts';
import type { EntityInfo } from '../annotate/types.ts';
import type { RawEntry } from './contentFiles.ts';
import type { ContentProblem } from './problems.ts';

type Entities = Readonly<Record<string, EntityInfo>>;

/**
 * `tree`: the body already parsed the same way (`parseBody` in bodyText.ts:
 * remark-parse with the directive syntax); the plugin changes it, so it must
 * not be used afterwards.
 */
export function directiveProblems(entry: RawEntry, entities: Entities, tree?: Root): ContentProblem[] {
  const file = new VFile({
    value: entry.body,
    path: entry.file,
    data: { astro: { frontmatter: entry.data as Record<string, unknown> } },
  });
  const processor = processorFor(entities);
  try {
    processor.runSync(tree ?? processor.parse(file), file);
    return [];
  } catch (error) {
    // `file.fail` records the message on the file before throwing it.
    const failure = file.messages.at(-1);
    if (failure?.fatal !== true) throw error;
    const [message = failure.reason, fix = 'correct the directive'] = failure.reason.split('. Fix: ');
    const line = failure.line ? entry.bodyLine + failure.line - 1 : undefined;
    return [{ file: entry.file, field: line ? `(body, line ${line})` : '(body)', message, fix }];
  }
}

// One frozen processor per entity index, not one per article.
const processors = new WeakMap<Entities, ReturnType<typeof makeProcessor>>();
function makeProcessor(entities: Entities) {
  return unified().use(remarkParse).use(remarkOverrides, { base: '/', entities }).freeze();
}
function processorFor(entities: Entities) {
  let processor = processors.get(entities);
  if (!processor) {
    processor = makeProcessor(entities);
    processors.set(entities, processor);
  }
  return processor;
}

/**
 * What `directiveProblems` says about the entry, worked out ahead (by the
 * parallel content reader, on the tree it parsed anyway) for the entity index
 * whose `entitiesKey` is `key`.
 */
export function rememberDirectiveProblems(entry: RawEntry, key: string, problems: ContentProblem[]): void {
  known.set(entry, { key, problems });
}

/** `directiveProblems(entry, entities)`, from what was worked out ahead when it was for the same entities. */
export function directiveProblemsOf(
  entry: RawEntry,
  entities: Entities,
  key = entitiesKey(entities),
): ContentProblem[] {
  const ahead = known.get(entry);
  return ahead?.key === key ? ahead.problems : directiveProblems(entry, entities);
}

/** Identifies an entity index by its content. */
export function entitiesKey(entities: Entities): string {
  return JSON.stringify(entities);
}

const known = new WeakMap<RawEntry, { key: string; problems: ContentProblem[] }>();
