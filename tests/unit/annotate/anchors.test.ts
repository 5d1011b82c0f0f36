/**
 * rehypeAnchors through the real processor: stable paragraph ids, heading
 * slugs, and the permalink controls.
 */
import { describe, expect, it } from 'vitest';
import { paragraphId } from '../../../src/annotate/text.ts';
import { article, attr, elements, render, renderPlain, textContent } from './helpers.ts';

const frontmatter = article({ actors: [{ id: 'khalifa-haftar', aliases: ['Haftar'] }] });
const annotate = async (markdown: string) => (await render(markdown, frontmatter)).html;
const ids = (html: string) =>
  elements(html).flatMap((e) => (/^(?:p|h[1-6])$/.test(e.tagName) ? [attr(e, 'id') ?? '(none)'] : []));

describe('rehypeAnchors', () => {
  it('gives a paragraph its hash id and a text-less permalink', async () => {
    const html = await annotate('Plain words here.');
    const id = paragraphId('Plain words here.');
    expect(id).toMatch(/^p-[0-9a-z]{7}$/);
    expect(html).toBe(
      `<p id="${id}">Plain words here.<a class="permalink" href="#${id}" aria-label="Link to this paragraph" data-permalink=""></a></p>`,
    );
  });

  it('gives a heading a slug id and a labelled permalink', async () => {
    expect(await annotate('## Not surprising')).toBe(
      '<h2 id="not-surprising">Not surprising<a class="permalink" href="#not-surprising" aria-label="Link to section: Not surprising" data-permalink=""></a></h2>',
    );
  });

  it('hashes the whitespace-normalised text: line breaks and formatting do not matter', async () => {
    const [a] = ids(await annotate('Haftar left\n*quickly*.'));
    const [b] = ids(await annotate('Haftar left quickly.'));
    expect(a).toBe(b);
  });

  it('identical paragraphs and headings get deterministic suffixes', async () => {
    const id = paragraphId('Same.');
    expect(ids(await annotate('## Background\n\nSame.\n\n## Background\n\nSame.\n\nSame.'))).toEqual([
      'background',
      id,
      'background-1',
      `${id}-2`,
      `${id}-3`,
    ]);
  });

  it('ids do not change when another paragraph is inserted, removed or edited', async () => {
    const before = ids(await annotate('## Start\n\nOne.\n\nTwo.\n\nThree.'));
    const inserted = ids(await annotate('## Start\n\nNew first.\n\nOne.\n\nTwo.\n\nInserted.\n\nThree.'));
    const edited = ids(await annotate('## Start\n\nOne, edited.\n\nThree.'));
    expect(inserted.filter((id) => before.includes(id))).toEqual(before);
    expect(edited).toEqual([before[0], paragraphId('One, edited.'), before[3]]);
  });

  it('covers paragraphs in block quotes and loose lists; not tight list items or footnotes', async () => {
    const html = await annotate(
      '> Quoted.\n\n- Loose one.\n\n- Loose two.\n\nTight:\n\n- a\n- b\n\nNote.[^1]\n\n[^1]: The footnote.',
    );
    expect(ids(html)).toEqual([
      paragraphId('Quoted.'),
      paragraphId('Loose one.'),
      paragraphId('Loose two.'),
      paragraphId('Tight:'),
      paragraphId('Note.1'),
      'footnote-label',
      '(none)',
    ]);
    expect(html).not.toContain(`aria-label="Link to section: Footnotes"`);
  });

  it('keeps the rendered text identical to the Markdown text', async () => {
    const markdown = '# Title\n\nHaftar left.\n\n> A quote.';
    expect(textContent(await annotate(markdown))).toBe(textContent(await renderPlain(markdown)));
  });

  it('a heading slug never takes an id already used by a paragraph', async () => {
    const id = paragraphId('Words.');
    const heading = id.replace('-', ' ');
    expect(ids(await annotate(`Words.\n\n## ${heading}`))).toEqual([id, `${id}-1`]);
  });

  it('the paragraph id is FNV-1a (32-bit) of the UTF-8 text in base 36', () => {
    expect(paragraphId('')).toBe(`p-${(0x811c9dc5).toString(36).padStart(7, '0')}`);
    expect(paragraphId('a')).toBe(`p-${(0xe40c292c).toString(36).padStart(7, '0')}`);
    expect(paragraphId('foobar')).toBe(`p-${(0xbf9cf968).toString(36).padStart(7, '0')}`);
  });
});
