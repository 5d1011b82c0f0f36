/**
 * What the editor wrote, read straight from `content/articles/<slug>.md`: the
 * oracle for "the reader sees the article's words" (annotation must never
 * change them). Deliberately independent of src/: a test must not take its
 * expected values from the code it checks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { parse as parseYaml } from 'yaml';
import { PROJECT_ROOT } from './builds.ts';
import { normaliseSpace } from './html.ts';

export interface ArticleSource {
  file: string;
  title: string;
  dek: string;
  /** Text of every paragraph and heading of the body, whitespace collapsed, in order. */
  blocks: string[];
}

const markdown = unified().use(remarkParse).use(remarkDirective);

export function readArticleSource(slug: string): ArticleSource {
  const file = join(PROJECT_ROOT, 'content', 'articles', `${slug}.md`);
  const source = readFileSync(file, 'utf8');
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  if (!match) throw new Error(`${file}: no frontmatter`);
  const data = parseYaml(match[1] ?? '') as { title?: unknown; dek?: unknown };
  const tree = markdown.parse(match[2] ?? '') as Root;
  const blocks: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'paragraph' || node.type === 'heading') {
      const text = normaliseSpace(mdastToString(node));
      if (text) blocks.push(text);
      return 'skip';
    }
    return undefined;
  });
  return { file, title: String(data.title ?? ''), dek: String(data.dek ?? ''), blocks };
}
