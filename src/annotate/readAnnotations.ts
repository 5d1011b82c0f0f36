/**
 * How a page gets an article's annotations, typed:
 *
 * ```astro
 * const { Content, remarkPluginFrontmatter } = await render(article);
 * const annotations = readAnnotations(remarkPluginFrontmatter, article.id);
 * ```
 *
 * Astro's content loader catches an error thrown while rendering Markdown
 * (e.g. a wrong `:actor[…]{#id}` directive), logs it as `Error rendering …`
 * and keeps the entry with no HTML. Without this check the build would go on
 * and publish an empty article; with it, the build stops and points at the
 * logged reason.
 */
import { isPackedAnnotations, unpackAnnotations } from './packed.ts';
import type { ArticleAnnotations } from './types.ts';

export function readAnnotations(
  remarkPluginFrontmatter: Record<string, unknown>,
  articleId: string,
): ArticleAnnotations {
  const annotations = storedAnnotations(remarkPluginFrontmatter);
  if (annotations) return annotations;
  throw new Error(
    `The article "${articleId}" was not annotated: rendering its Markdown failed (the reason is logged above as "Error rendering ${articleId}"). ` +
      'Run `node scripts/annotation-report.ts` to see it with its line; usually a directive names an id the article does not declare.',
  );
}

/**
 * The annotations `rehypeCollect` stored in the frontmatter (packed or not),
 * unpacked once per stored object; `undefined` when there are none.
 */
export function storedAnnotations(frontmatter: Record<string, unknown> | undefined): ArticleAnnotations | undefined {
  const stored = frontmatter?.annotations;
  if (typeof stored !== 'object' || stored === null) return undefined;
  let annotations = unpacked.get(stored);
  if (!annotations) {
    if (isPackedAnnotations(stored)) annotations = unpackAnnotations(stored);
    else if ('version' in stored && stored.version === 1) annotations = stored as ArticleAnnotations;
    else return undefined;
    unpacked.set(stored, annotations);
  }
  return annotations;
}

// The article page and the site data both read an article's annotations: unpack once.
const unpacked = new WeakMap<object, ArticleAnnotations>();
