/**
 * Text to positioned glyphs, the way satori's HarfBuzz shaping comes out for
 * our fonts and scripts: per character the first font of the face's fallback
 * chain that has it, standard ligatures and pair kerning within a run of one
 * font, letter-spacing after every character (a ligature counts as one).
 * Not a general shaper: no contextual alternates, mark positioning or bidi,
 * which Latin, Cyrillic and Greek names and headlines do not need (text is
 * NFC-normalised, so "e" + combining acute is the font's "é").
 */
import type { CardFonts, FaceName, FontFile } from './fonts.ts';

export interface PlacedGlyph {
  file: FontFile;
  glyph: number;
  /** Pen position from the start of the run, in px. */
  x: number;
}

/** A shaped string in ems, so one shaping serves every font size. */
interface ShapedEms {
  files: FontFile[];
  glyphs: number[];
  /** Advance of each glyph in ems, kerning included. */
  advances: number[];
  /** Whether letter-spacing follows the glyph (it ends a character). */
  spaced: boolean[];
}

/** Invisible in text (HarfBuzz draws default-ignorable code points as nothing), and C0/C1 controls. */
function isIgnorable(cp: number): boolean {
  return (
    cp < 0x20 ||
    (cp >= 0x7f && cp < 0xa0) ||
    cp === 0xad ||
    cp === 0x34f ||
    cp === 0x61c ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    cp === 0xfeff ||
    (cp >= 0xe0000 && cp <= 0xe0fff)
  );
}

const MARK = /\p{M}/u;

/** A code point that belongs to the character before it (combining marks, emoji modifiers). */
function continuesCharacter(cp: number, char: string): boolean {
  return cp >= 0x300 && ((cp >= 0x1f3fb && cp <= 0x1f3ff) || MARK.test(char));
}

/** The font for a code point: the first of the chain that has it; undefined when none has. */
function fileFor(
  chain: readonly FontFile[],
  cp: number,
  previous: FontFile | undefined,
  sticky: boolean,
): FontFile | undefined {
  // Spaces and marks stay in the font of the character before them when it has them, like satori's split by font.
  if (sticky && previous && previous.glyph(cp) !== 0) return previous;
  for (const file of chain) if (file.glyph(cp) !== 0) return file;
  return undefined;
}

function shapeEms(chain: readonly FontFile[], text: string, ligatures: boolean): ShapedEms {
  const shaped: ShapedEms = { files: [], glyphs: [], advances: [], spaced: [] };
  // Runs of one font: ligatures and kerning never cross fonts.
  let runFile: FontFile | undefined;
  let runGlyphs: number[] = [];
  let runClusters: number[] = [];
  let cluster = -1;
  const flush = () => {
    const file = runFile;
    if (!file || runGlyphs.length === 0) return;
    if (ligatures) file.ligatures(runGlyphs, runClusters);
    for (let i = 0; i < runGlyphs.length; i++) {
      const glyph = runGlyphs[i] as number;
      const next = runGlyphs[i + 1];
      const kern = next === undefined ? 0 : file.kerning(glyph, next);
      shaped.files.push(file);
      shaped.glyphs.push(glyph);
      shaped.advances.push((file.advance(glyph) + kern) / file.unitsPerEm);
      shaped.spaced.push(runClusters[i + 1] !== runClusters[i]);
    }
    runGlyphs = [];
    runClusters = [];
  };
  for (const char of text.normalize('NFC')) {
    const cp = char.codePointAt(0) as number;
    if (isIgnorable(cp)) continue;
    const joins = continuesCharacter(cp, char) && cluster >= 0;
    const found = fileFor(chain, cp, runFile, joins || cp === 0x20 || cp === 0xa0);
    // A mark no font has is left out (the letter it sits on still reads); any other
    // character no font has is the face's own .notdef, a box, as satori draws it.
    if (!found && joins) continue;
    const file = found ?? (chain[0] as FontFile);
    if (!joins) cluster++;
    if (file !== runFile) {
      flush();
      runFile = file;
    }
    runGlyphs.push(file.glyph(cp));
    runClusters.push(cluster);
  }
  flush();
  // A cluster split across fonts is spaced once, after its last glyph.
  for (let i = 0; i < shaped.spaced.length - 1; i++) {
    if (shaped.spaced[i] && !shaped.spaced[i + 1] && shaped.files[i] !== shaped.files[i + 1]) shaped.spaced[i] = false;
  }
  return shaped;
}

const MAX_CACHED = 20_000;
const cache = new Map<string, ShapedEms>();

/** Shaping depends on the face and text (and whether ligatures apply), not the size: cached across cards. */
function shaped(fonts: CardFonts, face: FaceName, text: string, letterSpacing: number): ShapedEms {
  const ligatures = letterSpacing === 0; // browsers turn off ligatures in letter-spaced text
  const key = `${face}\u0000${ligatures ? 1 : 0}\u0000${text}`;
  let result = cache.get(key);
  if (!result) {
    if (cache.size >= MAX_CACHED) cache.clear();
    result = shapeEms(fonts[face], text, ligatures);
    cache.set(key, result);
  }
  return result;
}

/** Width of the text in px, letter-spacing after every character included (as CSS and satori measure it). */
export function measureText(fonts: CardFonts, face: FaceName, size: number, text: string, letterSpacing = 0): number {
  const { advances, spaced } = shaped(fonts, face, text, letterSpacing);
  let ems = 0;
  let characters = 0;
  for (let i = 0; i < advances.length; i++) {
    ems += advances[i] as number;
    if (spaced[i]) characters++;
  }
  return ems * size + characters * letterSpacing;
}

/** The glyphs of the text with their pen positions, in px from the start of the run. */
export function shapeText(
  fonts: CardFonts,
  face: FaceName,
  size: number,
  text: string,
  letterSpacing = 0,
): PlacedGlyph[] {
  const { files, glyphs, advances, spaced } = shaped(fonts, face, text, letterSpacing);
  const placed: PlacedGlyph[] = [];
  let x = 0;
  for (let i = 0; i < glyphs.length; i++) {
    placed.push({ file: files[i] as FontFile, glyph: glyphs[i] as number, x });
    x += (advances[i] as number) * size + (spaced[i] ? letterSpacing : 0);
  }
  return placed;
}
