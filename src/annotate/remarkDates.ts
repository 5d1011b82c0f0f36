/**
 * remarkDates: marks the words that state each event's date.
 *
 * For every event in the frontmatter, the first occurrence of its `phrase`
 * in the body prose becomes a `<time>` element carrying the event's date at
 * its precision:
 *
 * ```md
 * When the Russian president invited Libya's rival leaders to sign a truce on Monday, …
 * ```
 * with `{ id: moscow-truce-talks, date: 2020-01-13, precision: day, phrase: on Monday }` becomes
 * ```html
 * … to sign a truce <time datetime="2020-01-13" data-event="moscow-truce-talks">on Monday</time>, …
 * ```
 * (`datetime` is `2020-01-13`, `2019-04`, `2011` or `2020-W02` by precision.)
 *
 * Rules: whole words and exact case, as the content check finds phrases; a
 * space in the phrase matches any white space. Links, code, headings and text
 * another annotation covers are skipped. When the phrase occurs several times
 * the first wins (events sharing a phrase take its occurrences in order); an
 * editor who means another occurrence marks it with `:date[…]{#event-id}`,
 * and an event marked that way is not looked up automatically at all.
 *
 * All phrases are found in one pass with one matcher; only a phrase hidden by
 * an overlapping one gets a search of its own.
 *
 * Limitation: a phrase is found within one text node, so a phrase split by
 * formatting (`on *Monday*`) is not found; the annotation report lists it.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { ArticleEvent } from '../model/schema.ts';
import { readArticle } from './article.ts';
import { createPhraseMatcher, type PhraseMatch } from './matcher.ts';
import { dateNode, splitText } from './nodes.ts';
import { type ProseText, proseTexts, replaceText } from './prose.ts';

export default function remarkDates() {
  return (tree: Root, file: VFile): void => {
    const article = readArticle(file);
    if (!article || article.events.length === 0) return;
    const dated = datedByDirective(tree);
    const waiting = article.events.filter((event) => !dated.has(event.id));
    const texts = proseTexts(tree);
    // One pass with every phrase at once: each occurrence goes to the first event still waiting for it.
    const all = createPhraseMatcher(
      waiting.map((event) => ({ text: event.phrase, caseSensitive: true, value: event.phrase })),
    );
    if (!all) return;
    const placed = new Set<ArticleEvent>();
    for (const text of texts) {
      const matches: PhraseMatch<ArticleEvent>[] = [];
      for (const match of all.matchAll(text.node.value)) {
        const event = waiting.find((e) => e.phrase === match.value && !placed.has(e));
        if (!event) continue;
        placed.add(event);
        matches.push({ ...match, value: event });
      }
      if (matches.length > 0) annotate(text, matches);
    }
    // A phrase hidden by an overlapping longer one ("in April" inside "since April 2019") gets its own search.
    for (const event of waiting) {
      if (placed.has(event)) continue;
      const one = createPhraseMatcher([{ text: event.phrase, caseSensitive: true, value: event }]);
      for (const text of one ? proseTexts(tree) : []) {
        const match = one?.first(text.node.value);
        if (!match) continue;
        annotate(text, [match]);
        break;
      }
    }
  };
}

function annotate(text: ProseText, matches: PhraseMatch<ArticleEvent>[]): void {
  replaceText(
    text,
    splitText(text.node, matches, (match, child) => dateNode(match.value, [child])),
  );
}

/** Events the editor already placed with `:date[…]{#id}`. */
function datedByDirective(tree: Root): Set<string> {
  const ids = new Set<string>();
  visit(tree, 'textDirective', (node) => {
    const mark = node.data?.annotation;
    if (mark?.kind === 'date') ids.add(mark.eventId);
  });
  return ids;
}
