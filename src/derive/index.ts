/**
 * The derive stage of the pipeline: plain typed functions from the content
 * and its annotations to what the site-wide pages and the `/data/` exports
 * show. No Astro here (`src/data/site.ts` is the Astro side), so all of it is
 * unit-tested as plain TypeScript in tests/unit/derive/.
 */
export * from './dates.ts';
export * from './entityIndex.ts';
export * from './exports.ts';
export * from './lookup.ts';
export * from './mapLayout.ts';
export * from './pagination.ts';
export * from './passages.ts';
export * from './siteData.ts';
export * from './timeline.ts';
export * from './timelineLayout.ts';
export type * from './types.ts';
