/**
 * remarkOverrides through the real processor: the editor's directives, and
 * the errors that stop the build when one is wrong.
 */
import { describe, expect, it } from 'vitest';
import {
  article,
  datesIn,
  defaultOptions,
  mentionPairs,
  render,
  renderError,
  renderPlain,
  textContent,
} from './helpers.ts';

const frontmatter = article({
  actors: [
    { id: 'russia', aliases: ['Russia'] },
    { id: 'khalifa-haftar', aliases: ['Haftar'] },
    { id: 'fayez-al-sarraj', aliases: ['Sarraj'] },
  ],
  places: [
    { id: 'moscow', aliases: ['Moscow'] },
    { id: 'tripoli', aliases: ['Tripoli'] },
  ],
  events: [
    {
      id: 'moscow-talks',
      date: '2020-01-13',
      precision: 'day',
      phrase: 'on Monday',
      summary: 'Talks in Moscow.',
    },
    {
      id: 'haftar-leaves',
      date: '2020-01-14',
      precision: 'day',
      phrase: 'Hours later',
      after: 'moscow-talks',
      summary: 'Haftar leaves.',
    },
  ],
});

const annotate = async (markdown: string) => (await render(markdown, frontmatter)).html;
const failure = async (markdown: string, options = defaultOptions()) =>
  (await renderError(markdown, frontmatter, options)).message;

describe('remarkOverrides', () => {
  it(':actor[Moscow]{#russia} marks the span as the state; other "Moscow"s stay the city', async () => {
    const html = await annotate('Moscow said :actor[Moscow]{#russia} would reply from Moscow.');
    expect(mentionPairs(html)).toEqual([
      ['place:moscow', 'Moscow'],
      ['actor:russia', 'Moscow'],
      ['place:moscow', 'Moscow'],
    ]);
    expect(html).toContain(
      '<a href="/actors/russia/" class="mention mention--state" data-entity="actor:russia" id="m-russia-1">Moscow</a>',
    );
  });

  it(':plain[Moscow] leaves the span unannotated', async () => {
    const html = await annotate('The :plain[Moscow] metro, and Moscow.');
    expect(mentionPairs(html)).toEqual([['place:moscow', 'Moscow']]);
    expect(html).toContain('The <span data-plain="">Moscow</span> metro');
  });

  it(':place[…]{#id} marks a place, even words that are no alias', async () => {
    const html = await annotate('The capital, :place[the city]{#tripoli}, held.');
    expect(mentionPairs(html)).toEqual([['place:tripoli', 'the city']]);
  });

  it('the words inside a directive are not annotated again', async () => {
    expect(mentionPairs(await annotate(':actor[Haftar and Sarraj]{#russia} met.'))).toEqual([
      ['actor:russia', 'Haftar and Sarraj'],
    ]);
  });

  it(':date[…]{#event} attaches the event to the phrase and replaces the automatic lookup', async () => {
    const html = await annotate(
      'Talks began on Monday. :date[The day after]{#haftar-leaves}, Hours later is only words.',
    );
    expect(datesIn(html)).toEqual([
      { event: 'moscow-talks', datetime: '2020-01-13', id: 'event-moscow-talks', text: 'on Monday' },
      { event: 'haftar-leaves', datetime: '2020-01-14', id: 'event-haftar-leaves', text: 'The day after' },
    ]);
  });

  it('prose that only looks like a directive is written back word for word', async () => {
    const markdown = 'At 12:30, note:this and :foo[x] and :bar[*y*] and http://example.com/a:b and a\\:b.';
    const html = await annotate(markdown);
    expect(textContent(html)).toBe(textContent(await renderPlain(markdown)));
    expect(html).toContain('<em>y</em>');
  });

  it('an unknown id fails with a message naming the directive and the fix', async () => {
    const message = await failure('Talks in :actor[Moscow]{#russsia}.');
    expect(message).toContain(':actor[Moscow]{#russsia}: "russsia" is not declared in this article\'s actors');
    expect(message).toContain('Fix: use one of russia, khalifa-haftar, fayez-al-sarraj');
  });

  it('an id declared in the article but missing from the site fails', async () => {
    const options = defaultOptions();
    const { 'actor:russia': _russia, ...entities } = options.entities;
    const message = await failure('Talks in :actor[Moscow]{#russia}.', { ...options, entities });
    expect(message).toContain('there is no actor "russia"');
    expect(message).toContain('create content/actors/russia.md');
  });

  it('an unknown place or event id fails', async () => {
    expect(await failure(':place[Tripoli]{#tripolis}')).toContain(
      '"tripolis" is not declared in this article\'s places',
    );
    expect(await failure(':date[Monday]{#talks}')).toContain('"talks" is not an event of this article');
  });

  it('a directive without an id or without words fails', async () => {
    expect(await failure('In :actor[Moscow].')).toContain(':actor[Moscow] does not say which actor it means');
    expect(await failure('In :actor{#russia}.')).toContain('has no words to mark');
  });

  it('an unknown directive name with attributes, or a misspelt one, fails', async () => {
    expect(await failure('In :actr[Moscow]{#russia}.')).toContain('unknown directive ":actr"');
    expect(await failure('In :palin[Moscow].')).toContain('unknown directive ":palin"');
    expect(await failure('In :Actor[Moscow].')).toContain('unknown directive ":Actor"');
  });

  it('nesting, links inside or around, and block directives fail', async () => {
    expect(await failure(':actor[:plain[Moscow]]{#russia}')).toContain('contains another directive');
    expect(await failure(':actor[[Moscow](https://example.com)]{#russia}')).toContain('contains a link');
    expect(await failure('[:actor[Moscow]{#russia}](https://example.com)')).toContain('is inside a link');
    expect(await failure('::actor[Moscow]{#russia}')).toContain('block directives');
  });

  it('the failure carries the position of the directive', async () => {
    const error = await renderError('First line.\n\nSecond :actor[Moscow]{#nope}.', frontmatter);
    expect(error).toMatchObject({ line: 3, column: 8, ruleId: 'directive', source: 'backstory:overrides' });
  });

  it('a directive in a heading is honoured', async () => {
    const html = await annotate('## :actor[Moscow]{#russia} talks');
    expect(mentionPairs(html)).toEqual([['actor:russia', 'Moscow']]);
    expect(html).toMatch(/^<h2 id="moscow-talks">/);
  });
});
