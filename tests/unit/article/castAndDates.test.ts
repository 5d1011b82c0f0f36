import { describe, expect, it } from 'vitest';
import { provenance, siteName, topicLabel } from '../../../src/components/article/lib/articleMeta.ts';
import { buildCast, groupCast } from '../../../src/components/article/lib/cast.ts';
import { buildEntityData, serializeForScript } from '../../../src/components/article/lib/entityData.ts';
import { formatEventDate, formatLongDay, orderKeyDates } from '../../../src/components/article/lib/keyDates.ts';
import { findBlockByQuote, groupSources, labelParts } from '../../../src/components/article/lib/sources.ts';
import type { Actor, ArticleEvent, Place } from '../../../src/model/schema.ts';

const actors = new Map<string, Actor>([
  ['haftar', { name: 'Khalifa Haftar', kind: 'person', aliases: [], description: 'Libyan commander.' }],
  ['putin', { name: 'Vladimir Putin', kind: 'person', aliases: [], description: 'Russian president.' }],
  ['russia', { name: 'Russia', kind: 'state', aliases: [], description: 'Country.' }],
  ['un', { name: 'United Nations', kind: 'organisation', aliases: [], description: 'Body.' }],
]);
const places = new Map<string, Place>([
  ['moscow', { name: 'Moscow', kind: 'city', aliases: [], coordinates: { lat: 55.7, lon: 37.6 } }],
]);
const article = {
  actors: [
    { id: 'putin', aliases: ['Putin'], role: 'Host.' },
    { id: 'haftar', aliases: ['Haftar'], role: 'Walked out.' },
    { id: 'russia', aliases: ['Russia'] },
    { id: 'un', aliases: ['UN'] },
    { id: 'missing', aliases: ['Ghost'] },
  ],
  places: [{ id: 'moscow', aliases: ['Moscow'] }],
};

describe('buildCast and groupCast', () => {
  const mentions = [
    { entity: 'actor:putin', id: 'm-putin-1' },
    { entity: 'actor:haftar', id: 'm-haftar-1' },
    { entity: 'actor:haftar', id: 'm-haftar-2' },
    { entity: 'place:moscow', id: 'm-moscow-1' },
  ] as const;
  const cast = buildCast({ article, actors, places, mentions: [...mentions], base: '/backstory/' });

  it('resolves every declared entity it knows, with links under the base path', () => {
    expect(cast.map((member) => member.key)).toEqual([
      'actor:putin',
      'actor:haftar',
      'actor:russia',
      'actor:un',
      'place:moscow',
    ]);
    expect(cast[1]).toMatchObject({
      name: 'Khalifa Haftar',
      mark: 'person',
      role: 'Walked out.',
      href: '/backstory/actors/haftar/',
      firstMentionId: 'm-haftar-1',
      mentionCount: 2,
    });
    expect(cast[4]).toMatchObject({ mark: 'place', href: '/backstory/places/moscow/', kindLabel: 'City' });
  });

  it('marks states and organisations alike', () => {
    expect(cast.find((member) => member.id === 'un')?.mark).toBe('state');
  });

  it('says when an entity is never mentioned', () => {
    expect(cast.find((member) => member.id === 'russia')).toMatchObject({ firstMentionId: undefined, mentionCount: 0 });
  });

  it('assumes the first mention id when there are no annotations', () => {
    const plain = buildCast({ article, actors, places, base: '/' });
    expect(plain[0]?.firstMentionId).toBe('m-putin-1');
  });

  it('groups people, states, organisations, then places; most mentioned first', () => {
    const groups = groupCast(cast);
    expect(groups.map((group) => group.heading)).toEqual(['People', 'States', 'Organisations', 'Places']);
    expect(groups[0]?.members.map((member) => member.id)).toEqual(['haftar', 'putin']);
  });

  it('gives the cards what they show, and nothing can close the script element', () => {
    const data = buildEntityData(cast);
    expect(data['actor:haftar']).toEqual({
      name: 'Khalifa Haftar',
      kindLabel: 'Person',
      mark: 'person',
      description: 'Libyan commander.',
      role: 'Walked out.',
      href: '/backstory/actors/haftar/',
    });
    const hostile = { name: '</script><script>alert(1)</script> & <!-- \u2028' };
    const text = serializeForScript(hostile);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(hostile);
  });
});

describe('orderKeyDates', () => {
  const event = (id: string, date: string, precision: ArticleEvent['precision']): ArticleEvent => ({
    id,
    date,
    precision,
    phrase: id,
    summary: id,
    actors: [],
  });
  it('orders events by when they happened, coarser dates first on ties, then as listed', () => {
    const ordered = orderKeyDates([
      event('monday', '2020-01-13', 'day'),
      event('april', '2019-04', 'month'),
      event('year', '2011', 'year'),
      event('last-week', '2020-W02', 'week'),
      event('in-2011', '2011', 'year'),
      event('jan-2011', '2011-01-01', 'day'),
    ]);
    expect(ordered.map((date) => date.eventId)).toEqual([
      'year',
      'in-2011',
      'jan-2011',
      'april',
      'last-week',
      'monday',
    ]);
  });
  it('links to the date element the annotations report, or to event-<id>', () => {
    const [first, second] = orderKeyDates([event('a', '2011', 'year'), event('b', '2012', 'year')], {
      a: { id: 'event-a' },
    });
    expect(first?.targetId).toBe('event-a');
    expect(second?.targetId).toBe('event-b');
  });
  it('writes dates at their precision', () => {
    expect(formatEventDate('2011', 'year')).toBe('2011');
    expect(formatEventDate('2019-04', 'month')).toBe('April 2019');
    expect(formatEventDate('2020-W02', 'week')).toBe('Week of 6 Jan 2020');
    expect(formatEventDate('2020-01-13', 'day')).toBe('13 Jan 2020');
    expect(formatLongDay('2020-01-15')).toBe('15 January 2020');
  });
});

describe('groupSources', () => {
  const blocks = [
    { id: 'h-caught', kind: 'heading', depth: 2, text: 'Caught unaware' },
    { id: 'p-one', kind: 'paragraph', text: 'It said so, two officials said.' },
    { id: 'p-two', kind: 'paragraph', text: 'Haftar said he\u2019d  sleep on it, but left.' },
  ] as const;

  it('separates named sources from anonymous attributions and finds their paragraph', () => {
    const grouped = groupSources(
      [
        { id: 'two', kind: 'anonymous', label: 'two officials', quote: 'two officials said' },
        { id: 'haftar', kind: 'named', actor: 'haftar', label: 'Haftar', quote: "Haftar said he'd sleep on it" },
        { id: 'lost', kind: 'anonymous', label: 'nobody', quote: 'not in the text' },
      ],
      [...blocks],
    );
    expect(grouped.named.map((entry) => [entry.anchorId, entry.paragraphId, entry.paragraphNumber])).toEqual([
      ['source-haftar', 'p-two', 2],
    ]);
    expect(grouped.anonymous.map((entry) => [entry.anchorId, entry.paragraphId])).toEqual([
      ['source-two', 'p-one'],
      ['source-lost', undefined],
    ]);
  });

  it('names a named source once, with the actor picked out', () => {
    expect(labelParts('Kirill Semyonov, a Libya expert', 'Kirill Semyonov')).toEqual([
      { text: 'Kirill Semyonov', name: true },
      { text: ', a Libya expert', name: false },
    ]);
    expect(labelParts('The Russian Defense Ministry', 'Russian Defense Ministry')).toEqual([
      { text: 'The ', name: false },
      { text: 'Russian Defense Ministry', name: true },
    ]);
    expect(labelParts('Haftar', 'Khalifa Haftar')).toEqual([{ text: 'Khalifa Haftar', name: true }]);
    expect(labelParts('the spokesman', 'Dmitry Peskov')).toEqual([
      { text: 'Dmitry Peskov', name: true },
      { text: ': the spokesman', name: false },
    ]);
    expect(labelParts('two officials', undefined)).toEqual([{ text: 'two officials', name: false }]);
  });

  it('does not match an empty quote', () => {
    expect(findBlockByQuote([...blocks], '  ')).toBeUndefined();
  });
});

describe('article meta', () => {
  it('does not repeat the byline as publisher', () => {
    expect(provenance({ byline: 'Bloomberg', publisher: 'Bloomberg', republishedBy: 'The Moscow Times' })).toEqual({
      byline: 'By Bloomberg',
      publisher: undefined,
      republishedBy: 'The Moscow Times',
    });
    expect(provenance({ byline: 'By Jane Doe', publisher: 'Paper', republishedBy: undefined }).publisher).toBe('Paper');
  });
  it('names topics and sites for readers', () => {
    expect(topicLabel('libyan-civil-war')).toBe('Libyan civil war');
    expect(siteName('https://www.themoscowtimes.com/2020/01/15/x')).toBe('themoscowtimes.com');
  });
});
