/**
 * Reads the editors' Markdown files straight from `content/` so the content
 * check can run before Astro renders anything (and in plain unit tests).
 *
 * YAML is read with the YAML 1.2 core schema: `2020-02-30` stays the string
 * the editor wrote instead of silently becoming 1 March, so the schema can
 * reject it by name. See `readYaml` for the two parsers and why.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import type { Root } from 'mdast';
import { parseDocument } from 'yaml';
import { entityIndex } from '../annotate/entities.ts';
import type { EntityInfo } from '../annotate/types.ts';
import { type BodyText, parseBody, readBodyText, rememberBodyText } from './bodyText.ts';
import { directiveProblems, entitiesKey, rememberDirectiveProblems } from './directiveCheck.ts';
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

/** What `readContentDir` found, and where: read once per build, shared by the config and the integrations. */
export interface ContentSnapshot {
  /** Absolute project root the folder was read from. */
  root: string;
  contentDir: string;
  entries: readonly RawEntry[];
  problems: readonly ContentProblem[];
}

export interface ReadOptions {
  /**
   * Worker threads that read and parse files alongside this one (YAML is slow:
   * ≈4 ms for an article's frontmatter). They also work out each article's
   * body text for the content check (`bodyTextOf`). 0: all on this thread.
   */
  threads?: number;
}

export async function readContentSnapshot(
  root: string,
  contentDir = 'content',
  options: ReadOptions = {},
): Promise<ContentSnapshot> {
  return { root: path.resolve(root), contentDir, ...(await readContentDir(root, contentDir, options)) };
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

/** One file to read: its collection, the path shown to editors, and where it is on disk. */
export interface ContentFile {
  collection: CollectionName;
  file: string;
  path: string;
}

/** What reading one file gave, and what the content check needs of an article, worked out ahead. */
export interface ReadResult {
  result: SplitResult;
  bodyText?: BodyText | undefined;
  directives?: ContentProblem[] | undefined;
}

/** Read every `*.md` file of the three collections under `contentDir`. */
export async function readContentDir(
  root: string,
  contentDir = 'content',
  options: ReadOptions = {},
): Promise<{ entries: RawEntry[]; problems: ContentProblem[] }> {
  const entries: RawEntry[] = [];
  const problems: ContentProblem[] = [];
  const files: ContentFile[] = [];
  for (const collection of collectionNames) {
    const dir = path.resolve(root, contentDir, collection);
    let names: string[];
    try {
      const all = await readdir(dir);
      names = all.filter((name) => name.endsWith('.md')).sort();
      // Astro only loads `*.md`: a story saved as .markdown or .MD would silently never appear.
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
  const threads = files.length >= PARALLEL_FROM ? Math.max(0, Math.floor(options.threads ?? 0)) : 0;
  const read = threads > 0 ? await readInParallel(files, threads) : await readFiles(files, {});
  for (const { result, bodyText, directives } of read.results) {
    if (!result.ok) {
      problems.push(result.problem);
      continue;
    }
    entries.push(result.entry);
    if (bodyText) rememberBodyText(result.entry, bodyText);
    if (directives && read.entitiesKey !== undefined)
      rememberDirectiveProblems(result.entry, read.entitiesKey, directives);
  }
  return { entries, problems };
}

/** Below this many files a worker costs more than it saves. */
const PARALLEL_FROM = 64;

/** What `readFiles` works out ahead for the content check, besides splitting each file. */
export interface AheadOptions {
  /** The body text of each article (`bodyTextOf`). */
  bodies?: boolean;
  /** The directive check of each article against these entities (`directiveProblemsOf`), on the same parse. */
  entities?: Readonly<Record<string, EntityInfo>> | undefined;
}

/** Read and split `files` in order, and work out for each article what `ahead` asks for. */
export async function readFiles(
  files: readonly ContentFile[],
  ahead: AheadOptions,
): Promise<{ results: ReadResult[]; entitiesKey?: string }> {
  const results: ReadResult[] = [];
  for (const { collection, file, path: where } of files) {
    const result = splitContentFile(collection, file, await readFile(where, 'utf8'));
    if (!result.ok || collection !== 'articles' || !(ahead.bodies || ahead.entities)) {
      results.push({ result });
      continue;
    }
    // One parse for both; any failure is left to the content check, which then fails as ever.
    let tree: Root | undefined;
    let bodyText: BodyText | undefined;
    let directives: ContentProblem[] | undefined;
    try {
      tree = parseBody(result.entry.body);
      if (ahead.bodies) bodyText = readBodyText(result.entry.body, tree);
      if (ahead.entities) directives = directiveProblems(result.entry, ahead.entities, tree);
    } catch {
      // nothing worked out ahead beyond this point
    }
    results.push({ result, bodyText, directives });
  }
  return ahead.entities ? { results, entitiesKey: entitiesKey(ahead.entities) } : { results };
}

/**
 * Actors and places first, on this thread (the articles' directive check
 * needs their kinds); then the articles cut in `threads + 1` runs: this thread
 * reads the first, a worker each of the others (`contentWorker.ts`). Results
 * in file order, the same as reading them one by one. A worker that cannot
 * start or fails leaves its run to this thread.
 */
async function readInParallel(
  files: readonly ContentFile[],
  threads: number,
): Promise<{ results: ReadResult[]; entitiesKey?: string }> {
  const profiles = files.filter((file) => file.collection !== 'articles');
  const articles = files.filter((file) => file.collection === 'articles');
  const { results: profileResults } = await readFiles(profiles, {});
  const entities = entityIndex(profileResults.flatMap(({ result }) => (result.ok ? [result.entry] : [])));
  const ahead: AheadOptions = { bodies: true, entities };
  const size = Math.ceil(articles.length / (threads + 1));
  const runs = Array.from({ length: threads + 1 }, (_, i) => articles.slice(i * size, (i + 1) * size));
  const [own = [], ...others] = runs;
  const fromWorkers = others.map((run) => (run.length === 0 ? Promise.resolve([]) : readInWorker(run, ahead)));
  const first = await readFiles(own, ahead);
  const rest = await Promise.all(
    fromWorkers.map((pending, i) => pending.catch(async () => (await readFiles(others[i] ?? [], ahead)).results)),
  );
  const byFile = new Map([...profiles, ...articles].map((file, i) => [file, i]));
  const all = [...profileResults, ...first.results, ...rest.flat()];
  return {
    results: files.map((file) => all[byFile.get(file) ?? -1] as ReadResult),
    entitiesKey: entitiesKey(entities),
  };
}

function readInWorker(files: readonly ContentFile[], ahead: AheadOptions): Promise<ReadResult[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./contentWorker.ts', import.meta.url), { workerData: { files, ahead } });
    worker.once('message', (results: ReadResult[]) => {
      resolve(results);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`content worker exited with ${code}`)));
  });
}
