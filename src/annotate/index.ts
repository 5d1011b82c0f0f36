/**
 * The annotation stage of the pipeline: remark and rehype plugins that turn an
 * article's frontmatter declarations into mentions, dates and anchors, and
 * record the result for the pages.
 *
 * ```js
 * // astro.config.mjs
 * const annotate = annotationPlugins({ base, entities });
 * markdown: { processor: unified({ smartypants: false, ...annotate }) }
 * ```
 *
 * Order matters and is fixed here:
 * remark: remarkOverrides (editor directives, registers remark-directive) →
 *         remarkDates (event phrases) → remarkMentions (aliases);
 * rehype: rehypeAnchors (ids, permalinks) → rehypeCollect (writes
 *         `remarkPluginFrontmatter.annotations`).
 */
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import rehypeAnchors from './rehypeAnchors.ts';
import rehypeCollect from './rehypeCollect.ts';
import remarkDates from './remarkDates.ts';
import remarkMentions from './remarkMentions.ts';
import remarkOverrides from './remarkOverrides.ts';
import type { AnnotateOptions } from './types.ts';

/**
 * The plugin lists, typed as Astro's `RemarkPlugins`/`RehypePlugins` so they
 * go straight into `unified({ remarkPlugins, rehypePlugins })` or
 * `createMarkdownProcessor` (unified's `PluggableList` is not assignable to them).
 */
export function annotationPlugins(options: AnnotateOptions): {
  remarkPlugins: RemarkPlugins;
  rehypePlugins: RehypePlugins;
} {
  return {
    remarkPlugins: [[remarkOverrides, options], remarkDates, [remarkMentions, options]],
    rehypePlugins: [rehypeAnchors, rehypeCollect],
  };
}

export { entityIndex } from './entities.ts';
export { readAnnotations } from './readAnnotations.ts';
export { collectAnnotations } from './rehypeCollect.ts';
export type * from './types.ts';
export { rehypeAnchors, rehypeCollect, remarkDates, remarkMentions, remarkOverrides };
