/**
 * The mdast nodes the remark plugins produce, in one place so that the HTML
 * of a mention or a date is the same whether an alias, an event phrase or an
 * editor's directive produced it.
 *
 * They are `textDirective` nodes (what the editor would have written by hand,
 * `:actor[Haftar]{#khalifa-haftar}`) carrying `data.hName`/`data.hProperties`
 * for remark-rehype, and `data.annotation` so later plugins skip them.
 */
import type { PhrasingContent, Text } from 'mdast';
// Brings in the `data.hName` / `data.hProperties` fields remark-rehype reads.
import type {} from 'remark-rehype';
import { entityHref, entityKind, splitEntity } from './article.ts';
import type { AnnotateOptions, EntityKey } from './types.ts';

export type TextDirective = Extract<PhrasingContent, { type: 'textDirective' }>;

/** `<a href="<base>actors/<id>/" class="mention mention--<kind>" data-entity="actor:<id>">…</a>` */
export function mentionNode(options: AnnotateOptions, entity: EntityKey, children: PhrasingContent[]): TextDirective {
  const [collection, id] = splitEntity(entity);
  return {
    type: 'textDirective',
    name: collection,
    attributes: { id },
    children,
    data: {
      annotation: { kind: 'mention', entity },
      hName: 'a',
      hProperties: {
        href: entityHref(options.base, entity),
        className: ['mention', `mention--${entityKind(options, entity)}`],
        dataEntity: entity,
      },
    },
  };
}

/** `<time datetime="<date at precision>" data-event="<event id>">…</time>` */
export function dateNode(event: { id: string; date: string }, children: PhrasingContent[]): TextDirective {
  return {
    type: 'textDirective',
    name: 'date',
    attributes: { id: event.id },
    children,
    data: {
      annotation: { kind: 'date', eventId: event.id },
      hName: 'time',
      hProperties: { dateTime: event.date, dataEvent: event.id },
    },
  };
}

/** `<span data-plain="">…</span>`: words the editor asked not to annotate. */
export function plainNode(children: PhrasingContent[]): TextDirective {
  return {
    type: 'textDirective',
    name: 'plain',
    attributes: {},
    children,
    data: { annotation: { kind: 'plain' }, hName: 'span', hProperties: { dataPlain: '' } },
  };
}

/**
 * Cut `text` at the given ranges and wrap each range with `wrap`; ranges are
 * sorted and do not overlap. Returns the replacement for the text node.
 */
export function splitText<T extends { start: number; end: number }>(
  text: Text,
  ranges: readonly T[],
  wrap: (range: T, child: Text) => PhrasingContent,
): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let at = 0;
  for (const range of ranges) {
    if (range.start > at) out.push({ type: 'text', value: text.value.slice(at, range.start) });
    out.push(wrap(range, { type: 'text', value: text.value.slice(range.start, range.end) }));
    at = range.end;
  }
  if (at < text.value.length) out.push({ type: 'text', value: text.value.slice(at) });
  return out;
}
