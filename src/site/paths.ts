/**
 * Site URLs under the configured base path. Every internal link goes through
 * here so the site works at a domain root and under a sub-path alike.
 */

/** Join the base path and a site path: `('/sub', 'actors/x/')` → `/sub/actors/x/`. */
export function joinBase(base: string, path = ''): string {
  const head = base.endsWith('/') ? base : `${base}/`;
  return `${head}${path.replace(/^\/+/, '')}`;
}

export const routes = {
  home: () => '',
  article: (slug: string) => `articles/${slug}/`,
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
