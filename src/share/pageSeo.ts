/**
 * Ready-made `PageSeo` for the kinds of page that have a preview image and
 * structured data, so a page passes one call to the layout:
 *
 *   const seo = articlePageSeo({ where: { site: Astro.site!, base: import.meta.env.BASE_URL }, article, actors, places });
 *   <BaseLayout seo={seo}>
 */
import type { Actor, Article, Place } from '../model/schema.ts';
import { routes } from '../site/paths.ts';
import {
  actorJsonLd,
  breadcrumbJsonLd,
  breadcrumbs,
  type Entry,
  newsArticleJsonLd,
  placeJsonLd,
  webSiteJsonLd,
} from './jsonLd.ts';
import { type PageSeo, previewImagePaths, SITE_DESCRIPTION, SITE_NAME, type SiteLocation } from './seo.ts';

export function homePageSeo({ where }: { where: SiteLocation }): PageSeo {
  return {
    title: SITE_NAME,
    description: SITE_DESCRIPTION,
    path: routes.home(),
    image: previewImagePaths.site(),
    imageAlt: `${SITE_NAME}: ${SITE_DESCRIPTION}`,
    jsonLd: [webSiteJsonLd(where)],
  };
}

export function articlePageSeo(input: {
  where: SiteLocation;
  article: Entry<Article>;
  actors: readonly Entry<Actor>[];
  places: readonly Entry<Place>[];
}): PageSeo {
  const { where, article } = input;
  const { data } = article;
  return {
    title: data.title,
    description: data.dek,
    path: routes.article(article.id),
    type: 'article',
    image: previewImagePaths.article(article.id),
    imageAlt: `${data.title}: ${data.dek}`,
    publishedTime: data.published,
    ...(data.updated ? { modifiedTime: data.updated } : {}),
    tags: data.topics,
    jsonLd: [newsArticleJsonLd(input), breadcrumbJsonLd(where, breadcrumbs.article(data.title, article.id))],
  };
}

export function actorPageSeo({ where, actor }: { where: SiteLocation; actor: Entry<Actor> }): PageSeo {
  return {
    title: actor.data.name,
    description: actor.data.description,
    path: routes.actor(actor.id),
    type: actor.data.kind === 'person' ? 'profile' : 'website',
    image: previewImagePaths.actor(actor.id),
    imageAlt: `${actor.data.name}: ${actor.data.description}`,
    jsonLd: [actorJsonLd({ where, actor }), breadcrumbJsonLd(where, breadcrumbs.actor(actor.data.name, actor.id))],
  };
}

export function placePageSeo({ where, place }: { where: SiteLocation; place: Entry<Place> }): PageSeo {
  return {
    title: place.data.name,
    description: place.data.description ?? `${place.data.name} in the news on ${SITE_NAME}.`,
    path: routes.place(place.id),
    jsonLd: [placeJsonLd({ where, place }), breadcrumbJsonLd(where, breadcrumbs.place(place.data.name, place.id))],
  };
}
