import { describe, expect, it } from 'vitest';
import { articleFeedItem, formatEventDate } from '../../../src/share/feed.ts';
import { actors, makeArticle, places } from './fixtures.ts';

const where = { site: 'https://news.example', base: '/backstory/' };

describe('feed items', () => {
  const item = articleFeedItem({ where, article: makeArticle(), actors, places });

  it('carry the title, the dek as description, the publication day and an absolute link under the base path', () => {
    expect(item.title).toBe('How Putin Was Thrown Off Course');
    expect(item.description).toBe("Haftar's walk-out embarrassed Putin.");
    expect(item.pubDate.toISOString()).toBe('2020-01-15T00:00:00.000Z');
    expect(item.link).toBe('https://news.example/backstory/articles/putin-off-course/');
  });

  it('summarise who did what, when and where, oldest event first', () => {
    const text = item.content.replace(/<[^>]+>/g, '');
    expect(text).toContain('Who: Khalifa Haftar, Vladimir Putin, Russia, Kremlin, Russian mercenaries');
    const order = ['2011', 'April 2019', 'week of 6 January 2020', '13 January 2020'].map((date) => text.indexOf(date));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain('13 January 2020: Truce talks in Moscow (Khalifa Haftar, Vladimir Putin · Moscow)');
  });

  it('link each event to its place in the article, and credit the original', () => {
    expect(item.content).toContain(
      'href="https://news.example/backstory/articles/putin-off-course/#event-truce-talks"',
    );
    expect(item.content).toContain('href="https://example.com/original-story"');
    const hrefs = [...item.content.matchAll(/href="([^"]*)"/g)].map((m) => m[1] ?? '');
    for (const href of hrefs) expect(href).toMatch(/^https:\/\//);
  });

  it('escape markup that comes from the content', () => {
    const article = makeArticle();
    article.data.dek = 'Talks & threats <b>now</b>';
    const escaped = articleFeedItem({ where, article, actors, places }).content;
    expect(escaped).toContain('Talks &amp; threats &lt;b&gt;now&lt;/b&gt;');
  });
});

describe('event dates at their precision', () => {
  it('read as a reader would say them', () => {
    expect(formatEventDate({ date: '2011', precision: 'year' })).toBe('2011');
    expect(formatEventDate({ date: '2019-04', precision: 'month' })).toBe('April 2019');
    expect(formatEventDate({ date: '2020-W02', precision: 'week' })).toBe('week of 6 January 2020');
    expect(formatEventDate({ date: '2020-01-13', precision: 'day' })).toBe('13 January 2020');
  });
});
