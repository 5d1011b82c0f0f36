/**
 * A worker thread of the parallel content reader (`readContentDir` with
 * `threads`): reads and splits its run of files, works out what the content
 * check needs of each article (body text, directive check), and posts the
 * results back in order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type AheadOptions, type ContentFile, readFiles } from './contentFiles.ts';

const { files, ahead } = workerData as { files: ContentFile[]; ahead: AheadOptions };
parentPort?.postMessage((await readFiles(files, ahead)).results);
