/**
 * Property tests over random Markdown built from the seed's sentences:
 * annotation never adds, drops or reorders a character of the text, and a
 * paragraph's id survives inserting another paragraph anywhere.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnnotateOptions, EntityInfo } from '../../../src/annotate/types.ts';
import { article, attr, elements, parseHtml, render, renderPlain, seedSentences, textContent } from './helpers.ts';

let pool: string[] = [];
beforeAll(async () => {
  pool = await seedSentences();
});

const IDS = Array.from({ length: 8 }, (_, i) => `e${i}`);
const entities: Record<string, EntityInfo> = {};
for (const id of IDS) {
  entities[`actor:${id}`] = { kind: 'person', name: id };
  entities[`place:${id}`] = { kind: 'city', name: id };
}
const options: AnnotateOptions = { base: '/base/', entities };

type Block = {
  kind: 'p' | 'h2' | 'quote' | 'item' | 'decorated';
  sentences: number[];
  lineBreaks: boolean;
  decoration: 0 | 1 | 2;
};

const blockArb = (kinds: Block['kind'][]) =>
  fc.record({
    kind: fc.constantFrom(...kinds),
    sentences: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
    lineBreaks: fc.boolean(),
    decoration: fc.constantFrom(0 as const, 1 as const, 2 as const),
  });

function sentencesOf(block: Block): string[] {
  return block.sentences.map((n) => pool[n % pool.length] ?? '');
}

function markdownOf(block: Block): string {
  const sentences = sentencesOf(block);
  const join = (parts: string[]) => parts.join(block.lineBreaks ? '\n' : ' ');
  switch (block.kind) {
    case 'h2':
      return `## ${sentences[0]}`;
    case 'quote':
      return `> ${join(sentences)}`;
    case 'item':
      return `- ${sentences.join(' ')}`;
    case 'decorated': {
      const [first = '', ...rest] = sentences;
      const wrapped = [`*${first}*`, `\`${first}\``, `[${first}](https://example.com/x)`][block.decoration];
      return join([wrapped ?? first, ...rest]);
    }
    default:
      return join(sentences);
  }
}

/** Aliases and event phrases drawn from the words and bigrams of the document. */
const declarationsArb = (blocks: Block[]) => {
  const words = blocks
    .flatMap(sentencesOf)
    .flatMap((s) => s.split(' '))
    .filter((w) => w.trim() !== '');
  const bigrams = words.slice(1).map((w, i) => `${words[i]} ${w}`);
  const candidates = [...words, ...bigrams];
  const alias = fc
    .record({ n: fc.nat(), caseSensitive: fc.boolean(), plain: fc.boolean() })
    .map(({ n, caseSensitive, plain }) => {
      const text = candidates[n % candidates.length] ?? 'x';
      return plain ? text : { text, caseSensitive };
    });
  const refs = fc.array(fc.array(alias, { minLength: 1, maxLength: 3 }), { maxLength: 4 });
  return fc
    .record({ actors: refs, places: refs, phrases: fc.array(fc.nat(), { maxLength: 3 }) })
    .map(({ actors, places, phrases }) =>
      article({
        actors: actors.map((aliases, i) => ({ id: IDS[i], aliases })),
        places: places.map((aliases, i) => ({ id: IDS[i + 4], aliases })),
        events: phrases.map((n, i) => ({
          id: `ev${i}`,
          date: '2020-01-13',
          precision: 'day',
          phrase: bigrams[n % Math.max(1, bigrams.length)] ?? words[0] ?? 'x',
          summary: 'Something.',
        })),
      }),
    );
};

const documentArb = fc
  .array(blockArb(['p', 'h2', 'quote', 'item', 'decorated']), { minLength: 1, maxLength: 6 })
  .chain((blocks) => fc.tuple(fc.constant(blocks), declarationsArb(blocks)));

describe('annotation properties', () => {
  it('never adds, drops or reorders a character; the HTML parses cleanly with unique ids', async () => {
    await fc.assert(
      fc.asyncProperty(documentArb, async ([blocks, frontmatter]) => {
        const markdown = blocks.map(markdownOf).join('\n\n');
        const { html, annotations } = await render(markdown, frontmatter, options);
        expect(textContent(html)).toBe(textContent(await renderPlain(markdown)));
        expect(parseHtml(html).errors).toEqual([]);
        const ids = elements(html).flatMap((e) => attr(e, 'id') ?? []);
        expect(new Set(ids).size).toBe(ids.length);
        for (const m of annotations.mentions) {
          const block = annotations.paragraphs.find((p) => p.id === m.paragraphId);
          if (block) expect(block.text.slice(m.offset, m.offset + m.text.length)).toBe(m.text);
        }
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  it('keeps every paragraph and heading id when an unrelated paragraph is inserted anywhere', async () => {
    const blocks = fc.array(blockArb(['p', 'h2', 'quote', 'decorated']), { minLength: 1, maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(blocks, fc.nat(), fc.nat(), async (doc, at, sentence) => {
        const frontmatter = article({ actors: [{ id: 'e0', aliases: [pool[0]?.split(' ')[0] ?? 'x'] }] });
        const parts = doc.map(markdownOf);
        const inserted = `${pool[sentence % pool.length]} (an inserted paragraph)`;
        const before = (await render(parts.join('\n\n'), frontmatter, options)).annotations.paragraphs;
        parts.splice(at % (parts.length + 1), 0, inserted);
        const after = (await render(parts.join('\n\n'), frontmatter, options)).annotations.paragraphs;
        expect(after.filter((block) => block.text !== inserted)).toEqual(before);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
