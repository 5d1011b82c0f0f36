/**
 * The fonts the preview images are set in, read from the installed
 * @fontsource packages (bundled with the site, no network). satori reads WOFF,
 * TTF and OTF but not WOFF2, so the `.woff` files are used. Each Unicode
 * subset is its own family; the family lists in `previewImage.ts` fall back
 * through them, so "Erdoğan" or "Путин" render with real glyphs.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { PreviewFont } from './previewImage.ts';

const SUBSETS = [
  ['latin', ''],
  ['latin-ext', ' Ext'],
  ['cyrillic', ' Cyrillic'],
  ['greek', ' Greek'],
] as const;

const FACES = [
  { pkg: '@fontsource/inter', file: 'inter', family: 'Inter', weight: 400 },
  { pkg: '@fontsource/inter', file: 'inter', family: 'Inter', weight: 600 },
  { pkg: '@fontsource/source-serif-4', file: 'source-serif-4', family: 'Source Serif', weight: 700 },
] as const;

let loaded: Promise<PreviewFont[]> | undefined;

/**
 * Resolved from the project root rather than this module: during `astro build`
 * this code runs from a bundled chunk somewhere else.
 */
export function loadPreviewFonts(root = process.cwd()): Promise<PreviewFont[]> {
  loaded ??= (async () => {
    const require = createRequire(join(root, 'package.json'));
    return Promise.all(
      FACES.flatMap((face) =>
        SUBSETS.map(async ([subset, suffix]) => ({
          name: `${face.family}${suffix}`,
          data: await readFile(require.resolve(`${face.pkg}/files/${face.file}-${subset}-${face.weight}-normal.woff`)),
          weight: face.weight,
          style: 'normal' as const,
        })),
      ),
    );
  })();
  return loaded;
}
