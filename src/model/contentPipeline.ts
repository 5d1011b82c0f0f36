/**
 * The build's content pipeline: every file of `content/` read, checked and,
 * for articles, rendered with the annotation plugins, once.
 *
 * 1. the folders are listed; actor and place files (a few dozen) are read and
 *    checked here: every article needs their ids, kinds and names;
 * 2. the articles are shared out to worker threads (`contentWorker.ts`), each
 *    running `processArticle` on its run of files and writing every clean
 *    article's HTML, annotations and relations layout (the one costly part
 *    of an article page) to `renderDir` (`renderedArticles.ts`);
 * 3. the results come back in file order, with every problem of every file.
 *
 * Nothing is published unless there are no problems at all: the loader
 * (`contentLoader.ts`) refuses the whole sync otherwise.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { relationsGraph } from '../derive/relationsLayout.ts';
import type { CheckContext } from './articleChecks.ts';
import { checkContext, checkFile, checkFiles } from './checkContent.ts';
import {
  type CollectionName,
  type ContentFile,
  listContentFiles,
  type RawEntry,
  readContentFile,
} from './contentFiles.ts';
import { parseEntry } from './parseEntry.ts';
import type { ContentProblem } from './problems.ts';
import { processArticle, type RenderedArticle } from './processArticle.ts';
import { type PublishedArticle, writeRendered } from './renderedArticles.ts';
import type { Actor, Article, Place } from './schema.ts';

export interface PipelineOptions {
  /** Absolute project root. */
  root: string;
  /** Folder of the three collections, relative to `root` or absolute. */
  contentDir: string;
  /** The site's base path, for mention links. */
  base: string;
  /** Where each clean article's HTML and annotations are written. */
  renderDir: string;
  /** Worker threads for the articles; 0 renders them all on this thread. Default: one per core, at most 4. */
  threads?: number | undefined;
  /** Told when a worker thread fails and its share is rendered on this thread instead. */
  warn?: ((message: string) => void) | undefined;
}

/** An entry ready for Astro's content store. */
export interface PipelineEntry<Data> {
  id: string;
  /** Path shown to editors: `content/articles/x.md`. */
  file: string;
  data: Data;
  /** Changes whenever what the site shows of the file may change. */
  digest: string;
  body: string;
}

export interface PipelineResult {
  /** Every problem of every file; when there is any, nothing may be published. */
  problems: ContentProblem[];
  articles: PipelineEntry<Article>[];
  actors: PipelineEntry<Actor>[];
  places: PipelineEntry<Place>[];
  /** What the articles were checked and annotated against (the dev server re-renders a saved article with it). */
  context: CheckContext;
}

/** What a worker (or this thread) reports for one article file. */
export interface ArticleOutcome {
  file: string;
  problems: ContentProblem[];
  entry?: PipelineEntry<Article> | undefined;
}

/**
 * A run started before Astro asks for it: `astro build` spends seconds
 * setting up (Vite, the content config) between reading its config and
 * syncing content, and the workers can use them. The integration starts the
 * run (`startEarly`), the loader takes it (`takeEarly`) if it was started with
 * the same options, else starts its own. Shared through globalThis: the
 * integration and the loader live in different module graphs of one process.
 */
const EARLY = Symbol.for('backstory.contentPipeline.early');
type Early = { key: string; run: Promise<PipelineResult> };
const scope = globalThis as typeof globalThis & { [EARLY]?: Early };

function keyOf({ root, contentDir, base, renderDir }: PipelineOptions): string {
  return JSON.stringify([root, contentDir, base, renderDir]);
}

export function startEarly(options: PipelineOptions): void {
  const run = runContentPipeline(options);
  run.catch(() => {}); // the loader reports it when it takes the run
  scope[EARLY] = { key: keyOf(options), run };
}

export function takeEarly(options: PipelineOptions): Promise<PipelineResult> | undefined {
  const early = scope[EARLY];
  delete scope[EARLY];
  return early?.key === keyOf(options) ? early.run : undefined;
}

/** Below this many articles a worker's start-up (≈0.3 s) costs more than it saves. */
const PARALLEL_FROM = 48;

export async function runContentPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const { files, problems } = await listContentFiles(options.root, options.contentDir);
  const byCollection = (collection: CollectionName) => files.filter((file) => file.collection === collection);

  const profiles: RawEntry[] = [];
  for (const result of await Promise.all([...byCollection('actors'), ...byCollection('places')].map(readContentFile))) {
    if (result.ok) profiles.push(result.entry);
    else problems.push(result.problem);
  }
  problems.push(...checkFiles(profiles));
  const context = checkContext(profiles, options.base);

  const articleFiles = byCollection('articles');
  const threads =
    articleFiles.length >= PARALLEL_FROM
      ? Math.max(0, Math.floor(options.threads ?? Math.min(4, availableParallelism())))
      : 0;
  const outcomes =
    threads > 0
      ? await processInWorkers(articleFiles, context, options, threads)
      : await processFiles(articleFiles, context, options.renderDir);

  const articles: PipelineEntry<Article>[] = [];
  for (const outcome of outcomes) {
    problems.push(...outcome.problems);
    if (outcome.entry) articles.push(outcome.entry);
  }
  // What the pages get is the parsed frontmatter, with the schema's defaults filled in (an actor written
  // without `aliases:` has `aliases: []`), as for articles; a file that did not parse has a problem above,
  // which stops the build before any page reads it.
  const entriesOf = <Data>(collection: CollectionName): PipelineEntry<Data>[] =>
    profiles
      .filter((entry) => entry.collection === collection)
      .map((entry) => {
        const parsed = parseEntry(entry);
        const data = parsed.success ? parsed.data : entry.data;
        return {
          id: entry.id,
          file: entry.file,
          data: data as Data,
          body: entry.body,
          digest: digestOf(entry.file, entry.body, JSON.stringify(data)),
        };
      });
  return { problems, articles, actors: entriesOf<Actor>('actors'), places: entriesOf<Place>('places'), context };
}

/**
 * Reads, checks and renders `files` in order on this thread: what each worker
 * runs on its share, and what a small site runs without workers.
 */
export async function processFiles(
  files: readonly ContentFile[],
  context: CheckContext,
  renderDir: string,
): Promise<ArticleOutcome[]> {
  const outcomes: ArticleOutcome[] = [];
  for (const file of files) outcomes.push(await processFile(file, context, renderDir));
  return outcomes;
}

/**
 * One article file, read, checked and rendered; when it is clean, its HTML,
 * annotations and relations are written to `renderDir` and its entry comes
 * back (the dev server runs this for a saved file).
 */
export async function processFile(
  file: ContentFile,
  context: CheckContext,
  renderDir: string,
): Promise<ArticleOutcome> {
  const split = await readContentFile(file);
  if (!split.ok) return { file: file.file, problems: [split.problem] };
  const { entry } = split;
  const problems = checkFile(entry);
  if (problems.length > 0) return { file: entry.file, problems };
  const processed = await processArticle(entry, context);
  if (!processed.rendered || !processed.article || processed.problems.length > 0) {
    return { file: entry.file, problems: processed.problems };
  }
  const digest = digestOf(entry.file, entry.body, JSON.stringify(entry.data), context.base, contextKey(context));
  writeRendered(renderDir, entry.id, digest, published(processed.rendered, processed.article, context));
  return {
    file: entry.file,
    problems: [],
    entry: { id: entry.id, file: entry.file, data: processed.article, digest, body: entry.body },
  };
}

/**
 * What the pages read of a clean article: its HTML and annotations, and its
 * relations laid out once (the page fits them to its drawings), actors in the
 * article's order.
 */
function published(rendered: RenderedArticle, article: Article, { entities }: CheckContext): PublishedArticle {
  const actors = article.actors.flatMap((ref) => {
    const entity = entities[`actor:${ref.id}`];
    return entity ? [{ id: ref.id, name: entity.name, kind: entity.kind }] : [];
  });
  return { ...rendered, relations: relationsGraph(article.relations, actors) };
}

/** The context as a worker receives it: sets travel as arrays. */
export interface WorkerContext {
  base: string;
  entities: CheckContext['entities'];
  ids: { actors: string[]; places: string[] };
}

export function toWorker(context: CheckContext): WorkerContext {
  return {
    base: context.base,
    entities: context.entities,
    ids: { actors: [...context.ids.actors], places: [...context.ids.places] },
  };
}

export function fromWorker(context: WorkerContext): CheckContext {
  return { ...context, ids: { actors: new Set(context.ids.actors), places: new Set(context.ids.places) } };
}

/**
 * The files cut into `threads` runs of about equal size, one worker each,
 * results in file order. A worker that cannot start or fails leaves its run
 * to this thread, so a build never depends on threads being available.
 */
async function processInWorkers(
  files: readonly ContentFile[],
  context: CheckContext,
  { renderDir, warn }: PipelineOptions,
  threads: number,
): Promise<ArticleOutcome[]> {
  const size = Math.ceil(files.length / threads);
  const runs = Array.from({ length: threads }, (_, i) => files.slice(i * size, (i + 1) * size)).filter(
    (run) => run.length > 0,
  );
  const done = await Promise.all(
    runs.map((run) =>
      processInWorker(run, context, renderDir).catch((error: unknown) => {
        warn?.(
          `a content worker failed (${error instanceof Error ? error.message : String(error)}): rendering its ${run.length} articles on the main thread`,
        );
        return processFiles(run, context, renderDir);
      }),
    ),
  );
  return done.flat();
}

function processInWorker(
  files: readonly ContentFile[],
  context: CheckContext,
  renderDir: string,
): Promise<ArticleOutcome[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./contentWorker.ts', import.meta.url), {
      workerData: { files, context: toWorker(context), renderDir },
    });
    worker.once('message', (outcomes: ArticleOutcome[]) => {
      resolve(outcomes);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`content worker exited with ${code}`)));
  });
}

/** Identifies what the annotations depend on besides the file: the entities' kinds and names. */
function contextKey(context: CheckContext): string {
  return JSON.stringify(context.entities);
}

function digestOf(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex').slice(0, 16);
}
