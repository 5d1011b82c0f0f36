/**
 * What a page tells the outside world about itself: title, description,
 * canonical path, preview image and structured data. Pages build a `PageSeo`
 * and hand it to the layout, which renders it through `SeoHead.astro`.
 */
export interface PageSeo {
  /** Page title without the site name. */
  title: string;
  description: string;
  /** Site path without the base, e.g. `articles/x/` (`''` for home). */
  path: string;
  type?: 'website' | 'article' | 'profile';
  /** Site path (without base) of a 1200×630 preview image. */
  image?: string;
  /** schema.org objects rendered as JSON-LD. */
  jsonLd?: Record<string, unknown>[];
  noindex?: boolean;
}
