/**
 * The annotation report: for each article, what the plugins annotated and
 * what they did not, computed from the real processor's output.
 *
 * - every declared entity with its number of mentions;
 * - declared aliases that were never annotated (the alias only occurs in
 *   links, code or headings, or is split by formatting) and event phrases that
 *   were never dated — both are failures (`reportFails`);
 * - suggestions: proper-noun-looking words and date-like phrases nothing
 *   annotates (see `suggestions.ts`).
 *
 * `scripts/annotation-report.ts` is the command line around it.
 */
import type { Root as HastRoot } from 'hast';
import { VFile } from 'vfile';
import { normaliseSpace } from '../model/bodyText.ts';
import type { RawEntry } from '../model/contentFiles.ts';
import { type Article, articleSchema } from '../model/schema.ts';
import { aliasParts } from './article.ts';
import { readStoredAnnotations } from './packed.ts';
import { articleProcessor } from './processor.ts';
import { type Suggestion, suggestAnnotations } from './suggestions.ts';
import type { AnnotateOptions, ArticleAnnotations, EntityKey } from './types.ts';

export interface ArticleReport {
  file: string;
  /** Set when the article could not be rendered (e.g. a wrong directive); nothing else is then filled in. */
  error?: string;
  entities: { entity: EntityKey; name: string; count: number }[];
  unannotatedAliases: { entity: EntityKey; alias: string }[];
  unannotatedEvents: { eventId: string; phrase: string }[];
  suggestions: Suggestion[];
}

/** Compare what the article declares with what the plugins produced. */
export function reportArticle(input: {
  file: string;
  article: Article;
  annotations: ArticleAnnotations;
  tree: HastRoot;
  entities: AnnotateOptions['entities'];
}): ArticleReport {
  const { article, annotations } = input;
  const refs = [
    ...article.actors.map((ref) => ({ entity: `actor:${ref.id}` as EntityKey, ref })),
    ...article.places.map((ref) => ({ entity: `place:${ref.id}` as EntityKey, ref })),
  ];
  const texts = new Map<EntityKey, string[]>();
  for (const mention of annotations.mentions)
    texts.set(mention.entity, [...(texts.get(mention.entity) ?? []), mention.text]);

  const unannotatedAliases: ArticleReport['unannotatedAliases'] = [];
  for (const { entity, ref } of refs) {
    for (const alias of ref.aliases) {
      const { text, caseSensitive } = aliasParts(alias);
      const wanted = normaliseSpace(text);
      const same = (seen: string) => (caseSensitive ? seen === wanted : seen.toLowerCase() === wanted.toLowerCase());
      if (!(texts.get(entity) ?? []).some(same)) unannotatedAliases.push({ entity, alias: text });
    }
  }
  return {
    file: input.file,
    entities: refs
      .map(({ entity }) => ({
        entity,
        name: input.entities[entity]?.name ?? entity,
        count: annotations.counts[entity] ?? 0,
      }))
      .sort((a, b) => b.count - a.count || (a.entity < b.entity ? -1 : 1)),
    unannotatedAliases,
    unannotatedEvents: article.events
      .filter((event) => !annotations.events[event.id])
      .map((event) => ({ eventId: event.id, phrase: event.phrase })),
    suggestions: suggestAnnotations(input.tree),
  };
}

/** Does the report show a declared alias or event phrase that was never annotated, or an error? */
export function reportFails(report: ArticleReport): boolean {
  return report.error !== undefined || report.unannotatedAliases.length > 0 || report.unannotatedEvents.length > 0;
}

/** The report as text for a terminal. */
export function formatReport(report: ArticleReport): string {
  const lines = [report.file];
  if (report.error !== undefined) return [...lines, `  ✗ cannot be rendered: ${report.error}`].join('\n');
  const total = report.entities.reduce((sum, e) => sum + e.count, 0);
  lines.push(`  ${report.entities.length} entities, ${total} mentions`);
  const width = String(Math.max(0, ...report.entities.map((e) => e.count))).length;
  for (const { entity, name, count } of report.entities)
    lines.push(`    ${String(count).padStart(width)}  ${entity} (${name})`);
  if (report.unannotatedAliases.length > 0) {
    lines.push(
      '  ✗ aliases declared but never annotated (they occur only in links, code or headings, or split by formatting):',
    );
    for (const { entity, alias } of report.unannotatedAliases) lines.push(`    ${entity}: "${alias}"`);
    lines.push('    fix: remove the alias, or mark an occurrence with :actor[…]{#id} / :place[…]{#id}');
  }
  if (report.unannotatedEvents.length > 0) {
    lines.push('  ✗ event phrases never annotated:');
    for (const { eventId, phrase } of report.unannotatedEvents) lines.push(`    ${eventId}: "${phrase}"`);
    lines.push('    fix: copy the phrase exactly from the body text, or mark it with :date[…]{#event-id}');
  }
  for (const kind of ['name', 'date'] as const) {
    const found = report.suggestions.filter((s) => s.kind === kind);
    if (found.length === 0) continue;
    lines.push(`  suggestions: ${kind === 'name' ? 'names' : 'date phrases'} nothing annotates`);
    for (const s of found)
      lines.push(`    "${s.text}"${s.count > 1 ? ` ×${s.count}` : ''} (first in #${s.paragraphId})`);
  }
  if (!reportFails(report)) lines.push('  ✓ every declared alias and event phrase is annotated');
  return lines.join('\n');
}

/** Render articles with the build's article processor (`processor.ts`) and report on each. */
export async function createAnnotationReporter(
  options: AnnotateOptions,
): Promise<(entry: RawEntry) => Promise<ArticleReport>> {
  let tree: HastRoot | undefined;
  const captureTree = () => (rendered: HastRoot) => {
    tree = structuredClone(rendered);
  };
  const processor = articleProcessor(options, { inspectHtml: captureTree });
  return async (entry) => {
    const empty: ArticleReport = {
      file: entry.file,
      entities: [],
      unannotatedAliases: [],
      unannotatedEvents: [],
      suggestions: [],
    };
    const parsed = articleSchema.safeParse(entry.data);
    if (!parsed.success) return { ...empty, error: 'the frontmatter is invalid (run npm run check:content)' };
    tree = undefined;
    let frontmatter: Record<string, unknown>;
    try {
      const file = new VFile({
        value: entry.body,
        data: { astro: { frontmatter: { ...parsed.data } }, article: parsed.data },
      });
      await processor.process(file);
      frontmatter = file.data.astro?.frontmatter ?? {};
    } catch (error) {
      return { ...empty, error: messageOf(error) };
    }
    const annotations = readStoredAnnotations(frontmatter.annotations);
    if (!annotations || !tree) return { ...empty, error: 'the annotation plugins produced nothing' };
    return reportArticle({ file: entry.file, article: parsed.data, annotations, tree, entities: options.entities });
  };
}

function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // The processor prefixes "Failed to parse Markdown file …:"; keep the reason and its position.
  const place = (error as Partial<VFile['messages'][number]> | null)?.place;
  const line = place && 'start' in place ? place.start.line : place && 'line' in place ? place.line : undefined;
  const reason = message.split('\n').at(-1) ?? message;
  return line === undefined ? reason : `line ${line} of the body: ${reason}`;
}
