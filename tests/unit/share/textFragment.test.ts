import { describe, expect, it } from 'vitest';
import { textFragmentUrl } from '../../../src/share/textFragment.ts';

const page = 'https://news.example/backstory/articles/putin-off-course/';

/** What a browser will look for: the terms of the text directive, decoded. */
function directiveOf(url: string): { target: string; terms: string[] } {
  const [before, directive] = url.split(':~:text=');
  const target = (before ?? '').split('#')[1] ?? '';
  return { target: decodeURIComponent(target), terms: (directive ?? '').split(',').map(decodeURIComponent) };
}

describe('links to selected text', () => {
  it('quote a short selection whole, after the page address', () => {
    const url = textFragmentUrl(page, 'Haftar practically ran away');
    expect(url?.startsWith(`${page}#:~:text=`)).toBe(true);
    expect(directiveOf(url ?? '').terms).toEqual(['Haftar practically ran away']);
  });

  it('quote a long selection by its first and last words', () => {
    const selection =
      'Haftar practically ran away when he was expected to sign the document. This showed a lack of respect to his hosts';
    const { terms } = directiveOf(textFragmentUrl(page, selection) ?? '');
    expect(terms).toEqual(['Haftar practically ran away', 'respect to his hosts']);
  });

  it('never quote across paragraphs in one term, since browsers match a term within one block', () => {
    const selection = 'the latest war in April.\n\n"This won\'t be forgotten by Putin," said Kirill';
    const { terms } = directiveOf(textFragmentUrl(page, selection) ?? '');
    expect(terms).toEqual(['the latest war in', 'by Putin," said Kirill']);
    for (const term of terms) expect(term).not.toMatch(/\n/);
  });

  it('collapse the whitespace of the selection', () => {
    const { terms } = directiveOf(textFragmentUrl(page, '  Haftar \t practically\u00a0 ran   away ') ?? '');
    expect(terms).toEqual(['Haftar practically ran away']);
  });

  it('escape the characters that have a meaning in a text directive', () => {
    const url = textFragmentUrl(page, 'cease-fire, talks & more') ?? '';
    const directive = url.split(':~:text=')[1] ?? '';
    // One term: the comma and hyphen are part of the words, not separators or prefix/suffix marks.
    expect(directive).not.toMatch(/[,&\- ]/);
    expect(directiveOf(url).terms).toEqual(['cease-fire, talks & more']);
  });

  it('land on the paragraph when its id is given, for browsers without text fragments', () => {
    const url = textFragmentUrl(page, 'Haftar practically ran away', { targetId: 'p-1k2j3h4' }) ?? '';
    expect(url.startsWith(`${page}#p-1k2j3h4:~:text=`)).toBe(true);
    expect(new URL(url).hash.startsWith('#p-1k2j3h4')).toBe(true);
  });

  it('replace a fragment the page address already had', () => {
    const url = textFragmentUrl(`${page}#p-old`, 'ran away') ?? '';
    expect(url).toBe(`${page}#:~:text=ran%20away`);
  });

  it('are not made for a selection without words', () => {
    expect(textFragmentUrl(page, '')).toBeNull();
    expect(textFragmentUrl(page, ' \n\t ')).toBeNull();
  });
});
