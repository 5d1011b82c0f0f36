import { describe, expect, it } from 'vitest';
import {
  actorsExportSchema,
  articleExportSchema,
  buildActorsExport,
  buildArticleExport,
  buildIndexExport,
  buildPlacesExport,
  buildTimelineExport,
  EXPORT_VERSION,
  exportJsonSchema,
  indexExportSchema,
  placesExportSchema,
  timelineExportSchema,
} from '../../../src/derive/exports.ts';
import { buildSiteData } from '../../../src/derive/siteData.ts';
import { absoluteUrl } from '../../../src/share/seo.ts';
import { moscowTalks, site } from './fixtures.ts';

const data = buildSiteData(site);
const url = (path: string) => absoluteUrl({ site: 'https://example.org', base: '/backstory/' }, path);

/** Every string value that looks like a URL. */
function urls(value: unknown): string[] {
  if (typeof value === 'string') return /^[a-z]+:\/\//.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(urls);
  if (value && typeof value === 'object') return Object.values(value).flatMap(urls);
  return [];
}

describe('the /data/ exports', () => {
  const exports = {
    article: [articleExportSchema, buildArticleExport(moscowTalks, data, url)],
    timeline: [timelineExportSchema, buildTimelineExport(data, url)],
    actors: [actorsExportSchema, buildActorsExport(data, url)],
    places: [placesExportSchema, buildPlacesExport(data, url)],
    index: [indexExportSchema, buildIndexExport(data, url)],
  } as const;

  it.each(Object.entries(exports))('%s matches its schema and carries the version', (_, [schema, value]) => {
    expect(schema.safeParse(value).error).toBeUndefined();
    expect(value.version).toBe(EXPORT_VERSION);
  });

  it.each(Object.entries(exports))('%s has only absolute URLs under the base path', (_, [, value]) => {
    const found = urls(value).filter((address) => !address.startsWith('https://example.org/story'));
    expect(found.length).toBeGreaterThan(0);
    for (const address of found) expect(address).toMatch(/^https:\/\/example\.org\/backstory\//);
  });

  it('an article export has its paragraphs, mentions and events, each linked to its passage', () => {
    const article = buildArticleExport(moscowTalks, data, url);
    expect(article.paragraphs.map((p) => p.id)).toEqual(['p-one', 'p-two', 'p-three', 'p-four']);
    expect(article.mentions).toHaveLength(moscowTalks.annotations?.mentions.length ?? -1);
    expect(article.mentions[0]?.url).toBe('https://example.org/backstory/articles/moscow-talks/#m-haftar-1');
    expect(article.events.find((e) => e.id === 'talks')).toMatchObject({
      paragraphId: 'p-one',
      start: '2020-01-13',
      url: 'https://example.org/backstory/articles/moscow-talks/#p-one',
      timelineUrl: 'https://example.org/backstory/timeline/#tl-moscow-talks-talks',
    });
    expect(article.relations[0]).toMatchObject({ paragraphId: 'p-two' });
    expect(article.relations).toHaveLength(moscowTalks.data.relations.length);
    expect(article.actors.find((a) => a.id === 'haftar')?.mentions).toBe(5);
  });

  it('an article without annotations still exports, marked as such', () => {
    const bare = buildArticleExport({ ...moscowTalks, annotations: undefined }, data, url);
    expect(articleExportSchema.safeParse(bare).success).toBe(true);
    expect(bare).toMatchObject({ annotated: false, paragraphs: [], mentions: [] });
  });

  it('the actors export counts mentions per article and groups relations with their evidence', () => {
    const actors = buildActorsExport(data, url);
    const haftar = actors.actors.find((actor) => actor.id === 'haftar');
    expect(haftar?.mentionCount).toBe(6);
    expect(haftar?.articles.map((a) => [a.slug, a.mentions])).toEqual([
      ['berlin-plans', 1],
      ['moscow-talks', 5],
    ]);
    expect(haftar?.articles[1]?.firstMention).toBe('https://example.org/backstory/articles/moscow-talks/#m-haftar-1');
    expect(haftar?.relations).toEqual([
      {
        kind: 'backs',
        direction: 'incoming',
        other: 'russia',
        evidence: [{ article: 'moscow-talks', paragraphId: 'p-two' }],
      },
    ]);
  });

  it('the timeline export is in timeline order and names each event by a unique key', () => {
    const timeline = buildTimelineExport(data, url);
    expect(timeline.events.map((e) => e.key)).toEqual(data.timeline.map((e) => e.key));
    expect(new Set(timeline.events.map((e) => e.key)).size).toBe(timeline.events.length);
  });

  it('publishes each schema as JSON Schema with its own URL as $id', () => {
    const schema = exportJsonSchema('article', url('data/schema/article.json'));
    expect(schema.$id).toBe('https://example.org/backstory/data/schema/article.json');
    expect(schema.$schema).toMatch(/json-schema\.org\/draft\/2020-12/);
    expect(Object.keys((schema.properties ?? {}) as object)).toEqual(
      expect.arrayContaining(['version', 'paragraphs', 'mentions', 'events']),
    );
  });
});
