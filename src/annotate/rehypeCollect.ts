/**
 * rehypeCollect: records what the other plugins produced, for the pages and
 * the derived data, without re-parsing Markdown.
 *
 * Runs last among the annotation plugins. It walks the rendered tree and
 * writes an `ArticleAnnotations` object (see `types.ts`), packed (see
 * `packed.ts`), to `file.data.astro.frontmatter.annotations`; the content
 * pipeline stores it with the article's HTML for the pages:
 *
 * ```html
 * <p id="p-0x1y2z3">Hours later, he left <a class="mention mention--city" data-entity="place:moscow" id="m-moscow-1" …>Moscow</a>.…</p>
 * ```
 * gives
 * ```js
 * { paragraphs: [{ id: 'p-0x1y2z3', kind: 'paragraph', text: 'Hours later, he left Moscow.' }],
 *   mentions: [{ entity: 'place:moscow', id: 'm-moscow-1', index: 1, paragraphId: 'p-0x1y2z3',
 *                offset: 21, text: 'Moscow', sentence: 'Hours later, he left Moscow.' }], … }
 * ```
 *
 * The tree is not changed. The frontmatter object is replaced, not mutated.
 */
import type { Element, Root, RootContent } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import type { VFile } from 'vfile';
import { normaliseSpace } from '../model/bodyText.ts';
import { isEntityKey, readArticle } from './article.ts';
import { type BlockKind, visitBlocks } from './blocks.ts';
import { packAnnotations } from './packed.ts';
import { normalisedOffsets, sentenceAt, sentenceRanges } from './text.ts';
import type { AnnotatedBlock, AnnotatedDate, AnnotatedMention, ArticleAnnotations, EntityKey } from './types.ts';

export default function rehypeCollect() {
  return (tree: Root, file: VFile): void => {
    if (!readArticle(file)) return;
    // Stored packed (see packed.ts); `unpackAnnotations` gives the full object back.
    const annotations = packAnnotations(collectAnnotations(tree));
    file.data.astro = { ...file.data.astro, frontmatter: { ...file.data.astro?.frontmatter, annotations } };
  };
}

/** Elements whose text is one unit for offsets and sentences (the innermost one counts). */
const CONTAINERS = new Set('p h1 h2 h3 h4 h5 h6 li td th dt dd caption figcaption'.split(' '));

interface Container {
  element: Element;
  raw: string;
}

interface Found {
  element: Element;
  container: Container | undefined;
  rawOffset: number;
}

/** Read the annotations back from a rendered article tree. */
export function collectAnnotations(tree: Root): ArticleAnnotations {
  const blocks = new Map<Element, BlockKind>();
  visitBlocks(tree, (element, kind) => blocks.set(element, kind));

  // One walk in document order: each text node feeds its innermost container,
  // each annotation remembers where in that container's text it starts.
  const paragraphs: AnnotatedBlock[] = [];
  const found: Found[] = [];
  const walk = (nodes: RootContent[], container: Container | undefined) => {
    for (const node of nodes) {
      if (node.type === 'text' && container) container.raw += node.value;
      if (node.type !== 'element') continue;
      if (isAnnotation(node)) found.push({ element: node, container, rawOffset: container?.raw.length ?? 0 });
      if (!CONTAINERS.has(node.tagName)) {
        walk(node.children, container);
        continue;
      }
      const inner: Container = { element: node, raw: '' };
      walk(node.children, inner);
      const kind = blocks.get(node);
      if (kind) paragraphs.push(block(node, kind, normaliseSpace(inner.raw)));
    }
  };
  walk(tree.children, undefined);

  // Offsets and sentences, container by container.
  const places = new Map<Found, Omit<AnnotatedMention, 'entity' | 'id' | 'index'>>();
  const byContainer = Map.groupBy(found, (f) => f.container);
  for (const [container, marks] of byContainer) {
    const words = marks.map((mark) => hastToString(mark.element));
    if (!container) {
      marks.forEach((mark, i) => {
        const text = normaliseSpace(words[i] ?? '');
        places.set(mark, { paragraphId: null, offset: 0, text, sentence: text });
      });
      continue;
    }
    const text = normaliseSpace(container.raw);
    const ranges = sentenceRanges(text);
    // Measured at each annotation's first visible character.
    const lead = (w: string) => w.length - w.trimStart().length;
    const offsets = normalisedOffsets(
      container.raw,
      marks.map((mark, i) => mark.rawOffset + lead(words[i] ?? '')),
    );
    const { id } = container.element.properties;
    const paragraphId = blocks.has(container.element) && typeof id === 'string' ? id : null;
    marks.forEach((mark, i) => {
      const offset = offsets[i] ?? 0;
      places.set(mark, {
        paragraphId,
        offset,
        text: normaliseSpace(words[i] ?? ''),
        sentence: sentenceAt(text, offset, ranges),
      });
    });
  }

  const mentions: AnnotatedMention[] = [];
  const dates: AnnotatedDate[] = [];
  const counts = new Map<EntityKey, number>();
  for (const mark of found) {
    const place = places.get(mark) ?? { paragraphId: null, offset: 0, text: '', sentence: '' };
    const id = String(mark.element.properties.id ?? '');
    const { dataEntity, dataEvent, dateTime } = mark.element.properties;
    if (isEntityKey(dataEntity)) {
      const index = (counts.get(dataEntity) ?? 0) + 1;
      counts.set(dataEntity, index);
      mentions.push({ entity: dataEntity, id, index, ...place });
    } else {
      dates.push({ eventId: String(dataEvent), datetime: String(dateTime ?? ''), id, ...place });
    }
  }

  const events: ArticleAnnotations['events'] = {};
  for (const date of dates) events[date.eventId] ??= { id: date.id, paragraphId: date.paragraphId };
  return { version: 1, paragraphs, mentions, dates, counts: Object.fromEntries(counts), events };
}

function block(element: Element, kind: BlockKind, text: string): AnnotatedBlock {
  const id = String(element.properties.id ?? '');
  if (kind === 'paragraph') return { id, kind, text };
  return { id, kind, depth: Number(element.tagName.slice(1)) as 1 | 2 | 3 | 4 | 5 | 6, text };
}

function isAnnotation(element: Element): boolean {
  const { dataEntity, dataEvent } = element.properties;
  return isEntityKey(dataEntity) || (element.tagName === 'time' && typeof dataEvent === 'string');
}
