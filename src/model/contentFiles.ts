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
 * The frontmatter as data. js-yaml (≈10× faster than `yaml` on a 14 KB
 * frontmatter, ≈0.6 ms against ≈6 ms, which matters at a thousand articles)
 * decides what is accepted; a document it refuses is read by `yaml`, whose
 * errors name the line, and accepted only if `yaml` finds nothing wrong. Both
 * use the YAML 1.2 core schema (no timestamps, no yes/no booleans) and refuse
 * duplicate keys, so a document both accept gives the same data.
 *
 * Anchors (`&name`) and aliases (`*name`) are allowed, but not an expansion
 * bomb ("billion laughs"): js-yaml shares aliased values instead of copying
 * them, and the data is refused when walking it would visit far more values
 * than the text could spell out (`expandsBeyond`).
 */
export function readYaml(text: string): YamlRead {
  let data: unknown;
  try {
    data = loadYaml(text, { schema: CORE_SCHEMA }) ?? null;
  } catch {
    return explainRefusal(text);
  }
  if (expandsBeyond(data, 1_000 + 4 * text.length)) return EXPANSION_BOMB;
  return { ok: true, data };
}

const EXPANSION_BOMB: YamlRead = {
  ok: false,
  field: '(frontmatter)',
  message: 'the YAML cannot be expanded: its aliases (*name) repeat values far more often than the text spells out',
  fix: 'write the values out instead of using YAML anchors (&name) and aliases (*name)',
};

/** Whether walking `data`, aliases included, visits more than `budget` values (no recursion: nesting may be deep). */
function expandsBeyond(data: unknown, budget: number): boolean {
  const stack = [data];
  let visited = 0;
  while (stack.length > 0) {
    const value = stack.pop();
    if (++visited > budget) return true;
    if (value && typeof value === 'object') stack.push(...(Array.isArray(value) ? value : Object.values(value)));
  }
  return false;
}

/** What is wrong with a document js-yaml refused, and where; or its data, if `yaml` reads it without a problem. */
function explainRefusal(text: string): YamlRead {
  const doc = parseDocument(text, { schema: 'core', uniqueKeys: true, prettyErrors: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    // A quote or bracket left open runs on until the parser gives up, often at
    // the end of the frontmatter: the editor needs the line where it opens.
    const open = unclosedOpening(text);
    if (open && open.from <= (yamlError.pos[0] ?? text.length)) {
      const where = `line ${open.line + 1}, column ${open.col}`;
      return {
        ok: false,
        field: `(frontmatter, line ${open.line + 1})`,
        message:
          open.opens === '#'
            ? `invalid YAML: the # at ${where} starts a comment: the rest of that line, closing bracket included, is not read`
            : `invalid YAML: the ${open.opens} at ${where} is never closed`,
        fix: OPENING_FIX[open.opens],
      };
    }
    const line = (yamlError.linePos?.[0]?.line ?? 0) + 1; // +1 for the opening "---"
    // The field names the line of the file; the parser's own "at line 2, column 1" counts from the YAML's first line.
    const firstLine = (yamlError.message.split('\n')[0] ?? yamlError.message).replace(
      / at line \d+, column \d+:?$/,
      '',
    );
    return {
      ok: false,
      field: `(frontmatter, line ${line})`,
      message: `invalid YAML: ${firstLine}`,
      fix: 'fix the YAML syntax on that line (quote strings that contain ":" or start with a special character)',
    };
  }
  try {
    const data = doc.toJS({ maxAliasCount: 50 });
    return expandsBeyond(data, 1_000 + 4 * text.length) ? EXPANSION_BOMB : { ok: true, data };
  } catch {
    return EXPANSION_BOMB;
  }
}

type Opening = '"' | "'" | '[' | '{' | '#';

const OPENING_FIX: Record<Opening, string> = {
  '"': 'end the value on that line with "; inside it, write \\" for a " that is part of the text',
  "'": "end the value on that line with '; inside it, write '' for a ' that is part of the text",
  '[': 'end the list with ] (or write it one "- item" per line)',
  '{': 'end the map with }',
  '#': 'put the value that holds the # in quotes, e.g. "the #1 ally"',
};

const CLOSER = { '[': ']', '{': '}' } as const;

/**
 * Where the value opening at `from` (a quote or a bracket) ends in the raw
 * text: the offset after its closing character, or -1 when it is never closed
 * (or a bracket is closed by the wrong one). Quotes inside brackets are
 * skipped over; escapes are YAML's (`\"` in double quotes, `''` in single).
 */
function closingOf(text: string, from: number): number {
  const opening = text[from];
  if (opening === '"' || opening === "'") {
    for (let i = from + 1; i < text.length; i++) {
      if (opening === '"' && text[i] === '\\') i++;
      else if (text[i] === opening) {
        if (opening === "'" && text[i + 1] === "'") i++;
        else return i + 1;
      }
    }
    return -1;
  }
  const expected: string[] = [];
  for (let i = from; i < text.length; i++) {
    const char = text[i] as string;
    if (char === '[' || char === '{') expected.push(CLOSER[char]);
    else if (char === ']' || char === '}') {
      if (expected.pop() !== char) return -1;
      if (expected.length === 0) return i + 1;
    } else if (char === '"' || char === "'") {
      const end = closingOf(text, i);
      if (end === -1) return -1;
      i = end - 1;
    }
  }
  return -1;
}

/**
 * The quoted value or [list] / {map} left open: of the first one the parser
 * sees unclosed, the innermost one inside it that is unclosed too (in
 * `["Libya, Russia]` the quote, whose missing end swallowed the bracket), and
 * only if the raw text confirms that it is never closed. Line and column in
 * the YAML, from 1; `from`: the offset of the first unclosed one, where the
 * trouble starts.
 */
export function unclosedOpening(text: string): { line: number; col: number; opens: Opening; from: number } | undefined {
  const lines = new LineCounter();
  let first: number | undefined;
  let found: { offset: number; opens: Opening; depth: number } | undefined;
  const unclosed = (node: CST.Token): Opening | undefined => {
    if (node.type === 'double-quoted-scalar' || node.type === 'single-quoted-scalar') {
      const quote = node.type === 'double-quoted-scalar' ? '"' : "'";
      return closingOf(node.source, 0) === -1 ? quote : undefined;
    }
    if (
      node.type === 'flow-collection' &&
      !node.end.some((token) => token.source === CLOSER[node.start.source === '[' ? '[' : '{'])
    )
      return node.start.source === '[' ? '[' : '{';
    return undefined;
  };
  // Depth first, in document order, without recursion: a hostile file may nest
  // thousands of levels deep.
  const stack = [...new Parser(lines.addNewLine).parse(text)].reverse().map((token) => ({ token, depth: 0 }));
  while (stack.length > 0) {
    const { token, depth } = stack.pop() as { token: CST.Token; depth: number };
    // Past the first unclosed one's last descendant: done.
    if (found && depth <= found.depth) break;
    const opens = unclosed(token);
    if (opens) found = { offset: token.offset, opens, depth };
    first ??= found?.offset;
    if (token.type === 'document' && token.value) stack.push({ token: token.value, depth: depth + 1 });
    if ('items' in token)
      for (const item of [...token.items].reverse()) {
        if (item.value) stack.push({ token: item.value, depth: depth + 1 });
        if ('key' in item && item.key) stack.push({ token: item.key, depth: depth + 1 });
      }
  }
  if (!found) return undefined;
  const end = closingOf(text, found.offset);
  const from = first ?? found.offset;
  if (end === -1) return { ...lines.linePos(found.offset), opens: found.opens, from };
  // Closed in the text, but not for YAML: a " #" inside a list or map starts a comment that hides the closing bracket.
  const comment = /(?:^|\s)#/.exec(text.slice(found.offset, end));
  if (found.opens !== '[' && found.opens !== '{') return undefined;
  if (!comment) return undefined;
  const offset = found.offset + comment.index + comment[0].length - 1;
  return { ...lines.linePos(offset), opens: '#', from };
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
