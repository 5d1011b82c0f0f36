import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkContent } from '../../src/model/checkContent.ts';
import { type CollectionName, type RawEntry, splitContentFile } from '../../src/model/contentFiles.ts';
import { formatProblem } from '../../src/model/problems.ts';

/** A small, valid world: one article (published Wednesday 2020-01-15), two actors, one place. */
const body = `Khalifa Haftar left Moscow on Monday after talks with Vladimir Putin.

## Aftermath

"It was a blow," said Kirill Semyonov, a Libya expert. Egypt backs Haftar, officials said.
`;

type Data = Record<string, unknown>;

function baseArticle(): Data {
  return {
    title: 'How Putin Was Thrown Off Course',
    dek: 'Haftar walked out of the Moscow talks.',
    byline: 'Bloomberg',
    publisher: 'Bloomberg',
    originalUrl: 'https://example.com/story',
    published: '2020-01-15',
    actors: [
      { id: 'khalifa-haftar', aliases: ['Khalifa Haftar', 'Haftar'] },
      { id: 'vladimir-putin', aliases: ['Vladimir Putin'] },
      { id: 'kirill-semyonov', aliases: ['Kirill Semyonov'] },
    ],
    places: [{ id: 'moscow', aliases: ['Moscow'] }],
    events: [
      {
        id: 'moscow-talks',
        date: '2020-01-13',
        precision: 'day',
        phrase: 'on Monday',
        summary: 'Haftar leaves the Moscow talks.',
        actors: ['khalifa-haftar'],
        place: 'moscow',
      },
    ],
    relations: [{ from: 'vladimir-putin', to: 'khalifa-haftar', kind: 'mediates', quote: 'talks with Vladimir Putin' }],
    sources: [
      {
        id: 'semyonov',
        kind: 'named',
        actor: 'kirill-semyonov',
        label: 'Kirill Semyonov',
        quote: 'said Kirill Semyonov',
      },
      { id: 'officials', kind: 'anonymous', label: 'officials', quote: 'officials said' },
    ],
  };
}

const actor = (name: string): Data => ({ name, kind: 'person', description: `${name}, a person in the news.` });

function file(collection: CollectionName, id: string, data: Data | string, text = ''): RawEntry | string {
  const source = typeof data === 'string' ? data : `---\n${stringify(data)}---\n${text}`;
  const result = splitContentFile(collection, `content/${collection}/${id}.md`, source);
  return result.ok ? result.entry : formatProblem(result.problem);
}

interface World {
  article?: Data | string;
  articleBody?: string;
  articleId?: string;
  actors?: Record<string, Data | string>;
  places?: Record<string, Data>;
}

/** Check a world; returns every problem formatted as the build prints it. */
async function check(world: World = {}): Promise<string[]> {
  const actors = world.actors ?? {
    'khalifa-haftar': actor('Khalifa Haftar'),
    'vladimir-putin': actor('Vladimir Putin'),
    'kirill-semyonov': actor('Kirill Semyonov'),
  };
  const places = world.places ?? {
    moscow: { name: 'Moscow', kind: 'city', coordinates: { lat: 55.75, lon: 37.62 } },
  };
  const files = [
    file(
      'articles',
      world.articleId ?? 'putin-thrown-off-course',
      world.article ?? baseArticle(),
      world.articleBody ?? body,
    ),
    ...Object.entries(actors).map(([id, data]) => file('actors', id, data, 'Profile.')),
    ...Object.entries(places).map(([id, data]) => file('places', id, data)),
  ];
  const unreadable = files.filter((f): f is string => typeof f === 'string');
  const entries = files.filter((f): f is RawEntry => typeof f !== 'string');
  return [...unreadable, ...(await checkContent(entries)).map(formatProblem)];
}

function articleWith(change: (article: Data) => void): Data {
  const article = baseArticle();
  change(article);
  return article;
}

const ARTICLE = 'content/articles/putin-thrown-off-course.md';
const firstEvent = (a: Data) => (a.events as Data[])[0] as Data;

describe('checkContent: valid content', () => {
  it('accepts the base world', async () => {
    expect(await check()).toEqual([]);
  });

  it('accepts YAML dates the editor did not quote, and case-insensitive aliases', async () => {
    const yaml = `---\n${stringify(baseArticle()).replace("published: '2020-01-15'", 'published: 2020-01-15')}---\n${body}`;
    expect(yaml).toContain('published: 2020-01-15\n');
    const article = articleWith((a) => {
      (a.places as Data[])[0] = { id: 'moscow', aliases: [{ text: 'MOSCOW', caseSensitive: false }] };
    });
    expect(await check({ article: yaml })).toEqual([]);
    expect(await check({ article })).toEqual([]);
  });
});

interface BadCase {
  name: string;
  world: () => World;
  file: string;
  field: string;
  /** Words the message must contain (the fix or the implied date). */
  says?: RegExp;
}

const cases: BadCase[] = [
  {
    name: 'empty title',
    world: () => ({
      article: articleWith((a) => {
        a.title = '   ';
      }),
    }),
    file: ARTICLE,
    field: 'title',
    says: /must not be empty/,
  },
  {
    name: 'missing dek',
    world: () => ({
      article: articleWith((a) => {
        delete a.dek;
      }),
    }),
    file: ARTICLE,
    field: 'dek',
    says: /required/,
  },
  {
    name: 'month 13 in published',
    world: () => ({
      article: articleWith((a) => {
        a.published = '2020-13-01';
      }),
    }),
    file: ARTICLE,
    field: 'published',
    says: /calendar date/,
  },
  {
    name: 'Feb 30 in published',
    world: () => ({
      article: articleWith((a) => {
        a.published = '2020-02-30';
      }),
    }),
    file: ARTICLE,
    field: 'published',
    says: /calendar date/,
  },
  {
    name: 'Feb 30 as an event date',
    world: () => ({
      article: articleWith((a) => {
        firstEvent(a).date = '2019-02-30';
      }),
    }),
    file: ARTICLE,
    field: 'events[0] ("moscow-talks").date',
  },
  {
    name: 'date written at the wrong precision',
    world: () => ({
      article: articleWith((a) => {
        firstEvent(a).date = '2020-01';
      }),
    }),
    file: ARTICLE,
    field: 'events[0] ("moscow-talks").date',
    says: /precision is "day": write it like "\d{4}-\d{2}-\d{2}", or set precision to "month"/,
  },
  {
    name: 'unknown precision',
    world: () => ({
      article: articleWith((a) => {
        firstEvent(a).precision = 'fortnight';
      }),
    }),
    file: ARTICLE,
    field: 'events[0] ("moscow-talks").precision',
    says: /"day"/,
  },
  {
    name: 'unknown actor kind',
    world: () => ({
      actors: {
        'khalifa-haftar': { ...actor('Khalifa Haftar'), kind: 'alien' },
        'vladimir-putin': actor('Vladimir Putin'),
        'kirill-semyonov': actor('Kirill Semyonov'),
      },
    }),
    file: 'content/actors/khalifa-haftar.md',
    field: 'kind',
    says: /"person"/,
  },
  {
    name: 'reference to a missing actor file',
    world: () => ({
      actors: { 'khalifa-haftar': actor('Khalifa Haftar'), 'kirill-semyonov': actor('Kirill Semyonov') },
    }),
    file: ARTICLE,
    field: 'actors[1] ("vladimir-putin").id',
    says: /create content\/actors\/vladimir-putin\.md/,
  },
  {
    name: 'reference to a missing place file',
    world: () => ({ places: {} }),
    file: ARTICLE,
    field: 'places[0] ("moscow").id',
    says: /create content\/places\/moscow\.md/,
  },
  {
    name: 'event actor not declared in the article',
    world: () => ({
      article: articleWith((a) => {
        firstEvent(a).actors = ['recep-erdogan'];
      }),
    }),
    file: ARTICLE,
    field: 'events[0] ("moscow-talks").actors[0]',
  },
  {
    name: 'event place not declared in the article',
    world: () => ({
      article: articleWith((a) => {
        firstEvent(a).place = 'berlin';
      }),
    }),
    file: ARTICLE,
    field: 'events[0] ("moscow-talks").place',
  },
  {
    name: 'phrase not in the text',
    world: () => ({
      article: articleWith((a) => {
        firstEvent(a).phrase = 'on Tuesday';
      }),
    }),
    file: ARTICLE,
    field: 'events[0] ("moscow-talks").phrase',
    says: /does not occur/,
  },
  {
    name: 'date contradicts its phrase',
    world: () => ({
      article: articleWith((a) => {
        firstEvent(a).date = '2020-01-14';
      }),
    }),
    file: ARTICLE,
    field: 'events[0] ("moscow-talks").date',
    says: /2020-01-13/,
  },
  {
    name: 'duplicate event id',
    world: () => ({
      article: articleWith((a) => {
        (a.events as Data[]).push({ ...firstEvent(a) });
      }),
    }),
    file: ARTICLE,
    field: 'events[1] ("moscow-talks").id',
    says: /used twice/,
  },
  {
    name: 'duplicate source id',
    world: () => ({
      article: articleWith((a) => {
        ((a.sources as Data[])[1] as Data).id = 'semyonov';
      }),
    }),
    file: ARTICLE,
    field: 'sources[1] ("semyonov").id',
    says: /used twice/,
  },
  {
    name: 'actor listed twice',
    world: () => ({
      article: articleWith((a) => {
        (a.actors as Data[]).push({ id: 'khalifa-haftar', aliases: ['Haftar'] });
      }),
    }),
    file: ARTICLE,
    field: 'actors[3] ("khalifa-haftar").id',
    says: /listed twice/,
  },
  {
    name: 'one alias declared for two entities',
    world: () => ({
      article: articleWith((a) => {
        (a.places as Data[])[0] = { id: 'moscow', aliases: ['Moscow', 'Haftar'] };
      }),
    }),
    file: ARTICLE,
    field: 'places[0] ("moscow").aliases[1]',
    says: /also declared for actor:khalifa-haftar/,
  },
  {
    name: 'alias never in the text',
    world: () => ({
      article: articleWith((a) => {
        (a.actors as Data[])[1] = { id: 'vladimir-putin', aliases: ['Vladimir Vladimirovich Putin'] };
      }),
    }),
    file: ARTICLE,
    field: 'actors[1] ("vladimir-putin").aliases[0]',
    says: /does not occur/,
  },
  {
    name: 'alias only inside a longer word',
    world: () => ({
      article: articleWith((a) => {
        (a.places as Data[])[0] = { id: 'moscow', aliases: ['Mosc'] };
      }),
    }),
    file: ARTICLE,
    field: 'places[0] ("moscow").aliases[0]',
    says: /whole words/,
  },
  {
    name: 'relation quote not in the text',
    world: () => ({
      article: articleWith((a) => {
        ((a.relations as Data[])[0] as Data).quote = 'Putin backs Haftar';
      }),
    }),
    file: ARTICLE,
    field: 'relations[0].quote',
  },
  {
    name: 'relation with an undeclared actor',
    world: () => ({
      article: articleWith((a) => {
        ((a.relations as Data[])[0] as Data).from = 'egypt';
      }),
    }),
    file: ARTICLE,
    field: 'relations[0].from',
  },
  {
    name: 'relation kind outside the enum',
    world: () => ({
      article: articleWith((a) => {
        ((a.relations as Data[])[0] as Data).kind = 'loves';
      }),
    }),
    file: ARTICLE,
    field: 'relations[0].kind',
    says: /"backs"/,
  },
  {
    name: 'named source without actor',
    world: () => ({
      article: articleWith((a) => {
        delete ((a.sources as Data[])[0] as Data).actor;
      }),
    }),
    file: ARTICLE,
    field: 'sources[0] ("semyonov").actor',
  },
  {
    name: 'source quote not in the text',
    world: () => ({
      article: articleWith((a) => {
        ((a.sources as Data[])[1] as Data).quote = 'diplomats said';
      }),
    }),
    file: ARTICLE,
    field: 'sources[1] ("officials").quote',
  },
  {
    name: '<script> in an actor name',
    world: () => ({
      actors: {
        'khalifa-haftar': actor('<script>alert(1)</script>'),
        'vladimir-putin': actor('Vladimir Putin'),
        'kirill-semyonov': actor('Kirill Semyonov'),
      },
    }),
    file: 'content/actors/khalifa-haftar.md',
    field: 'name',
    says: /without HTML/,
  },
  {
    name: 'attribute injection in the title',
    world: () => ({
      article: articleWith((a) => {
        a.title = '"><img src=x onerror=alert(1)>';
      }),
    }),
    file: ARTICLE,
    field: 'title',
    says: /without HTML/,
  },
  {
    name: 'javascript: URL as originalUrl',
    world: () => ({
      article: articleWith((a) => {
        a.originalUrl = 'javascript:alert(1)';
      }),
    }),
    file: ARTICLE,
    field: 'originalUrl',
    says: /http\(s\) URL/,
  },
  {
    name: 'latitude out of range',
    world: () => ({ places: { moscow: { name: 'Moscow', kind: 'city', coordinates: { lat: 95.75, lon: 37.62 } } } }),
    file: 'content/places/moscow.md',
    field: 'coordinates.lat',
    says: /≤ 90/,
  },
  {
    name: 'malformed wikidata id',
    world: () => ({
      actors: {
        'khalifa-haftar': { ...actor('Khalifa Haftar'), wikidata: '12345' },
        'vladimir-putin': actor('Vladimir Putin'),
        'kirill-semyonov': actor('Kirill Semyonov'),
      },
    }),
    file: 'content/actors/khalifa-haftar.md',
    field: 'wikidata',
    says: /Q312/,
  },
  {
    name: 'file name that is not a slug',
    world: () => ({ articleId: 'Putin_Thrown' }),
    file: 'content/articles/Putin_Thrown.md',
    field: '(file name)',
    says: /putin-thrown/,
  },
  {
    name: 'reference id that is not a slug',
    world: () => ({
      article: articleWith((a) => {
        ((a.actors as Data[])[0] as Data).id = 'Khalifa Haftar';
      }),
    }),
    file: ARTICLE,
    field: 'actors[0] ("Khalifa Haftar").id',
    says: /lowercase slug/,
  },
  {
    name: 'broken YAML',
    world: () => ({ article: '---\ntitle: "unterminated\ndek: x\n---\nBody.\n' }),
    file: ARTICLE,
    field: '(frontmatter, line',
    says: /invalid YAML/,
  },
  { name: 'empty file', world: () => ({ article: '' }), file: ARTICLE, field: '(file)', says: /empty/ },
  {
    name: 'misspelt field',
    world: () => ({
      article: articleWith((a) => {
        a.titel = 'x';
      }),
    }),
    file: ARTICLE,
    field: '(frontmatter)',
    says: /unknown field "titel"/,
  },
  {
    name: 'raw <script> in the body',
    world: () => ({ articleBody: `${body}\n<script>alert(1)</script>\n` }),
    file: ARTICLE,
    field: '(body, line',
    says: /raw HTML/,
  },
  {
    name: 'javascript: link in the body',
    world: () => ({ articleBody: `${body}\n[click](javascript:alert(1))\n` }),
    file: ARTICLE,
    field: '(body, line',
    says: /forbidden scheme/,
  },
  {
    name: '`after` naming a missing event',
    world: () => ({
      article: articleWith((a) => {
        firstEvent(a).after = 'nowhere';
      }),
    }),
    file: ARTICLE,
    field: 'events[0] ("moscow-talks").after',
  },
  {
    name: 'control character in a role',
    world: () => ({
      article: articleWith((a) => {
        ((a.actors as Data[])[0] as Data).role = 'bell\u0007';
      }),
    }),
    file: ARTICLE,
    field: 'actors[0] ("khalifa-haftar").role',
    says: /control characters/,
  },
  {
    name: 'missing event phrase',
    world: () => ({
      article: articleWith((a) => {
        delete firstEvent(a).phrase;
      }),
    }),
    file: ARTICLE,
    field: 'events[0] ("moscow-talks").phrase',
    says: /required/,
  },
  {
    name: 'phrase that is not a date expression',
    world: () => ({
      article: articleWith((a) => {
        firstEvent(a).phrase = 'after talks';
      }),
    }),
    file: ARTICLE,
    field: 'events[0] ("moscow-talks").date',
  },
  {
    name: 'article without text',
    world: () => ({ articleBody: '\n' }),
    file: ARTICLE,
    field: '(body)',
    says: /no text/,
  },
];

describe('checkContent: each bad input names file, field and fix', () => {
  it('has a table of at least 25 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  it.each(cases)('$name', async ({ world, file: expectedFile, field, says }) => {
    const problems = await check(world());
    const hit = problems.find((p) => p.startsWith(`${expectedFile} › ${field}`));
    expect(hit, `no problem for ${expectedFile} › ${field} in:\n${problems.join('\n')}`).toBeDefined();
    expect(hit).toMatch(/\n {4}Fix: \S/);
    if (says) expect(hit).toMatch(says);
  });
});
