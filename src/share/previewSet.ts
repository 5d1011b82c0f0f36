/**
 * The site's preview images as a set of files: which cards there are (the
 * site's, one per actor, one per article), and each one drawn once into a
 * cache folder named by what it shows, so a rebuild draws only the cards whose
 * text changed.
 *
 * The build draws the set on a worker thread (`previewWorker.ts`) while Astro
 * bundles and renders pages on its own thread, then copies the files into the
 * output (`previewIntegration.ts`); the dev server draws a card when asked.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { readContentDir } from '../model/contentFiles.ts';
import { parseEntry } from '../model/parseEntry.ts';
import type { Actor, Article } from '../model/schema.ts';
import type { Entry } from './jsonLd.ts';
import { actorCard, articleCard } from './previewCards.ts';
import { loadPreviewFonts } from './previewFonts.ts';
import { actorPreview, articlePreview, type PreviewNode, renderPreviewPng, sitePreview } from './previewImage.ts';
import { previewImagePaths } from './seo.ts';

/** One card: where it is published (a site path without base) and what it shows. */
export interface PreviewCard {
  path: string;
  node: PreviewNode;
}

/** Every card of the site, from the files under `contentDir` (invalid ones get none: the build refuses them anyway). */
export async function previewCards(root: string, contentDir: string): Promise<PreviewCard[]> {
  const { entries } = await readContentDir(root, contentDir);
  const articles: Entry<Article>[] = [];
  const actors: Entry<Actor>[] = [];
  for (const entry of entries) {
    if (entry.collection === 'places') continue;
    const parsed = parseEntry(entry);
    if (!parsed.success) continue;
    if (entry.collection === 'articles') articles.push({ id: entry.id, data: parsed.data as Article });
    else actors.push({ id: entry.id, data: parsed.data as Actor });
  }
  return [
    { path: previewImagePaths.site(), node: sitePreview() },
    ...actors.map((actor) => ({
      path: previewImagePaths.actor(actor.id),
      node: actorPreview(actorCard(actor, articles, actors)),
    })),
    ...articles.map((article) => ({
      path: previewImagePaths.article(article.id),
      node: articlePreview(articleCard(article, actors)),
    })),
  ];
}

/**
 * What a finished card depends on besides what it shows: the drawing code.
 * Bump `DRAWING` when the drawing changes; dependency upgrades change the key
 * by themselves.
 */
const DRAWING = 1;
let drawingKey: string | undefined;
function drawing(root: string): string {
  if (drawingKey === undefined) {
    const require = createRequire(path.join(root, 'package.json'));
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

export function cacheName(root: string, card: PreviewCard): string {
  const key = createHash('sha256').update(drawing(root)).update(JSON.stringify(card.node)).digest('hex').slice(0, 32);
  return `${key}.png`;
}

export async function drawCard(root: string, card: PreviewCard): Promise<Uint8Array> {
  return renderPreviewPng(card.node, await loadPreviewFonts(root));
}

/** A card drawn into the cache: its site path and its file there. */
export interface DrawnCard {
  path: string;
  file: string;
}

/**
 * Draws every card of `cards` that the cache does not hold yet, then drops
 * cached files no card uses any more. Files are written under a temporary
 * name and renamed, so an interrupted build never leaves half a PNG.
 */
export async function drawPreviewSet(
  root: string,
  cards: readonly PreviewCard[],
  cacheDir: string,
): Promise<DrawnCard[]> {
  await mkdir(cacheDir, { recursive: true });
  const drawn: DrawnCard[] = [];
  const used = new Set<string>();
  for (const card of cards) {
    const name = cacheName(root, card);
    const file = path.join(cacheDir, name);
    used.add(name);
    if (!existsSync(file)) {
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, await drawCard(root, card));
      await rename(temporary, file);
      // Let the event loop turn: resvg's pixel buffers (native memory V8 does
      // not see) are only released then; without it a thousand cards hold GBs.
      await new Promise((resolve) => setImmediate(resolve));
    }
    drawn.push({ path: card.path, file });
  }
  const stale = (await readdir(cacheDir)).filter((name) => !used.has(name));
  await Promise.all(stale.map((name) => rm(path.join(cacheDir, name), { force: true })));
  return drawn;
}
