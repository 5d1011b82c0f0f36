/**
 * The editors' declarations read straight from `content/` (YAML frontmatter,
 * no zod, nothing from src/): the oracle for what the timeline, the mention
 * cards and the search must show. Like `articleSource.ts`, deliberately
 * independent of the code under test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { PROJECT_ROOT } from './builds.ts';

const CONTENT = join(PROJECT_ROOT, 'content');

export interface SourceEvent {
  id: string;
  phrase: string;
  summary: string;
  actors: string[];
}

export interface SourceArticle {
  slug: string;
  title: string;
  events: SourceEvent[];
}

function frontmatter(file: string): Record<string, unknown> {
  const source = readFileSync(file, 'utf8');
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
  if (!match) throw new Error(`${file}: no frontmatter`);
  return (parseYaml(match[1] ?? '') ?? {}) as Record<string, unknown>;
}

const asString = (value: unknown) => (value === undefined || value === null ? '' : String(value));

export function readSourceArticle(slug: string): SourceArticle {
  const data = frontmatter(join(CONTENT, 'articles', `${slug}.md`));
  const events = Array.isArray(data.events) ? (data.events as Record<string, unknown>[]) : [];
  return {
    slug,
    title: asString(data.title),
    events: events.map((event) => ({
      id: asString(event.id),
      phrase: asString(event.phrase),
      summary: asString(event.summary),
      actors: Array.isArray(event.actors) ? event.actors.map(asString) : [],
    })),
  };
}

/** Every article in `content/articles/`, by slug. */
export function readSourceArticles(): SourceArticle[] {
  return readdirSync(join(CONTENT, 'articles'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => readSourceArticle(name.slice(0, -3)));
}

/** The `name` an actor's or place's file declares. */
export function entityName(collection: 'actors' | 'places', id: string): string {
  return asString(frontmatter(join(CONTENT, collection, `${id}.md`)).name);
}
