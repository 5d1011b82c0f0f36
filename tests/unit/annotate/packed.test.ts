/**
 * The packed form rehypeCollect stores (`packed.ts`): smaller, and exactly
 * the same annotations once unpacked.
 */
import { describe, expect, it } from 'vitest';
import { isPackedAnnotations, packAnnotations, unpackAnnotations } from '../../../src/annotate/packed.ts';
import type { ArticleAnnotations } from '../../../src/annotate/types.ts';
import { article, render, seedContent } from './helpers.ts';

const frontmatter = article({
  actors: [
    { id: 'khalifa-haftar', aliases: ['Haftar', 'Khalifa Haftar'] },
    { id: 'vladimir-putin', aliases: ['Putin'] },
  ],
  places: [{ id: 'moscow', aliases: ['Moscow'] }],
  events: [
    {
      id: 'walk-out',
      date: '2020-01-13',
      precision: 'day',
      phrase: 'on Monday',
      summary: 'Haftar leaves Moscow.',
      actors: ['khalifa-haftar'],
    },
  ],
});

const markdown = [
  '## Moscow talks',
  'Khalifa Haftar left Moscow on Monday. Putin waited. Mr. Putin, who hosted him, said nothing of Haftar.',
  '- Haftar in a tight list item',
  '- Putin too',
  '> Haftar in a quote. Then Moscow.',
  '| who | where |\n| --- | --- |\n| Haftar | Moscow |',
].join('\n\n');

describe('packed annotations', () => {
  it('unpack to exactly what was collected, and are smaller', async () => {
    const { frontmatter: out, annotations } = await render(markdown, frontmatter);
    const stored = out.annotations;
    expect(isPackedAnnotations(stored)).toBe(true);
    expect(unpackAnnotations(stored as ArticleAnnotations)).toEqual(annotations);
    expect(JSON.stringify(stored).length).toBeLessThan(JSON.stringify(annotations).length / 2);
    // Outside paragraphs (tight list items, table cells) the sentence is kept.
    expect(annotations.mentions.some((m) => m.paragraphId === null)).toBe(true);
  });

  it('round-trip the seed articles exactly', async () => {
    const seed = await seedContent();
    if (!seed) return;
    for (const entry of seed.articles) {
      const data = structuredClone(entry.data) as Record<string, unknown>;
      const { annotations } = await render(entry.body, data, seed.options);
      const packed = packAnnotations(annotations);
      expect(isPackedAnnotations(packed)).toBe(true);
      expect(JSON.stringify(unpackAnnotations(packed))).toBe(JSON.stringify(annotations));
    }
  });

  it('keep what cannot be recomputed, or stay unpacked', () => {
    const base: ArticleAnnotations = {
      version: 1,
      paragraphs: [{ id: 'p-1', kind: 'paragraph', text: 'Putin spoke. Haftar left.' }],
      mentions: [
        {
          entity: 'actor:vladimir-putin',
          id: 'm-vladimir-putin-1',
          index: 1,
          paragraphId: 'p-1',
          offset: 0,
          text: 'Putin',
          sentence: 'Putin spoke.',
        },
        {
          entity: 'actor:khalifa-haftar',
          id: 'm-khalifa-haftar-1',
          index: 1,
          paragraphId: 'p-unknown',
          offset: 13,
          text: 'Haftar',
          sentence: 'not the sentence the paragraph gives',
        },
      ],
      dates: [],
      counts: { 'actor:vladimir-putin': 1, 'actor:khalifa-haftar': 1 },
      events: {},
    };
    const packed = packAnnotations(base);
    expect(isPackedAnnotations(packed)).toBe(true);
    expect(unpackAnnotations(packed)).toEqual(base);

    const oddIndex = structuredClone(base);
    (oddIndex.mentions[1] as { index: number }).index = 5;
    expect(packAnnotations(oddIndex)).toBe(oddIndex);
    const oddCounts = { ...structuredClone(base), counts: { 'actor:vladimir-putin': 2 } };
    expect(packAnnotations(oddCounts)).toBe(oddCounts);
    expect(unpackAnnotations(oddCounts)).toBe(oddCounts);
  });
});
