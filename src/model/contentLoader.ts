/**
 * The content loaders of the three collections (Astro's Content Loader API),
 * all fed by one run of the content pipeline (`contentPipeline.ts`): every
 * file read, checked and rendered once, articles on worker threads.
 *
 * ```ts
 * // src/content.config.ts
 * const loaders = contentLoaders({ contentDir: './content' });
 * articles: defineCollection({ loader: loaders.articles, schema: articleSchema }),
 * ```
 *
 * If any file has a problem, nothing is stored and the sync stops with every
 * problem listed (`ContentError`: file › field: message. Fix: …), so no page
 * is built from half-checked content. Articles are stored with their
 * validated frontmatter only; their HTML and annotations wait on disk
 * (`renderedArticles.ts`) for the pages. Actor and place profiles are small
 * and rendered by Astro's own Markdown processor (`renderMarkdown`).
 *
 * Under `astro dev` each loader watches its folder: a saved article is
 * checked and rendered again on its own, and a problem is reported in the
 * terminal while the last good version stays on screen.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { checkFile } from './checkContent.ts';
import type { CollectionName } from './contentFiles.ts';
import { readContentFile } from './contentFiles.ts';
import {
  type PipelineEntry,
  type PipelineOptions,
  type PipelineResult,
  processFile,
  runContentPipeline,
  takeEarly,
} from './contentPipeline.ts';
import { parseEntry } from './parseEntry.ts';
import { ContentError } from './problems.ts';
import { pruneRendered, renderedArticlesDir, renderedFile } from './renderedArticles.ts';

export interface ContentLoaderOptions {
  /** The folder holding `articles/`, `actors/` and `places/`, relative to the project root or absolute. */
  contentDir: string;
}

/**
 * One pipeline run per sync, shared by the three loaders: a loader that has
 * already taken the current run starts the next one (a later sync).
 */
function sharedRuns(start: (context: LoaderContext) => Promise<PipelineResult>) {
  let current: { run: Promise<PipelineResult>; takenBy: Set<string> } | undefined;
  return (context: LoaderContext): Promise<PipelineResult> => {
    if (!current || current.takenBy.has(context.collection)) current = { run: start(context), takenBy: new Set() };
    current.takenBy.add(context.collection);
    return current.run;
  };
}

export function contentLoaders(options: ContentLoaderOptions): Record<CollectionName, Loader> {
  const pipeline = sharedRuns((context) => {
    const run: PipelineOptions = {
      root: fileURLToPath(context.config.root),
      contentDir: options.contentDir,
      base: context.config.base,
      renderDir: renderedArticlesDir(context.config, options.contentDir),
      warn: (message) => context.logger.warn(message),
    };
    return takeEarly(run) ?? runContentPipeline(run);
  });

  const profiles = (collection: 'actors' | 'places'): Loader => ({
    name: `backstory-${collection}`,
    load: async (context) => {
      const result = await pipeline(context);
      // The articles loader reports the problems, once, for all three collections.
      if (result.problems.length > 0) return;
      context.store.clear();
      for (const entry of result[collection]) await storeProfile(context, entry);
      watch(context, options, collection, async (file) => {
        const split = await readContentFile(file);
        const problems = split.ok ? checkFile(split.entry) : [split.problem];
        if (!split.ok || problems.length > 0) return report(context, problems);
        await storeProfile(context, {
          ...split.entry,
          data: parseEntry(split.entry).data as object,
          digest: context.generateDigest(split.entry.body),
        });
        context.logger.warn(
          `${file.file} changed: restart \`npm start\` for articles to pick up a new kind or name in their mention links`,
        );
      });
    },
  });

  return {
    articles: {
      name: 'backstory-articles',
      load: async (context) => {
        const result = await pipeline(context);
        if (result.problems.length > 0) throw new ContentError(result.problems);
        const renderDir = renderedArticlesDir(context.config, options.contentDir);
        context.store.clear();
        for (const entry of result.articles) storeArticle(context, entry);
        context.logger.info(
          `${result.articles.length} ${result.articles.length === 1 ? 'article' : 'articles'} checked, annotated and rendered`,
        );
        pruneRendered(
          renderDir,
          new Set(result.articles.map((entry) => path.basename(renderedFile(renderDir, entry.id, entry.digest)))),
        );
        watch(context, options, 'articles', async (file) => {
          const outcome = await processFile(file, result.context, renderDir);
          if (!outcome.entry) return report(context, outcome.problems);
          storeArticle(context, outcome.entry);
          context.logger.info(`${file.file}: checked and rendered`);
        });
      },
    },
    actors: profiles('actors'),
    places: profiles('places'),
  };
}

function storeArticle(context: LoaderContext, entry: PipelineEntry<object>): void {
  context.store.set({
    id: entry.id,
    data: { ...entry.data },
    digest: entry.digest,
    filePath: rootRelative(context, entry.file),
  });
}

/** Astro wants entry paths relative to the project root (the benchmark's content folder is elsewhere). */
function rootRelative(context: LoaderContext, file: string): string {
  const root = fileURLToPath(context.config.root);
  return path.relative(root, path.resolve(root, file)).split(path.sep).join('/');
}

async function storeProfile(context: LoaderContext, entry: PipelineEntry<object>): Promise<void> {
  context.store.set({
    id: entry.id,
    data: { ...entry.data },
    digest: entry.digest,
    filePath: rootRelative(context, entry.file),
    rendered: await context.renderMarkdown(entry.body),
  });
}

function report(context: LoaderContext, problems: ConstructorParameters<typeof ContentError>[0]): void {
  context.logger.error(new ContentError(problems).message);
}

/** Under `astro dev`: run `update` for each `*.md` file of `collection` that is added or changed; forget removed ones. */
function watch(
  context: LoaderContext,
  options: ContentLoaderOptions,
  collection: CollectionName,
  update: (file: { collection: CollectionName; file: string; path: string }) => Promise<void>,
): void {
  const { watcher } = context;
  if (!watcher) return;
  const root = fileURLToPath(context.config.root);
  const folder = path.resolve(root, options.contentDir, collection);
  // Vite watches the project; a content folder elsewhere (CONTENT_DIR) is added.
  watcher.add(folder);
  const fileOf = (changed: string) => {
    if (path.dirname(changed) !== folder || !changed.endsWith('.md')) return undefined;
    return { collection, file: path.posix.join(options.contentDir, collection, path.basename(changed)), path: changed };
  };
  const onChange = (changed: string) => {
    const file = fileOf(changed);
    if (file) void update(file).catch((error) => context.logger.error(String(error)));
  };
  watcher.on('change', onChange);
  watcher.on('add', onChange);
  watcher.on('unlink', (changed) => {
    if (fileOf(changed)) context.store.delete(path.basename(changed, '.md'));
  });
}
