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
import type { ArticleAnnotations } from './types.ts';

export function readAnnotations(
  remarkPluginFrontmatter: Record<string, unknown>,
  articleId: string,
): ArticleAnnotations {
  const annotations = remarkPluginFrontmatter.annotations;
  if (isAnnotations(annotations)) return annotations;
  throw new Error(
    `The article "${articleId}" was not annotated: rendering its Markdown failed (the reason is logged above as "Error rendering ${articleId}"). ` +
      'Run `node scripts/annotation-report.ts` to see it with its line; usually a directive names an id the article does not declare.',
  );
}

function isAnnotations(value: unknown): value is ArticleAnnotations {
  return typeof value === 'object' && value !== null && 'version' in value && value.version === 1;
}
