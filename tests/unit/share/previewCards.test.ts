import { describe, expect, it } from 'vitest';
import { actorCard, articleCard } from '../../../src/share/previewCards.ts';
import { actors, makeArticle } from './fixtures.ts';

const byId = (id: string) => {
  const actor = actors.find((a) => a.id === id);
  if (!actor) throw new Error(`no fixture actor ${id}`);
  return actor;
};

describe('what a preview card shows', () => {
  it('for an article: title, dek, publisher and day, and the actors in the editor’s order', () => {
    expect(articleCard(makeArticle(), actors)).toEqual({
      title: 'How Putin Was Thrown Off Course',
      dek: "Haftar's walk-out embarrassed Putin.",
      byline: 'Bloomberg · 15 January 2020',
      actors: ['Khalifa Haftar', 'Vladimir Putin', 'Russia', 'Kremlin', 'Russian mercenaries'],
    });
  });

  it('for an actor: how many articles mention it, and who appears with it most often first', () => {
    const first = makeArticle();
    const second = {
      id: 'second',
      data: {
        ...makeArticle().data,
        actors: [
          { id: 'kremlin', aliases: ['Kremlin'] },
          { id: 'khalifa-haftar', aliases: ['Haftar'] },
        ],
      },
    };
    const card = actorCard(byId('khalifa-haftar'), [first, second], actors);
    expect(card.note).toBe('Mentioned in 2 articles');
    expect(card.kind).toBe('Person');
    expect(card.related?.[0]).toBe('Kremlin'); // in both articles
    expect(card.related?.slice(1)).toEqual(['Vladimir Putin', 'Russia', 'Russian mercenaries']);
  });

  it('for an actor no article mentions: no count and nobody alongside', () => {
    const card = actorCard(byId('not-in-article'), [makeArticle()], actors);
    expect(card.note).toBe('');
    expect(card.related).toEqual([]);
  });
});
