/**
 * One article, from its file to what the site publishes, in a single pass:
 * the frontmatter against the zod schema, the Markdown rendered with the
 * annotation plugins, and the checks that need the text (phrases, quotes and
 * aliases in the body, dates against their phrases, safe Markdown, editor
 * directives), all on one parse of the body.
 *
 * The build runs it on worker threads (`contentPipeline.ts`); the content
 * check, the annotation report and the tests run it here. Either way an
 * article with a problem is never published: `rendered` is only set when
 * `problems` is empty.
 */
import { VFile } from 'vfile';
import type { PackedAnnotations } from '../annotate/packed.ts';
import { type ArticleProcessor, articleProcessor } from '../annotate/processor.ts';
import type { ArticleAnnotations } from '../annotate/types.ts';
import { type CheckContext, checkArticle } from './articleChecks.ts';
import { type BodyText, readBodyText, remarkBodyText, rememberBodyText } from './bodyText.ts';
import type { RawEntry } from './contentFiles.ts';
import { parseEntry } from './parseEntry.ts';
import type { ContentProblem } from './problems.ts';
import type { Article } from './schema.ts';
import { zodProblems } from './zodProblems.ts';

/** What an article publishes: its HTML and the annotations the pages read (packed, see `packed.ts`). */
export interface RenderedArticle {
  html: string;
  annotations: PackedAnnotations | ArticleAnnotations;
}

export interface ProcessedArticle {
  problems: ContentProblem[];
  /** The frontmatter as the schema reads it; absent when it does not validate. */
  article?: Article | undefined;
  /** Absent whenever there is a problem. */
  rendered?: RenderedArticle | undefined;
}

// One frozen processor per context: building one costs more than rendering a short article.
const processors = new WeakMap<CheckContext, ArticleProcessor>();
function processorFor(context: CheckContext): ArticleProcessor {
  let processor = processors.get(context);
  if (!processor) {
    processor = articleProcessor(context, { inspect: remarkBodyText });
    processors.set(context, processor);
  }
  return processor;
}

export async function processArticle(entry: RawEntry, context: CheckContext): Promise<ProcessedArticle> {
  const parsed = parseEntry(entry);
  if (!parsed.success) return { problems: zodProblems(entry, parsed.error) };
  const article = parsed.data as Article;
  const file = new VFile({
    value: entry.body,
    path: entry.file,
    data: { astro: { frontmatter: { ...article } }, article },
  });
  const problems: ContentProblem[] = [];
  let html: string | undefined;
  try {
    html = String(await processorFor(context).process(file));
  } catch (error) {
    problems.push(renderProblem(entry, file, error));
  }
  // Read on the processor's own parse; a file that failed before the parse was read is read here.
  const bodyText: BodyText = file.data.bodyText ?? readBodyText(entry.body);
  rememberBodyText(entry, bodyText);
  problems.push(...checkArticle(entry, article, context));
  const annotations = file.data.astro?.frontmatter?.annotations as RenderedArticle['annotations'] | undefined;
  if (problems.length > 0 || html === undefined || annotations === undefined) return { problems, article };
  return { problems, article, rendered: { html, annotations } };
}

/**
 * A failed render as a problem at its line: the annotation plugins fail a file
 * with `file.fail("… . Fix: …")` (e.g. a misspelt directive); anything else
 * is reported with its message, never as a bare stack trace.
 */
function renderProblem(entry: RawEntry, file: VFile, error: unknown): ContentProblem {
  const failure = file.messages.at(-1);
  if (failure?.fatal === true) {
    const [message = failure.reason, fix = 'correct the directive'] = failure.reason.split('. Fix: ');
    const line = failure.line ? entry.bodyLine + failure.line - 1 : undefined;
    return { file: entry.file, field: line ? `(body, line ${line})` : '(body)', message, fix };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    file: entry.file,
    field: '(body)',
    message: `the text could not be rendered: ${message.split('\n')[0]}`,
    fix: 'check the Markdown around the place named; if it looks right, report this message',
  };
}
