/**
 * Reads the editors' Markdown files straight from `content/` so the content
 * check can run before Astro renders anything (and in plain unit tests).
 *
 * YAML is parsed with the YAML 1.2 core schema: `2020-02-30` stays the string
 * the editor wrote instead of silently becoming 1 March, so the schema can
 * reject it by name.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
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

const FRONTMATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

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
  const doc = parseDocument(yamlText, { schema: 'core', uniqueKeys: true, prettyErrors: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = (yamlError.linePos?.[0]?.line ?? 0) + 1; // +1 for the opening "---"
    const firstLine = yamlError.message.split('\n')[0] ?? yamlError.message;
    return fail(
      file,
      `(frontmatter, line ${line})`,
      `invalid YAML: ${firstLine}`,
      'fix the YAML syntax on that line (quote strings that contain ":" or start with a special character)',
    );
  }
  const data: unknown = doc.toJS({ maxAliasCount: 50 });
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

/** What `readContentDir` found, and where: read once per build, shared by the config and the integrations. */
export interface ContentSnapshot {
  /** Absolute project root the folder was read from. */
  root: string;
  contentDir: string;
  entries: readonly RawEntry[];
  problems: readonly ContentProblem[];
}

export async function readContentSnapshot(root: string, contentDir = 'content'): Promise<ContentSnapshot> {
  return { root: path.resolve(root), contentDir, ...(await readContentDir(root, contentDir)) };
}

/**
 * The content under `root`/`contentDir`: `snapshot` when it was read from that
 * very folder (the config reads it once and hands it to the integrations),
 * else a fresh read.
 */
export function contentAt(root: string, contentDir: string, snapshot?: ContentSnapshot): Promise<ContentSnapshot> {
  const folder = path.resolve(root, contentDir);
  if (snapshot && path.resolve(snapshot.root, snapshot.contentDir) === folder) return Promise.resolve(snapshot);
  return readContentSnapshot(root, contentDir);
}

/** Read every `*.md` file of the three collections under `contentDir`. */
export async function readContentDir(
  root: string,
  contentDir = 'content',
): Promise<{ entries: RawEntry[]; problems: ContentProblem[] }> {
  const entries: RawEntry[] = [];
  const problems: ContentProblem[] = [];
  for (const collection of collectionNames) {
    const dir = path.resolve(root, contentDir, collection);
    let names: string[];
    try {
      names = (await readdir(dir)).filter((name) => name.endsWith('.md')).sort();
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
      const file = path.posix.join(contentDir, collection, name);
      const result = splitContentFile(collection, file, await readFile(path.join(dir, name), 'utf8'));
      if (result.ok) entries.push(result.entry);
      else problems.push(result.problem);
    }
  }
  return { entries, problems };
}
