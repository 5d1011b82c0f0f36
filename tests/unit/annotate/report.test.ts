/**
 * The annotation report: failures for aliases and phrases never annotated,
 * suggestions for what nothing annotates, and the command line around it.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { createAnnotationReporter, formatReport, reportFails } from '../../../src/annotate/report.ts';
import type { RawEntry } from '../../../src/model/contentFiles.ts';
import { article, defaultOptions, root } from './helpers.ts';

const entry = (body: string, fields: Record<string, unknown>): RawEntry => ({
  collection: 'articles',
  id: 'test',
  file: 'content/articles/test.md',
  data: article(fields),
  body,
  bodyLine: 1,
});

const fields = {
  actors: [
    { id: 'khalifa-haftar', aliases: ['Khalifa Haftar', 'Haftar'] },
    { id: 'vladimir-putin', aliases: ['Putin'] },
  ],
  places: [{ id: 'moscow', aliases: ['Moscow'] }],
  events: [
    { id: 'moscow-talks', date: '2020-01-13', precision: 'day', phrase: 'on Monday', summary: 'Talks.' },
    { id: 'haftar-leaves', date: '2020-01-14', precision: 'day', phrase: 'Hours later', summary: 'Leaves.' },
  ],
};

const report = async (body: string, f: Record<string, unknown> = fields) =>
  (await createAnnotationReporter(defaultOptions()))(entry(body, f));

describe('annotation report', () => {
  it('counts mentions per entity and passes when everything declared is annotated', async () => {
    const result = await report('Haftar met Putin in Moscow on Monday. Hours later, Khalifa Haftar left.');
    expect(result.entities).toEqual([
      { entity: 'actor:khalifa-haftar', name: 'khalifa-haftar', count: 2 },
      { entity: 'actor:vladimir-putin', name: 'vladimir-putin', count: 1 },
      { entity: 'place:moscow', name: 'moscow', count: 1 },
    ]);
    expect(reportFails(result)).toBe(false);
    expect(formatReport(result)).toContain('✓ every declared alias and event phrase is annotated');
  });

  it('fails on an alias that only occurs in a link, and on a phrase split by formatting', async () => {
    const result = await report(
      '[Khalifa Haftar](https://example.com) met Haftar and Putin in Moscow on *Monday*. Hours later.',
    );
    expect(result.unannotatedAliases).toEqual([{ entity: 'actor:khalifa-haftar', alias: 'Khalifa Haftar' }]);
    expect(result.unannotatedEvents).toEqual([{ eventId: 'moscow-talks', phrase: 'on Monday' }]);
    expect(reportFails(result)).toBe(true);
    const text = formatReport(result);
    expect(text).toContain('✗ aliases declared but never annotated');
    expect(text).toContain('actor:khalifa-haftar: "Khalifa Haftar"');
    expect(text).toContain('moscow-talks: "on Monday"');
  });

  it('suggests proper names and date phrases nothing annotates', async () => {
    const result = await report(
      'Haftar flew a Dassault Falcon jet to Amman on Monday. The talks in Moscow failed. Hours later, Putin called Recep Tayyip Erdogan, in March 2019, a week after the Government of National Accord signed, and 72 hours later.',
    );
    const names = result.suggestions.filter((s) => s.kind === 'name').map((s) => s.text);
    const dates = result.suggestions.filter((s) => s.kind === 'date').map((s) => s.text);
    expect(names).toEqual(
      expect.arrayContaining(['Dassault Falcon', 'Amman', 'Recep Tayyip Erdogan', 'Government of National Accord']),
    );
    expect(names).not.toContain('The');
    expect(names).not.toContain('Hours');
    expect(dates).toEqual(['in March 2019', 'a week after', '72 hours later']);
  });

  it('reports an article that cannot be rendered', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const result = await report(
      'Talks in :actor[Moscow]{#russia}. Haftar, Putin, Khalifa Haftar, on Monday, Hours later.',
    );
    quiet.mockRestore();
    expect(result.error).toContain('line 1 of the body: :actor[Moscow]{#russia}: "russia" is not declared');
    expect(reportFails(result)).toBe(true);
    expect(formatReport(result)).toContain('✗ cannot be rendered');
  });

  it('scripts/annotation-report.ts runs under plain Node (type stripping) and ends with a summary', async () => {
    const node = path.join(root, 'node_modules/.bin/node');
    // Exit 1 (something to fix) rejects with the same output; the seed test checks the seed passes.
    const { stdout } = await promisify(execFile)(node, ['scripts/annotation-report.ts'], { cwd: root }).catch(
      (error: { stdout: string; code: number }) => {
        expect(error.code).toBe(1);
        return error;
      },
    );
    expect(stdout).toMatch(
      /(?:annotation report: \d+ articles, nothing to fix|\d+ of \d+ articles have annotations to fix)\n$/,
    );
  });
});
