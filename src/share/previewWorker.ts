/**
 * A worker thread that draws preview cards (see previewRendering.ts). It gets
 * the build's whole list of cards once, `{ id, nodes, claims, cursor }`, and
 * takes them from the end: `cursor` (shared) counts down the cards no worker
 * has looked at, and a card is drawn here only if `claims[i]` goes from 0 (nobody)
 * to `id` (this worker) — a route that wanted it first has set it already.
 * Each card drawn goes back as `{ index, png }` or `{ index, error }`.
 */
import { parentPort } from 'node:worker_threads';
import { loadPreviewFonts } from './previewFonts.ts';
import { type PreviewNode, renderPreviewPng } from './previewImage.ts';

interface Work {
  id: number;
  nodes: PreviewNode[];
  claims: Int32Array;
  cursor: Int32Array;
}

const port = parentPort;
if (port) {
  const fonts = loadPreviewFonts();
  port.on('message', async ({ id, nodes, claims, cursor }: Work) => {
    for (let index = Atomics.sub(cursor, 0, 1) - 1; index >= 0; index = Atomics.sub(cursor, 0, 1) - 1) {
      const node = nodes[index];
      if (!node || Atomics.compareExchange(claims, index, 0, id) !== 0) continue;
      try {
        const png = await renderPreviewPng(node, await fonts);
        port.postMessage({ index, png }, [png.buffer]);
      } catch (error) {
        port.postMessage({ index, error: String(error) });
      }
      // Let the event loop turn: resvg's pixel buffers (native memory V8 does
      // not see) are only released then; without it a thousand cards hold GBs.
      await new Promise((resolve) => setImmediate(resolve));
    }
  });
}
