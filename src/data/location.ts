/**
 * Where this build is served, for absolute URLs (canonical links, JSON-LD,
 * feeds, exports): the origin Astro was given (`site`, from SITE_URL; the
 * config always sets one) and the base path.
 */
import type { SiteLocation } from '../share/seo.ts';

export function siteLocation(site: URL | undefined): SiteLocation {
  return { site: site ?? 'http://localhost:4321', base: import.meta.env.BASE_URL };
}
