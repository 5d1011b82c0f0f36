/**
 * What each preview card shows, from the content: shared by the image routes
 * (`src/pages/og/`) and the build-time pre-rendering (`previewIntegration.ts`),
 * so both draw the same card from the same entries.
 */
import type { Actor, ActorKind, Article } from '../model/schema.ts';
import type { ActorCard, ArticleCard } from './card/index.ts';
import { formatDay } from './feed.ts';
import type { Entry } from './jsonLd.ts';

const KIND_LABEL: Record<ActorKind, string> = {
  person: 'Person',
  state: 'State',
  organisation: 'Organisation',
  group: 'Group',
};

/** Title, dek, byline and date, and the actors in the editor's order (the main ones come first). */
export function articleCard(article: Entry<Article>, actors: readonly Entry<Actor>[]): ArticleCard {
  const nameOf = new Map(actors.map((actor) => [actor.id, actor.data.name]));
  const { data } = article;
  return {
    title: data.title,
    dek: data.dek,
    actors: data.actors.map((ref) => nameOf.get(ref.id) ?? ref.id),
    byline: `${data.publisher} · ${formatDay(data.published)}`,
  };
}

/**
 * Name, kind and description, how many articles mention the actor, and who is
 * most often mentioned with it (on a tie: who comes first in the articles' lists).
 */
export function actorCard(
  actor: Entry<Actor>,
  articles: readonly Entry<Article>[],
  actors: readonly Entry<Actor>[],
): ActorCard {
  const nameOf = new Map(actors.map((entry) => [entry.id, entry.data.name]));
  // Articles in a fixed order, so ties keep the order editors listed the actors in, build after build.
  const mentioning = articles
    .filter((article) => article.data.actors.some((ref) => ref.id === actor.id))
    .sort((a, b) => a.id.localeCompare(b.id));
  const together = new Map<string, { count: number; first: number }>();
  for (const article of mentioning) {
    for (const ref of article.data.actors) {
      if (ref.id === actor.id) continue;
      const seen = together.get(ref.id) ?? { count: 0, first: together.size };
      together.set(ref.id, { ...seen, count: seen.count + 1 });
    }
  }
  const related = [...together]
    .sort(([, a], [, b]) => b.count - a.count || a.first - b.first)
    .map(([id]) => nameOf.get(id) ?? id);
  const count = mentioning.length;
  return {
    name: actor.data.name,
    kind: KIND_LABEL[actor.data.kind],
    description: actor.data.description,
    note: count > 0 ? `Mentioned in ${count} ${count === 1 ? 'article' : 'articles'}` : '',
    related,
  };
}
