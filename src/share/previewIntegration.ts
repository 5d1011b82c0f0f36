/**
 * Astro integration for the preview images (`/og/…png`, see `previewSet.ts`).
 *
 * `astro build`: once the content is synced (and checked), a worker thread
 * draws every card into Astro's cache folder while Astro bundles and renders
 * the pages on its own thread; when the pages are written, the cards are
 * copied into the output. A card that fails to draw fails the build: a page
 * must never point at a missing image.
 *
 * `astro dev`: a card is drawn when the browser asks for it.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { type DrawnImage, drawImage, previewImageList } from './previewSet.ts';

export function previewImages({ contentDir }: { contentDir: string }): AstroIntegration {
  let root = '';
  let cacheDir = '';
  let drawing: Promise<DrawnImage[]> | undefined;
  return {
    name: 'backstory:preview-images',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        // One folder per content folder: builds of other content never prune this one's cards.
        const key = createHash('sha256').update(path.resolve(root, contentDir)).digest('hex').slice(0, 12);
        cacheDir = path.join(fileURLToPath(config.cacheDir), 'backstory', 'previews', key);
      },
      'astro:build:start': ({ logger }) => {
        drawing = drawInWorker(root, contentDir, cacheDir);
        drawing.catch(() => {}); // reported at build:done
        logger.info('preview images: drawing in the background');
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!drawing) return;
        const drawn = await drawing;
        const out = fileURLToPath(dir);
        await Promise.all(
          drawn.map(async ({ path: site, file }) => {
            const target = path.join(out, site);
            await mkdir(path.dirname(target), { recursive: true });
            await copyFile(file, target);
          }),
        );
        logger.info(`preview images: ${drawn.length} written`);
      },
      'astro:server:setup': ({ server }) => {
        const base = server.config.base.replace(/\/?$/, '/');
        server.middlewares.use(async (request, response, next) => {
          const url = new URL(request.url ?? '/', 'http://localhost');
          if (!url.pathname.startsWith(`${base}og/`) || !url.pathname.endsWith('.png')) return next();
          const site = url.pathname.slice(base.length);
          const image = (await previewImageList(root, contentDir)).find((candidate) => candidate.path === site);
          if (!image) return next();
          response.setHeader('Content-Type', 'image/png');
          response.end(await drawImage(image));
        });
      },
    },
  };
}

function drawInWorker(root: string, contentDir: string, cacheDir: string): Promise<DrawnImage[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./previewWorker.ts', import.meta.url), {
      workerData: { root, contentDir, cacheDir },
    });
    worker.once('message', (message: { drawn?: DrawnImage[]; error?: string }) => {
      if (message.drawn) resolve(message.drawn);
      else reject(new Error(`The preview images could not be drawn: ${message.error}`));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The preview image worker stopped (exit code ${code})`)));
  });
}
