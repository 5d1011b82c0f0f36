/**
 * Small helpers over parse5's tree: the same parser browsers follow, so
 * "what the page means" here is what a browser builds from the same bytes.
 */
import { type DefaultTreeAdapterTypes, type ParserError, parse } from 'parse5';

export type Element = DefaultTreeAdapterTypes.Element;
export type Node = DefaultTreeAdapterTypes.Node;
export type Document = DefaultTreeAdapterTypes.Document;

export interface ParsedPage {
  document: Document;
  errors: ParserError[];
}

export function parseHtml(html: string): ParsedPage {
  const errors: ParserError[] = [];
  const document = parse(html, { sourceCodeLocationInfo: true, onParseError: (error) => errors.push(error) });
  return { document, errors };
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

/** Every element under `root`, in document order (template contents included). */
export function* elements(root: Node): Generator<Element> {
  const children = 'childNodes' in root ? root.childNodes : [];
  for (const child of children) {
    if (isElement(child)) {
      yield child;
      if (child.tagName === 'template' && 'content' in child) yield* elements(child.content as Node);
    }
    yield* elements(child);
  }
}

export function byTag(root: Node, tagName: string): Element[] {
  return [...elements(root)].filter((element) => element.tagName === tagName);
}

export function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((attribute) => attribute.name === name)?.value;
}

/** The text inside an element, as `textContent` would give it. */
export function textOf(node: Node): string {
  if (node.nodeName === '#text' && 'value' in node) return node.value;
  if (isElement(node) && (node.tagName === 'script' || node.tagName === 'style' || node.tagName === 'template')) {
    return '';
  }
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

export function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A short, readable description of an element for failure messages: `<p id="x" class="y">`. */
export function describeElement(element: Element): string {
  const shown = element.attrs
    .filter((attribute) => ['id', 'class', 'href', 'src', 'rel', 'name'].includes(attribute.name))
    .map((attribute) => ` ${attribute.name}="${attribute.value}"`)
    .join('');
  const line = element.sourceCodeLocation?.startLine;
  return `<${element.tagName}${shown}>${line ? ` (line ${line})` : ''}`;
}

export function formatParseError(error: ParserError): string {
  return `${error.code} at line ${error.startLine}, column ${error.startCol}`;
}

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const VOID = new Set(
  'area base br col embed hr img input link meta source track wbr basefont bgsound frame keygen param'.split(' '),
);
/** End tags the HTML standard lets an author omit: leaving them out changes nothing. */
const OPTIONAL_END = new Set(
  'html head body li dt dd p rt rp optgroup option colgroup caption thead tbody tfoot tr td th'.split(' '),
);
/** Elements the parser creates without a tag in the source, harmlessly. */
const IMPLIED_OK = new Set(['html', 'head', 'body', 'tbody']);

/**
 * Markup the parser had to repair, which parse5's error list does not report
 * (it reports tokenizer errors only): elements it invented (a `<p>` for a stray
 * `</p>`), elements it closed on its own (`<a>` inside `<a>`, `<div>` inside
 * `<p>`), and end tags it threw away. Each means the page's structure is not
 * what its author wrote.
 */
export function repairedMarkup({ document }: ParsedPage, html: string): string[] {
  const problems: string[] = [];
  const masked = html.split('');
  const mask = (start: number, end: number) => masked.fill(' ', start, end);
  const endTags = new Map<string, number>();

  const visitNode = (node: Node) => {
    if (node.nodeName === '#comment' && node.sourceCodeLocation) {
      mask(node.sourceCodeLocation.startOffset, node.sourceCodeLocation.endOffset);
    }
    if (isElement(node)) {
      const location = node.sourceCodeLocation;
      const name = node.tagName;
      const html5 = node.namespaceURI === HTML_NS;
      if (!location) {
        if (!IMPLIED_OK.has(name)) problems.push(`<${name}> was invented by the parser (a stray or misplaced tag)`);
      } else {
        if (location.startTag) mask(location.startTag.startOffset, location.startTag.endOffset);
        if (location.endTag) endTags.set(name, (endTags.get(name) ?? 0) + 1);
        if (html5 && location.startTag && !location.endTag && !VOID.has(name) && !OPTIONAL_END.has(name)) {
          problems.push(`${describeElement(node)} was closed by the parser, not by its end tag (misnested)`);
        }
        // Raw text (script, style, textarea, title) is not markup.
        if (['script', 'style', 'textarea', 'title', 'xmp', 'noscript'].includes(name) && location.startTag) {
          mask(location.startTag.endOffset, location.endTag?.startOffset ?? location.endOffset);
        }
      }
    }
    const children = 'childNodes' in node ? node.childNodes : [];
    for (const child of children) visitNode(child);
    if (isElement(node) && node.tagName === 'template' && 'content' in node) visitNode(node.content as Node);
  };
  visitNode(document);

  const written = new Map<string, number>();
  for (const match of masked.join('').matchAll(/<\/([a-zA-Z][^\s/>]*)/g)) {
    const name = (match[1] ?? '').toLowerCase();
    written.set(name, (written.get(name) ?? 0) + 1);
  }
  for (const [name, count] of written) {
    const used = endTags.get(name) ?? 0;
    if (count > used) problems.push(`${count - used} stray </${name}> end tag(s) ignored by the parser`);
  }
  return problems;
}
