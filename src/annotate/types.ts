/**
 * Types shared by the annotation plugins and by everything that reads their
 * output (`remarkPluginFrontmatter.annotations`, `/data/` exports, the
 * annotation report).
 */

/** `actor:<id>` or `place:<id>`: the key of an entity across the site. */
export type EntityKey = `actor:${string}` | `place:${string}`;

/** What the plugins need to know about an entity beyond the article itself. */
export interface EntityInfo {
  /** `person` | `state` | `organisation` | `group` for actors; `city` | `country` | … for places. */
  kind: string;
  name: string;
}

/** Options of `annotationPlugins` (and of the plugins that build links). */
export interface AnnotateOptions {
  /** The site's base path (`/` or `/sub/`); mention links are built under it. */
  base: string;
  /** Every actor and place of the site, keyed `actor:<id>` / `place:<id>`. */
  entities: Readonly<Record<string, EntityInfo>>;
}

/** A heading or body paragraph of the article, in document order. */
export type AnnotatedBlock =
  | { id: string; kind: 'paragraph'; text: string }
  | { id: string; kind: 'heading'; depth: 1 | 2 | 3 | 4 | 5 | 6; text: string };

/** One mention of an entity in the rendered article. */
export interface AnnotatedMention {
  entity: EntityKey;
  /** Fragment id of the mention element: `m-<entity id>-<n>`. */
  id: string;
  /** 1-based: this is the `index`-th mention of `entity` in the article. */
  index: number;
  /** Id of the paragraph or heading holding it; `null` outside them (table cells, tight list items, footnotes). */
  paragraphId: string | null;
  /** Offset (UTF-16 code units) of the mention in the whitespace-normalised text of its block. */
  offset: number;
  /** The words of the mention as the reader sees them. */
  text: string;
  /** The sentence of the block that contains the mention. */
  sentence: string;
}

/** One date element (`<time data-event>`) in the rendered article. */
export interface AnnotatedDate {
  eventId: string;
  /** The `datetime` attribute: the event's date at its precision (`2020-01-13`, `2019-04`, `2011`, `2020-W02`). */
  datetime: string;
  /** Fragment id: `event-<event id>` for the first date of an event, `event-<event id>-<n>` after it. */
  id: string;
  paragraphId: string | null;
  offset: number;
  text: string;
  sentence: string;
}

/**
 * Everything the pages and derived data need about one article's annotations,
 * written by `rehypeCollect` to `remarkPluginFrontmatter.annotations` (packed,
 * see `packed.ts`: read it with `unpackAnnotations`). All of it is plain JSON.
 */
export interface ArticleAnnotations {
  version: 1;
  /** Headings and body paragraphs with their stable ids, in document order. */
  paragraphs: AnnotatedBlock[];
  /** Every mention, in document order. */
  mentions: AnnotatedMention[];
  /** Every date element, in document order. */
  dates: AnnotatedDate[];
  /** Mentions per entity; entities that are never mentioned are absent. */
  counts: Partial<Record<EntityKey, number>>;
  /** Per event id: where its (first) date element is, for timeline links. Events never dated are absent. */
  events: Record<string, { id: string; paragraphId: string | null }>;
}

/**
 * How the remark plugins mark the mdast nodes they produce, so that the
 * plugins after them leave those nodes (and their text) alone.
 */
export type AnnotationMark =
  | { kind: 'mention'; entity: EntityKey }
  | { kind: 'date'; eventId: string }
  | { kind: 'plain' };

declare module 'mdast' {
  interface Data {
    /** Set on nodes produced by the annotation plugins. */
    annotation?: AnnotationMark | undefined;
  }
}
