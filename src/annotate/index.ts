/**
 * The annotation stage of the pipeline: remark and rehype plugins that turn an
 * article's frontmatter declarations into mentions, dates and anchors, and
 * record the result for the pages. `articleProcessor` (processor.ts) puts them
 * in their fixed order:
 *
 * remark: remarkOverrides (editor directives, registers remark-directive) →
 *         remarkDates (event phrases) → remarkMentions (aliases);
 * rehype: rehypeAnchors (ids, permalinks) → rehypeCollect (writes the
 *         annotations, packed, to `file.data.astro.frontmatter.annotations`).
 *
 * ```js
 * const processor = articleProcessor({ base, entities: entityIndex(entries) });
 * ```
 */
import rehypeAnchors from './rehypeAnchors.ts';
import rehypeCollect from './rehypeCollect.ts';
import remarkDates from './remarkDates.ts';
import remarkMentions from './remarkMentions.ts';
import remarkOverrides from './remarkOverrides.ts';

export { entityIndex } from './entities.ts';
export { readStoredAnnotations, unpackAnnotations } from './packed.ts';
export { type ArticleProcessor, articleProcessor } from './processor.ts';
export { collectAnnotations } from './rehypeCollect.ts';
export type * from './types.ts';
export { rehypeAnchors, rehypeCollect, remarkDates, remarkMentions, remarkOverrides };
