/**
 * Seed fidelity: the article `how-putin-was-thrown-off-course` must carry the
 * seed text word for word, in order, with only the documented repairs of
 * extraction artefacts (`src/model/seedRepairs.ts`).
 *
 * The seed's word sequence (after the repairs) is compared with a word
 * sequence rebuilt from the article in the seed's order:
 *   title · "By" byline · date line · image caption + credit ·
 *   body (Markdown syntax stripped), with the "Related article: …" lines put
 *   back at their original positions · "Original url:" originalUrl.
 *
 * Tokens are words (runs of letters and digits, joined by internal
 * apostrophes, hyphens or periods: "Libya's", "76-year-old", "U.S", "F-16")
 * and every other visible character on its own (, . " — : / …), so a dropped,
 * added, changed or reordered word, and changed punctuation, all show up.
 * `*` is Markdown emphasis in the seed's byline ("By **Bloomberg**"), not text,
 * and is not a token.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Root, RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { applyRepair, countRepairMatches, repairSeed, seedRepairs } from '../../src/model/seedRepairs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The seed as delivered, kept in the repo so any clone can run this test. */
const seedsDir = path.join(repoRoot, 'tests/fixtures/seeds');
/** Where the seed was delivered (beside the repo on the team's machines); checked against the copy when present. */
const deliveredSeedsDir = path.resolve(repoRoot, '../shared/seeds');
const SEED_NAME = '000_f7a647efefd6f113.txt';
const ARTICLE = path.join(repoRoot, 'content/articles/how-putin-was-thrown-off-course.md');

/** The seed file: by its known name, or the only seed in the folder if it was renamed. */
function findSeed(): string {
  const files = readdirSync(seedsDir).filter((name) => name.endsWith('.txt'));
  if (files.includes(SEED_NAME)) return path.join(seedsDir, SEED_NAME);
  if (files.length === 1) return path.join(seedsDir, files[0] as string);
  throw new Error(
    `cannot tell which seed belongs to the article: ${SEED_NAME} is not in ${seedsDir} and it holds ${files.length} .txt files (${files.join(', ')})`,
  );
}

describe('the committed seed copy', () => {
  it('is byte-identical to the delivered seed wherever the delivered one is present', () => {
    const delivered = path.join(deliveredSeedsDir, SEED_NAME);
    const copy = readFileSync(path.join(seedsDir, SEED_NAME), 'utf8');
    expect(copy.length).toBeGreaterThan(1000);
    if (existsSync(delivered)) expect(copy).toBe(readFileSync(delivered, 'utf8'));
  });
});

// ── Tokens and comparison ──────────────────────────────────────────────────

const TOKEN = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}*]/gu;

function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

interface Comparison {
  equal: boolean;
  /** First index where the sequences differ (or where the shorter one ends). */
  index: number;
  message: string;
}

function compareTokens(expected: readonly string[], actual: readonly string[]): Comparison {
  const length = Math.min(expected.length, actual.length);
  let index = 0;
  while (index < length && expected[index] === actual[index]) index++;
  if (index === expected.length && index === actual.length) return { equal: true, index: -1, message: 'equal' };
  const around = (tokens: readonly string[]) =>
    `${tokens.slice(Math.max(0, index - 8), index).join(' ')} ⟦${tokens[index] ?? '<end>'}⟧ ${tokens
      .slice(index + 1, index + 8)
      .join(' ')}`;
  return {
    equal: false,
    index,
    message: [
      `token sequences differ at index ${index} (seed has ${expected.length} tokens, article ${actual.length})`,
      `  seed:    …${around(expected)}…`,
      `  article: …${around(actual)}…`,
    ].join('\n'),
  };
}

// ── The seed ───────────────────────────────────────────────────────────────

interface SeedLayout {
  blocks: string[];
  /** Body blocks (paragraphs and headings), without the "Related article" lines. */
  bodyBlocks: string[];
  /** For each "Related article" line: its title and how many body blocks precede it. */
  related: { title: string; after: number }[];
}

const RELATED = /^Related article:\s*/;

function seedLayout(text: string): SeedLayout {
  const blocks = text
    .split(/\r?\n[ \t]*(?:\r?\n[ \t]*)+/)
    .map((block) => block.trim())
    .filter(Boolean);
  const end = blocks.indexOf('Original url:');
  if (end < 0) throw new Error('the seed has no "Original url:" line');
  // Blocks 0-3 are the header: title, byline, date line, photo caption + credit.
  const bodyBlocks: string[] = [];
  const related: SeedLayout['related'] = [];
  for (const block of blocks.slice(4, end)) {
    if (RELATED.test(block)) related.push({ title: block.replace(RELATED, ''), after: bodyBlocks.length });
    else bodyBlocks.push(block);
  }
  return { blocks, bodyBlocks, related };
}

// ── The article ────────────────────────────────────────────────────────────

interface ParsedArticle {
  data: Record<string, unknown>;
  body: string;
}

function parseArticle(source: string): ParsedArticle {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!match) throw new Error('the article has no YAML frontmatter');
  return { data: parseYaml(match[1] as string) as Record<string, unknown>, body: source.slice(match[0].length) };
}

function bodyTree(body: string): Root {
  // Editors' override directives (`:actor[Moscow]{#russia}`) keep their words as text.
  return unified().use(remarkParse).use(remarkDirective).parse(body);
}

/** `2020-01-15` (string or YAML Date) → `January 15, 2020`, the seed's date line. */
function dateLine(value: unknown): string {
  const iso = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-US', {
    month: 'long',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/**
 * The article's text in the seed's order. `bodyBlocks` are the Markdown body's
 * top-level blocks as plain text; the related lines go back after the body
 * block they followed in the seed.
 */
function rebuildArticleText(data: Record<string, unknown>, bodyBlocks: readonly string[], layout: SeedLayout): string {
  const image = data.image as { caption: string; credit: string } | undefined;
  const related = (data.related ?? []) as { title: string }[];
  const parts: string[] = [
    String(data.title),
    `By ${String(data.byline)}`,
    dateLine(data.published),
    image ? `${image.caption} ${image.credit}` : '',
  ];
  const relatedBefore = (index: number) => {
    for (const [i, position] of layout.related.entries()) {
      const item = related[i];
      if (item && Math.min(position.after, bodyBlocks.length) === index) parts.push(`Related article: ${item.title}`);
    }
  };
  bodyBlocks.forEach((block, index) => {
    relatedBefore(index);
    parts.push(block);
  });
  relatedBefore(bodyBlocks.length);
  // Related lines the seed does not have at all still count (and fail).
  for (const extra of related.slice(layout.related.length)) parts.push(`Related article: ${extra.title}`);
  parts.push('Original url:', String(data.originalUrl));
  return parts.join('\n\n');
}

// ── Fixtures ───────────────────────────────────────────────────────────────

const seedPath = findSeed();
const rawSeed = readFileSync(seedPath, 'utf8');
const repairedSeed = repairSeed(rawSeed);
const layout = seedLayout(repairedSeed);
const article = parseArticle(readFileSync(ARTICLE, 'utf8'));
const tree = bodyTree(article.body);
const articleBlocks = tree.children.map((node: RootContent) => mdastToString(node));

function compareBody(body: string): Comparison {
  const blocks = bodyTree(body).children.map((node: RootContent) => mdastToString(node));
  return compareTokens(tokenize(repairedSeed), tokenize(rebuildArticleText(article.data, blocks, layout)));
}

// ── Tests ──────────────────────────────────────────────────────────────────

describe('seed repairs', () => {
  it('are documented', () => {
    const ids = seedRepairs.map((repair) => repair.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const repair of seedRepairs) {
      expect(repair.what.trim(), repair.id).not.toBe('');
      expect(repair.why.trim(), repair.id).not.toBe('');
    }
  });

  describe.each(seedRepairs.map((repair) => [repair.id, repair] as const))('%s', (_id, repair) => {
    it('matches the seed the documented number of times and changes it', () => {
      expect(countRepairMatches(rawSeed, repair)).toBe(repair.expectedMatches);
      expect(applyRepair(rawSeed, repair)).not.toBe(rawSeed);
    });

    it('still changes something when applied in sequence', () => {
      const before = seedRepairs.slice(0, seedRepairs.indexOf(repair)).reduce(applyRepair, rawSeed);
      expect(applyRepair(before, repair)).not.toBe(before);
      expect(countRepairMatches(applyRepair(before, repair), repair)).toBe(0);
    });
  });

  it('repairSeed applies them all and is idempotent', () => {
    expect(repairedSeed).toBe(seedRepairs.reduce(applyRepair, rawSeed));
    expect(repairSeed(repairedSeed)).toBe(repairedSeed);
  });
});

describe('article fidelity to the seed', () => {
  it('the seed has the expected layout', () => {
    expect(layout.blocks[1]).toMatch(/^By /);
    expect(layout.blocks[2]).toBe(dateLine(article.data.published));
    expect(layout.related).toHaveLength(2);
  });

  it('has the same word sequence as the repaired seed', () => {
    const result = compareBody(article.body);
    expect(result.equal, result.message).toBe(true);
  });

  it('keeps the paragraphs and headings of the repaired seed', () => {
    expect(articleBlocks).toEqual(layout.bodyBlocks);
    const headings = tree.children.filter((node) => node.type === 'heading');
    expect(headings.map((node) => mdastToString(node))).toEqual(['Not surprising', 'Caught unaware']);
    for (const node of headings) expect(node.type === 'heading' && node.depth).toBe(2);
    expect(tree.children.every((node) => node.type === 'paragraph' || node.type === 'heading')).toBe(true);
  });

  it('has no HTML in the body', () => {
    expect(article.body).not.toMatch(/<\/?[a-z][^>]*>/i);
  });

  it('moves the header, photo credit, related lines and original url into the frontmatter', () => {
    expect(article.data.title).toBe(layout.blocks[0]);
    expect(`By **${String(article.data.byline)}**`).toBe(layout.blocks[1]);
    const image = article.data.image as { caption: string; credit: string };
    expect(`${image.caption} ${image.credit}`).toBe(layout.blocks[3]);
    expect((article.data.related as { title: string }[]).map((item) => item.title)).toEqual(
      layout.related.map((item) => item.title),
    );
    expect(article.data.originalUrl).toBe(layout.blocks.at(-1));
  });

  it('does not match the unrepaired seed', () => {
    const blocks = tree.children.map((node: RootContent) => mdastToString(node));
    const result = compareTokens(tokenize(rawSeed), tokenize(rebuildArticleText(article.data, blocks, layout)));
    expect(result.equal).toBe(false);
  });
});

describe('the comparison catches edits (negative tests)', () => {
  const mutate = (find: string, replace: string) => {
    expect(article.body.includes(find), `fixture: "${find}" must occur in the body`).toBe(true);
    return article.body.replace(find, replace);
  };

  it('a dropped word', () => {
    const result = compareBody(mutate('the legendary stubbornness', 'the stubbornness'));
    expect(result.equal).toBe(false);
    expect(result.message).toMatch(/legendary/);
  });

  it('an added word', () => {
    expect(compareBody(mutate('lost patience', 'lost his patience')).equal).toBe(false);
  });

  it('a changed word', () => {
    expect(compareBody(mutate('Kremlin-founded', 'Kremlin-funded')).equal).toBe(false);
  });

  it('two swapped words', () => {
    expect(compareBody(mutate('Egypt and the United Arab Emirates', 'the United Arab Emirates and Egypt')).equal).toBe(
      false,
    );
  });

  it('a "corrected" source ("U.S drone" → "U.S. drone")', () => {
    expect(compareBody(mutate('a U.S drone', 'a U.S. drone')).equal).toBe(false);
  });

  it('changed punctuation', () => {
    expect(compareBody(mutate('interests — much as', 'interests, much as')).equal).toBe(false);
  });

  it('a dropped paragraph', () => {
    expect(compareBody(mutate('Nothing is playing out as planned, or is what it seems.\n\n', '')).equal).toBe(false);
  });

  it('the last word dropped', () => {
    expect(compareBody(mutate('could await.', 'could.')).equal).toBe(false);
  });
});
