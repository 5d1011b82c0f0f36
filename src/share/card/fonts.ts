/**
 * The card fonts: the same faces and Unicode subsets as `previewFonts.ts`
 * (Inter 400 and 600, Source Serif 4 700; latin, latin-ext, cyrillic,
 * greek), from the installed @fontsource packages' .woff files. opentype.js
 * reads cmap, advances and outlines; kerning and ligatures come from our own
 * GPOS/GSUB readers, which handle the extension lookups these fonts use.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import opentype, { type PathCommand } from '@shuding/opentype.js';
import { readKerning } from './kerning.ts';
import { type LigatureSubstitution, readLigatures } from './ligatures.ts';
import { sfntTable } from './sfntTables.ts';

/** One subset file of one face. */
export interface FontFile {
  /** Position in load order: part of glyph-cache keys. */
  readonly id: number;
  /** e.g. `inter-latin-ext-600`. */
  readonly name: string;
  readonly unitsPerEm: number;
  /** hhea ascender and descender in font units (descender negative), as satori's baseline uses. */
  readonly ascender: number;
  readonly descender: number;
  /** The glyph for a code point, 0 (.notdef) when this file has none. */
  glyph(codePoint: number): number;
  /** Advance width in font units. */
  advance(glyph: number): number;
  /** Kerning between two glyphs in font units. */
  kerning(left: number, right: number): number;
  readonly ligatures: LigatureSubstitution;
  /** The glyph's outline in font units, y up. */
  outline(glyph: number): readonly PathCommand[];
}

/** The three faces the cards are set in. */
export type FaceName = 'sans' | 'sans-semibold' | 'serif-bold';

/**
 * Each face's files in fallback order, like satori's family lists: its own
 * subsets first, then the other family's, so a character one family lacks
 * still gets a real glyph before .notdef.
 */
export type CardFonts = Readonly<Record<FaceName, readonly FontFile[]>>;

const SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'greek'] as const;

const FILES = {
  sans: { pkg: '@fontsource/inter', file: 'inter', weight: 400 },
  'sans-semibold': { pkg: '@fontsource/inter', file: 'inter', weight: 600 },
  'serif-bold': { pkg: '@fontsource/source-serif-4', file: 'source-serif-4', weight: 700 },
} as const;

function fontFile(id: number, name: string, data: Uint8Array): FontFile {
  const buffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
  const font = opentype.parse(buffer, { lowMemory: true });
  const glyphs = new Map<number, number>();
  const advances = new Map<number, number>();
  const outlines = new Map<number, readonly PathCommand[]>();
  return {
    id,
    name,
    unitsPerEm: font.unitsPerEm,
    ascender: font.ascender,
    descender: font.descender,
    glyph(codePoint) {
      let glyph = glyphs.get(codePoint);
      if (glyph === undefined) {
        glyph = font.charToGlyphIndex(String.fromCodePoint(codePoint)) || 0;
        glyphs.set(codePoint, glyph);
      }
      return glyph;
    },
    advance(glyph) {
      let advance = advances.get(glyph);
      if (advance === undefined) {
        advance = font.glyphs.get(glyph).advanceWidth ?? 0;
        advances.set(glyph, advance);
      }
      return advance;
    },
    kerning: readKerning(sfntTable(data, 'GPOS')),
    ligatures: readLigatures(sfntTable(data, 'GSUB')),
    outline(glyph) {
      let outline = outlines.get(glyph);
      if (outline === undefined) {
        outline = font.glyphs.get(glyph).path.commands;
        outlines.set(glyph, outline);
      }
      return outline;
    },
  };
}

let loaded: Promise<CardFonts> | undefined;
let ready: CardFonts | undefined;

/**
 * Reads and parses the fonts once per process. Resolved from the project
 * root, as `previewFonts.ts` does: during `astro build` this code runs from a
 * bundled chunk elsewhere.
 */
export function loadCardFonts(root = process.cwd()): Promise<CardFonts> {
  loaded ??= (async () => {
    const require = createRequire(join(root, 'package.json'));
    const names = Object.keys(FILES) as FaceName[];
    const files = await Promise.all(
      names.flatMap((face) =>
        SUBSETS.map(async (subset) => {
          const { pkg, file, weight } = FILES[face];
          const name = `${file}-${subset}-${weight}`;
          return { face, name, data: await readFile(require.resolve(`${pkg}/files/${name}-normal.woff`)) };
        }),
      ),
    );
    const parsed = files.map(({ face, name, data }, id) => ({ face, file: fontFile(id, name, data) }));
    const own = (face: FaceName) => parsed.filter((entry) => entry.face === face).map((entry) => entry.file);
    ready = {
      sans: [...own('sans'), ...own('serif-bold')],
      'sans-semibold': [...own('sans-semibold'), ...own('serif-bold')],
      'serif-bold': [...own('serif-bold'), ...own('sans-semibold')],
    };
    return ready;
  })();
  return loaded;
}

/** The fonts `loadCardFonts` loaded; drawing is synchronous once they are. */
export function cardFonts(): CardFonts {
  if (!ready) throw new Error('Card fonts are not loaded: await loadCardFonts() first.');
  return ready;
}
