/**
 * Rendering preview cards without holding up the build. A card takes tens of
 * milliseconds of CPU; a thousand articles would add most of a minute to a
 * build that drew them one by one on Astro's thread. So when `astro build`
 * starts, the integration (`previewIntegration.ts`) queues every card for
 * worker threads on the cores Astro leaves idle, and the image routes pick
 * the finished PNGs up. A route whose card has not been started yet draws it
 * itself (and takes it off the queue); a card nobody queued (`astro dev`, a
 * build without the integration) is simply drawn by its route.
 *
 * Finished cards are kept in Astro's cache folder by a hash of what they
 * show, so a rebuild only draws the cards whose text changed.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { loadPreviewFonts } from './previewFonts.ts';
import { type PreviewNode, renderPreviewPng } from './previewImage.ts';

type Png = Uint8Array<ArrayBuffer>;

interface Job {
  key: string;
  node: PreviewNode;
  promise: Promise<Png>;
  resolve: (png: Png) => void;
  reject: (error: Error) => void;
}

/** Shared through globalThis: the integration and the routes live in different module graphs of one process. */
const REGISTRY = Symbol.for('backstory.previewImages');
interface Registry {
  /** Cards not started yet, in order. */
  queued: Map<string, Job>;
  /** Cards a worker is drawing or has drawn, or found in the cache. */
  started: Map<string, Job>;
  workers: Worker[];
  cacheDir: string | undefined;
  keys: Set<string>;
}
const scope = globalThis as typeof globalThis & { [REGISTRY]?: Registry };

/**
 * What a finished card depends on besides its tree: the drawing code. Bump
 * `DRAWING` when renderPreviewPng changes how it draws; dependency upgrades
 * change the key by themselves.
 */
const DRAWING = 1;
let drawingKey: string | undefined;
function drawing(): string {
  if (drawingKey === undefined) {
    const require = createRequire(join(process.cwd(), 'package.json'));
    const version = (name: string) => {
      try {
        return (require(`${name}/package.json`) as { version: string }).version;
      } catch {
        return '?';
      }
    };
    drawingKey = [
      DRAWING,
      ...['satori', '@resvg/resvg-js', '@fontsource/inter', '@fontsource/source-serif-4'].map(version),
    ].join();
  }
  return drawingKey;
}

function keyOf(node: PreviewNode): string {
  return createHash('sha256').update(drawing()).update(JSON.stringify(node)).digest('hex').slice(0, 32);
}

function remember(registry: Registry | undefined, key: string, png: Png): void {
  if (!registry?.cacheDir) return;
  const file = join(registry.cacheDir, `${key}.png`);
  void mkdir(registry.cacheDir, { recursive: true })
    .then(() => writeFile(file, png))
    .catch(() => {}); // a cache that cannot be written only costs time
}

function newJob(key: string, node: PreviewNode): Job {
  let resolve!: (png: Png) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<Png>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => {}); // a failed card is drawn again by its route: never an unhandled rejection
  return { key, node, promise, resolve, reject };
}

async function drawHere(node: PreviewNode): Promise<Png> {
  return renderPreviewPng(node, await loadPreviewFonts());
}

/** The PNG of a card: from the cache or a worker if the build started it, else drawn here. */
export async function previewPng(node: PreviewNode): Promise<Png> {
  const registry = scope[REGISTRY];
  const key = keyOf(node);
  const started = registry?.started.get(key);
  if (started) {
    registry?.started.delete(key);
    try {
      return await started.promise;
    } catch {
      // the worker failed on it, or the cached file is gone: draw it
    }
  } else {
    registry?.queued.delete(key);
  }
  const png = await drawHere(node);
  remember(registry, key, png);
  return png;
}

/** Worker threads to use: the cores Astro's own thread leaves free (at least one, at most four). */
export function workerCount(): number {
  return Math.min(4, Math.max(1, availableParallelism() - 1));
}

export interface PrerenderOptions {
  /** Project root: previewWorker.ts is run from `<root>/src/share/` (Node strips its types). */
  root?: string;
  /** Folder for finished cards across builds; none: no cache. */
  cacheDir?: string | undefined;
  workers?: number;
}

/** Queues `nodes` for worker threads (cards already in the cache are simply read); says how many of each. */
export function prerenderPreviews(
  nodes: readonly PreviewNode[],
  options: PrerenderOptions = {},
): { drawing: number; cached: number } {
  const { root = process.cwd(), cacheDir, workers = workerCount() } = options;
  for (const worker of scope[REGISTRY]?.workers ?? []) void worker.terminate();
  const registry: Registry = { queued: new Map(), started: new Map(), workers: [], cacheDir, keys: new Set() };
  for (const node of nodes) {
    const key = keyOf(node);
    registry.keys.add(key);
    const job = newJob(key, node);
    const cached = cacheDir ? join(cacheDir, `${key}.png`) : undefined;
    if (cached && existsSync(cached)) {
      registry.started.set(key, job);
      readFile(cached).then((data) => job.resolve(new Uint8Array(data)), job.reject);
    } else {
      registry.queued.set(key, job);
    }
  }
  scope[REGISTRY] = registry;
  const counts = { drawing: registry.queued.size, cached: registry.started.size };

  const workerFile = join(root, 'src', 'share', 'previewWorker.ts');
  for (let i = 0; i < Math.min(workers, registry.queued.size); i++) {
    let worker: Worker;
    try {
      worker = new Worker(workerFile);
    } catch {
      break; // no workers: the routes draw everything themselves
    }
    worker.unref(); // never keep the build process alive
    let current: Job | undefined;
    const next = () => {
      current = registry.queued.values().next().value;
      if (!current) return;
      registry.queued.delete(current.key);
      registry.started.set(current.key, current);
      worker.postMessage({ node: current.node });
    };
    worker.on('message', ({ png, error }: { png?: Png; error?: string }) => {
      if (png && current) {
        current.resolve(png);
        remember(registry, current.key, png);
      } else {
        current?.reject(new Error(error ?? 'preview rendering failed'));
      }
      next();
    });
    worker.on('error', () => {
      // This worker is gone: its card goes back to its route; the others carry on.
      current?.reject(new Error('preview worker stopped'));
      current = undefined;
    });
    registry.workers.push(worker);
    next();
  }
  return counts;
}

/**
 * Ends the workers (at the end of the build; cards still queued are left to
 * their routes) and drops cached cards this build did not use.
 */
export async function stopPrerendering(): Promise<void> {
  const registry = scope[REGISTRY];
  if (!registry) return;
  delete scope[REGISTRY];
  await Promise.all(registry.workers.map((worker) => worker.terminate()));
  if (!registry.cacheDir) return;
  const files = await readdir(registry.cacheDir).catch(() => [] as string[]);
  await Promise.all(
    files
      .filter((file) => file.endsWith('.png') && !registry.keys.has(file.slice(0, -4)))
      .map((file) => rm(join(registry.cacheDir ?? '', file), { force: true })),
  );
}
