/**
 * The RSS feed's items: for each article its title, dek, absolute link and
 * publication date, and as content a plain summary of who did what, when and
 * where (the article's dated events), with a link to the original.
 */
import { dayRange, parseDay } from '../model/calendar.ts';
import type { Actor, Article, ArticleEvent, Place } from '../model/schema.ts';
import { routes } from '../site/paths.ts';
import type { Entry } from './jsonLd.ts';
import { absoluteUrl, type SiteLocation } from './seo.ts';

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `2020-01-15` → "15 January 2020". */
export function formatDay(day: string): string {
  return dayFormat.format(parseDay(day));
}

/** An event date at its precision: "2011", "April 2019", "week of 6 January 2020", "13 January 2020". */
export function formatEventDate(event: Pick<ArticleEvent, 'date' | 'precision'>): string {
  switch (event.precision) {
    case 'year':
      return event.date;
    case 'month':
      return monthFormat.format(dayRange(event.date).start);
    case 'week':
      return `week of ${dayFormat.format(dayRange(event.date).start)}`;
    default:
      return formatDay(event.date);
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Events in date order (by the first day each covers; ties keep the article's order). */
function chronological(events: readonly ArticleEvent[]): ArticleEvent[] {
  return events
    .map((event, index) => ({ event, index, start: dayRange(event.date).start.getTime() }))
    .sort((a, b) => a.start - b.start || a.index - b.index)
    .map(({ event }) => event);
}

export interface FeedItem {
  title: string;
  description: string;
  link: string;
  pubDate: Date;
  content: string;
  categories: string[];
}

export function articleFeedItem(input: {
  where: SiteLocation;
  article: Entry<Article>;
  actors: readonly Entry<Actor>[];
  places: readonly Entry<Place>[];
}): FeedItem {
  const { where, article } = input;
  const { data } = article;
  const actorName = new Map(input.actors.map((a) => [a.id, a.data.name]));
  const placeName = new Map(input.places.map((p) => [p.id, p.data.name]));
  const link = absoluteUrl(where, routes.article(article.id));

  const events = chronological(data.events).map((event) => {
    const who = event.actors.map((id) => actorName.get(id) ?? id);
    const where_ = event.place ? (placeName.get(event.place) ?? event.place) : undefined;
    const context = [who.join(', '), where_].filter(Boolean).join(' · ');
    const eventLink = `${link}#event-${encodeURIComponent(event.id)}`;
    return `<li><a href="${escapeHtml(eventLink)}">${escapeHtml(formatEventDate(event))}</a>: ${escapeHtml(event.summary)}${
      context ? ` (${escapeHtml(context)})` : ''
    }</li>`;
  });
  const who = data.actors.map((ref) => actorName.get(ref.id) ?? ref.id);
  const source = data.republishedBy ? `${data.publisher}, republished by ${data.republishedBy}` : data.publisher;

  const content = [
    `<p>${escapeHtml(data.dek)}</p>`,
    who.length > 0 ? `<p><strong>Who:</strong> ${escapeHtml(who.join(', '))}</p>` : '',
    events.length > 0 ? `<p><strong>What happened, when:</strong></p><ul>${events.join('')}</ul>` : '',
    `<p>By ${escapeHtml(data.byline)} (${escapeHtml(source)}). <a href="${escapeHtml(data.originalUrl)}">Original article</a> · <a href="${escapeHtml(link)}">Annotated on Backstory</a></p>`,
  ].join('');

  return {
    title: data.title,
    description: data.dek,
    link,
    pubDate: parseDay(data.published),
    content,
    categories: [...data.topics],
  };
}
