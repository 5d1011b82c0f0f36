/**
 * A worker thread that draws preview cards (see previewRendering.ts): one card
 * at a time, `{ node }` in, `{ png }` or `{ error }` out.
 */
import { parentPort } from 'node:worker_threads';
import { loadPreviewFonts } from './previewFonts.ts';
import { type PreviewNode, renderPreviewPng } from './previewImage.ts';

const port = parentPort;
if (port) {
  const fonts = loadPreviewFonts();
  port.on('message', async ({ node }: { node: PreviewNode }) => {
    try {
      const png = await renderPreviewPng(node, await fonts);
      port.postMessage({ png }, [png.buffer]);
    } catch (error) {
      port.postMessage({ error: String(error) });
    }
  });
}
