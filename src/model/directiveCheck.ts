/**
 * The editors' override directives (`:actor[Moscow]{#russia}`) checked by the
 * very plugin that renders them, before anything is rendered: a misspelt
 * directive or an undeclared id stops the build in the content check instead
 * of failing halfway through writing pages.
 */
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import remarkOverrides from '../annotate/remarkOverrides.ts';
import type { EntityInfo } from '../annotate/types.ts';
import type { RawEntry } from './contentFiles.ts';
import type { ContentProblem } from './problems.ts';

export function directiveProblems(entry: RawEntry, entities: Readonly<Record<string, EntityInfo>>): ContentProblem[] {
  const file = new VFile({
    value: entry.body,
    path: entry.file,
    data: { astro: { frontmatter: entry.data as Record<string, unknown> } },
  });
  const processor = unified().use(remarkParse).use(remarkOverrides, { base: '/', entities });
  try {
    processor.runSync(processor.parse(file), file);
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
