/**
 * A small, valid world for the sharing tests: one article with a person, a
 * state, an organisation, a group and a place, run through the real content
 * schemas (so defaults are applied as in the build).
 */
import {
  type Actor,
  type Article,
  actorSchema,
  articleSchema,
  type Place,
  placeSchema,
} from '../../../src/model/schema.ts';
import type { Entry } from '../../../src/share/jsonLd.ts';

export const HOSTILE = '</script><script>alert(1)</script>';

export const actors: Entry<Actor>[] = [
  {
    id: 'khalifa-haftar',
    data: actorSchema.parse({ name: 'Khalifa Haftar', kind: 'person', description: 'Libyan commander.' }),
  },
  {
    id: 'vladimir-putin',
    data: actorSchema.parse({
      name: 'Vladimir Putin',
      kind: 'person',
      description: 'President of Russia.',
      wikidata: 'Q7747',
    }),
  },
  {
    id: 'russia',
    data: actorSchema.parse({ name: 'Russia', kind: 'state', description: 'A state.', wikidata: 'Q159' }),
  },
  { id: 'kremlin', data: actorSchema.parse({ name: 'Kremlin', kind: 'organisation', description: 'The presidency.' }) },
  {
    id: 'russian-mercenaries',
    data: actorSchema.parse({
      name: 'Russian mercenaries',
      kind: 'group',
      description: 'Fighters for hire.',
      aliases: ['Wagner'],
    }),
  },
  {
    id: 'not-in-article',
    data: actorSchema.parse({ name: 'Someone Else', kind: 'person', description: 'Unrelated.' }),
  },
];

export const places: Entry<Place>[] = [
  {
    id: 'tripoli',
    data: placeSchema.parse({
      name: 'Tripoli',
      kind: 'city',
      description: 'Capital of Libya.',
      coordinates: { lat: 32.8872, lon: 13.1913 },
      wikidata: 'Q3579',
    }),
  },
  {
    id: 'moscow',
    data: placeSchema.parse({ name: 'Moscow', kind: 'city', coordinates: { lat: 55.7558, lon: 37.6173 } }),
  },
];

export function makeArticle(overrides: Partial<Record<keyof Article, unknown>> = {}): Entry<Article> {
  return {
    id: 'putin-off-course',
    data: articleSchema.parse({
      title: 'How Putin Was Thrown Off Course',
      dek: "Haftar's walk-out embarrassed Putin.",
      byline: 'Henry Meyer',
      publisher: 'Bloomberg',
      originalUrl: 'https://example.com/original-story',
      published: '2020-01-15',
      topics: ['libya', 'diplomacy'],
      actors: [
        { id: 'khalifa-haftar', aliases: ['Haftar'] },
        { id: 'vladimir-putin', aliases: ['Putin'] },
        { id: 'russia', aliases: ['Russia'] },
        { id: 'kremlin', aliases: ['Kremlin'] },
        { id: 'russian-mercenaries', aliases: ['mercenaries'] },
      ],
      places: [
        { id: 'tripoli', aliases: ['Tripoli'] },
        { id: 'moscow', aliases: ['Moscow'] },
      ],
      events: [
        {
          id: 'truce-talks',
          date: '2020-01-13',
          precision: 'day',
          phrase: 'on Monday',
          summary: 'Truce talks in Moscow',
          actors: ['khalifa-haftar', 'vladimir-putin'],
          place: 'moscow',
        },
        {
          id: 'offensive',
          date: '2019-04',
          precision: 'month',
          phrase: 'in April',
          summary: 'Haftar attacks Tripoli',
          actors: ['khalifa-haftar'],
          place: 'tripoli',
        },
        { id: 'uprising', date: '2011', precision: 'year', phrase: 'in 2011', summary: 'Qaddafi overthrown' },
        { id: 'last-week', date: '2020-W02', precision: 'week', phrase: 'last week', summary: 'Meeting in Rome fails' },
      ],
      ...overrides,
    }),
  };
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian), after checking the signature. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((byte, i) => bytes[i] === byte)) throw new Error('not a PNG');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (String.fromCharCode(...bytes.slice(12, 16)) !== 'IHDR') throw new Error('PNG without IHDR first');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
