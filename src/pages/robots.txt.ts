/**
 * `/robots.txt`: everything may be crawled; the sitemap's absolute URL
 * (with the base path) tells crawlers where the pages are. Served under a
 * sub-path it is only advisory (crawlers read robots.txt at the origin's root):
 * the operator of the root decides, and docs/deploy.md says so.
 */
import type { APIRoute } from 'astro';
import { absoluteUrl } from '../share/seo.ts';

export const GET: APIRoute = ({ site, url }) => {
  const where = { site: site ?? url.origin, base: import.meta.env.BASE_URL };
  const body = ['User-agent: *', 'Allow: /', '', `Sitemap: ${absoluteUrl(where, 'sitemap-index.xml')}`, ''].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
