/**
 * The Markdown processor of an article: Markdown (CommonMark + GFM, the same
 * dialect as Astro's `unified()` processor) → annotation plugins → HTML.
 *
 * ```js
 * const processor = articleProcessor({ base, entities });
 * const file = await processor.process(new VFile({ value: body, data: { astro: { frontmatter: article } } }));
 * String(file); // the HTML
 * file.data.astro.frontmatter.annotations; // what rehypeCollect recorded (packed)
 * ```
 *
 * It is Astro's unified pipeline without the passes that have nothing to do
 * in an article: raw HTML (`rehype-raw`: the content check refuses HTML in the
 * body), images (refused too: a reader's browser would fetch them elsewhere),
 * syntax highlighting and heading ids (`rehypeAnchors` gives every heading a
 * stable id). Smartypants stays off: the rendered text equals the source.
 *
 * `inspect` runs on the Markdown tree before any annotation plugin changes it
 * (the content check reads the body text there, from the same parse);
 * `inspectHtml` on the annotated HTML tree just before it is serialised (the
 * annotation report reads it there).
 */
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { type Pluggable, unified } from 'unified';
import rehypeAnchors from './rehypeAnchors.ts';
import rehypeCollect from './rehypeCollect.ts';
import remarkDates from './remarkDates.ts';
import remarkMentions from './remarkMentions.ts';
import remarkOverrides from './remarkOverrides.ts';
import type { AnnotateOptions } from './types.ts';

export interface ProcessorOptions {
  inspect?: Pluggable | undefined;
  inspectHtml?: Pluggable | undefined;
}

export function articleProcessor(options: AnnotateOptions, { inspect, inspectHtml }: ProcessorOptions = {}) {
  const processor = unified().use(remarkParse).use(remarkGfm);
  if (inspect) processor.use([inspect]);
  processor
    .use(remarkOverrides, options)
    .use(remarkDates)
    .use(remarkMentions, options)
    .use(remarkRehype)
    .use(rehypeAnchors)
    .use(rehypeCollect);
  if (inspectHtml) processor.use([inspectHtml]);
  return processor.use(rehypeStringify).freeze();
}

export type ArticleProcessor = ReturnType<typeof articleProcessor>;
