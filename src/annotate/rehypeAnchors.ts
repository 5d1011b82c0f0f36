/**
 * rehypeAnchors: makes every passage of an article linkable.
 *
 * - each body paragraph gets a stable id from its own words (`p-` + 7
 *   characters of a hash of its whitespace-normalised text, see `text.ts`);
 *   identical paragraphs get `-2`, `-3`… in document order, so ids survive
 *   inserting, removing or editing other paragraphs;
 * - each heading gets a slug of its text (github-slugger, unique in the
 *   document), unless it already has an id;
 * - each mention gets `m-<entity id>-<n>` and each date `event-<event id>`
 *   (`-2`, `-3`… if an event is dated more than once), for sharing links;
 * - each paragraph and heading gets a permalink control as its last child.
 *
 * ```html
 * <h2>Not surprising</h2>
 * <p>Haftar launched his battle…</p>
 * ```
 * becomes
 * ```html
 * <h2 id="not-surprising">Not surprising<a class="permalink" href="#not-surprising"
 *   aria-label="Link to section: Not surprising" data-permalink=""></a></h2>
 * <p id="p-1k2j3h4">Haftar launched his battle…<a class="permalink" href="#p-1k2j3h4"
 *   aria-label="Link to this paragraph" data-permalink=""></a></p>
 * ```
 *
 * The control has no text (its icon comes from CSS), so the article's text is
 * exactly the Markdown text; it is a real link, hence keyboard reachable.
 * Files that are not articles are left alone.
 */

import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import type { VFile } from 'vfile';
import { normaliseSpace } from '../model/bodyText.ts';
import { isEntityKey, readArticle, splitEntity } from './article.ts';
import { visitBlocks } from './blocks.ts';
import { paragraphId } from './text.ts';

export default function rehypeAnchors() {
  return (tree: Root, file: VFile): void => {
    if (!readArticle(file)) return;
    const used = new Set<string>();
    const headings: Element[] = [];
    const seen = new Map<string, number>();
    visitBlocks(tree, (element, kind) => {
      if (kind === 'heading') {
        headings.push(element);
        return;
      }
      const id = numbered(paragraphId(normaliseSpace(hastToString(element))), seen, '');
      element.properties.id = id;
      used.add(id);
      element.children.push(permalink(id, 'Link to this paragraph'));
    });

    const counters = new Map<string, number>();
    const walk = (nodes: RootContent[]) => {
      for (const node of nodes) {
        if (node.type !== 'element') continue;
        const { dataEntity, dataEvent } = node.properties;
        let id: string | undefined;
        if (isEntityKey(dataEntity)) id = numbered(`m-${splitEntity(dataEntity)[1]}`, counters, '-1');
        else if (node.tagName === 'time' && typeof dataEvent === 'string')
          id = numbered(`event-${dataEvent}`, counters, '');
        if (id !== undefined) {
          node.properties.id = id;
          used.add(id);
        }
        walk(node.children);
      }
    };
    walk(tree.children);

    const slugger = new GithubSlugger();
    for (const heading of headings) {
      const text = normaliseSpace(hastToString(heading));
      let id = heading.properties.id;
      if (typeof id !== 'string' || id === '' || used.has(id)) {
        do id = slugger.slug(text || 'section');
        while (used.has(id));
      }
      heading.properties.id = id;
      used.add(id);
      heading.children.push(permalink(id, `Link to section: ${text}`));
    }
  };
}

/** `base`, then `base-2`, `base-3`… (`first` is the suffix of the first one). */
function numbered(base: string, counters: Map<string, number>, first: string): string {
  const n = (counters.get(base) ?? 0) + 1;
  counters.set(base, n);
  return n === 1 ? `${base}${first}` : `${base}-${n}`;
}

/** `<a class="permalink" href="#id" aria-label="…" data-permalink></a>` */
function permalink(id: string, label: string): ElementContent {
  return {
    type: 'element',
    tagName: 'a',
    properties: { className: ['permalink'], href: `#${id}`, ariaLabel: label, dataPermalink: '' },
    children: [],
  };
}
