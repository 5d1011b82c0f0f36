/**
 * remarkOverrides: the editor's directives that override automatic annotation.
 *
 * Registers the directive syntax itself (remark-directive), so editors and the
 * pipeline need nothing else, then turns
 *
 * - `:actor[Moscow]{#russia}` into a mention of the actor `russia`
 *   (`<a href="/actors/russia/" class="mention mention--state" data-entity="actor:russia">Moscow</a>`),
 * - `:place[Tripoli]{#tripoli}` into a mention of the place `tripoli`,
 * - `:plain[Moscow]` into `<span data-plain="">Moscow</span>`, which no later plugin annotates,
 * - `:date[the day after]{#event-id}` into
 *   `<time datetime="2020-01-14" data-event="event-id">the day after</time>`.
 *
 * The ids must be declared in the article's frontmatter (`actors`, `places`,
 * `events`) and exist in the site; otherwise the build fails with
 * `file.fail`, naming the directive and the fix.
 *
 * Prose that merely looks like a directive (`12:30`, `Note:this`,
 * `http://x/a:b`, `:foo[x]`) is written back as the literal text it was, so no
 * word is lost. An unknown name followed by `{…}` attributes, or a misspelt
 * name with a label (`:actr[x]`), is taken as a mistake and fails the build.
 * Block directives (`::name`, `:::name`) are not part of the article syntax.
 *
 * Files that are not articles (actor and place profiles) get every directive
 * back as literal text: they render as if the syntax did not exist.
 */
import type { Link, LinkReference, Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import remarkDirective from 'remark-directive';
import type { Processor } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { Article } from '../model/schema.ts';
import { readArticle } from './article.ts';
import { dateNode, mentionNode, plainNode, type TextDirective } from './nodes.ts';
import type { AnnotateOptions, EntityKey } from './types.ts';

/** Options: the base path for mention links and the site's entities, to check ids against. */
export type RemarkOverridesOptions = AnnotateOptions;

const OURS = ['actor', 'place', 'plain', 'date'] as const;
type OurName = (typeof OURS)[number];
const SYNTAX = ':actor[words]{#actor-id}, :place[words]{#place-id}, :plain[words] or :date[words]{#event-id}';

type Directive = Extract<RootContent, { type: 'textDirective' | 'leafDirective' | 'containerDirective' }>;

export default function remarkOverrides(this: Processor, options: RemarkOverridesOptions) {
  remarkDirective.call(this);
  return (tree: Root, file: VFile): void => {
    const article = readArticle(file);
    const touched = new Set<Parent>();
    visit(tree, (node, index, parent) => {
      if (article && (node.type === 'link' || node.type === 'linkReference')) refuseInside(node, file);
      if (!isDirective(node) || parent === undefined || index === undefined) return undefined;
      if (!article) {
        parent.children.splice(index, 1, ...literal(node, file));
        touched.add(parent);
        return index;
      }
      if (node.type !== 'textDirective') {
        fail(
          file,
          node,
          `${sourceOf(node, file)}: block directives ("::" or ":::" at the start of a line) are not supported`,
          `use the inline forms ${SYNTAX}, or escape the colon as "\\:"`,
        );
      }
      if (!isOurs(node.name)) {
        if (looksIntended(node, file)) {
          fail(
            file,
            node,
            `unknown directive ":${node.name}" in ${sourceOf(node, file)}`,
            `use ${SYNTAX}; to write a colon before a word, escape it as "\\:"`,
          );
        }
        parent.children.splice(index, 1, ...literal(node, file));
        touched.add(parent);
        return index;
      }
      parent.children[index] = override(node, node.name, article, options, file);
      return undefined;
    });
    for (const parent of touched) mergeText(parent);
  };
}

function isDirective(node: { type: string }): node is Directive {
  return node.type === 'textDirective' || node.type === 'leafDirective' || node.type === 'containerDirective';
}

function isOurs(name: string): name is OurName {
  return (OURS as readonly string[]).includes(name);
}

/** The mdast node replacing one of our directives; fails the build when the directive is wrong. */
function override(
  node: TextDirective,
  name: OurName,
  article: Article,
  options: AnnotateOptions,
  file: VFile,
): TextDirective {
  const source = sourceOf(node, file);
  if (node.children.length === 0) {
    fail(file, node, `${source} has no words to mark`, `put the words in brackets, e.g. ${example(name)}`);
  }
  visit(node, (child) => {
    if (child.type === 'link' || child.type === 'linkReference') {
      fail(
        file,
        node,
        `${source} contains a link`,
        'move the directive inside the link text, or the link out of the directive',
      );
    }
    if (child !== node && child.type === 'textDirective' && isOurs(child.name)) {
      fail(
        file,
        node,
        `${source} contains another directive`,
        'mark each span with one directive; directives cannot be nested',
      );
    }
  });
  if (name === 'plain') return plainNode(node.children);
  const id = node.attributes?.id;
  if (!id) {
    const what = name === 'date' ? 'event' : name;
    fail(
      file,
      node,
      `${source} does not say which ${what} it means`,
      `add its id after the brackets, e.g. ${example(name)}`,
    );
  }

  if (name === 'date') {
    const event = article.events.find((e) => e.id === id);
    if (!event) {
      fail(
        file,
        node,
        `${source}: "${id}" is not an event of this article`,
        `use one of the ids in \`events\` (${list(article.events.map((e) => e.id))}), or add the event to the frontmatter`,
      );
    }
    return dateNode(event, node.children);
  }
  const refs = name === 'actor' ? article.actors : article.places;
  const collection = name === 'actor' ? 'actors' : 'places';
  if (!refs.some((ref) => ref.id === id)) {
    fail(
      file,
      node,
      `${source}: "${id}" is not declared in this article's ${collection}`,
      `use one of ${list(refs.map((ref) => ref.id))}, or add { id: ${id}, aliases: [...] } to \`${collection}\` in the frontmatter`,
    );
  }
  const entity: EntityKey = `${name}:${id}`;
  if (!options.entities[entity]) {
    fail(
      file,
      node,
      `${source}: there is no ${name} "${id}"`,
      `create content/${collection}/${id}.md or correct the id`,
    );
  }
  return mentionNode(options, entity, node.children);
}

/** A mention or date inside a link would be a link inside a link. */
function refuseInside(link: Link | LinkReference, file: VFile): void {
  visit(link, 'textDirective', (node) => {
    if (isOurs(node.name)) {
      fail(file, node, `${sourceOf(node, file)} is inside a link`, 'move the directive out of the link text');
    }
  });
}

/**
 * An unknown name is a mistake rather than prose when it has `{…}` attributes
 * or is one edit away from one of ours and has a label (`:actr[x]`, `:Place[x]`).
 */
function looksIntended(node: TextDirective, file: VFile): boolean {
  if (sourceOf(node, file).endsWith('}')) return true;
  if (node.children.length === 0) return false;
  const name = node.name.toLowerCase();
  return OURS.some((ours) => withinOneEdit(name, ours));
}

function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const rest = (x: string, skip: number) => x.slice(i + skip);
  const swapped = a[i] === b[i + 1] && a[i + 1] === b[i] && rest(a, 2) === rest(b, 2);
  return swapped || rest(a, 1) === rest(b, 1) || rest(a, 1) === rest(b, 0) || rest(a, 0) === rest(b, 1);
}

/** The directive written back as the text it was: `:name[` + label + `]{…}`. */
function literal(node: Directive, file: VFile): RootContent[] {
  const source = sourceOf(node, file);
  if (node.type === 'containerDirective') {
    // Only outside articles: keep the inner blocks, the fences become text.
    const fence = source.split('\n', 1)[0] ?? source;
    const blocks = node.children.filter((child) => !(child.type === 'paragraph' && child.data?.directiveLabel));
    return [paragraph(fence), ...blocks, ...(source.trimEnd().endsWith(':::') ? [paragraph(':::')] : [])];
  }
  const start = node.position?.start.offset;
  const first = node.children[0]?.position?.start.offset;
  const last = node.children.at(-1)?.position?.end.offset;
  const parts: PhrasingContent[] =
    start === undefined || first === undefined || last === undefined
      ? [{ type: 'text', value: source }]
      : [
          { type: 'text', value: source.slice(0, first - start) },
          ...node.children,
          { type: 'text', value: source.slice(last - start) },
        ];
  return node.type === 'textDirective' ? parts : [{ type: 'paragraph', children: parts }];
}

function paragraph(value: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'text', value }] };
}

/** Neighbouring text nodes left by `literal` become one, so whole-word matching sees whole words. */
function mergeText(parent: Parent): void {
  const merged: RootContent[] = [];
  for (const child of parent.children) {
    const previous = merged.at(-1);
    if (child.type === 'text' && previous?.type === 'text') previous.value += child.value;
    else merged.push(child);
  }
  parent.children = merged as Parent['children'];
}

function sourceOf(node: Directive, file: VFile): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (typeof file.value === 'string' && start !== undefined && end !== undefined) return file.value.slice(start, end);
  return `:${node.name}`;
}

function example(name: OurName): string {
  return {
    actor: ':actor[Moscow]{#russia}',
    place: ':place[Tripoli]{#tripoli}',
    plain: ':plain[Moscow]',
    date: ':date[the day after]{#event-id}',
  }[name];
}

function list(ids: string[]): string {
  return ids.length > 0 ? ids.join(', ') : 'none declared yet';
}

function fail(file: VFile, node: Directive, message: string, fix: string): never {
  return file.fail(`${message}. Fix: ${fix}.`, {
    place: node.position,
    ruleId: 'directive',
    source: 'backstory:overrides',
  });
}
