/**
 * Reads the editors' Markdown files straight from `content/`: the build's
 * content pipeline, the content check and the tests all start here.
 *
 * YAML is read with the YAML 1.2 core schema: `2020-02-30` stays the string
 * the editor wrote instead of silently becoming 1 March, so the schema can
 * reject it by name. See `readYaml` for the two parsers and why.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { type CST, LineCounter, Parser, parseDocument } from 'yaml';
import type { ContentProblem } from './problems.ts';

export type CollectionName = 'articles' | 'actors' | 'places';
export const collectionNames: readonly CollectionName[] = ['articles', 'actors', 'places'];

/** One content file, split into frontmatter data and Markdown body. */
export interface RawEntry {
  collection: CollectionName;
  /** File name without `.md`: the entry's id and URL slug. */
  id: string;
  /** Path shown to editors, relative to the project root: `content/articles/x.md`. */
  file: string;
  data: unknown;
  body: string;
  /** 1-based line of the body's first line in the file, for error positions. */
  bodyLine: number;
}

export type SplitResult = { ok: true; entry: RawEntry } | { ok: false; problem: ContentProblem };

const FRONTMATTER = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

/** Split one file's text into a RawEntry, or explain why it cannot be read. */
export function splitContentFile(collection: CollectionName, file: string, source: string): SplitResult {
  const id = path.basename(file, '.md');
  const text = source.replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    return fail(
      file,
      '(file)',
      'the file is empty',
      'add YAML frontmatter between two "---" lines, then the Markdown body',
    );
  }
  const match = FRONTMATTER.exec(text);
  if (!match) {
    return fail(
      file,
      '(frontmatter)',
      'no frontmatter block found',
      'start the file with "---", the YAML fields, then "---"',
    );
  }
  const yamlText = match[1] ?? '';
  const read = readYaml(yamlText);
  if (!read.ok) return fail(file, read.field, read.message, read.fix);
  const { data } = read;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return fail(
      file,
      '(frontmatter)',
      'the frontmatter is not a set of "field: value" lines',
      'write the frontmatter as YAML fields, e.g. "title: My title"',
    );
  }
  const bodyLine = match[0].split('\n').length;
  return { ok: true, entry: { collection, id, file, data, body: text.slice(match[0].length), bodyLine } };
}

function fail(file: string, field: string, message: string, fix: string): SplitResult {
  return { ok: false, problem: { file, field, message, fix } };
}

type YamlRead = { ok: true; data: unknown } | { ok: false; field: string; message: string; fix: string };

/**
 * Anchors (`&name`) or aliases (`*name`) anywhere outside quotes: they can
 * expand exponentially ("billion laughs"), so only the careful parser, which
 * counts expansions, reads such a document. A false positive (an asterisk in
 * a plain string) only costs time.
 */
const MAY_USE_ALIASES = /(?:^|[\s,[{])[&*][^\s,\]}]/m;

/**
 * The frontmatter as data. Two parsers, one reading: js-yaml (≈10× faster on
 * a 14 KB frontmatter, ≈0.6 ms against ≈6 ms, which matters at a thousand
 * articles) reads well-formed documents without anchors; anything it refuses,
 * and any document that may use anchors, is read by `yaml`, whose errors name
 * the line and whose alias limit stops expansion bombs. Both use the YAML 1.2
 * core schema (no timestamps, no yes/no booleans) and refuse duplicate keys,
 * so a document both accept gives the same data.
 */
export function readYaml(text: string): YamlRead {
  if (!MAY_USE_ALIASES.test(text)) {
    try {
      return { ok: true, data: loadYaml(text, { schema: CORE_SCHEMA }) ?? null };
    } catch {
      // `yaml` below says what is wrong, and where
    }
  }
  const doc = parseDocument(text, { schema: 'core', uniqueKeys: true, prettyErrors: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    // A quote or bracket left open runs on until the parser gives up, often at
    // the end of the frontmatter: the editor needs the line where it opens.
    const open = unclosedOpening(text);
    if (open && open.offset <= (yamlError.pos[0] ?? text.length)) {
      const where = `line ${open.line + 1}, column ${open.col}`;
      return {
        ok: false,
        field: `(frontmatter, line ${open.line + 1})`,
        message: `invalid YAML: the ${open.opens} at ${where} is never closed`,
        fix: OPENING_FIX[open.opens],
      };
    }
    const line = (yamlError.linePos?.[0]?.line ?? 0) + 1; // +1 for the opening "---"
    const firstLine = yamlError.message.split('\n')[0] ?? yamlError.message;
    return {
      ok: false,
      field: `(frontmatter, line ${line})`,
      message: `invalid YAML: ${firstLine}`,
      fix: 'fix the YAML syntax on that line (quote strings that contain ":" or start with a special character)',
    };
  }
  try {
    return { ok: true, data: doc.toJS({ maxAliasCount: 50 }) };
  } catch (error) {
    // e.g. a "billion laughs" of nested &anchors / *aliases
    return {
      ok: false,
      field: '(frontmatter)',
      message: `the YAML cannot be expanded: ${error instanceof Error ? error.message : String(error)}`,
      fix: 'write the values out instead of using YAML anchors (&name) and aliases (*name)',
    };
  }
}

type Opening = '"' | "'" | '[' | '{';

const CLOSED_QUOTE = {
  '"': /^"(?:[^"\\]|\\[\s\S])*"$/,
  "'": /^'(?:[^']|'')*'$/,
} as const;

const OPENING_FIX: Record<Opening, string> = {
  '"': 'end the value on that line with "; inside it, write \\" for a " that is part of the text',
  "'": "end the value on that line with '; inside it, write '' for a ' that is part of the text",
  '[': 'end the list with ] (or write it one "- item" per line)',
  '{': 'end the map with }',
};

/**
 * The first quoted value or [list] / {map} that is never closed: where it
 * opens (line and column in the YAML, from 1) and its offset.
 */
export function unclosedOpening(
  text: string,
): { line: number; col: number; offset: number; opens: Opening } | undefined {
  const lines = new LineCounter();
  let found: { line: number; col: number; offset: number; opens: Opening } | undefined;
  const check = (node: CST.Token) => {
    let opens: Opening | undefined;
    if (node.type === 'double-quoted-scalar' || node.type === 'single-quoted-scalar') {
      const quote = node.type === 'double-quoted-scalar' ? '"' : "'";
      if (!CLOSED_QUOTE[quote].test(node.source.trimEnd())) opens = quote;
    } else if (
      node.type === 'flow-collection' &&
      !node.end.some((token) => token.source === ']' || token.source === '}')
    ) {
      opens = node.start.source === '[' ? '[' : '{';
    }
    if (opens) found = { ...lines.linePos(node.offset), offset: node.offset, opens };
  };
  // Depth first, in document order, without recursion: a hostile file may nest
  // thousands of levels deep.
  const stack = [...new Parser(lines.addNewLine).parse(text)].reverse();
  while (!found) {
    const token = stack.pop();
    if (!token) break;
    check(token);
    if (token.type === 'document' && token.value) stack.push(token.value);
    if ('items' in token)
      for (const item of [...token.items].reverse()) {
        if (item.value) stack.push(item.value);
        if ('key' in item && item.key) stack.push(item.key);
      }
  }
  return found;
}

/** One file to read: its collection, the path shown to editors, and where it is on disk. */
export interface ContentFile {
  collection: CollectionName;
  file: string;
  path: string;
}

/**
 * The `*.md` files of the three collections under `contentDir`, in a fixed
 * order (collection, then name), and the problems with the folders themselves.
 */
export async function listContentFiles(
  root: string,
  contentDir = 'content',
): Promise<{ files: ContentFile[]; problems: ContentProblem[] }> {
  const files: ContentFile[] = [];
  const problems: ContentProblem[] = [];
  for (const collection of collectionNames) {
    const dir = path.resolve(root, contentDir, collection);
    let names: string[];
    try {
      const all = await readdir(dir);
      names = all.filter((name) => name.endsWith('.md')).sort();
      // Only `*.md` is published: a story saved as .markdown or .MD would silently never appear.
      for (const name of all.filter((n) => !n.endsWith('.md') && /\.(?:md|markdown|mdown|mkd)$/i.test(n))) {
        problems.push({
          file: path.posix.join(contentDir, collection, name),
          field: '(file name)',
          message: 'only files ending in ".md" are published',
          fix: `rename it to ${name.replace(/\.[^.]+$/, '.md')}`,
        });
      }
    } catch {
      problems.push({
        file: path.posix.join(contentDir, collection),
        field: '(folder)',
        message: 'the folder is missing',
        fix: `create ${path.posix.join(contentDir, collection)}/ (it may be empty)`,
      });
      continue;
    }
    for (const name of names) {
      files.push({ collection, file: path.posix.join(contentDir, collection, name), path: path.join(dir, name) });
    }
  }
  return { files, problems };
}

/** Read and split one file. */
export async function readContentFile({ collection, file, path: where }: ContentFile): Promise<SplitResult> {
  return splitContentFile(collection, file, await readFile(where, 'utf8'));
}

/** Read every `*.md` file of the three collections under `contentDir`, on this thread. */
export async function readContentDir(
  root: string,
  contentDir = 'content',
): Promise<{ entries: RawEntry[]; problems: ContentProblem[] }> {
  const { files, problems } = await listContentFiles(root, contentDir);
  const entries: RawEntry[] = [];
  for (const result of await Promise.all(files.map(readContentFile))) {
    if (result.ok) entries.push(result.entry);
    else problems.push(result.problem);
  }
  return { entries, problems };
}
