/**
 * remarkMentions: links every declared alias of the article's actors and
 * places to the entity's page.
 *
 * ```md
 * Haftar's walk-out embarrassed the Russian Foreign Ministry.
 * ```
 * with `actors: [{ id: khalifa-haftar, aliases: [Haftar] }, { id: russian-foreign-ministry, aliases: [Russian Foreign Ministry] }, { id: russia, aliases: [Russia] }]` becomes
 * ```html
 * <a href="/actors/khalifa-haftar/" class="mention mention--person" data-entity="actor:khalifa-haftar">Haftar</a>'s walk-out
 * embarrassed the <a href="/actors/russian-foreign-ministry/" class="mention mention--organisation"
 * data-entity="actor:russian-foreign-ministry">Russian Foreign Ministry</a>.
 * ```
 *
 * Rules (see `matcher.ts`): whole words only; the longest alias wins
 * ("Russian Foreign Ministry" over "Russia"); every occurrence is linked;
 * aliases are case-sensitive unless declared `{ text, caseSensitive: false }`;
 * a possessive (`Haftar's`, `Putin’s`) is a mention of the name, and the
 * `'s` stays outside the link as plain text.
 *
 * Never annotated: links, code, headings, raw HTML, and whatever an editor's
 * directive or `remarkDates` already marked (see `prose.ts`). An alias is found
 * within one text node, so an alias split by formatting (`Khalifa *Haftar*`)
 * is not found; the annotation report lists aliases that were never linked.
 *
 * Performance: all aliases of the article are compiled into one matcher once
 * per file, and each text node is scanned once.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { aliasParts, readArticle } from './article.ts';
import { createPhraseMatcher, type Phrase } from './matcher.ts';
import { mentionNode, splitText } from './nodes.ts';
import { proseTexts, replaceText } from './prose.ts';
import type { AnnotateOptions, EntityKey } from './types.ts';

/** Options: the base path for the links and the site's entities (for the `mention--<kind>` class). */
export type RemarkMentionsOptions = AnnotateOptions;

export default function remarkMentions(options: RemarkMentionsOptions) {
  return (tree: Root, file: VFile): void => {
    const article = readArticle(file);
    if (!article) return;
    const phrases: Phrase<EntityKey>[] = [];
    for (const [collection, refs] of [
      ['actor', article.actors],
      ['place', article.places],
    ] as const) {
      for (const ref of refs) {
        for (const alias of ref.aliases) phrases.push({ ...aliasParts(alias), value: `${collection}:${ref.id}` });
      }
    }
    const matcher = createPhraseMatcher(phrases);
    if (!matcher) return;
    for (const text of proseTexts(tree)) {
      const matches = matcher.matchAll(text.node.value);
      if (matches.length === 0) continue;
      replaceText(
        text,
        splitText(text.node, matches, (match, child) => mentionNode(options, match.value, [child])),
      );
    }
  };
}
