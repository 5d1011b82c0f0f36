/**
 * A worker thread of the parallel content reader (`readContentDir` with
 * `threads`): reads and splits its run of files, works out each article's
 * body text, and posts the results back in order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type ContentFile, readFiles } from './contentFiles.ts';

const { files } = workerData as { files: ContentFile[] };
parentPort?.postMessage(await readFiles(files, true));
