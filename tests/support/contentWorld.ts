/**
 * A small, valid `content/` folder as data — one article that uses every
 * frontmatter field, the actors and the place it references — to break on
 * purpose: change one field, write the files (to a temp folder or straight
 * through `splitContentFile`) and run the real content check on them.
 *
 *     const world = baseWorld();
 *     setAt(world.article.data, ['events', 0, 'date'], '2020-02-30');
 *     const { problems } = await checkOnDisk(world);
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { checkContent } from '../../src/model/checkContent.ts';
import { type CollectionName, type RawEntry, readContentDir, splitContentFile } from '../../src/model/contentFiles.ts';
import type { ContentProblem } from '../../src/model/problems.ts';

export type Data = Record<string, unknown>;
export type Path = readonly (string | number)[];

export interface WorldFile {
  /** Frontmatter as data (serialised with `yaml`), or the whole file's text as written. */
  data: Data | string;
  body: string;
}

export interface World {
  article: WorldFile & { id: string };
  actors: Record<string, WorldFile>;
  places: Record<string, WorldFile>;
  /** Any other file, by path under the content folder (`articles/notes.txt`, `actors/Bad Name.md`). */
  extra?: Record<string, string>;
}

export const ARTICLE_ID = 'putin-thrown-off-course';
export const ARTICLE_FILE = `content/articles/${ARTICLE_ID}.md`;

/** Published on Wednesday 15 January 2020: "on Monday" is the 13th. */
export const BASE_BODY = `Khalifa Haftar left Moscow on Monday after talks with Vladimir Putin. Hours later, he flew to Amman.

## Aftermath

"It was a blow," said Kirill Semyonov, a Libya expert. Egypt backs Haftar, officials said.
`;

export function baseArticle(): Data {
  return {
    title: 'How Putin Was Thrown Off Course',
    dek: 'Haftar walked out of the Moscow talks.',
    byline: 'Henry Meyer',
    publisher: 'Bloomberg',
    republishedBy: 'The Moscow Times',
    originalUrl: 'https://example.com/story',
    published: '2020-01-15',
    updated: '2020-01-16',
    image: { caption: 'Khalifa Haftar', credit: 'A photographer / Agency' },
    topics: ['libya'],
    related: [{ title: 'A related story', url: 'https://example.com/related' }],
    actors: [
      { id: 'khalifa-haftar', aliases: ['Khalifa Haftar', 'Haftar'], role: 'The commander who walked out.' },
      { id: 'vladimir-putin', aliases: [{ text: 'vladimir putin', caseSensitive: false }], role: 'The host.' },
      { id: 'kirill-semyonov', aliases: ['Kirill Semyonov'] },
      { id: 'egypt', aliases: ['Egypt'] },
    ],
    places: [
      { id: 'moscow', aliases: ['Moscow'], role: 'Where the talks were held.' },
      { id: 'amman', aliases: ['Amman'] },
    ],
    events: [
      {
        id: 'moscow-talks',
        date: '2020-01-13',
        precision: 'day',
        phrase: 'on Monday',
        summary: 'Haftar leaves the Moscow talks.',
        actors: ['khalifa-haftar', 'vladimir-putin'],
        place: 'moscow',
      },
      {
        id: 'flight',
        date: '2020-01-13',
        precision: 'day',
        phrase: 'Hours later',
        after: 'moscow-talks',
        summary: 'Haftar flies to Amman.',
        actors: ['khalifa-haftar'],
        place: 'amman',
      },
    ],
    relations: [{ from: 'egypt', to: 'khalifa-haftar', kind: 'backs', quote: 'Egypt backs Haftar' }],
    sources: [
      {
        id: 'semyonov',
        kind: 'named',
        actor: 'kirill-semyonov',
        label: 'Kirill Semyonov',
        quote: 'said Kirill Semyonov',
      },
      { id: 'officials', kind: 'anonymous', label: 'officials', quote: 'officials said' },
    ],
  };
}

const person = (name: string, description: string): WorldFile => ({
  data: { name, kind: 'person', aliases: [`${name} (alias)`], description, wikidata: 'Q1234' },
  body: `${name} is in the news.\n`,
});

export function baseWorld(): World {
  return {
    article: { id: ARTICLE_ID, data: baseArticle(), body: BASE_BODY },
    actors: {
      'khalifa-haftar': person('Khalifa Haftar', 'Libyan military commander.'),
      'vladimir-putin': person('Vladimir Putin', 'President of Russia.'),
      'kirill-semyonov': person('Kirill Semyonov', 'A Libya expert.'),
      egypt: { data: { name: 'Egypt', kind: 'state', description: 'A state in North Africa.' }, body: '' },
    },
    places: {
      moscow: {
        data: {
          name: 'Moscow',
          kind: 'city',
          aliases: ['Moskva'],
          description: 'Capital of Russia.',
          coordinates: { lat: 55.75, lon: 37.62 },
          wikidata: 'Q649',
        },
        body: '',
      },
      amman: { data: { name: 'Amman', kind: 'city', coordinates: { lat: 31.95, lon: 35.93 } }, body: '' },
    },
  };
}

/** The text of a content file: YAML frontmatter between `---` lines, then the body. */
export function fileText(file: WorldFile): string {
  return typeof file.data === 'string' ? file.data : `---\n${stringify(file.data)}---\n${file.body}`;
}

/** Every file of the world: path under the content folder → text. */
export function worldFiles(world: World): Map<string, string> {
  const files = new Map<string, string>();
  files.set(`articles/${world.article.id}.md`, fileText(world.article));
  for (const [id, file] of Object.entries(world.actors)) files.set(`actors/${id}.md`, fileText(file));
  for (const [id, file] of Object.entries(world.places)) files.set(`places/${id}.md`, fileText(file));
  for (const [path, text] of Object.entries(world.extra ?? {})) files.set(path, text);
  return files;
}

/** Set the value at `path` inside `data` (objects and arrays along the way must exist). */
export function setAt(data: unknown, path: Path, value: unknown): void {
  let node = data as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1);
  if (last !== undefined) node[last] = value;
}

export function getAt(data: unknown, path: Path): unknown {
  let node = data as Record<string | number, unknown> | undefined;
  for (const key of path) node = node?.[key] as Record<string | number, unknown> | undefined;
  return node;
}

export interface CheckResult {
  problems: ContentProblem[];
  entries: RawEntry[];
}

/** The world through `splitContentFile` and `checkContent`, without touching the disk (fast, for property tests). */
export async function checkInMemory(world: World): Promise<CheckResult> {
  const entries: RawEntry[] = [];
  const problems: ContentProblem[] = [];
  for (const [path, text] of worldFiles(world)) {
    const [collection, name] = path.split('/') as [CollectionName, string];
    if (!name.endsWith('.md')) continue;
    const result = splitContentFile(collection, `content/${path}`, text);
    if (result.ok) entries.push(result.entry);
    else problems.push(result.problem);
  }
  return { problems: [...problems, ...(await checkContent(entries))], entries };
}

/** Write the world to a fresh temp folder (`<tmp>/content/…`); `remove` deletes it. */
export async function writeWorld(world: World): Promise<{ root: string; remove: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'backstory-content-'));
  for (const collection of ['articles', 'actors', 'places'])
    await mkdir(join(root, 'content', collection), { recursive: true });
  for (const [path, text] of worldFiles(world)) await writeFile(join(root, 'content', path), text);
  return { root, remove: () => rm(root, { recursive: true, force: true }) };
}

/** The world as the build reads it: files on disk, `readContentDir`, then `checkContent`. */
export async function checkOnDisk(world: World): Promise<CheckResult> {
  const { root, remove } = await writeWorld(world);
  try {
    const { entries, problems } = await readContentDir(root, 'content');
    return { problems: [...problems, ...(await checkContent(entries))], entries };
  } finally {
    await remove();
  }
}

/**
 * Does a problem's field name `path`? The check labels array items with their
 * id (`events[0] ("moscow-talks").date`); the label is optional here.
 */
export function namesField(field: string, path: Path): boolean {
  let pattern = '^';
  path.forEach((key, i) => {
    if (typeof key === 'number') pattern += `\\[${key}\\](?: \\(".*?"\\))?`;
    else pattern += `${i === 0 ? '' : '\\.'}${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
  });
  return new RegExp(`${pattern}(?:$|[.[ ])`).test(field);
}

/** `events[0].date`, for test names. */
export function showPath(path: Path): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('');
}
