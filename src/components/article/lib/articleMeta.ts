/**
 * The words around the article: who wrote and published it, where it first
 * appeared, what it is about.
 */
import type { Article } from '../../../model/schema.ts';

/** `libyan-civil-war` → `Libyan civil war`. */
export function topicLabel(slug: string): string {
  const words = slug.split('-').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** `https://www.themoscowtimes.com/2020/…` → `themoscowtimes.com`. */
export function siteName(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

export interface Provenance {
  /** `By Bloomberg` */
  byline: string;
  /** The publisher when it differs from the byline: `Bloomberg`. */
  publisher: string | undefined;
  republishedBy: string | undefined;
}

/** Byline, publisher and republisher without saying the same name twice. */
export function provenance(article: Pick<Article, 'byline' | 'publisher' | 'republishedBy'>): Provenance {
  const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  return {
    byline: /^by\s/i.test(article.byline) ? article.byline : `By ${article.byline}`,
    publisher: same(article.byline, article.publisher) ? undefined : article.publisher,
    republishedBy:
      article.republishedBy && !same(article.republishedBy, article.publisher) ? article.republishedBy : undefined,
  };
}
