/**
 * Synthetic corpus for the build benchmark.
 *
 * `generateArticles()` is pure: from the seed article (frontmatter + body) and
 * the ids of the real actors and places it makes N articles whose bodies are
 * the seed's sentences reshuffled (seeded PRNG, so the same N gives the same
 * corpus on every machine; article i does not depend on N) and whose
 * frontmatter is what an editor would have written for that text:
 *
 * - a publication date of its own (seed ± about four years);
 * - the seed's actors and places that exist in `content/`, each with those of
 *   the seed's aliases that occur in this body (entities with none are left out);
 * - the seed's events whose phrase occurs in this body, re-dated the way the
 *   seed's editor read the phrase (same reading, e.g. "the Monday before
 *   publication", against the new publication date or `after` event), and kept
 *   only if `checkEventDate` accepts the result;
 * - the relations and sources whose quotes occur and whose actors are declared.
 *
 * CLI: `node scripts/bench/generate.ts --articles 1000 --out .bench/corpus/1000 [--seed 1]`
 * writes `<out>/content/{articles,actors,places}` (actors and places copied from
 * the real `content/` so every reference resolves) and prints the path.
 */
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { normaliseSpace, occursAsWords, readBodyText } from '../../src/model/bodyText.ts';
import { addDays, dayRange, formatDay, isoWeekOf, parseDay } from '../../src/model/calendar.ts';
import { splitContentFile } from '../../src/model/contentFiles.ts';
import { checkEventDate, type DateReading, type PhraseContext, readDatePhrase } from '../../src/model/datePhrases.ts';
import {
  type AliasInput,
  type Article,
  type ArticleEvent,
  articleSchema,
  type EntityRef,
  type Precision,
} from '../../src/model/schema.ts';
import { deriveSeed, mulberry32, type Random, randomInt, shuffle } from './prng.ts';
import { splitBody } from './sentences.ts';

export interface SeedArticle {
  /** The seed's id (file name without `.md`), used in the generated slugs. */
  id: string;
  /** The seed's frontmatter as parsed from YAML. */
  data: unknown;
  body: string;
}

export interface GenerateOptions {
  count: number;
  /** PRNG seed; the default gives the reference corpus. */
  seed?: number;
  /** Ids of the files in content/actors and content/places; references to anything else are dropped. */
  actorIds: ReadonlySet<string>;
  placeIds: ReadonlySet<string>;
}

export interface GeneratedArticle {
  slug: string;
  data: Article;
  body: string;
  /** The whole Markdown file: YAML frontmatter + body. */
  source: string;
}

export const DEFAULT_SEED = 20200115;
/** Share of the seed's sentences left out of each article, so bodies differ in length too. */
const DROP_RATE = 0.12;
/** Publication dates spread over seed ± this many days. */
const PUBLISHED_SPREAD_DAYS = 1500;

export function generateArticles(seedArticle: SeedArticle, options: GenerateOptions): GeneratedArticle[] {
  return generateRange(seedArticle, options, 0, options.count);
}

/** Articles `from` to `to` (0-based, `to` excluded) of the corpus of `options.count` articles. */
export function generateRange(
  seedArticle: SeedArticle,
  options: GenerateOptions,
  from: number,
  to: number,
): GeneratedArticle[] {
  const seed = articleSchema.parse(seedArticle.data);
  const split = splitBody(seedArticle.body);
  if (split.sentences.length === 0) throw new Error(`the seed article "${seedArticle.id}" has no sentences`);
  const width = Math.max(4, String(options.count).length);
  const out: GeneratedArticle[] = [];
  for (let i = from; i < to; i++) {
    const random = mulberry32(deriveSeed(options.seed ?? DEFAULT_SEED, i));
    const slug = `${seedArticle.id}-${String(i + 1).padStart(width, '0')}`;
    out.push(generateOne(random, slug, i + 1, seed, split.sentences, split.headings, options));
  }
  return out;
}

function generateOne(
  random: Random,
  slug: string,
  number: number,
  seed: Article,
  sentences: readonly string[],
  headings: readonly string[],
  options: GenerateOptions,
): GeneratedArticle {
  const body = makeBody(random, sentences, headings);
  const published = formatDay(
    addDays(parseDay(seed.published), randomInt(random, -PUBLISHED_SPREAD_DAYS, PUBLISHED_SPREAD_DAYS)),
  );
  const fullText = readBodyText(body)
    .blocks.map((b) => b.text)
    .join('\n');

  const actors = keepEntities(seed.actors, options.actorIds, fullText);
  const places = keepEntities(seed.places, options.placeIds, fullText);
  const actorIds = new Set(actors.map((a) => a.id));
  const placeIds = new Set(places.map((p) => p.id));
  const events = redateEvents(seed, published, fullText).map((event) => {
    const kept: ArticleEvent = { ...event, actors: event.actors.filter((a) => actorIds.has(a)) };
    if (event.place && !placeIds.has(event.place)) delete kept.place;
    return kept;
  });
  const relations = seed.relations.filter(
    (r) => actorIds.has(r.from) && actorIds.has(r.to) && r.from !== r.to && fullText.includes(normaliseSpace(r.quote)),
  );
  const sources = seed.sources.filter(
    (s) =>
      (s.actor === undefined ? s.kind === 'anonymous' : actorIds.has(s.actor)) &&
      fullText.includes(normaliseSpace(s.quote)),
  );
  const topics = seed.topics.filter(() => random() < 0.75);
  const eventIds = new Set(events.map((e) => e.id));
  const declared = { actor: actorIds, place: placeIds, date: eventIds };

  const data: Article = {
    ...seed,
    title: `${seed.title} (synthetic ${number})`,
    originalUrl: `https://example.com/backstory-bench/${slug}`,
    published,
    topics: topics.length > 0 ? topics : seed.topics.slice(0, 1),
    actors,
    places,
    events,
    relations,
    sources,
  };
  delete data.updated;
  // A seed sentence may carry an editor's directive for an entity or event this
  // article does not keep (`:actor[Tripoli]{#government-of-national-accord}`
  // without any of that actor's aliases): keep its words, drop the directive.
  const text = unwrapUndeclared(body, declared);
  return { slug, data, body: text, source: toMarkdownFile(data, text) };
}

/** ~seed-sized body: the seed's sentences shuffled, a few dropped, regrouped into paragraphs, the seed's headings in between. */
export function makeBody(random: Random, sentences: readonly string[], headings: readonly string[]): string {
  const kept = shuffle(random, sentences).filter(() => random() >= DROP_RATE);
  const chosen = kept.length > 0 ? kept : [...sentences];
  const paragraphs: string[] = [];
  for (let at = 0; at < chosen.length; ) {
    const size = randomInt(random, 1, 4);
    paragraphs.push(chosen.slice(at, at + size).join(' '));
    at += size;
  }
  // Headings go at distinct paragraph boundaries after the opening paragraphs, in the seed's order.
  const slots = shuffle(
    random,
    paragraphs.map((_, i) => i).filter((i) => i >= 2 && i < paragraphs.length),
  )
    .slice(0, headings.length)
    .sort((a, b) => a - b);
  const blocks: string[] = [];
  let h = 0;
  paragraphs.forEach((paragraph, i) => {
    if (slots[h] === i && headings[h] !== undefined) blocks.push(headings[h++] as string);
    blocks.push(paragraph);
  });
  return `${blocks.join('\n\n')}\n`;
}

function aliasText(alias: AliasInput): string {
  return typeof alias === 'string' ? alias : alias.text;
}

/** Entities that exist in content/, with the aliases that occur in this text; entities left with none are dropped. */
const TARGETED_DIRECTIVE = /:(actor|place|date)\[([^\]]*)\]\{#([^}\s]+)\}/g;

/** The body with every `:actor`/`:place`/`:date` directive whose target is not declared replaced by its words. */
export function unwrapUndeclared(
  body: string,
  declared: Readonly<Record<'actor' | 'place' | 'date', ReadonlySet<string>>>,
): string {
  return body.replace(TARGETED_DIRECTIVE, (directive, kind: 'actor' | 'place' | 'date', words: string, id: string) =>
    declared[kind].has(id) ? directive : words,
  );
}

function keepEntities(refs: readonly EntityRef[], existing: ReadonlySet<string>, fullText: string): EntityRef[] {
  const out: EntityRef[] = [];
  for (const ref of refs) {
    if (!existing.has(ref.id)) continue;
    const aliases = ref.aliases.filter((alias) =>
      occursAsWords(fullText, aliasText(alias), typeof alias === 'string' ? true : alias.caseSensitive),
    );
    if (aliases.length > 0) out.push({ ...ref, aliases });
  }
  return out;
}

/**
 * The seed's events whose phrase occurs in the text, dated against the new
 * publication date by the reading the seed's editor chose. Events counted from
 * another event (`after`) are dated from that event's new date and dropped with it.
 */
function redateEvents(seed: Article, published: string, fullText: string): ArticleEvent[] {
  const byId = new Map(seed.events.map((e) => [e.id, e]));
  const dated = new Map<string, ArticleEvent>();
  const dropped = new Set<string>();
  const resolve = (event: ArticleEvent, depth: number): ArticleEvent | undefined => {
    if (dated.has(event.id)) return dated.get(event.id);
    if (dropped.has(event.id) || depth > seed.events.length) return undefined;
    let seedAnchor: PhraseContext['anchor'];
    let newAnchor: PhraseContext['anchor'];
    if (event.after) {
      const other = byId.get(event.after);
      const otherNew = other && other !== event ? resolve(other, depth + 1) : undefined;
      if (!other || !otherNew) {
        dropped.add(event.id);
        return undefined;
      }
      seedAnchor = { id: other.id, date: other.date, precision: other.precision };
      newAnchor = { id: otherNew.id, date: otherNew.date, precision: otherNew.precision };
    }
    if (!occursAsWords(fullText, normaliseSpace(event.phrase))) {
      dropped.add(event.id);
      return undefined;
    }
    const date = redate(
      event,
      { published: seed.published, ...(seedAnchor ? { anchor: seedAnchor } : {}) },
      { published, ...(newAnchor ? { anchor: newAnchor } : {}) },
    );
    if (date === undefined) {
      dropped.add(event.id);
      return undefined;
    }
    const out = { ...event, date };
    dated.set(event.id, out);
    return out;
  };
  return seed.events.flatMap((event) => resolve(event, 0) ?? []);
}

/**
 * Re-date one event: find the reading of its phrase that the seed's editor
 * chose and the position of the seed's date inside it, then take the same
 * reading (by label, else by position) in the new context and the date at the
 * same position. Falls back to any date some reading allows; undefined if none.
 */
export function redate(
  event: Pick<ArticleEvent, 'date' | 'precision' | 'phrase'>,
  seedContext: PhraseContext,
  newContext: PhraseContext,
): string | undefined {
  const seedCheck = checkEventDate(event, seedContext);
  if (!seedCheck.ok) return undefined;
  const seedReadings = readDatePhrase(event.phrase, seedContext);
  const seedIndex = seedReadings.findIndex(
    (r) => r.label === seedCheck.reading.label && r.start === seedCheck.reading.start,
  );
  const seedCandidates = datesWithin(seedCheck.reading, event.precision);
  const position = Math.max(0, seedCandidates.indexOf(event.date));

  const readings = readDatePhrase(event.phrase, newContext);
  const sameLabel = readings.filter((r) => r.label === seedCheck.reading.label);
  const samePlace = seedIndex >= 0 && readings[seedIndex] ? [readings[seedIndex]] : [];
  const ordered = [...new Set([...sameLabel, ...samePlace, ...readings])];
  for (const reading of ordered) {
    const candidates = datesWithin(reading, event.precision);
    const first = candidates[Math.min(position, candidates.length - 1)];
    for (const date of first === undefined ? candidates : [first, ...candidates]) {
      if (checkEventDate({ ...event, date }, newContext).ok) return date;
    }
  }
  return undefined;
}

/** Dates at `precision` whose span overlaps the reading, in order (capped: readings are at most a few decades). */
export function datesWithin(reading: Pick<DateReading, 'start' | 'end'>, precision: Precision): string[] {
  const start = parseDay(reading.start);
  const end = parseDay(reading.end);
  const out: string[] = [];
  if (precision === 'year') {
    for (let y = start.getUTCFullYear(); y <= end.getUTCFullYear(); y++) out.push(String(y).padStart(4, '0'));
  } else if (precision === 'month') {
    for (
      let d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1));
      d <= end;
      d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))
    ) {
      out.push(formatDay(d).slice(0, 7));
    }
  } else if (precision === 'week') {
    for (let d = start; d <= addDays(end, 6) && out.length < 600; d = addDays(d, 7)) {
      const week = isoWeekOf(d);
      if (dayRange(week).start <= end && !out.includes(week)) out.push(week);
    }
  } else {
    for (let d = start; d <= end && out.length < 4000; d = addDays(d, 1)) out.push(formatDay(d));
  }
  return out;
}

/** YAML frontmatter as an editor would write it (dates and numbers-as-text quoted), then the body. */
export function toMarkdownFile(data: Article, body: string): string {
  const ordered: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined) continue;
    if (Array.isArray(value) && value.length === 0 && key !== 'topics') continue;
    ordered[key] = value;
  }
  const yaml = stringify(ordered, { version: '1.1', lineWidth: 0 });
  return `---\n${yaml}---\n\n${body}`;
}

// ---------------------------------------------------------------------------
// File system side: read the seed, write a corpus folder.

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SEED_ARTICLE = 'how-putin-was-thrown-off-course';

export async function readSeed(contentDir = path.join(repoRoot, 'content'), id = SEED_ARTICLE): Promise<SeedArticle> {
  const file = path.join(contentDir, 'articles', `${id}.md`);
  const result = splitContentFile('articles', `content/articles/${id}.md`, await readFile(file, 'utf8'));
  if (!result.ok) throw new Error(`cannot read the seed ${file}: ${result.problem.message}`);
  return { id, data: result.entry.data, body: result.entry.body };
}

export async function listIds(dir: string): Promise<Set<string>> {
  try {
    return new Set((await readdir(dir)).filter((n) => n.endsWith('.md')).map((n) => n.slice(0, -3)));
  } catch {
    return new Set();
  }
}

export interface CorpusInfo {
  contentDir: string;
  articles: number;
  actors: number;
  places: number;
  /** Averages per article, to show the annotation density kept. */
  perArticle: { bodyChars: number; actors: number; places: number; events: number; relations: number; sources: number };
}

/** Write `<outDir>/content/{articles,actors,places}` for N synthetic articles (replacing what was there). */
export async function writeCorpus(outDir: string, count: number, seed = DEFAULT_SEED): Promise<CorpusInfo> {
  const source = path.join(repoRoot, 'content');
  const contentDir = path.join(path.resolve(outDir), 'content');
  await rm(contentDir, { recursive: true, force: true });
  await mkdir(path.join(contentDir, 'articles'), { recursive: true });
  for (const folder of ['actors', 'places']) {
    await mkdir(path.join(contentDir, folder), { recursive: true });
    await cp(path.join(source, folder), path.join(contentDir, folder), { recursive: true }).catch(() => undefined);
  }
  const actorIds = await listIds(path.join(source, 'actors'));
  const placeIds = await listIds(path.join(source, 'places'));
  const articles = generateArticles(await readSeed(source), { count, seed, actorIds, placeIds });
  const sum = { bodyChars: 0, actors: 0, places: 0, events: 0, relations: 0, sources: 0 };
  for (const article of articles) {
    await writeFile(path.join(contentDir, 'articles', `${article.slug}.md`), article.source);
    sum.bodyChars += article.body.length;
    sum.actors += article.data.actors.length;
    sum.places += article.data.places.length;
    sum.events += article.data.events.length;
    sum.relations += article.data.relations.length;
    sum.sources += article.data.sources.length;
  }
  const avg = (n: number) => Math.round((n / Math.max(1, articles.length)) * 10) / 10;
  return {
    contentDir,
    articles: articles.length,
    actors: actorIds.size,
    places: placeIds.size,
    perArticle: {
      bodyChars: avg(sum.bodyChars),
      actors: avg(sum.actors),
      places: avg(sum.places),
      events: avg(sum.events),
      relations: avg(sum.relations),
      sources: avg(sum.sources),
    },
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = await import('node:util').then(({ parseArgs }) =>
    parseArgs({
      options: { articles: { type: 'string', default: '100' }, out: { type: 'string' }, seed: { type: 'string' } },
    }),
  );
  const count = Number(values.articles);
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`--articles must be a positive integer, not ${values.articles}`);
  const out = values.out ?? path.join(repoRoot, '.bench', 'corpus', String(count));
  const info = await writeCorpus(out, count, values.seed === undefined ? DEFAULT_SEED : Number(values.seed));
  console.log(JSON.stringify(info, null, 2));
}
