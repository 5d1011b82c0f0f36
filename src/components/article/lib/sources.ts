/**
 * Who the article relies on: named sources apart from anonymous
 * attributions, each tied to the paragraph where the attribution is made.
 */
import type { AnnotatedBlock } from '../../../annotate/types.ts';
import { quoteBlockIndex } from '../../../derive/passages.ts';
import type { Source } from '../../../model/schema.ts';

export interface SourceEntry {
  id: string;
  /** Fragment id of this entry in the panel: `source-<id>`. */
  anchorId: string;
  kind: 'named' | 'anonymous';
  label: string;
  quote: string;
  /** Actor id of a named source. */
  actor: string | undefined;
  /** Fragment id of the paragraph that holds the quote, when it was found. */
  paragraphId: string | undefined;
  /** 1-based position of that paragraph among the body paragraphs, for "¶ 12". */
  paragraphNumber: number | undefined;
}

export interface GroupedSources {
  named: SourceEntry[];
  anonymous: SourceEntry[];
}

/** The first block whose text contains the quote (headings included: a quote may sit in one). */
export function findBlockByQuote(
  blocks: readonly AnnotatedBlock[],
  quote: string,
): { block: AnnotatedBlock; paragraphNumber: number | undefined } | undefined {
  const at = quoteBlockIndex(blocks, quote);
  const block = blocks[at];
  if (!block) return undefined;
  const paragraphs = blocks.slice(0, at + 1).filter((candidate) => candidate.kind === 'paragraph').length;
  return { block, paragraphNumber: block.kind === 'paragraph' ? paragraphs : undefined };
}

export function groupSources(sources: readonly Source[], blocks: readonly AnnotatedBlock[] = []): GroupedSources {
  const entries = sources.map((source): SourceEntry => {
    const found = findBlockByQuote(blocks, source.quote);
    return {
      id: source.id,
      anchorId: `source-${source.id}`,
      kind: source.kind,
      label: source.label,
      quote: source.quote,
      actor: source.actor,
      paragraphId: found?.block.id,
      paragraphNumber: found?.paragraphNumber,
    };
  });
  return {
    named: entries.filter((entry) => entry.kind === 'named'),
    anonymous: entries.filter((entry) => entry.kind === 'anonymous'),
  };
}

/**
 * A named source's label with the actor's name picked out, so the panel can
 * mark it without saying it twice: "Kirill Semyonov, a Libya expert…" →
 * [name "Kirill Semyonov"] ", a Libya expert…"; the short form "Haftar" →
 * [name "Khalifa Haftar"]; an unrelated label → [name] ": label".
 */
export function labelParts(label: string, actorName: string | undefined): { text: string; name: boolean }[] {
  if (!actorName) return [{ text: label, name: false }];
  const at = label.indexOf(actorName);
  if (at >= 0) {
    return [
      { text: label.slice(0, at), name: false },
      { text: actorName, name: true },
      { text: label.slice(at + actorName.length), name: false },
    ].filter((part) => part.text !== '');
  }
  if (actorName.includes(label)) return [{ text: actorName, name: true }];
  return [
    { text: actorName, name: true },
    { text: `: ${label}`, name: false },
  ];
}
