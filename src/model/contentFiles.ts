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
    if (open && open.from <= (yamlError.pos[0] ?? text.length)) return { ok: false, ...open.problem };
    const line = (yamlError.linePos?.[0]?.line ?? 0) + 1; // +1 for the opening "---"
    if (/call stack/i.test(yamlError.message)) {
      return {
        ok: false,
        field: '(frontmatter)',
        message: 'invalid YAML: lists or maps are nested too deeply to read',
        fix: 'write the data with fewer levels of [ ] and { } inside each other',
      };
    }
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
    return { ok: true, data: doc.toJS({ maxAliasCount: 50 }) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // `dek: *Analysis*`: Markdown emphasis, read as an alias to an anchor that does not exist.
    const missing = /^Unresolved alias[^:]*: (.+)$/.exec(reason)?.[1];
    const at = missing === undefined ? -1 : text.indexOf(`*${missing}`);
    if (missing !== undefined && at !== -1) {
      const line = text.slice(0, at).split('\n').length + 1;
      return {
        ok: false,
        field: `(frontmatter, line ${line})`,
        message: `invalid YAML: *${missing} reads as an alias (*name) to an anchor (&name) that does not exist`,
        fix: `put the value in quotes ("*${missing}") if the asterisk is part of the text`,
      };
    }
    // e.g. a "billion laughs" of nested &anchors / *aliases
    return {
      ok: false,
      field: '(frontmatter)',
      message: `the YAML cannot be expanded: ${reason}`,
      fix: 'write the values out instead of using YAML anchors (&name) and aliases (*name)',
    };
  }
}

type Opening = '"' | "'" | '[' | '{';

const CLOSER = { '"': '"', "'": "'", '[': ']', '{': '}' } as const;

/** How to close each opening; inside quotes, how to write the quote itself. */
const CLOSE_FIX: Record<Opening, string> = {
  '"': 'end the value with "; inside it, write \\" for a " that is part of the text',
  "'": "end the value with '; inside it, write '' for a ' that is part of the text",
  '[': 'end the list with ] (or write it one "- item" per line)',
  '{': 'end the map with }',
};

/** Where a quoted value or bracket that opens at `from` ends in the raw text, and what lies on the way. */
interface RawEnd {
  /** Offset after the closing character; -1 when never closed, or a bracket is closed by the wrong one. */
  end: number;
  /** Offset of the first line start on the way whose first character is not a space (a value going on there is not indented). */
  margin: number;
  /** Offset of the first ` #` on the way outside quotes, which YAML reads as the start of a comment (brackets only). */
  comment: number;
}

/**
 * Scans the raw text from an opening quote or bracket to its end, YAML's way:
 * `\"` inside double quotes and `''` inside single quotes are not the end; in
 * a list or map, a quote only opens a quoted value at the start of an item
 * (`Haftar's` is a plain word).
 */
function scanFrom(text: string, from: number): RawEnd {
  const result: RawEnd = { end: -1, margin: -1, comment: -1 };
  const note = (i: number) => {
    if (result.margin === -1 && text[i] === '\n' && i + 1 < text.length && !/[\s]/.test(text[i + 1] as string))
      result.margin = i + 1;
  };
  const opening = text[from] as Opening;
  if (opening === '"' || opening === "'") {
    for (let i = from + 1; i < text.length; i++) {
      note(i);
      if (opening === '"' && text[i] === '\\') i++;
      else if (text[i] === opening) {
        if (opening === "'" && text[i + 1] === "'") i++;
        else return { ...result, end: i + 1 };
      }
    }
    return result;
  }
  const expected: string[] = [];
  let itemStart = true;
  for (let i = from; i < text.length; i++) {
    note(i);
    const char = text[i] as string;
    if (char === '[' || char === '{') {
      expected.push(CLOSER[char]);
      itemStart = true;
    } else if (char === ']' || char === '}') {
      if (expected.pop() !== char) return result;
      if (expected.length === 0) return { ...result, end: i + 1 };
      itemStart = false;
    } else if ((char === '"' || char === "'") && itemStart) {
      const quoted = scanFrom(text, i);
      if (quoted.end === -1) return result;
      i = quoted.end - 1;
      itemStart = false;
    } else if (char === '#' && /\s/.test(text[i - 1] ?? '')) {
      if (result.comment === -1) result.comment = i;
      // The comment runs to the end of the line.
      const lineEnd = text.indexOf('\n', i);
      i = lineEnd === -1 ? text.length : lineEnd - 1;
    } else if (char === ',' || char === ':') itemStart = true;
    else if (!/\s/.test(char)) itemStart = false;
  }
  return result;
}

/**
 * The quoted value or [list] / {map} that the parser could not close: of the
 * first one it sees unclosed, the innermost one inside it that is unclosed too
 * (in `["Libya, Russia]` the quote, whose missing end swallowed the bracket).
 * What the raw text shows decides the message: a ` #` that starts a comment
 * and hides the closing bracket; never closed; or closed only after a line at
 * the margin (that `]` may belong to something else, and a value that goes on
 * must be indented). `from`: the offset of the first unclosed one, where the
 * trouble starts; lines are lines of the file (the opening `---` is line 1).
 */
function unclosedOpening(
  text: string,
): { from: number; problem: { field: string; message: string; fix: string } } | undefined {
  const lines = new LineCounter();
  let first: number | undefined;
  let found: { offset: number; opens: Opening; depth: number } | undefined;
  const unclosed = (node: CST.Token): Opening | undefined => {
    if (node.type === 'double-quoted-scalar' || node.type === 'single-quoted-scalar') {
      const quote = node.type === 'double-quoted-scalar' ? '"' : "'";
      return scanFrom(node.source, 0).end === -1 ? quote : undefined;
    }
    if (node.type === 'flow-collection') {
      const opens = node.start.source === '[' ? '[' : '{';
      return node.end.some((token) => token.source === CLOSER[opens]) ? undefined : opens;
    }
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
  if (!found || first === undefined) return undefined;
  const { opens, offset } = found;
  const at = (where: number) => {
    const { line, col } = lines.linePos(where);
    return { line: line + 1, col };
  };
  const open = at(offset);
  const raw = scanFrom(text, offset);
  const field = (line: number) => `(frontmatter, line ${line})`;
  const stop = raw.end === -1 ? text.length : raw.end;
  if (raw.comment !== -1 && raw.comment < stop && (raw.margin === -1 || raw.comment < raw.margin)) {
    const hash = at(raw.comment);
    return {
      from: first,
      problem: {
        field: field(hash.line),
        message: `invalid YAML: the # at line ${hash.line}, column ${hash.col} starts a comment: the rest of that line, closing ${CLOSER[opens]} included, is not read`,
        fix: 'put the value that holds the # in quotes, e.g. "the #1 ally"',
      },
    };
  }
  if (raw.end === -1) {
    return {
      from: first,
      problem: {
        field: field(open.line),
        message: `invalid YAML: the ${opens} at line ${open.line}, column ${open.col} is never closed`,
        fix: CLOSE_FIX[opens],
      },
    };
  }
  if (raw.margin !== -1 && raw.margin < stop) {
    const next = at(raw.margin);
    return {
      from: first,
      problem: {
        field: field(open.line),
        message: `invalid YAML: the ${opens} at line ${open.line}, column ${open.col} is not closed before line ${next.line}, which starts at the margin`,
        fix: `close it with ${CLOSER[opens]} before line ${next.line}, or, if the value goes on there, indent that line`,
      },
    };
  }
  return undefined;
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
