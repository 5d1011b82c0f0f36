/**
 * Rendering preview cards without holding up the build. A card takes tens of
 * milliseconds of CPU; a thousand articles would add most of a minute to a
 * build that drew them one by one on Astro's thread. So when `astro build`
 * starts, the integration (`previewIntegration.ts`) hands every card to
 * worker threads on the cores Astro leaves idle, and the image routes pick
 * the finished PNGs up. A route whose card no worker has taken yet draws it
 * itself (and so takes it from the workers); a card nobody queued (`astro
 * dev`, a build without the integration) is simply drawn by its route.
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
  /** Position in the workers' list; absent for a card read from the cache. */
  index?: number;
  promise: Promise<Png>;
  resolve: (png: Png) => void;
  reject: (error: Error) => void;
}

/** Shared through globalThis: the integration and the routes live in different module graphs of one process. */
const REGISTRY = Symbol.for('backstory.previewImages');
interface Registry {
  /** Every card of the build not collected by its route yet: to draw, being drawn, drawn, or read from the cache. */
  jobs: Map<string, Job>;
  /** The cards to draw, by index. */
  order: Job[];
  /**
   * Who draws each card of `order`, shared with the workers: 0 nobody yet,
   * `ROUTE` its route, n > 0 worker n. Set once, by compare-and-exchange, so
   * a card is drawn by exactly one of them.
   */
  claims: Int32Array;
  workers: Worker[];
  cacheDir: string | undefined;
  keys: Set<string>;
  /** Cache files being written. */
  writes: Set<Promise<void>>;
}
const ROUTE = -1;
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
  const write = mkdir(registry.cacheDir, { recursive: true })
    .then(() => writeFile(file, png))
    .catch(() => {}) // a cache that cannot be written only costs time
    .finally(() => registry.writes.delete(write));
  registry.writes.add(write);
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
  const job = registry?.jobs.get(key);
  if (registry && job) {
    registry.jobs.delete(key);
    // A card no worker has taken yet is drawn here, now, rather than waited for.
    const mine = job.index !== undefined && Atomics.compareExchange(registry.claims, job.index, 0, ROUTE) === 0;
    if (!mine) {
      try {
        return await job.promise;
      } catch {
        // the worker failed on it, or the cached file is gone: draw it
      }
    }
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

/**
 * Hands `nodes` to worker threads (cards already in the cache are simply
 * read); says how many of each. The workers get the whole list at once and
 * take cards without asking the main thread, which may be busy for seconds at
 * a time (syncing content, bundling): a worker never waits for it.
 */
export function prerenderPreviews(
  nodes: readonly PreviewNode[],
  options: PrerenderOptions = {},
): { drawing: number; cached: number } {
  const { root = process.cwd(), cacheDir, workers = workerCount() } = options;
  for (const worker of scope[REGISTRY]?.workers ?? []) void worker.terminate();
  const jobs = new Map<string, Job>();
  const order: Job[] = [];
  let cached = 0;
  for (const node of nodes) {
    const key = keyOf(node);
    if (jobs.has(key)) continue;
    const job = newJob(key, node);
    jobs.set(key, job);
    const file = cacheDir ? join(cacheDir, `${key}.png`) : undefined;
    if (file && existsSync(file)) {
      cached++;
      readFile(file).then((data) => job.resolve(new Uint8Array(data)), job.reject);
    } else {
      job.index = order.length;
      order.push(job);
    }
  }
  const claims = new Int32Array(new SharedArrayBuffer(4 * Math.max(1, order.length)));
  const registry: Registry = {
    jobs,
    order,
    claims,
    workers: [],
    cacheDir,
    keys: new Set(jobs.keys()),
    writes: new Set(),
  };
  scope[REGISTRY] = registry;
  if (order.length === 0) return { drawing: 0, cached };

  // The routes ask for the cards in about the order given; the workers take
  // them from the other end, so the two meet once instead of a route waiting
  // for the card a worker has just started, card after card.
  const cursor = new Int32Array(new SharedArrayBuffer(4));
  cursor[0] = order.length;
  const list = order.map((job) => job.node);
  const workerFile = join(root, 'src', 'share', 'previewWorker.ts');
  for (let n = 1; n <= Math.min(workers, order.length); n++) {
    let worker: Worker;
    try {
      worker = new Worker(workerFile);
    } catch {
      break; // no workers: the routes draw everything themselves
    }
    worker.unref(); // never keep the build process alive
    worker.on('message', ({ index, png, error }: { index: number; png?: Png; error?: string }) => {
      const job = order[index];
      if (!job) return;
      if (png) {
        job.resolve(png);
        remember(registry, job.key, png);
      } else {
        job.reject(new Error(error ?? 'preview rendering failed'));
      }
    });
    worker.on('error', () => {
      // This worker is gone: the card it was drawing goes back to its route; the others carry on.
      for (let i = 0; i < order.length; i++) {
        if (Atomics.load(claims, i) === n) order[i]?.reject(new Error('preview worker stopped'));
      }
    });
    worker.postMessage({ id: n, nodes: list, claims, cursor });
    registry.workers.push(worker);
  }
  return { drawing: order.length, cached };
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
  await Promise.all(registry.writes);
  if (!registry.cacheDir) return;
  const files = await readdir(registry.cacheDir).catch(() => [] as string[]);
  await Promise.all(
    files
      .filter((file) => file.endsWith('.png') && !registry.keys.has(file.slice(0, -4)))
      .map((file) => rm(join(registry.cacheDir ?? '', file), { force: true })),
  );
}
