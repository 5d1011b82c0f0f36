/**
 * The fonts of the mark for satori (`markTree.ts`, the icons script), read
 * from the installed @fontsource packages (no network). satori reads WOFF,
 * TTF and OTF but not WOFF2, so the `.woff` files are used. Each Unicode
 * subset is its own family.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

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

export interface PreviewFont {
  name: string;
  data: Buffer | ArrayBuffer;
  weight: 400 | 600 | 700;
  style: 'normal';
}

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
