import { describe, expect, it } from 'vitest';
import type { EntityKey } from '../../../src/annotate/types.ts';
import { buildEntityIndexes, groupByKind } from '../../../src/derive/entityIndex.ts';
import { buildSiteData } from '../../../src/derive/siteData.ts';
import { buildTimeline } from '../../../src/derive/timeline.ts';
import { site } from './fixtures.ts';

const timeline = buildTimeline(site);
const { actors, places } = buildEntityIndexes(site, timeline);

describe('mention counts', () => {
  it('equal the mentions in the annotations, entity by entity', () => {
    const expected = new Map<EntityKey, number>();
    for (const article of site.articles) {
      for (const mention of article.annotations?.mentions ?? []) {
        expected.set(mention.entity, (expected.get(mention.entity) ?? 0) + 1);
      }
    }
    for (const entry of [...actors.all, ...places.all]) {
      expect(entry.mentionCount, entry.key).toBe(expected.get(entry.key) ?? 0);
      expect(entry.mentions).toHaveLength(entry.mentionCount);
    }
    // And the per-article counts match the annotations' own `counts`.
    for (const article of site.articles) {
      for (const [key, count] of Object.entries(article.annotations?.counts ?? {})) {
        const entry = key.startsWith('actor:') ? actors.byId.get(key.slice(6)) : places.byId.get(key.slice(6));
        const appearance = entry?.appearances.find((candidate) => candidate.article.slug === article.slug);
        expect(appearance?.mentions, `${key} in ${article.slug}`).toBe(count);
      }
    }
  });

  it('list each article an entity appears in, newest first, with its role', () => {
    const haftar = actors.byId.get('haftar');
    expect(haftar?.appearances.map((a) => [a.article.slug, a.mentions])).toEqual([
      ['berlin-plans', 1],
      ['moscow-talks', 5],
    ]);
    expect(haftar?.appearances[1]?.role).toBe('Walked out.');
    expect(haftar?.appearances[1]?.path).toBe('articles/moscow-talks/#m-haftar-1');
  });

  it('keep an entity that is declared but never found in an article, with no mention', () => {
    const un = actors.byId.get('un');
    expect(un?.appearances.find((a) => a.article.slug === 'berlin-plans')).toMatchObject({
      mentions: 0,
      path: 'articles/berlin-plans/',
    });
  });

  it('still index an actor no article declares or mentions', () => {
    expect(actors.byId.get('nobody')).toMatchObject({ mentionCount: 0, appearances: [], mentions: [], events: [] });
  });
});

describe('mentions in context', () => {
  const haftar = actors.byId.get('haftar');

  it('link each mention to its id in the article', () => {
    expect(haftar?.mentions.map((mention) => mention.path)).toEqual([
      'articles/berlin-plans/#m-haftar-1',
      'articles/moscow-talks/#m-haftar-1',
      'articles/moscow-talks/#m-haftar-2',
      'articles/moscow-talks/#m-haftar-3',
      'articles/moscow-talks/#m-haftar-4',
      'articles/moscow-talks/#m-haftar-5',
    ]);
  });

  it('highlight the right one of two identical words in a sentence', () => {
    const [first, second] = (haftar?.mentions ?? []).filter((m) => m.sentence.startsWith('Haftar said'));
    expect(first).toMatchObject({ before: '', match: 'Haftar', after: ' said Haftar would sleep on it.' });
    expect(second).toMatchObject({ before: 'Haftar said ', match: 'Haftar', after: ' would sleep on it.' });
  });
});

describe('co-mentions', () => {
  it('rank the entities mentioned in the same paragraphs, most shared paragraphs first', () => {
    const haftar = actors.byId.get('haftar');
    expect(haftar?.coMentioned.map((co) => [co.entity.key, co.paragraphs])).toEqual([
      ['actor:putin', 2],
      // Ties by name: Moscow, Russia, Tripoli.
      ['place:moscow', 1],
      ['actor:russia', 1],
      ['place:tripoli', 1],
    ]);
  });

  it('are symmetric and never include the entity itself', () => {
    for (const entry of [...actors.all, ...places.all]) {
      for (const co of entry.coMentioned) {
        expect(co.entity.key).not.toBe(entry.key);
        const other = co.entity.collection === 'actor' ? actors.byId.get(co.entity.id) : places.byId.get(co.entity.id);
        expect(other?.coMentioned.find((back) => back.entity.key === entry.key)?.paragraphs).toBe(co.paragraphs);
      }
    }
  });

  it('count a paragraph once however often both are named in it', () => {
    const russia = actors.byId.get('russia');
    expect(russia?.coMentioned).toEqual([expect.objectContaining({ paragraphs: 1, articles: 1 })]);
  });
});

describe('events and relations', () => {
  it('give actors the events they take part in, in timeline order', () => {
    expect(actors.byId.get('haftar')?.events.map((event) => event.eventId)).toEqual([
      'offensive',
      'week-talks',
      'talks',
    ]);
  });

  it('give places the events located there', () => {
    expect(places.byId.get('moscow')?.events.map((event) => event.eventId)).toEqual(['talks']);
    expect(places.byId.get('libya')?.events.map((event) => event.eventId)).toEqual(['uprising']);
    expect(places.byId.get('libya')?.mentionCount).toBe(0);
  });

  it('show each relation from both sides, linked to the paragraph that supports it', () => {
    expect(actors.byId.get('russia')?.relations).toEqual([
      expect.objectContaining({
        kind: 'backs',
        direction: 'outgoing',
        paragraphId: 'p-two',
        path: 'articles/moscow-talks/#p-two',
      }),
    ]);
    expect(actors.byId.get('haftar')?.relations[0]).toMatchObject({ direction: 'incoming', other: { id: 'russia' } });
  });
});

describe('buildSiteData', () => {
  const data = buildSiteData(site);

  it('lists the articles newest first with their actors, most mentioned first', () => {
    expect(data.articles.map((article) => article.slug)).toEqual(['berlin-plans', 'moscow-talks']);
    expect(data.articles[1]?.actors.map((actor) => [actor.id, actor.mentions])).toEqual([
      ['haftar', 5],
      ['putin', 3],
      ['russia', 1],
      ['un', 1],
    ]);
  });

  it('groups entries by kind in the given order', () => {
    expect(groupByKind(data.actors.all, ['person', 'state', 'organisation', 'group']).map((g) => g.kind)).toEqual([
      'person',
      'state',
      'organisation',
      'group',
    ]);
  });
});
