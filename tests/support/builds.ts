/**
 * The built site the site and browser tests run against.
 *
 *  - base `/`: the `dist/` that `npm test` has just built (built here only if missing),
 *    or the folder `OUT_DIR` names, as for `astro build` (`OUT_DIR=/tmp/x astro build`
 *    then `OUT_DIR=/tmp/x vitest run …` tests that build and leaves `dist/` alone);
 *  - any other base (e.g. `/backstory/`): built once into `test-results/build-<name>/`
 *    with `BASE_PATH` and `OUT_DIR`, and reused by every test file until the
 *    sources change. A marker file records what it was built from; a lock file
 *    keeps test files running in parallel from building the same thing twice.
 *
 * Build from a `beforeAll` with `BUILD_TIMEOUT_MS`, or at the top of a test file
 * when the list of tests depends on the built pages.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normaliseBase } from './staticServer.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const TEST_RESULTS = join(PROJECT_ROOT, 'test-results');
const BIN = join(PROJECT_ROOT, 'node_modules', '.bin');

/** Enough for `astro build` of the seed content on a 2-core CI machine, with room to spare. */
export const BUILD_TIMEOUT_MS = 5 * 60_000;

export interface Build {
  /** Absolute path of the built folder. */
  dir: string;
  /** Base path the site was built for: `/` or `/backstory/`. */
  base: string;
  /** Origin the build used for absolute URLs (canonical, Open Graph, feeds): astro.config.mjs's SITE_URL. */
  site: string;
}

/** The same default as astro.config.mjs. */
export function siteUrl(): string {
  return new URL(process.env.SITE_URL ?? 'http://localhost:4321').origin;
}

const built = new Map<string, Promise<Build>>();

export function ensureBuild({ base = '/' }: { base?: string } = {}): Promise<Build> {
  const mount = normaliseBase(base);
  let pending = built.get(mount);
  if (!pending) {
    pending = mount === '/' ? rootBuild() : subPathBuild(mount);
    built.set(mount, pending);
  }
  return pending;
}

/** Where the `/` build is: astro.config.mjs's `OUT_DIR` (relative to the project), else `dist/`. */
export function rootBuildDir(): string {
  return resolve(PROJECT_ROOT, process.env.OUT_DIR || 'dist');
}

async function rootBuild(): Promise<Build> {
  const dir = rootBuildDir();
  const build = { dir, base: '/', site: siteUrl() };
  if (existsSync(join(dir, 'index.html'))) {
    await warnIfStale(join(dir, 'index.html'));
    return build;
  }
  return withLock(join(TEST_RESULTS, 'build-root.lock'), async () => {
    if (!existsSync(join(dir, 'index.html'))) await astroBuild({ base: '/', outDir: dir });
    return build;
  });
}

async function subPathBuild(base: string): Promise<Build> {
  const name = base.replace(/^\/|\/$/g, '').replace(/[^a-z0-9]+/gi, '-');
  const dir = join(TEST_RESULTS, `build-${name}`);
  const marker = join(TEST_RESULTS, `build-${name}.json`);
  const build = { dir, base, site: siteUrl() };
  const fingerprint = await sourceFingerprint(base);
  const fresh = async () =>
    existsSync(join(dir, 'index.html')) &&
    existsSync(buildLogFile(dir)) &&
    (await readFile(marker, 'utf8').then(
      (text) => JSON.parse(text).fingerprint === fingerprint,
      () => false,
    ));

  if (await fresh()) return build;
  return withLock(join(TEST_RESULTS, `build-${name}.lock`), async () => {
    if (await fresh()) return build; // another test file built it while this one waited
    await rm(marker, { force: true });
    await astroBuild({ base, outDir: dir });
    await writeFile(marker, `${JSON.stringify({ base, fingerprint, builtAt: new Date().toISOString() }, null, 2)}\n`);
    return build;
  });
}

const INPUTS = ['astro.config.mjs', 'package-lock.json', 'tsconfig.json', 'src', 'content', 'public'];

/** `npm test` always builds first; a developer running Vitest alone may be testing yesterday's dist/. */
async function warnIfStale(builtFile: string): Promise<void> {
  const builtAt = (await stat(builtFile)).mtimeMs;
  for (const input of INPUTS) {
    for (const file of await filesUnder(join(PROJECT_ROOT, input))) {
      if ((await stat(file)).mtimeMs > builtAt) {
        console.warn(
          `${relative(PROJECT_ROOT, dirname(builtFile))}/ is older than ${relative(PROJECT_ROOT, file)}: run \`astro build\` first (npm test does).`,
        );
        return;
      }
    }
  }
}

/**
 * What a build depends on: every source file's path, size and modification
 * time, the lock file, and the build settings. Cheap (no file contents read).
 */
async function sourceFingerprint(base: string): Promise<string> {
  const hash = createHash('sha256').update(`${base}\n${siteUrl()}\n`);
  for (const input of INPUTS) {
    for (const file of await filesUnder(join(PROJECT_ROOT, input))) {
      const info = await stat(file);
      hash.update(`${relative(PROJECT_ROOT, file)}\t${info.size}\t${info.mtimeMs}\n`);
    }
  }
  return hash.digest('hex');
}

async function filesUnder(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return [];
  if (!info.isDirectory()) return [path];
  const entries = await readdir(path, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

const VITEST_ENV = new Set(['NODE_ENV', 'TEST', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'FORCE_TTY']);

/** Where `astroBuild` keeps what the build printed: beside its output folder. */
export function buildLogFile(outDir: string): string {
  return `${outDir.replace(/[/\\]+$/, '')}.log`;
}

/** `astro build` with the project's own Node (node_modules/.bin first in PATH). */
export async function astroBuild({ base, outDir }: { base: string; outDir: string }): Promise<void> {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // Vitest puts its own settings and Vite's import.meta.env values into process.env
    // (NODE_ENV=test, BASE_URL=/, MODE=test…). Astro would take BASE_URL=/ over the
    // configured base, so none of them may reach the build.
    if (VITEST_ENV.has(key) || key.startsWith('VITEST')) continue;
    env[key] = value;
  }
  Object.assign(env, {
    PATH: `${BIN}:${process.env.PATH ?? ''}`,
    BASE_PATH: base,
    OUT_DIR: outDir,
    ASTRO_TELEMETRY_DISABLED: '1',
  });
  const output: string[] = [];
  const code = await new Promise<number | null>((done, fail) => {
    const child = spawn(join(BIN, 'astro'), ['build'], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('error', fail);
    child.once('close', done);
  });
  const printed = output.join('');
  await writeFile(buildLogFile(outDir), printed);
  if (code !== 0) {
    const tail = printed.split('\n').slice(-60).join('\n');
    throw new Error(
      `astro build for base ${base} into ${relative(PROJECT_ROOT, outDir)} failed (exit ${code}):\n${tail}`,
    );
  }
}

export interface BuildRun {
  /** Exit code of `astro build` (null if killed). */
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `astro build` with extra settings (`CONTENT_DIR`, `OUT_DIR`, `BASE_PATH`…),
 * reporting how it ended instead of throwing: for tests of builds that must
 * fail. Same clean environment as `astroBuild`.
 */
export async function runAstroBuild(settings: Record<string, string>): Promise<BuildRun> {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (VITEST_ENV.has(key) || key.startsWith('VITEST')) continue;
    env[key] = value;
  }
  Object.assign(env, { PATH: `${BIN}:${process.env.PATH ?? ''}`, ASTRO_TELEMETRY_DISABLED: '1', ...settings });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await new Promise<number | null>((done, fail) => {
    const child = spawn(join(BIN, 'astro'), ['build'], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    child.once('error', fail);
    child.once('close', done);
  });
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}

/**
 * Run `task` holding an exclusive lock file (created with O_EXCL, so only one
 * process at a time gets it). A lock left by a process that no longer runs is
 * taken over.
 */
async function withLock<T>(lockFile: string, task: () => Promise<T>): Promise<T> {
  await mkdir(TEST_RESULTS, { recursive: true });
  const deadline = Date.now() + BUILD_TIMEOUT_MS;
  for (;;) {
    try {
      const handle = await open(lockFile, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(await readFile(lockFile, 'utf8').catch(() => ''));
      if (Number.isInteger(owner) && owner > 0 && !isRunning(owner)) {
        await unlink(lockFile).catch(() => undefined);
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lockFile} (held by process ${owner})`);
      await new Promise((done) => setTimeout(done, 250));
    }
  }
  try {
    return await task();
  } finally {
    await unlink(lockFile).catch(() => undefined);
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
