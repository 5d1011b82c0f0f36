/**
 * Every built page, read the way a browser reads it (parse5 follows the HTML
 * standard's parsing algorithm): well-formed, unambiguous ids, and the head
 * every page needs to be found, shared and read on a phone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureBuild } from '../support/builds.ts';
import {
  attr,
  byTag,
  describeElement,
  elements,
  formatParseError,
  type Node,
  normaliseSpace,
  repairedMarkup,
  textOf,
} from '../support/html.ts';
import { listPages, readPage } from '../support/sitePages.ts';

const build = await ensureBuild({ base: '/' });
const pages = listPages(build.dir);

it('the build has a home page and at least one article page', () => {
  const paths = pages.map((page) => page.path);
  expect(paths).toContain('/');
  expect(paths.some((path) => path.startsWith('/articles/'))).toBe(true);
});

it('pages carry no per-component style attributes (data-astro-cid-*)', () => {
  // A scoped <style> makes Astro stamp `data-astro-cid-…` on every element the
  // component renders: a large share of the bytes of a long page, and build
  // time. Components style themselves with `<style is:global>`, every selector
  // anchored on the component's own block class (`.tl-entry__body p`).
  const scoped = /data-astro-cid-[a-z0-9]+/;
  const stylesheets = join(build.dir, '_astro');
  const files = [
    ...pages.map((page) => page.file),
    ...readdirSync(stylesheets)
      .filter((name) => name.endsWith('.css'))
      .map((name) => join(stylesheets, name)),
  ];
  const offenders = files.flatMap((file) => {
    const found = scoped.exec(readFileSync(file, 'utf8'));
    return found ? [`${file}: ${found[0]}`] : [];
  });
  expect(offenders, `scoped styles (use <style is:global>):\n${offenders.join('\n')}`).toEqual([]);
});

it('no word runs into the link or emphasis beside it (a line break in a template must not eat the space)', () => {
  // In .astro templates whitespace follows JSX: text and a tag on two lines are glued ("the<a>list").
  const inline = new Set(['a', 'strong', 'em', 'b', 'i', 'time', 'abbr', 'mark', 'code', 'cite', 'q']);
  const word = /[\p{L}\p{N}]/u;
  const textNode = (node: Node | undefined) =>
    node !== undefined && node.nodeName === '#text' ? (node as { value: string }).value : undefined;
  const glued = pages.flatMap((page) =>
    [...elements(readPage(page).document)].flatMap((element) => {
      const text = textOf(element);
      if (!inline.has(element.tagName) || text.trim() === '') return [];
      const siblings = element.parentNode?.childNodes ?? [];
      const index = siblings.indexOf(element);
      const before = textNode(siblings[index - 1]);
      const after = textNode(siblings[index + 1]);
      const joins =
        (before !== undefined && word.test(before.at(-1) ?? '') && word.test(text[0] ?? '')) ||
        (after !== undefined && word.test(after[0] ?? '') && word.test(text.at(-1) ?? ''));
      return joins ? [`${page.path}: "${(before ?? '').slice(-20)}|${text}|${(after ?? '').slice(0, 20)}"`] : [];
    }),
  );
  expect(glued, glued.join('\n')).toEqual([]);
});

describe.each(pages)('$path', (page) => {
  const parsed = () => readPage(page);
  const head = () => byTag(parsed().document, 'head')[0];

  it('parses with no HTML parse error', () => {
    const errors = parsed().errors.map(formatParseError);
    expect(errors, `parse errors in ${page.file}:\n${errors.join('\n')}`).toEqual([]);
  });

  it('has no misnested, unclosed or stray tags (nothing the parser had to repair)', () => {
    const problems = repairedMarkup(parsed(), parsed().html);
    expect(problems, `repaired markup in ${page.file}:\n${problems.join('\n')}`).toEqual([]);
  });

  it('has no duplicate id', () => {
    const seen = new Map<string, string[]>();
    for (const element of elements(parsed().document)) {
      const id = attr(element, 'id');
      if (id !== undefined) seen.set(id, [...(seen.get(id) ?? []), describeElement(element)]);
    }
    const duplicates = [...seen]
      .filter(([, where]) => where.length > 1)
      .map(([id, where]) => `${id}: ${where.join(', ')}`);
    expect(duplicates, `duplicate ids:\n${duplicates.join('\n')}`).toEqual([]);
  });

  it('declares its language on <html lang>', () => {
    const html = byTag(parsed().document, 'html')[0];
    expect(html && attr(html, 'lang')?.trim()).toMatch(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/);
  });

  it('has exactly one <h1>, with text', () => {
    const headings = byTag(parsed().document, 'h1');
    expect(headings.map(describeElement)).toHaveLength(1);
    expect(normaliseSpace(textOf(headings[0] ?? parsed().document))).not.toBe('');
  });

  it('has a <title> with text', () => {
    // In <head> only: an <svg> may carry its own <title>.
    const titles = byTag(head() ?? parsed().document, 'title');
    expect(titles).toHaveLength(1);
    expect(normaliseSpace(textOf(titles[0] ?? parsed().document))).not.toBe('');
  });

  it('has a meta description with text', () => {
    const metas = byTag(head() ?? parsed().document, 'meta').filter((meta) => attr(meta, 'name') === 'description');
    expect(metas).toHaveLength(1);
    expect(normaliseSpace((metas[0] && attr(metas[0], 'content')) ?? '')).not.toBe('');
  });

  it('has a viewport meta for phones (width=device-width)', () => {
    const metas = byTag(head() ?? parsed().document, 'meta').filter((meta) => attr(meta, 'name') === 'viewport');
    expect(metas).toHaveLength(1);
    expect((metas[0] && attr(metas[0], 'content')) ?? '').toMatch(/width\s*=\s*device-width/);
  });
});
