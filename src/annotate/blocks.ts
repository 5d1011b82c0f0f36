/**
 * The article's text blocks in the rendered tree: headings and body
 * paragraphs, the elements that get a stable id and a permalink.
 *
 * A body paragraph is a `p` at the top level or inside block quotes and list
 * items (loose lists; a tight list item has no `p`). The footnotes section
 * that GFM appends is not body text and is skipped.
 */
import type { Element, Root, RootContent } from 'hast';

export type BlockKind = 'paragraph' | 'heading';

const HEADING = /^h[1-6]$/;

export function blockKind(element: Element): BlockKind | undefined {
  if (element.tagName === 'p') return 'paragraph';
  return HEADING.test(element.tagName) ? 'heading' : undefined;
}

/** Visit every heading and body paragraph in document order. */
export function visitBlocks(tree: Root, visitor: (element: Element, kind: BlockKind) => void): void {
  const walk = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type !== 'element' || isFootnotes(node)) continue;
      const kind = blockKind(node);
      if (kind) visitor(node, kind);
      else walk(node.children);
    }
  };
  walk(tree.children);
}

function isFootnotes(element: Element): boolean {
  return element.tagName === 'section' && element.properties.dataFootnotes !== undefined;
}
