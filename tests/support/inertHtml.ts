/**
 * "Inert" HTML: nothing in it that a browser would run or that would load
 * active content — the oracle for hostile input that reaches a page.
 *
 * - `activeContent(fragment)`: rendered article text, where no script, frame,
 *   style, form or metadata element belongs at all;
 * - `pageActiveContent(document)`: a whole built page, whose own scripts are
 *   files of the site or JSON data (which must still parse as JSON).
 */
import { type DefaultTreeAdapterMap, parse, parseFragment } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'poster',
  'data',
  'srcset',
  'background',
]);
const SCRIPT_SCHEMES = ['javascript', 'vbscript', 'data'];

/** The scheme of a URL as a browser reads it: control characters and spaces around it and tabs/newlines in it ignored. */
export function urlScheme(url: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers strip exactly these before reading the scheme.
  const cleaned = url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase() ?? '';
}

function* walk(node: Node): Generator<Element> {
  if ('tagName' in node) yield node;
  if ('childNodes' in node) for (const child of node.childNodes) yield* walk(child);
  if ('content' in node && node.content) yield* walk(node.content as Node);
}

const nameOf = (attribute: { name: string; prefix?: string }) =>
  attribute.prefix ? `${attribute.prefix}:${attribute.name}` : attribute.name;

/** Event handler attributes and script URLs on any element. */
function activeAttributes(element: Element): string[] {
  const found: string[] = [];
  for (const attribute of element.attrs) {
    const name = nameOf(attribute);
    if (/^on/i.test(name)) found.push(`${name}="${attribute.value}" on <${element.tagName}>`);
    if (URL_ATTRIBUTES.has(name) && SCRIPT_SCHEMES.includes(urlScheme(attribute.value))) {
      found.push(`${name}="${attribute.value}" on <${element.tagName}>`);
    }
  }
  return found;
}

const FRAGMENT_FORBIDDEN = new Set([
  'script',
  'iframe',
  'frame',
  'object',
  'embed',
  'base',
  'meta',
  'link',
  'form',
  'style',
]);

/** Everything active in an HTML fragment (rendered Markdown); empty when inert. */
export function activeContent(html: string): string[] {
  const found: string[] = [];
  for (const element of walk(parseFragment(html) as Node)) {
    if (FRAGMENT_FORBIDDEN.has(element.tagName)) found.push(`<${element.tagName}> element`);
    found.push(...activeAttributes(element));
  }
  return found;
}

const attr = (element: Element, name: string) => element.attrs.find((attribute) => attribute.name === name)?.value;
const text = (element: Element): string =>
  element.childNodes.map((child) => ('value' in child ? child.value : '')).join('');

/**
 * Everything active in a whole page that is not the site's own: inline
 * scripts other than JSON data (and JSON that does not parse: a breakout),
 * scripts from elsewhere, frames and plugins, event handler attributes, script
 * URLs. `base` is the site's base path (`/`, `/backstory/`).
 */
export function pageActiveContent(html: string, base = '/'): string[] {
  const found: string[] = [];
  for (const element of walk(parse(html) as Node)) {
    found.push(...activeAttributes(element));
    if (['iframe', 'frame', 'object', 'embed', 'base'].includes(element.tagName))
      found.push(`<${element.tagName}> element`);
    if (element.tagName !== 'script') continue;
    const src = attr(element, 'src');
    const type = attr(element, 'type') ?? '';
    if (src !== undefined) {
      if (!src.startsWith(base) || src.startsWith('//')) found.push(`<script src="${src}"> from outside the site`);
    } else if (type === 'application/ld+json' || type === 'application/json') {
      try {
        JSON.parse(text(element));
      } catch {
        found.push(`<script type="${type}"> whose JSON does not parse: ${text(element).slice(0, 120)}`);
      }
    } else {
      found.push(`inline <script${type ? ` type="${type}"` : ''}>: ${text(element).slice(0, 120)}`);
    }
  }
  return found;
}
