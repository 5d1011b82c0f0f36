/**
 * How `rehypeCollect` stores an article's `ArticleAnnotations`
 * (`file.data.astro.frontmatter.annotations`, then the rendered-article file
 * the pages read, see `src/model/renderedArticles.ts`), and how readers get
 * the full object back (`unpackAnnotations`, `readStoredAnnotations`).
 *
 * Why: every article's annotations are written, read and parsed once per
 * build: hundreds of small objects per article, each repeating its field
 * names and its sentence. Packed,
 * a mention is a tuple, its sentence is left out when the paragraph's text
 * gives it back, and `index`, `counts` and `events` are recomputed.
 *
 * Packing is exact: `unpackAnnotations(packAnnotations(a))` deep-equals `a`.
 * Whatever would not come back the same (a sentence the paragraph does not
 * give, a paragraph id that is no block's) is kept as is; if a recomputed
 * part would differ, the annotations are stored unpacked.
 */
import { sentenceAt, sentenceRanges } from './text.ts';
import type { AnnotatedBlock, AnnotatedDate, AnnotatedMention, ArticleAnnotations, EntityKey } from './types.ts';

/**
 * Where an annotation is: the index of its block in `blocks`, or the
 * paragraph id itself (`null` outside paragraphs) when no block has it.
 */
type Where = number | string | null;

/** `[id, text]` for a paragraph, `[id, text, depth]` for a heading. */
type PackedBlock = [string, string] | [string, string, number];
/** `[entity, id, where, offset, text]`, plus the sentence when the block's text does not give it. */
type PackedMention = [EntityKey, string, Where, number, string] | [EntityKey, string, Where, number, string, string];
/** `[eventId, datetime, id, where, offset, text]`, plus the sentence when the block's text does not give it. */
type PackedDate =
  | [string, string, string, Where, number, string]
  | [string, string, string, Where, number, string, string];

export interface PackedAnnotations {
  version: 1;
  format: 'packed';
  blocks: PackedBlock[];
  mentions: PackedMention[];
  dates: PackedDate[];
}

export function isPackedAnnotations(value: unknown): value is PackedAnnotations {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Partial<PackedAnnotations>).version === 1 &&
    (value as Partial<PackedAnnotations>).format === 'packed' &&
    Array.isArray((value as Partial<PackedAnnotations>).blocks) &&
    Array.isArray((value as Partial<PackedAnnotations>).mentions) &&
    Array.isArray((value as Partial<PackedAnnotations>).dates)
  );
}

/** The stored form of `annotations`: packed when it unpacks to exactly the same, else as is. */
export function packAnnotations(annotations: ArticleAnnotations): PackedAnnotations | ArticleAnnotations {
  const blocks = annotations.paragraphs.map(
    (block): PackedBlock => (block.kind === 'heading' ? [block.id, block.text, block.depth] : [block.id, block.text]),
  );
  const indexOf = new Map<string, number>();
  annotations.paragraphs.forEach((block, i) => {
    if (!indexOf.has(block.id)) indexOf.set(block.id, i);
  });
  const sentences = new SentenceCache(annotations.paragraphs);
  const where = (paragraphId: string | null): Where =>
    paragraphId === null ? null : (indexOf.get(paragraphId) ?? paragraphId);
  const needsSentence = (at: Where, offset: number, sentence: string) =>
    typeof at !== 'number' || sentences.at(at, offset) !== sentence;

  // Recomputed on unpacking: each mention's index (its rank among its entity's), counts, events.
  const counts = new Map<EntityKey, number>();
  let exact = true;
  const mentions = annotations.mentions.map((m): PackedMention => {
    const index = (counts.get(m.entity) ?? 0) + 1;
    counts.set(m.entity, index);
    if (m.index !== index) exact = false;
    const at = where(m.paragraphId);
    return needsSentence(at, m.offset, m.sentence)
      ? [m.entity, m.id, at, m.offset, m.text, m.sentence]
      : [m.entity, m.id, at, m.offset, m.text];
  });
  const dates = annotations.dates.map((d): PackedDate => {
    const at = where(d.paragraphId);
    return needsSentence(at, d.offset, d.sentence)
      ? [d.eventId, d.datetime, d.id, at, d.offset, d.text, d.sentence]
      : [d.eventId, d.datetime, d.id, at, d.offset, d.text];
  });
  exact &&=
    sameJson(Object.fromEntries(counts), annotations.counts) &&
    sameJson(eventsOf(annotations.dates), annotations.events);
  return exact ? { version: 1, format: 'packed', blocks, mentions, dates } : annotations;
}

/** Per event id, where its first date element is (what `rehypeCollect` records). */
function eventsOf(dates: readonly AnnotatedDate[]): ArticleAnnotations['events'] {
  const events: ArticleAnnotations['events'] = {};
  for (const date of dates) events[date.eventId] ??= { id: date.id, paragraphId: date.paragraphId };
  return events;
}

/** The full annotations from a stored value (packed or not), unpacked once per value; `undefined` when it is neither. */
export function readStoredAnnotations(stored: unknown): ArticleAnnotations | undefined {
  if (typeof stored !== 'object' || stored === null) return undefined;
  let annotations = unpacked.get(stored);
  if (!annotations) {
    if (isPackedAnnotations(stored)) annotations = unpackAnnotations(stored);
    else if ('version' in stored && stored.version === 1) annotations = stored as ArticleAnnotations;
    else return undefined;
    unpacked.set(stored, annotations);
  }
  return annotations;
}

const unpacked = new WeakMap<object, ArticleAnnotations>();

/** The full annotations from their stored form (packed or not). */
export function unpackAnnotations(stored: PackedAnnotations | ArticleAnnotations): ArticleAnnotations {
  if (!isPackedAnnotations(stored)) return stored;
  const paragraphs = stored.blocks.map(
    ([id, text, depth]): AnnotatedBlock =>
      depth === undefined
        ? { id, kind: 'paragraph', text }
        : { id, kind: 'heading', depth: depth as 1 | 2 | 3 | 4 | 5 | 6, text },
  );
  const sentences = new SentenceCache(paragraphs);
  const paragraphIdOf = (at: Where): string | null => (typeof at === 'number' ? (paragraphs[at]?.id ?? null) : at);
  const sentenceOf = (at: Where, offset: number, stored: string | undefined): string =>
    stored ?? (typeof at === 'number' ? sentences.at(at, offset) : '');

  const counts = new Map<EntityKey, number>();
  const mentions = stored.mentions.map(([entity, id, at, offset, text, sentence]): AnnotatedMention => {
    const index = (counts.get(entity) ?? 0) + 1;
    counts.set(entity, index);
    return {
      entity,
      id,
      index,
      paragraphId: paragraphIdOf(at),
      offset,
      text,
      sentence: sentenceOf(at, offset, sentence),
    };
  });
  const dates = stored.dates.map(
    ([eventId, datetime, id, at, offset, text, sentence]): AnnotatedDate => ({
      eventId,
      datetime,
      id,
      paragraphId: paragraphIdOf(at),
      offset,
      text,
      sentence: sentenceOf(at, offset, sentence),
    }),
  );
  return { version: 1, paragraphs, mentions, dates, counts: Object.fromEntries(counts), events: eventsOf(dates) };
}

/** Sentences of the blocks' texts, split once per block. */
class SentenceCache {
  readonly #blocks: readonly AnnotatedBlock[];
  readonly #ranges = new Map<number, [number, number][]>();
  constructor(blocks: readonly AnnotatedBlock[]) {
    this.#blocks = blocks;
  }
  at(block: number, offset: number): string {
    const text = this.#blocks[block]?.text ?? '';
    let ranges = this.#ranges.get(block);
    if (!ranges) {
      ranges = sentenceRanges(text);
      this.#ranges.set(block, ranges);
    }
    return sentenceAt(text, offset, ranges);
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
