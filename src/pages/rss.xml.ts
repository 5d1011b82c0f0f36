/**
 * `/rss.xml`: every article, newest first, with a summary of who did what,
 * when and where. All links are absolute and include the base path.
 */

import { getCollection } from 'astro:content';
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { articleFeedItem } from '../share/feed.ts';
import { absoluteUrl, SITE_DESCRIPTION, SITE_NAME } from '../share/seo.ts';

export const GET: APIRoute = async ({ site, url }) => {
  const where = { site: site ?? url.origin, base: import.meta.env.BASE_URL };
  const [articles, actors, places] = await Promise.all([
    getCollection('articles'),
    getCollection('actors'),
    getCollection('places'),
  ]);
  const items = articles
    .sort((a, b) => b.data.published.localeCompare(a.data.published) || a.id.localeCompare(b.id))
    .map((article) => articleFeedItem({ where, article, actors, places }));
  const self = absoluteUrl(where, 'rss.xml');
  return rss({
    title: SITE_NAME,
    description: SITE_DESCRIPTION,
    site: absoluteUrl(where),
    items,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>en</language><atom:link href="${self}" rel="self" type="application/rss+xml"/>`,
  });
};
