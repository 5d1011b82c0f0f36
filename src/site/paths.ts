/**
 * Site URLs under the configured base path. Every internal link goes through
 * here so the site works at a domain root and under a sub-path alike.
 */

/** Join the base path and a site path: `('/sub', 'actors/x/')` → `/sub/actors/x/`. */
export function joinBase(base: string, path = ''): string {
  const head = base.endsWith('/') ? base : `${base}/`;
  return `${head}${path.replace(/^\/+/, '')}`;
}

/** Fragment id of an article page's "Key dates": its events in the order they happened. */
export const ARTICLE_DATES_ID = 'article-dates';

export const routes = {
  home: () => '',
  article: (slug: string) => `articles/${slug}/`,
  /** An article's events in order: the "Key dates" of its page (its timeline). */
  articleDates: (slug: string) => `articles/${slug}/#${ARTICLE_DATES_ID}`,
  timeline: () => 'timeline/',
  actors: () => 'actors/',
  actor: (id: string) => `actors/${id}/`,
  places: () => 'places/',
  place: (id: string) => `places/${id}/`,
  search: () => 'search/',
} as const;

/** `actor:khalifa-haftar` → `actors/khalifa-haftar/` */
export function entityRoute(entity: `${'actor' | 'place'}:${string}`): string {
  const [kind, id] = entity.split(':') as ['actor' | 'place', string];
  return kind === 'actor' ? routes.actor(id) : routes.place(id);
}
