/**
 * A worker thread that draws the build's preview images (`previewSet.ts`)
 * while Astro renders pages on the main thread, and posts back where each
 * card's file is: `{ drawn }`, or `{ error }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { drawPreviewSet, previewImageList } from './previewSet.ts';

const { root, contentDir, cacheDir } = workerData as { root: string; contentDir: string; cacheDir: string };
try {
  const drawn = await drawPreviewSet(root, await previewImageList(root, contentDir), cacheDir);
  parentPort?.postMessage({ drawn });
} catch (error) {
  parentPort?.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
