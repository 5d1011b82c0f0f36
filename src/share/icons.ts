/**
 * The favicon and app icons in `public/`, drawn from the same mark as the
 * preview images. They are committed; after changing the mark, regenerate them:
 *
 *   node src/share/icons.ts
 *
 * favicon.svg keeps the letter as outlines (satori), so it looks the same
 * without fonts; the PNG icons are drawn like the preview cards (`card/`).
 */
import { writeFile } from 'node:fs/promises';
import satori from 'satori';
import { drawMark, loadCardFonts } from './card/index.ts';
import { type MarkNode, mark } from './markTree.ts';
import { loadPreviewFonts } from './previewFonts.ts';

export interface IconFile {
  file: string;
  size: number;
  /** Corner radius as a fraction of the size (0: full bleed, for platforms that shape icons themselves). */
  radius: number;
  /** Size of the letter relative to the icon (maskable icons keep it inside the central 80 % circle). */
  scale: number;
}

export const iconFiles: readonly IconFile[] = [
  { file: 'favicon-32.png', size: 32, radius: 0.18, scale: 1 },
  { file: 'apple-touch-icon.png', size: 180, radius: 0, scale: 0.9 },
  { file: 'icon-192.png', size: 192, radius: 0.18, scale: 1 },
  { file: 'icon-512.png', size: 512, radius: 0.18, scale: 1 },
  { file: 'icon-maskable-512.png', size: 512, radius: 0, scale: 0.72 },
];

const DRAWN_AT = 64;

async function svgOf(node: MarkNode, size: number): Promise<string> {
  return satori(node as unknown as Parameters<typeof satori>[0], {
    width: size,
    height: size,
    fonts: await loadPreviewFonts(),
  });
}

export async function writeIcons(publicDir: URL): Promise<void> {
  const favicon = (await svgOf(mark(DRAWN_AT), DRAWN_AT)).replace(
    /^<svg[^>]*>/,
    (open) => `${open}<title>Backstory</title>`,
  );
  await writeFile(new URL('favicon.svg', publicDir), `${favicon}\n`);
  await loadCardFonts();
  for (const icon of iconFiles) {
    await writeFile(new URL(icon.file, publicDir), drawMark(icon.size, { radius: icon.radius, scale: icon.scale }));
  }
}

if (import.meta.main) {
  await writeIcons(new URL('../../public/', import.meta.url));
}
