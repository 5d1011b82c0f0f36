/**
 * The seed article(s) of content/articles through the real processor: every
 * declared actor, place and event is found, every alias is annotated, and
 * the HTML is clean.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { aliasParts } from '../../../src/annotate/article.ts';
import { entityIndex } from '../../../src/annotate/entities.ts';
import { createAnnotationReporter, reportFails } from '../../../src/annotate/report.ts';
import type { AnnotateOptions } from '../../../src/annotate/types.ts';
import { type RawEntry, readContentDir } from '../../../src/model/contentFiles.ts';
import { type Article, articleSchema } from '../../../src/model/schema.ts';
import {
  attr,
  elements,
  mentionsIn,
  parseHtml,
  type Rendered,
  render,
  renderPlain,
  root,
  textContent,
} from './helpers.ts';

const { entries } = await readContentDir(root);
const articles = entries.filter((entry) => entry.collection === 'articles');
const options: AnnotateOptions = { base: '/', entities: entityIndex(entries) };

/** The body as a reader sees it without annotation: override directives reduced to their words. */
function withoutDirectives(body: string): string {
  return body.replace(/:(?:actor|place|plain|date)\[([^\]]*)\](?:\{[^}]*\})?/g, '$1');
}

describe('seed articles', () => {
  it('has at least one article to check', () => {
    expect(articles.length).toBeGreaterThan(0);
  });

  const rendered = new Map<RawEntry, { article: Article; result: Rendered }>();
  beforeAll(async () => {
    for (const entry of articles) {
      const article = articleSchema.parse(entry.data);
      rendered.set(entry, {
        article,
        result: await render(entry.body, entry.data as Record<string, unknown>, options),
      });
    }
  });

  it.each(articles.map((entry) => [entry.file, entry] as const))(
    '%s: every actor, place and event is found',
    (_file, entry) => {
      const { article, result } = rendered.get(entry) ?? expect.unreachable();
      const { counts, events } = result.annotations;
      for (const ref of article.actors) expect(counts[`actor:${ref.id}`], `actor ${ref.id}`).toBeGreaterThan(0);
      for (const ref of article.places) expect(counts[`place:${ref.id}`], `place ${ref.id}`).toBeGreaterThan(0);
      for (const event of article.events) expect(events[event.id], `event ${event.id}`).toBeDefined();
    },
  );

  it.each(articles.map((entry) => [entry.file, entry] as const))('%s: no alias is unfound', (_file, entry) => {
    const { article, result } = rendered.get(entry) ?? expect.unreachable();
    const seen = result.annotations.mentions.map((m) => `${m.entity}=${m.text}`);
    for (const [collection, refs] of [
      ['actor', article.actors],
      ['place', article.places],
    ] as const) {
      for (const ref of refs) {
        for (const alias of ref.aliases) {
          const { text, caseSensitive } = aliasParts(alias);
          const wanted = `${collection}:${ref.id}=${text}`;
          expect(
            seen.some((s) => (caseSensitive ? s === wanted : s.toLowerCase() === wanted.toLowerCase())),
            wanted,
          ).toBe(true);
        }
      }
    }
  });

  it.each(articles.map((entry) => [entry.file, entry] as const))(
    '%s: clean HTML, unique ids, unchanged text',
    async (_file, entry) => {
      const { result } = rendered.get(entry) ?? expect.unreachable();
      expect(parseHtml(result.html).errors).toEqual([]);
      const ids = elements(result.html).flatMap((e) => attr(e, 'id') ?? []);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
      expect(textContent(result.html)).toBe(textContent(await renderPlain(withoutDirectives(entry.body))));
      for (const mention of mentionsIn(result.html)) {
        const [collection, id] = mention.entity.split(':');
        expect(mention.href).toBe(`/${collection === 'actor' ? 'actors' : 'places'}/${id}/`);
        expect(options.entities[mention.entity], mention.entity).toBeDefined();
      }
    },
  );

  it.each(articles.map((entry) => [entry.file, entry] as const))(
    '%s: the annotation report passes',
    async (_file, entry) => {
      const report = await (await createAnnotationReporter(options))(entry);
      expect(report.error).toBeUndefined();
      expect(reportFails(report)).toBe(false);
    },
  );
});
