/**
 * Test helpers: the real Astro Markdown processor with and without the
 * annotation plugins, the seed content, and HTML inspection with parse5.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { type DefaultTreeAdapterMap, parseFragment } from 'parse5';
import { VFile } from 'vfile';
import { vi } from 'vitest';
import { stringify } from 'yaml';
import { readStoredAnnotations } from '../../../src/annotate/packed.ts';
import { articleProcessor } from '../../../src/annotate/processor.ts';
import type { AnnotateOptions, ArticleAnnotations, EntityInfo } from '../../../src/annotate/types.ts';
import { type RawEntry, readContentDir } from '../../../src/model/contentFiles.ts';

export const root = path.resolve(import.meta.dirname, '../../..');

type Frontmatter = Record<string, unknown>;

export interface Rendered {
  html: string;
  frontmatter: Frontmatter;
  annotations: ArticleAnnotations;
}

const processors = new Map<string, Promise<Renderer>>();

interface Renderer {
  render(
    body: string,
    options: { frontmatter: Frontmatter },
  ): Promise<{ code: string; metadata: { frontmatter: Frontmatter } }>;
}

/**
 * With options: the build's article processor (`articleProcessor`, what the
 * content pipeline renders articles with). Without: Astro's plain unified
 * processor, the reference for "annotation never changes the text".
 */
export function processor(options: AnnotateOptions | undefined): Promise<Renderer> {
  const key = options ? JSON.stringify(options) : '(plain)';
  let made = processors.get(key);
  if (!made) {
    made = options
      ? Promise.resolve(articleRenderer(options))
      : createMarkdownProcessor({ smartypants: false, syntaxHighlight: false });
    processors.set(key, made);
  }
  return made;
}

function articleRenderer(options: AnnotateOptions): Renderer {
  const frozen = articleProcessor(options);
  return {
    async render(body, { frontmatter }) {
      const file = await frozen.process(new VFile({ value: body, data: { astro: { frontmatter } } }));
      return { code: String(file), metadata: { frontmatter: (file.data.astro?.frontmatter ?? {}) as Frontmatter } };
    },
  };
}

export async function render(
  body: string,
  frontmatter: Frontmatter,
  options: AnnotateOptions = defaultOptions(),
): Promise<Rendered> {
  const result = await (await processor(options)).render(body, { frontmatter });
  const out = result.metadata.frontmatter as Frontmatter;
  // Stored packed: read back the way pages do.
  return {
    html: result.code,
    frontmatter: out,
    annotations: readStoredAnnotations(out.annotations) as ArticleAnnotations,
  };
}

/** The error a render fails with (Astro's processor also logs it: kept off the test output). */
export async function renderError(
  body: string,
  frontmatter: Frontmatter,
  options: AnnotateOptions = defaultOptions(),
): Promise<Error> {
  const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    await render(body, frontmatter, options);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  } finally {
    quiet.mockRestore();
  }
  throw new Error(`expected ${JSON.stringify(body)} to fail`);
}

export async function renderPlain(body: string, frontmatter: Frontmatter = {}): Promise<string> {
  return (await (await processor(undefined)).render(body, { frontmatter })).code;
}

/** A valid article frontmatter (published Wednesday 2020-01-15) with the given declarations. */
export function article(fields: Frontmatter = {}): Frontmatter {
  return {
    title: 'A test article',
    dek: 'One line.',
    byline: 'Reporter',
    publisher: 'Publisher',
    originalUrl: 'https://example.com/story',
    published: '2020-01-15',
    actors: [],
    places: [],
    events: [],
    ...fields,
  };
}

const KINDS: Record<string, string> = {
  'actor:khalifa-haftar': 'person',
  'actor:vladimir-putin': 'person',
  'actor:fayez-al-sarraj': 'person',
  'actor:russia': 'state',
  'actor:iran': 'state',
  'actor:russian-foreign-ministry': 'organisation',
  'actor:foreign-ministry': 'organisation',
  'place:moscow': 'city',
  'place:tripoli': 'city',
  'place:libya': 'country',
};

export function defaultOptions(base = '/'): AnnotateOptions {
  const entities: Record<string, EntityInfo> = {};
  for (const [key, kind] of Object.entries(KINDS)) entities[key] = { kind, name: key.split(':')[1] ?? key };
  return { base, entities };
}

/** The site's content, if the seed has been written: articles plus the entity index. */
export async function seedContent(): Promise<{ articles: RawEntry[]; options: AnnotateOptions } | undefined> {
  if (!existsSync(path.join(root, 'content/articles'))) return undefined;
  const { entries } = await readContentDir(root);
  const articles = entries.filter((entry) => entry.collection === 'articles');
  if (articles.length === 0) return undefined;
  const entities: Record<string, EntityInfo> = {};
  for (const entry of entries) {
    if (entry.collection === 'articles') continue;
    const data = entry.data as { kind?: unknown; name?: unknown };
    entities[`${entry.collection === 'actors' ? 'actor' : 'place'}:${entry.id}`] = {
      kind: String(data.kind ?? ''),
      name: String(data.name ?? entry.id),
    };
  }
  return { articles, options: { base: '/', entities } };
}

type Node = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['documentFragment'];
type Element = DefaultTreeAdapterMap['element'];

/** Parse an HTML fragment; `errors` lists every parse5 parse error. */
export function parseHtml(html: string): { fragment: DefaultTreeAdapterMap['documentFragment']; errors: string[] } {
  const errors: string[] = [];
  const fragment = parseFragment(html, {
    onParseError: (error) => errors.push(`${error.code} at ${error.startOffset}`),
  });
  return { fragment, errors };
}

/** The text a reader sees (permalink controls have none). */
export function textContent(html: string): string {
  let out = '';
  const walk = (node: Node) => {
    if (node.nodeName === '#text' && 'value' in node) out += node.value;
    if ('childNodes' in node) for (const child of node.childNodes) walk(child);
  };
  walk(parseHtml(html).fragment);
  return out;
}

/** Every element of the fragment, in document order. */
export function elements(html: string): Element[] {
  const out: Element[] = [];
  const walk = (node: Node) => {
    if ('tagName' in node) out.push(node);
    if ('childNodes' in node) for (const child of node.childNodes) walk(child);
  };
  walk(parseHtml(html).fragment);
  return out;
}

export function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

/** Frontmatter as YAML, for error messages. */
export function yaml(frontmatter: Frontmatter): string {
  return stringify(frontmatter);
}

export interface MentionElement {
  entity: string;
  text: string;
  href: string;
  id: string;
  className: string;
}

/** The mention elements (`[data-entity]`) of rendered HTML, in order. */
export function mentionsIn(html: string): MentionElement[] {
  return elements(html)
    .filter((element) => attr(element, 'data-entity') !== undefined)
    .map((element) => ({
      entity: attr(element, 'data-entity') ?? '',
      text: textContent(serialiseChildren(element)),
      href: attr(element, 'href') ?? '',
      id: attr(element, 'id') ?? '',
      className: attr(element, 'class') ?? '',
    }));
}

/** `[entity, text]` pairs, the shortest way to state what was annotated. */
export function mentionPairs(html: string): [string, string][] {
  return mentionsIn(html).map((m) => [m.entity, m.text]);
}

function serialiseChildren(element: Element): string {
  let out = '';
  const walk = (node: Node) => {
    if (node.nodeName === '#text' && 'value' in node) out += node.value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    if ('childNodes' in node) for (const child of node.childNodes) walk(child);
  };
  walk(element);
  return out;
}

/** The date elements (`time[data-event]`) of rendered HTML, in order. */
export function datesIn(html: string): { event: string; datetime: string; id: string; text: string }[] {
  return elements(html)
    .filter((element) => element.tagName === 'time' && attr(element, 'data-event') !== undefined)
    .map((element) => ({
      event: attr(element, 'data-event') ?? '',
      datetime: attr(element, 'datetime') ?? '',
      id: attr(element, 'id') ?? '',
      text: textContent(serialiseChildren(element)),
    }));
}

const FALLBACK_SENTENCES = [
  'Khalifa Haftar left Moscow on Monday.',
  "Putin's aides waited in the Russian Foreign Ministry.",
  'The U.S. and Western Europe retreat, officials said.',
  'Hours later, he flew to Amman.',
];

/**
 * Sentences of the seed articles (or a few fixed ones) that are safe to
 * recombine into Markdown: no Markdown syntax characters, no list markers.
 * Two sentences with colons keep the directive-lookalike path exercised.
 */
export async function seedSentences(): Promise<string[]> {
  const { sentenceRanges } = await import('../../../src/annotate/text.ts');
  const seed = await seedContent();
  const paragraphs = seed ? seed.articles.flatMap((entry) => entry.body.split(/\n{2,}/)) : FALLBACK_SENTENCES;
  const sentences = paragraphs
    .filter((p) => !p.startsWith('#'))
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .flatMap((p) => sentenceRanges(p).map(([start, end]) => p.slice(start, end).trim()))
    .filter((s) => s !== '' && !/[*_`[\]<>#|\\&~]/.test(s) && !/^(?:\d+[.)]|[-+>])\s/.test(s) && !/^[=-]+$/.test(s));
  return [...new Set([...sentences, 'They met at 12:30 in the hall.', 'Note:this is not a directive.'])];
}
