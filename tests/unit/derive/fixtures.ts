/**
 * A small hand-made site for the derive tests: two articles, a few actors and
 * places, annotations written out the way `rehypeCollect` records them.
 */
import type { AnnotatedMention, ArticleAnnotations, EntityKey } from '../../../src/annotate/types.ts';
import type { SiteInput } from '../../../src/derive/types.ts';
import type { Actor, Article, ArticleEvent, Place } from '../../../src/model/schema.ts';

export const actors: SiteInput['actors'] = [
  { id: 'haftar', data: actor('Khalifa Haftar', 'person', 'Libyan commander.') },
  { id: 'putin', data: actor('Vladimir Putin', 'person', 'Russian president.') },
  { id: 'russia', data: actor('Russia', 'state', 'Country.') },
  { id: 'un', data: actor('United Nations', 'organisation', 'Body.') },
  { id: 'nobody', data: actor('Never Mentioned', 'group', 'Declared nowhere.') },
];

export const places: SiteInput['places'] = [
  { id: 'moscow', data: place('Moscow', 'city', 55.7558, 37.6173) },
  { id: 'tripoli', data: place('Tripoli', 'city', 32.8872, 13.1913) },
  { id: 'libya', data: place('Libya', 'country', 27, 17) },
];

function actor(name: string, kind: Actor['kind'], description: string): Actor {
  return { name, kind, description, aliases: [] };
}

function place(name: string, kind: Place['kind'], lat: number, lon: number): Place {
  return { name, kind, aliases: [], coordinates: { lat, lon } };
}

function event(id: string, date: string, precision: ArticleEvent['precision'], extra: Partial<ArticleEvent> = {}) {
  return { id, date, precision, phrase: `phrase of ${id}`, summary: `Summary of ${id}.`, actors: [], ...extra };
}

function article(title: string, published: string, extra: Partial<Article>): Article {
  return {
    title,
    dek: `Dek of ${title}.`,
    byline: 'Reporter',
    publisher: 'Paper',
    originalUrl: 'https://example.org/story',
    published,
    topics: [],
    related: [],
    actors: [],
    places: [],
    events: [],
    relations: [],
    sources: [],
    ...extra,
  };
}

/** Mentions written as [entity, paragraph id, text, sentence, offset in the paragraph]. */
function mentions(rows: [EntityKey, string, string, string, number][]): AnnotatedMention[] {
  const seen = new Map<string, number>();
  return rows.map(([entity, paragraphId, text, sentence, offset]) => {
    const index = (seen.get(entity) ?? 0) + 1;
    seen.set(entity, index);
    return { entity, id: `m-${entity.split(':')[1]}-${index}`, index, paragraphId, offset, text, sentence };
  });
}

function annotations(
  paragraphs: [string, string][],
  list: AnnotatedMention[],
  events: ArticleAnnotations['events'],
): ArticleAnnotations {
  const counts: ArticleAnnotations['counts'] = {};
  for (const mention of list) counts[mention.entity] = (counts[mention.entity] ?? 0) + 1;
  return {
    version: 1,
    paragraphs: paragraphs.map(([id, text]) => ({ id, kind: 'paragraph', text })),
    mentions: list,
    dates: [],
    counts,
    events,
  };
}

const P1 = 'Haftar met Putin in Moscow on Monday. Putin waited.';
const P2 = 'Russia backs Haftar. Haftar said Haftar would sleep on it.';
const P3 = 'The UN had worked on a truce since April.';

export const moscowTalks: SiteInput['articles'][number] = {
  slug: 'moscow-talks',
  data: article('Moscow talks', '2020-01-15', {
    actors: [
      { id: 'haftar', aliases: ['Haftar'], role: 'Walked out.' },
      { id: 'putin', aliases: ['Putin'] },
      { id: 'russia', aliases: ['Russia'] },
      { id: 'un', aliases: ['UN'] },
    ],
    places: [{ id: 'moscow', aliases: ['Moscow'] }],
    events: [
      event('talks', '2020-01-13', 'day', { actors: ['putin', 'haftar'], place: 'moscow' }),
      event('uprising', '2011', 'year', { actors: ['russia'], place: 'libya' }),
      event('offensive', '2019-04', 'month', { actors: ['haftar'], place: 'tripoli' }),
      event('truce-work', '2019-04', 'month', { actors: ['un'] }),
    ],
    relations: [{ from: 'russia', to: 'haftar', kind: 'backs', quote: 'Russia backs Haftar' }],
  }),
  annotations: annotations(
    [
      ['p-one', P1],
      ['p-two', P2],
      ['p-three', P3],
      ['p-four', 'Putin phoned Haftar.'],
    ],
    mentions([
      ['actor:haftar', 'p-one', 'Haftar', 'Haftar met Putin in Moscow on Monday.', 0],
      ['actor:putin', 'p-one', 'Putin', 'Haftar met Putin in Moscow on Monday.', 11],
      ['place:moscow', 'p-one', 'Moscow', 'Haftar met Putin in Moscow on Monday.', 20],
      ['actor:putin', 'p-one', 'Putin', 'Putin waited.', 38],
      ['actor:russia', 'p-two', 'Russia', 'Russia backs Haftar.', 0],
      ['actor:haftar', 'p-two', 'Haftar', 'Russia backs Haftar.', 13],
      ['actor:haftar', 'p-two', 'Haftar', 'Haftar said Haftar would sleep on it.', 21],
      ['actor:haftar', 'p-two', 'Haftar', 'Haftar said Haftar would sleep on it.', 33],
      ['actor:un', 'p-three', 'UN', 'The UN had worked on a truce since April.', 4],
      ['actor:putin', 'p-four', 'Putin', 'Putin phoned Haftar.', 0],
      ['actor:haftar', 'p-four', 'Haftar', 'Putin phoned Haftar.', 13],
    ]),
    {
      talks: { id: 'event-talks', paragraphId: 'p-one' },
      'truce-work': { id: 'event-truce-work', paragraphId: 'p-three' },
    },
  ),
};

export const berlinPlans: SiteInput['articles'][number] = {
  slug: 'berlin-plans',
  data: article('Berlin plans', '2020-01-20', {
    actors: [
      { id: 'haftar', aliases: ['Haftar'] },
      { id: 'un', aliases: ['UN'] },
    ],
    places: [{ id: 'tripoli', aliases: ['Tripoli'] }],
    events: [
      event('week-talks', '2020-W02', 'week', { actors: ['haftar'] }),
      event('jan-year', '2020', 'year', { actors: ['un'] }),
    ],
  }),
  annotations: annotations(
    [['b-one', 'Haftar left Tripoli.']],
    mentions([
      ['actor:haftar', 'b-one', 'Haftar', 'Haftar left Tripoli.', 0],
      ['place:tripoli', 'b-one', 'Tripoli', 'Haftar left Tripoli.', 12],
    ]),
    {},
  ),
};

export const site: SiteInput = { articles: [moscowTalks, berlinPlans], actors, places };
