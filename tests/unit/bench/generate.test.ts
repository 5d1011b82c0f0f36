import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  datesWithin,
  generateArticles,
  generateRange,
  listIds,
  readSeed,
  redate,
  repoRoot,
  SEED_ARTICLE,
  unwrapUndeclared,
} from '../../../scripts/bench/generate.ts';
import { splitBody } from '../../../scripts/bench/sentences.ts';
import { normaliseSpace, occursAsWords, readBodyText } from '../../../src/model/bodyText.ts';
import { checkContent } from '../../../src/model/checkContent.ts';
import { type RawEntry, readContentDir, splitContentFile } from '../../../src/model/contentFiles.ts';
import { formatProblem } from '../../../src/model/problems.ts';

const content = path.join(repoRoot, 'content');
const seed = await readSeed(content);
const actorIds = await listIds(path.join(content, 'actors'));
const placeIds = await listIds(path.join(content, 'places'));
const generate = (count: number, s?: number) =>
  generateArticles(seed, { count, actorIds, placeIds, ...(s === undefined ? {} : { seed: s }) });

describe('generateArticles', () => {
  it('is deterministic, and article i does not depend on N', () => {
    const a = generate(20);
    const b = generate(20);
    expect(b.map((x) => x.source)).toEqual(a.map((x) => x.source));
    expect(generate(5).map((x) => x.body)).toEqual(a.slice(0, 5).map((x) => x.body));
    expect(generate(5, 7).map((x) => x.body)).not.toEqual(a.slice(0, 5).map((x) => x.body));
  });

  it('makes unique slugs and reshuffled, seed-sized bodies from the seed sentences only', () => {
    const articles = generate(20);
    expect(new Set(articles.map((a) => a.slug)).size).toBe(20);
    for (const a of articles) expect(a.slug).toMatch(new RegExp(`^${SEED_ARTICLE}-\\d{4}$`));
    const seedSplit = splitBody(seed.body);
    const seedSentences = new Set(seedSplit.sentences);
    const seedLength = seed.body.length;
    for (const a of articles) {
      const split = splitBody(a.body);
      for (const sentence of split.sentences) expect(seedSentences.has(sentence)).toBe(true);
      expect(split.headings.every((h) => seedSplit.headings.includes(h))).toBe(true);
      expect(a.body.length).toBeGreaterThan(seedLength * 0.6);
      expect(a.body.length).toBeLessThan(seedLength * 1.1);
    }
    expect(new Set(articles.map((a) => a.body)).size).toBe(20);
  });

  it('keeps only annotations that the text supports, with the real actors and places', () => {
    for (const a of generate(20)) {
      const text = readBodyText(a.body)
        .blocks.map((b) => b.text)
        .join('\n');
      for (const ref of [...a.data.actors, ...a.data.places]) {
        expect(actorIds.has(ref.id) || placeIds.has(ref.id)).toBe(true);
        for (const alias of ref.aliases) {
          const [t, cs] = typeof alias === 'string' ? [alias, true] : [alias.text, alias.caseSensitive];
          expect(occursAsWords(text, t, cs)).toBe(true);
        }
      }
      for (const e of a.data.events) expect(occursAsWords(text, normaliseSpace(e.phrase))).toBe(true);
      for (const r of a.data.relations) expect(text.includes(normaliseSpace(r.quote))).toBe(true);
      for (const s of a.data.sources) expect(text.includes(normaliseSpace(s.quote))).toBe(true);
      if (actorIds.size > 0) expect(a.data.actors.length).toBeGreaterThan(0);
      expect(a.data.events.length).toBeGreaterThan(0);
    }
  });

  it('gives every article its own publication date and re-dates the events from it', () => {
    const articles = generate(20);
    expect(new Set(articles.map((a) => a.data.published)).size).toBeGreaterThan(15);
    expect(articles.some((a) => a.data.events.some((e) => e.phrase === 'on Monday' && e.date !== '2020-01-13'))).toBe(
      true,
    );
  });

  it('passes the content check (N = 20) together with the real actors and places', async () => {
    const { entries: real, problems: readProblems } = await readContentDir(repoRoot);
    expect(readProblems).toEqual([]);
    const entries: RawEntry[] = real.filter((e) => e.collection !== 'articles');
    for (const a of generate(20)) {
      const split = splitContentFile('articles', `content/articles/${a.slug}.md`, a.source);
      if (!split.ok) throw new Error(formatProblem(split.problem));
      entries.push(split.entry);
    }
    expect((await checkContent(entries)).map(formatProblem)).toEqual([]);
  });

  it('drops the directives of entities and events an article does not keep (article 3,870 of 5,000 passes the check)', async () => {
    // Its body has the seed's `:actor[Tripoli]{#government-of-national-accord}` but none of that actor's aliases.
    const [article] = generateRange(seed, { count: 5000, actorIds, placeIds }, 3869, 3870);
    if (!article) throw new Error('no article generated');
    expect(article.body).toContain('backing for Tripoli with');
    expect(article.data.actors.map((a) => a.id)).not.toContain('government-of-national-accord');
    const { entries: real } = await readContentDir(repoRoot);
    const entries: RawEntry[] = real.filter((e) => e.collection !== 'articles');
    const split = splitContentFile('articles', `content/articles/${article.slug}.md`, article.source);
    if (!split.ok) throw new Error(formatProblem(split.problem));
    entries.push(split.entry);
    expect((await checkContent(entries)).map(formatProblem)).toEqual([]);
  });
});

describe('unwrapUndeclared', () => {
  const declared = { actor: new Set(['putin']), place: new Set<string>(), date: new Set(['talks']) };
  it('keeps directives whose target is declared and leaves only the words of the others', () => {
    expect(
      unwrapUndeclared(
        ':actor[Putin]{#putin} met :actor[Tripoli]{#gna} in :place[the city]{#x} :date[then]{#talks}',
        declared,
      ),
    ).toBe(':actor[Putin]{#putin} met Tripoli in the city :date[then]{#talks}');
  });
});

describe('redate', () => {
  const seedContext = { published: '2020-01-15' }; // a Wednesday
  it('keeps the reading the editor chose', () => {
    const monday = { date: '2020-01-13', precision: 'day' as const, phrase: 'on Monday' };
    expect(redate(monday, seedContext, { published: '2021-06-10' })).toBe('2021-06-07'); // Thursday → Monday before
    const sunday = { date: '2020-01-19', precision: 'day' as const, phrase: 'on Sunday' };
    expect(redate(sunday, seedContext, { published: '2021-06-10' })).toBe('2021-06-13'); // the coming Sunday
    const april = { date: '2019-04', precision: 'month' as const, phrase: 'in April' };
    expect(redate(april, seedContext, { published: '2022-09-01' })).toBe('2021-04'); // previous year's April
    const week = { date: '2020-W02', precision: 'week' as const, phrase: 'last week' };
    expect(redate(week, seedContext, { published: '2021-06-10' })).toBe('2021-W22');
  });

  it('counts anchored phrases from the new anchor date', () => {
    const later = { date: '2020-01-11', precision: 'day' as const, phrase: '72 hours later' };
    const anchor = (date: string) => ({ id: 'meeting', date, precision: 'day' as const });
    expect(
      redate(
        later,
        { ...seedContext, anchor: anchor('2020-01-08') },
        { published: '2021-01-20', anchor: anchor('2021-01-08') },
      ),
    ).toBe('2021-01-11');
  });

  it('gives up on a date the seed phrase never allowed', () => {
    expect(
      redate({ date: '2020-02-03', precision: 'day', phrase: 'on Monday' }, seedContext, { published: '2021-06-10' }),
    ).toBeUndefined();
  });
});

describe('datesWithin', () => {
  it('lists the dates of a precision that a reading covers', () => {
    expect(datesWithin({ start: '2009-01-01', end: '2011-12-31' }, 'year')).toEqual(['2009', '2010', '2011']);
    expect(datesWithin({ start: '2019-11-20', end: '2020-01-05' }, 'month')).toEqual(['2019-11', '2019-12', '2020-01']);
    expect(datesWithin({ start: '2020-01-06', end: '2020-01-19' }, 'week')).toEqual(['2020-W02', '2020-W03']);
    expect(datesWithin({ start: '2020-02-28', end: '2020-03-01' }, 'day')).toEqual([
      '2020-02-28',
      '2020-02-29',
      '2020-03-01',
    ]);
  });
});
