/**
 * A worker thread of the content pipeline (`contentPipeline.ts`): reads,
 * checks and renders its run of article files with `processFiles`, the same
 * code the pipeline runs on its own thread, and posts the outcomes back in
 * order. Each clean article's HTML and annotations go straight to disk from
 * here; only the validated frontmatter travels back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ContentFile } from './contentFiles.ts';
import { fromWorker, processFiles, type WorkerContext } from './contentPipeline.ts';

const { files, context, renderDir } = workerData as { files: ContentFile[]; context: WorkerContext; renderDir: string };
parentPort?.postMessage(await processFiles(files, fromWorker(context), renderDir));
