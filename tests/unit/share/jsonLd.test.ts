import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import {
  actorJsonLd,
  breadcrumbJsonLd,
  breadcrumbs,
  type JsonLd,
  newsArticleJsonLd,
  placeJsonLd,
  serializeJsonLd,
} from '../../../src/share/jsonLd.ts';
import { actors, HOSTILE, makeArticle, places } from './fixtures.ts';

const root = { site: 'https://news.example', base: '/' };
const sub = { site: 'https://news.example', base: '/backstory/' };

type Thing = Record<string, unknown> & { name?: string; url?: string };
const mentionsOf = (data: JsonLd) => data.mentions as Thing[];
const mentionNamed = (data: JsonLd, name: string) => mentionsOf(data).find((m) => m.name === name);

/** Every string in a JSON-LD tree that looks like a URL. */
function urlsIn(value: unknown): string[] {
  if (typeof value === 'string') return /^[a-z]+:\/\/|^\//.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(urlsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(urlsIn);
  return [];
}

describe('NewsArticle for an article page', () => {
  const data = newsArticleJsonLd({ where: sub, article: makeArticle(), actors, places });

  it('says what the article is, when it appeared and what it is based on', () => {
    expect(data['@context']).toBe('https://schema.org');
    expect(data['@type']).toBe('NewsArticle');
    expect(data.headline).toBe('How Putin Was Thrown Off Course');
    expect(data.description).toBe("Haftar's walk-out embarrassed Putin.");
    expect(data.datePublished).toBe('2020-01-15');
    expect(data.dateModified).toBe('2020-01-15');
    expect(data.isBasedOn).toBe('https://example.com/original-story');
    expect(data.author).toEqual({ '@type': 'Person', name: 'Henry Meyer' });
    expect(data.publisher).toEqual({ '@type': 'Organization', name: 'Bloomberg' });
  });

  it('uses the update day as dateModified when there is one', () => {
    const updated = newsArticleJsonLd({ where: root, article: makeArticle({ updated: '2020-02-01' }), actors, places });
    expect(updated.dateModified).toBe('2020-02-01');
  });

  it('takes a byline that names the publisher for an organisation', () => {
    const agency = newsArticleJsonLd({ where: root, article: makeArticle({ byline: 'Bloomberg' }), actors, places });
    expect(agency.author).toEqual({ '@type': 'Organization', name: 'Bloomberg' });
  });

  it('lists the declared actors and places as mentions with the schema.org type of their kind', () => {
    expect(mentionsOf(data).map((m) => [m['@type'], m.name])).toEqual([
      ['Person', 'Khalifa Haftar'],
      ['Person', 'Vladimir Putin'],
      ['Country', 'Russia'],
      ['Organization', 'Kremlin'],
      ['Organization', 'Russian mercenaries'],
      ['Place', 'Tripoli'],
      ['Place', 'Moscow'],
    ]);
    expect(mentionNamed(data, 'Someone Else')).toBeUndefined();
  });

  it('gives places their coordinates', () => {
    expect(mentionNamed(data, 'Tripoli')?.geo).toEqual({
      '@type': 'GeoCoordinates',
      latitude: 32.8872,
      longitude: 13.1913,
    });
  });

  it('links entities with a Wikidata id to their Wikidata page, and only those', () => {
    expect(mentionNamed(data, 'Vladimir Putin')?.sameAs).toBe('https://www.wikidata.org/wiki/Q7747');
    expect(mentionNamed(data, 'Russia')?.sameAs).toBe('https://www.wikidata.org/wiki/Q159');
    expect(mentionNamed(data, 'Tripoli')?.sameAs).toBe('https://www.wikidata.org/wiki/Q3579');
    expect(mentionNamed(data, 'Khalifa Haftar')).not.toHaveProperty('sameAs');
    expect(mentionNamed(data, 'Moscow')).not.toHaveProperty('sameAs');
  });

  it('points at the page, the preview image and the entity pages with absolute URLs under the base path', () => {
    expect(data.url).toBe('https://news.example/backstory/articles/putin-off-course/');
    expect(data.image).toMatchObject({
      url: 'https://news.example/backstory/og/articles/putin-off-course.png',
      width: 1200,
      height: 630,
    });
    expect(mentionNamed(data, 'Khalifa Haftar')?.url).toBe('https://news.example/backstory/actors/khalifa-haftar/');
    expect(mentionNamed(data, 'Tripoli')?.url).toBe('https://news.example/backstory/places/tripoli/');
    const own = urlsIn(data).filter((url) => url.includes('news.example'));
    expect(own.length).toBeGreaterThan(5);
    for (const url of own) expect(url).toMatch(/^https:\/\/news\.example\/backstory\//);
  });

  it('works at the domain root too', () => {
    const atRoot = newsArticleJsonLd({ where: root, article: makeArticle(), actors, places });
    expect(atRoot.url).toBe('https://news.example/articles/putin-off-course/');
    expect(mentionNamed(atRoot, 'Russia')?.url).toBe('https://news.example/actors/russia/');
  });
});

describe('entity pages', () => {
  it('describes a state as a Country with its other names and Wikidata link', () => {
    const russia = actors.find((a) => a.id === 'russia');
    if (!russia) throw new Error('fixture');
    const data = actorJsonLd({ where: sub, actor: russia });
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Country',
      name: 'Russia',
      url: 'https://news.example/backstory/actors/russia/',
      sameAs: 'https://www.wikidata.org/wiki/Q159',
      image: 'https://news.example/backstory/og/actors/russia.png',
    });
  });

  it('describes a group as an Organization, with its aliases as alternate names', () => {
    const group = actors.find((a) => a.id === 'russian-mercenaries');
    if (!group) throw new Error('fixture');
    expect(actorJsonLd({ where: root, actor: group })).toMatchObject({
      '@type': 'Organization',
      alternateName: ['Wagner'],
    });
  });

  it('describes a place with its coordinates', () => {
    const tripoli = places.find((p) => p.id === 'tripoli');
    if (!tripoli) throw new Error('fixture');
    expect(placeJsonLd({ where: sub, place: tripoli })).toMatchObject({
      '@type': 'Place',
      name: 'Tripoli',
      url: 'https://news.example/backstory/places/tripoli/',
      geo: { latitude: 32.8872, longitude: 13.1913 },
    });
  });
});

describe('breadcrumbs', () => {
  it('numbers the steps from home and gives each an absolute URL', () => {
    const data = breadcrumbJsonLd(sub, breadcrumbs.actor('Khalifa Haftar', 'khalifa-haftar'));
    expect(data['@type']).toBe('BreadcrumbList');
    expect(data.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Backstory', item: 'https://news.example/backstory/' },
      { '@type': 'ListItem', position: 2, name: 'Actors', item: 'https://news.example/backstory/actors/' },
      {
        '@type': 'ListItem',
        position: 3,
        name: 'Khalifa Haftar',
        item: 'https://news.example/backstory/actors/khalifa-haftar/',
      },
    ]);
  });
});

describe('JSON-LD inside a <script> element', () => {
  // The content schema refuses HTML in titles; the serializer must not depend on that.
  const hostile = makeArticle();
  hostile.data.title = `Putin ${HOSTILE} & Haftar <!-- \u2028`;
  const data = newsArticleJsonLd({ where: root, article: hostile, actors, places });
  const json = serializeJsonLd(data);

  it('cannot close the script element or open a comment, whatever the title says', () => {
    expect(json).not.toMatch(/<\/script/i);
    expect(json).not.toContain('<');
    expect(json).not.toContain('\u2028');
  });

  it('still reads back as the same data', () => {
    expect(JSON.parse(json)).toEqual(data);
    expect(JSON.parse(json).headline).toBe(`Putin ${HOSTILE} & Haftar <!-- \u2028`);
  });

  it('is one script element, with no injected one, when an HTML parser reads the page', () => {
    const html = `<!doctype html><html><head><script type="application/ld+json">${json}</script></head><body></body></html>`;
    const document = parse(html);
    const scripts: { attrs: { name: string; value: string }[]; text: string }[] = [];
    const walk = (node: unknown) => {
      const n = node as { nodeName?: string; attrs?: { name: string; value: string }[]; childNodes?: unknown[] };
      if (n.nodeName === 'script') {
        const text = (n.childNodes ?? []).map((c) => (c as { value?: string }).value ?? '').join('');
        scripts.push({ attrs: n.attrs ?? [], text });
      }
      for (const child of n.childNodes ?? []) walk(child);
    };
    walk(document);
    expect(scripts).toHaveLength(1);
    expect(JSON.parse(scripts[0]?.text ?? '').headline).toBe(`Putin ${HOSTILE} & Haftar <!-- \u2028`);
  });
});
