/**
 * The text nodes automatic annotation may touch: body prose, never the text of
 * links, code, headings, raw HTML, directives, or anything another plugin
 * already annotated.
 *
 * Headings are left alone on purpose: their text is the section's anchor (its
 * slug id and the "link to section" label), and a link inside a heading
 * competes with the heading's own permalink.
 *
 * A plain recursive walk rather than `unist-util-visit`: it runs for every
 * article and collecting the nodes once lets `remarkDates` look for every
 * event's phrase without walking the tree again (measured: the generic visitor
 * with one walk per event cost more than the rest of the plugins together).
 */
import type { Nodes, Parent, PhrasingContent, Root, Text } from 'mdast';

const OPAQUE = new Set<Nodes['type']>([
  'link',
  'linkReference',
  'inlineCode',
  'code',
  'heading',
  'html',
  'definition',
  'image',
  'imageReference',
  'yaml',
  'textDirective',
  'leafDirective',
  'containerDirective',
]);

export interface ProseText {
  node: Text;
  parent: Parent;
}

/** Every annotatable text node, in document order. */
export function proseTexts(tree: Root): ProseText[] {
  const found: ProseText[] = [];
  const walk = (parent: Parent) => {
    for (const child of parent.children) {
      if (child.type === 'text') found.push({ node: child, parent });
      else if ('children' in child && !OPAQUE.has(child.type) && !child.data?.annotation) walk(child);
    }
  };
  walk(tree);
  return found;
}

/** Put `replacement` where the text node is in its parent. */
export function replaceText({ node, parent }: ProseText, replacement: PhrasingContent[]): void {
  const index = parent.children.indexOf(node);
  if (index >= 0) parent.children.splice(index, 1, ...replacement);
}
