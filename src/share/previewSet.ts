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
import { drawPreviewCard, loadCardFonts, type PreviewCard } from './card/index.ts';
import type { Entry } from './jsonLd.ts';
import { actorCard, articleCard } from './previewCards.ts';
import { previewImagePaths } from './seo.ts';

/** One image: where it is published (a site path without base) and the card it shows. */
export interface PreviewImage {
  path: string;
  card: PreviewCard;
}

/** Every card of the site, from the files under `contentDir` (invalid ones get none: the build refuses them anyway). */
export async function previewImageList(root: string, contentDir: string): Promise<PreviewImage[]> {
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
    { path: previewImagePaths.site(), card: { type: 'site' } },
    ...actors.map(
      (actor): PreviewImage => ({
        path: previewImagePaths.actor(actor.id),
        card: { type: 'actor', ...actorCard(actor, articles, actors) },
      }),
    ),
    ...articles.map(
      (article): PreviewImage => ({
        path: previewImagePaths.article(article.id),
        card: { type: 'article', ...articleCard(article, actors) },
      }),
    ),
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
      ...['@shuding/opentype.js', '@fontsource/inter', '@fontsource/source-serif-4'].map(version),
    ].join();
  }
  return drawingKey;
}

export function cacheName(root: string, image: PreviewImage): string {
  const key = createHash('sha256').update(drawing(root)).update(JSON.stringify(image.card)).digest('hex').slice(0, 32);
  return `${key}.png`;
}

/** The PNG of one image (`src/share/card/`, ≈2 ms). */
export async function drawImage(image: PreviewImage): Promise<Uint8Array> {
  await loadCardFonts();
  return drawPreviewCard(image.card);
}

/** An image drawn into the cache: its site path and its file there. */
export interface DrawnImage {
  path: string;
  file: string;
}

/**
 * Draws every image of `images` that the cache does not hold yet, then drops
 * cached files no image uses any more. Files are written under a temporary
 * name and renamed, so an interrupted build never leaves half a PNG.
 */
export async function drawPreviewSet(
  root: string,
  images: readonly PreviewImage[],
  cacheDir: string,
): Promise<DrawnImage[]> {
  await mkdir(cacheDir, { recursive: true });
  const drawn: DrawnImage[] = [];
  const used = new Set<string>();
  for (const image of images) {
    const name = cacheName(root, image);
    const file = path.join(cacheDir, name);
    used.add(name);
    if (!existsSync(file)) {
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, await drawImage(image));
      await rename(temporary, file);
    }
    drawn.push({ path: image.path, file });
  }
  const stale = (await readdir(cacheDir)).filter((name) => !used.has(name));
  await Promise.all(stale.map((name) => rm(path.join(cacheDir, name), { force: true })));
  return drawn;
}
