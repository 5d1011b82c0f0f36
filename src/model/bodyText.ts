/**
 * The reader-visible text of an article body, block by block, taken from the
 * Markdown syntax tree (never from regexes over the source), plus the unsafe
 * constructs the content check refuses (raw HTML, script URLs).
 */
import type { Root } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

export interface TextBlock {
  type: 'paragraph' | 'heading';
  text: string;
  /** 1-based line in the body. */
  line: number;
}

export interface UnsafeConstruct {
  line: number;
  message: string;
  fix: string;
}

export interface BodyText {
  blocks: TextBlock[];
  unsafe: UnsafeConstruct[];
}

// The article processor's dialect (GFM, directives), so a standalone read sees the text it renders.
const parser = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);

const SAFE_URL = /^(?:https?:|mailto:|#|\/|\.{0,2}\/|[^:]*$)/i;

/** The body's Markdown syntax tree, directives included (what `readBodyText` reads). */
export function parseBody(markdown: string): Root {
  return parser.parse(markdown) as Root;
}

/** `tree`: the body already parsed with `parseBody` (it is only read). */
export function readBodyText(markdown: string, tree: Root = parseBody(markdown)): BodyText {
  const blocks: TextBlock[] = [];
  const unsafe: UnsafeConstruct[] = [];
  visit(tree, (node) => {
    const line = node.position?.start.line ?? 0;
    if (node.type === 'paragraph' || node.type === 'heading') {
      blocks.push({ type: node.type, text: normaliseSpace(mdastToString(node)), line });
    } else if (node.type === 'html') {
      unsafe.push({
        line,
        message: `raw HTML is not allowed in the body (${JSON.stringify(node.value.slice(0, 40))})`,
        fix: 'remove the HTML and write Markdown instead',
      });
    } else if (node.type === 'image' || node.type === 'imageReference') {
      unsafe.push({
        line,
        message: 'images are not published in the article text (a reader’s browser would fetch them from elsewhere)',
        fix: 'remove the image; credit the original photo in the `image` field instead',
      });
    } else if ((node.type === 'link' || node.type === 'definition') && !SAFE_URL.test(node.url.trim())) {
      unsafe.push({
        line,
        message: `the link URL ${JSON.stringify(node.url.slice(0, 60))} uses a forbidden scheme`,
        fix: 'link to an http(s) URL or a site path',
      });
    }
  });
  return { blocks, unsafe };
}

/**
 * Records `readBodyText` of the tree it is given as `file.data.bodyText`: the
 * article processor runs it on its own parse (`articleProcessor`'s `inspect`),
 * before any annotation plugin changes the tree, so the content check reads
 * exactly the text that is rendered, without parsing the body again.
 */
export function remarkBodyText() {
  return (tree: Root, file: VFile): void => {
    file.data.bodyText = readBodyText(String(file.value), tree);
  };
}

declare module 'vfile' {
  interface DataMap {
    bodyText: BodyText;
  }
}

/**
 * `readBodyText(entry.body)`, once per entry: the content check asks for it,
 * and `processArticle` has usually recorded it already from the render's own
 * parse (`rememberBodyText`).
 */
export function bodyTextOf(entry: { body: string }): BodyText {
  let text = bodyTexts.get(entry);
  if (!text) {
    text = readBodyText(entry.body);
    bodyTexts.set(entry, text);
  }
  return text;
}

export function rememberBodyText(entry: { body: string }, text: BodyText): void {
  bodyTexts.set(entry, text);
}

const bodyTexts = new WeakMap<{ body: string }, BodyText>();

export function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const WORD = /[\p{L}\p{N}\p{M}]/u;

/**
 * Does `needle` occur in `text` as whole words? The characters either side
 * must not be letters or digits, so "Iran" is not found in "Iranian" while
 * "Haftar" is found in "Haftar's".
 */
export function occursAsWords(text: string, needle: string, caseSensitive = true): boolean {
  return findWordOccurrences(text, needle, caseSensitive).length > 0;
}

export function findWordOccurrences(text: string, needle: string, caseSensitive = true): number[] {
  if (needle === '') return [];
  const haystack = caseSensitive ? text : text.toLowerCase();
  const target = caseSensitive ? needle : needle.toLowerCase();
  const found: number[] = [];
  let from = 0;
  for (;;) {
    const index = haystack.indexOf(target, from);
    if (index < 0) return found;
    const before = index > 0 ? haystack[index - 1] : '';
    const after = haystack[index + target.length] ?? '';
    if (!(before && WORD.test(before)) && !(after && WORD.test(after))) found.push(index);
    from = index + 1;
  }
}
