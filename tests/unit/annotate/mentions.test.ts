/**
 * remarkMentions through the real processor: which words become mentions,
 * and the exact HTML of a mention.
 */
import { describe, expect, it } from 'vitest';
import { article, defaultOptions, mentionPairs, mentionsIn, render, renderPlain, textContent } from './helpers.ts';

const frontmatter = article({
  actors: [
    { id: 'khalifa-haftar', aliases: ['Khalifa Haftar', 'Haftar'] },
    { id: 'vladimir-putin', aliases: ['Putin'] },
    { id: 'fayez-al-sarraj', aliases: ['Sarraj'] },
    { id: 'russia', aliases: ['Russia'] },
    { id: 'russian-foreign-ministry', aliases: ['Russian Foreign Ministry'] },
    { id: 'foreign-ministry', aliases: ['Foreign Ministry'] },
    { id: 'iran', aliases: ['Iran'] },
  ],
  places: [
    { id: 'moscow', aliases: ['Moscow'] },
    { id: 'libya', aliases: [{ text: 'the north african state', caseSensitive: false }] },
  ],
});

const annotate = async (markdown: string, options = defaultOptions()) =>
  (await render(markdown, frontmatter, options)).html;

describe('remarkMentions', () => {
  it('emits a link with the entity, its kind and a fragment id', async () => {
    const html = await annotate('Haftar left.');
    expect(html).toContain(
      '<a href="/actors/khalifa-haftar/" class="mention mention--person" data-entity="actor:khalifa-haftar" id="m-khalifa-haftar-1">Haftar</a> left.',
    );
    expect(mentionsIn(await annotate('He left Moscow.'))[0]?.className).toBe('mention mention--city');
  });

  it("possessive with a straight apostrophe: the 's stays outside the mention", async () => {
    const html = await annotate("Haftar's forces and Sarraj's government.");
    expect(mentionPairs(html)).toEqual([
      ['actor:khalifa-haftar', 'Haftar'],
      ['actor:fayez-al-sarraj', 'Sarraj'],
    ]);
    expect(html).toContain(">Haftar</a>'s forces");
  });

  it('possessive with a typographic apostrophe', async () => {
    const html = await annotate('Putin’s plan.');
    expect(mentionPairs(html)).toEqual([['actor:vladimir-putin', 'Putin']]);
    expect(html).toContain('>Putin</a>’s plan.');
  });

  it('longest match wins: "Khalifa Haftar" is one mention, not "Haftar"', async () => {
    expect(mentionPairs(await annotate('Khalifa Haftar spoke.'))).toEqual([['actor:khalifa-haftar', 'Khalifa Haftar']]);
  });

  it('overlapping aliases: "Russian Foreign Ministry" vs "Russia" vs "Foreign Ministry"', async () => {
    const html = await annotate("The Russian Foreign Ministry said Russia's Foreign Ministry agreed.");
    expect(mentionPairs(html)).toEqual([
      ['actor:russian-foreign-ministry', 'Russian Foreign Ministry'],
      ['actor:russia', 'Russia'],
      ['actor:foreign-ministry', 'Foreign Ministry'],
    ]);
  });

  it('an alias inside a link is left alone', async () => {
    const html = await annotate('[Haftar](https://example.com/haftar) met Putin.');
    expect(html).toContain('<a href="https://example.com/haftar">Haftar</a>');
    expect(mentionPairs(html)).toEqual([['actor:vladimir-putin', 'Putin']]);
  });

  it('an alias inside inline code or a code block is left alone', async () => {
    const html = await annotate('`Haftar` is code; Haftar is not.\n\n```\nHaftar in a block\n```');
    expect(html).toContain('<code>Haftar</code>');
    expect(mentionPairs(html)).toEqual([['actor:khalifa-haftar', 'Haftar']]);
  });

  it('a heading is not annotated but gets an id', async () => {
    const html = await annotate('## Haftar in Moscow\n\nHaftar left.');
    expect(html).toMatch(/^<h2 id="haftar-in-moscow">Haftar in Moscow<a class="permalink"/);
    expect(mentionPairs(html)).toEqual([['actor:khalifa-haftar', 'Haftar']]);
  });

  it('a repeated alias in one paragraph: every occurrence, each with its own fragment id', async () => {
    const mentions = mentionsIn(await annotate("Haftar met Haftar's envoy, then Haftar left."));
    expect(mentions.map((m) => m.id)).toEqual(['m-khalifa-haftar-1', 'm-khalifa-haftar-2', 'm-khalifa-haftar-3']);
  });

  it('a case-insensitive alias matches any case; other aliases match their case only', async () => {
    const html = await annotate('The North African State, the north african state and moscow (lower case).');
    expect(mentionPairs(html)).toEqual([
      ['place:libya', 'The North African State'],
      ['place:libya', 'the north african state'],
    ]);
  });

  it('whole words only: "Iran" is not found in "Iranian"; a hyphen or possessive ends a word', async () => {
    const html = await annotate('Iranian officials in Iran, Iran-backed groups and Iran’s allies.');
    expect(mentionPairs(html).map(([, text]) => text)).toEqual(['Iran', 'Iran', 'Iran']);
    expect(html).toContain('Iranian officials');
  });

  it('an alias broken over two lines is one mention', async () => {
    expect(mentionPairs(await annotate('Khalifa\nHaftar spoke.'))).toEqual([
      ['actor:khalifa-haftar', 'Khalifa\nHaftar'],
    ]);
  });

  it('mentions inside emphasis, block quotes and list items', async () => {
    const html = await annotate('*Haftar* spoke.\n\n> Putin replied.\n\n- Sarraj\n- Moscow');
    expect(mentionPairs(html).map(([entity]) => entity)).toEqual([
      'actor:khalifa-haftar',
      'actor:vladimir-putin',
      'actor:fayez-al-sarraj',
      'place:moscow',
    ]);
  });

  it('builds hrefs under the base path', async () => {
    for (const base of ['/sub/', '/sub']) {
      const mentions = mentionsIn(await annotate('Haftar left Moscow.', defaultOptions(base)));
      expect(mentions.map((m) => m.href)).toEqual(['/sub/actors/khalifa-haftar/', '/sub/places/moscow/']);
    }
  });

  it('falls back to the collection as the kind when the entity index lacks it', async () => {
    const mentions = mentionsIn(await annotate('Haftar left.', { base: '/', entities: {} }));
    expect(mentions[0]?.className).toBe('mention mention--actor');
  });

  it('never changes the text', async () => {
    const markdown = "Khalifa Haftar's men, Putin’s aides and *the North African state* met in Moscow.";
    expect(textContent(await annotate(markdown))).toBe(textContent(await renderPlain(markdown)));
  });

  it('leaves a file that is not an article untouched', async () => {
    const profile = { name: 'Russia', kind: 'state', description: 'A state.', aliases: ['Haftar'] };
    const markdown =
      '# Russia\n\nHaftar met Putin in Moscow at 12:30. Note:this, :foo[x] and :actor[Moscow]{#russia}.\n\n::leaf[x]';
    const result = await render(markdown, profile);
    // No annotation of any kind, and every word as Astro's plain processor renders it.
    expect(result.html).not.toMatch(/data-entity|data-event|data-permalink|<time/);
    const words = (html: string) =>
      html
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    expect(words(result.html)).toBe(words(await renderPlain(markdown, profile)));
    expect(result.frontmatter).toEqual(profile);
  });
});
