/**
 * rehypeCollect through the real processor: the `annotations` object pages
 * read as `remarkPluginFrontmatter.annotations`.
 */
import { describe, expect, it } from 'vitest';
import { paragraphId } from '../../../src/annotate/text.ts';
import type { ArticleAnnotations } from '../../../src/annotate/types.ts';
import { article, render } from './helpers.ts';

const frontmatter = article({
  actors: [
    { id: 'khalifa-haftar', aliases: ['Khalifa Haftar', 'Haftar'] },
    { id: 'vladimir-putin', aliases: ['Putin'] },
  ],
  places: [{ id: 'moscow', aliases: ['Moscow'] }],
  events: [
    { id: 'haftar-leaves', date: '2020-01-14', precision: 'day', phrase: 'Hours later', summary: 'Haftar leaves.' },
    { id: 'istanbul-meeting', date: '2020-01-08', precision: 'day', phrase: 'Jan. 8', summary: 'Meeting.' },
  ],
});

describe('rehypeCollect', () => {
  it('records blocks, mentions with offsets and sentences, dates, counts and events', async () => {
    const markdown =
      '## In Moscow\n\nPutin waited. Hours later,\n*he* left Moscow on Jan. 8. Haftar stayed.\n\nHaftar\nagain.';
    const { annotations } = await render(markdown, frontmatter);
    const p1 = paragraphId('Putin waited. Hours later, he left Moscow on Jan. 8. Haftar stayed.');
    const p2 = paragraphId('Haftar again.');
    expect(annotations).toEqual<ArticleAnnotations>({
      version: 1,
      paragraphs: [
        { id: 'in-moscow', kind: 'heading', depth: 2, text: 'In Moscow' },
        { id: p1, kind: 'paragraph', text: 'Putin waited. Hours later, he left Moscow on Jan. 8. Haftar stayed.' },
        { id: p2, kind: 'paragraph', text: 'Haftar again.' },
      ],
      mentions: [
        {
          entity: 'actor:vladimir-putin',
          id: 'm-vladimir-putin-1',
          index: 1,
          paragraphId: p1,
          offset: 0,
          text: 'Putin',
          sentence: 'Putin waited.',
        },
        {
          entity: 'place:moscow',
          id: 'm-moscow-1',
          index: 1,
          paragraphId: p1,
          offset: 35,
          text: 'Moscow',
          sentence: 'Hours later, he left Moscow on Jan. 8.',
        },
        {
          entity: 'actor:khalifa-haftar',
          id: 'm-khalifa-haftar-1',
          index: 1,
          paragraphId: p1,
          offset: 53,
          text: 'Haftar',
          sentence: 'Haftar stayed.',
        },
        {
          entity: 'actor:khalifa-haftar',
          id: 'm-khalifa-haftar-2',
          index: 2,
          paragraphId: p2,
          offset: 0,
          text: 'Haftar',
          sentence: 'Haftar again.',
        },
      ],
      dates: [
        {
          eventId: 'haftar-leaves',
          datetime: '2020-01-14',
          id: 'event-haftar-leaves',
          paragraphId: p1,
          offset: 14,
          text: 'Hours later',
          sentence: 'Hours later, he left Moscow on Jan. 8.',
        },
        {
          eventId: 'istanbul-meeting',
          datetime: '2020-01-08',
          id: 'event-istanbul-meeting',
          paragraphId: p1,
          offset: 45,
          text: 'Jan. 8',
          sentence: 'Hours later, he left Moscow on Jan. 8.',
        },
      ],
      counts: { 'actor:vladimir-putin': 1, 'place:moscow': 1, 'actor:khalifa-haftar': 2 },
      events: {
        'haftar-leaves': { id: 'event-haftar-leaves', paragraphId: p1 },
        'istanbul-meeting': { id: 'event-istanbul-meeting', paragraphId: p1 },
      },
    });
    const text = annotations.paragraphs[1]?.text ?? '';
    for (const m of annotations.mentions.slice(0, 3))
      expect(text.slice(m.offset, m.offset + m.text.length)).toBe(m.text);
  });

  it('mentions outside paragraphs (tight lists, tables) have no paragraph id but a sentence', async () => {
    const { annotations } = await render(
      '- Putin left.\n- Haftar stayed.\n\n| who |\n| --- |\n| Moscow |',
      frontmatter,
    );
    expect(annotations.mentions.map((m) => [m.text, m.paragraphId, m.sentence])).toEqual([
      ['Putin', null, 'Putin left.'],
      ['Haftar', null, 'Haftar stayed.'],
      ['Moscow', null, 'Moscow'],
    ]);
  });

  it('replaces the frontmatter object instead of mutating the input', async () => {
    const input = structuredClone(frontmatter);
    const result = await render('Putin left.', input);
    expect(input).toEqual(frontmatter);
    expect(result.frontmatter).toMatchObject({ title: frontmatter.title, annotations: { version: 1 } });
    // A second render of the output (annotations included) still works.
    expect((await render('Putin left.', result.frontmatter)).annotations.mentions).toHaveLength(1);
  });

  it('is JSON all the way through', async () => {
    const { annotations } = await render('Putin left Moscow Hours later.', frontmatter);
    expect(JSON.parse(JSON.stringify(annotations))).toEqual(annotations);
  });
});
