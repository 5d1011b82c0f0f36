/**
 * An article's HTML, annotations and relations graph, as the content pipeline rendered them
 * (see `src/model/renderedArticles.ts`): read once per build, then shared by
 * the article page, the derived data and the exports.
 */
import type { CollectionEntry } from 'astro:content';
import { unpackAnnotations } from '../annotate/packed.ts';
import type { ArticleAnnotations } from '../annotate/types.ts';
import type { RelationsGraph } from '../derive/relationsLayout.ts';
import { readRendered } from '../model/renderedArticles.ts';

export interface ArticleText {
  html: string;
  annotations: ArticleAnnotations;
  relations: RelationsGraph;
}

const texts = new Map<string, ArticleText>();

export function articleText(entry: Pick<CollectionEntry<'articles'>, 'id' | 'digest'>): ArticleText {
  const dir = import.meta.env.BACKSTORY_RENDERED_DIR;
  if (!dir)
    throw new Error(
      'BACKSTORY_RENDERED_DIR is not set: add backstoryContent() to the integrations in astro.config.mjs',
    );
  if (entry.digest === undefined)
    throw new Error(`The article "${entry.id}" has no digest: was it loaded by the content pipeline?`);
  const key = `${entry.id}\0${entry.digest}`;
  let text = texts.get(key);
  if (!text) {
    const { html, annotations, relations } = readRendered(dir, entry.id, String(entry.digest));
    text = {
      html,
      annotations: unpackAnnotations(annotations),
      relations,
    };
    texts.set(key, text);
  }
  return text;
}
