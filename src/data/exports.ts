/**
 * The Astro side of the `/data/` endpoints: absolute URLs for this build
 * (site origin + base path) and the JSON response. The builders in
 * src/derive/exports.ts are typed by the published schemas; the site tests
 * check every built file against `/data/schema/` (tests/site/derived.test.ts),
 * so the build does not parse each export a second time (at 1,000 articles
 * that check cost more than building the exports).
 */
import type { UrlOf } from '../derive/exports.ts';
import { absoluteUrl } from '../share/seo.ts';
import { siteLocation } from './location.ts';

export function urlOf(site: URL | undefined): UrlOf {
  const where = siteLocation(site);
  return (path) => absoluteUrl(where, path);
}

export function jsonResponse(value: unknown): Response {
  return new Response(JSON.stringify(value), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
