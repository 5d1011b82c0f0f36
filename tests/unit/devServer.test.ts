/**
 * What an editor sees under `npm start` (`astro dev`) while working on an
 * article: a saved change is checked, annotated and on the page without a
 * restart; a mistake is reported in the terminal, naming the file and the
 * field, while the page keeps its last good version.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/builds.ts';

const SLUG = 'how-putin-was-thrown-off-course';
const BIN = join(PROJECT_ROOT, 'node_modules', '.bin');

let dir: string;
let server: ChildProcess | undefined;
let output = '';
let origin = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Polls `check` every 250 ms until it returns something, or fails with `what` after `ms`. */
async function eventually<T>(what: string, check: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = await check();
    if (found !== undefined) return found;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; the server said:\n${output.slice(-3000)}`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

async function articleText(): Promise<string> {
  const response = await fetch(`${origin}/articles/${SLUG}/`);
  // The visible words: tags removed (mentions wrap names in links).
  return (await response.text()).replace(/<[^>]+>/g, '');
}

const articleFile = () => join(dir, 'content', 'articles', `${SLUG}.md`);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'backstory-dev-'));
  await cp(join(PROJECT_ROOT, 'content'), join(dir, 'content'), { recursive: true });
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (['NODE_ENV', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST'].includes(key) || key.startsWith('VITEST'))
      continue;
    env[key] = value;
  }
  Object.assign(env, {
    PATH: `${BIN}:${process.env.PATH ?? ''}`,
    ASTRO_TELEMETRY_DISABLED: '1',
    CONTENT_DIR: join(dir, 'content'),
  });
  server = spawn(join(BIN, 'astro'), ['dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: PROJECT_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    output += stripVTControlCharacters(chunk.toString());
  };
  server.stdout?.on('data', collect);
  server.stderr?.on('data', collect);
  await eventually(
    'the dev server',
    async () => ((await articleText().catch(() => '')).includes('Haftar') ? true : undefined),
    90_000,
  );
}, 120_000);

afterAll(async () => {
  server?.kill();
  await rm(dir, { recursive: true, force: true });
});

describe('the dev server, while an editor works on an article', () => {
  it('shows a saved paragraph, annotated, without a restart', { timeout: 60_000 }, async () => {
    const source = await readFile(articleFile(), 'utf8');
    await writeFile(articleFile(), `${source}\nHaftar said nothing more that evening.\n`);
    const html = await eventually('the new paragraph on the page', async () => {
      const page = await (await fetch(`${origin}/articles/${SLUG}/`)).text();
      return page.includes('said nothing more that evening') ? page : undefined;
    });
    // The new paragraph is annotated like the rest: its "Haftar" is a mention.
    const paragraph = /<p id="p-[^"]+">(?:(?!<\/p>).)*said nothing more that evening/s.exec(html)?.[0] ?? '';
    expect(paragraph).toContain('data-entity="actor:khalifa-haftar"');
  });

  it('reports a mistake by file and field, and keeps the last good page', { timeout: 60_000 }, async () => {
    const source = await readFile(articleFile(), 'utf8');
    await writeFile(articleFile(), source.replace(/^published: .*$/m, 'published: "2020-02-30"'));
    const report = await eventually('the problem in the terminal', async () => {
      const at = output.lastIndexOf('content check failed');
      return at >= 0 ? output.slice(at) : undefined;
    });
    expect(report).toContain(`articles/${SLUG}.md › published`);
    expect(report).toMatch(/Fix:/);
    expect(await articleText()).toContain('said nothing more that evening');
  });
});
