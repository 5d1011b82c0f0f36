/**
 * Run a command as a child process and measure it:
 *
 * - wall time: `performance.now()` around the child, in this process;
 * - peak memory, two ways:
 *   1. GNU `/usr/bin/time -v` "Maximum resident set size": the kernel's
 *      ru_maxrss over the command's process tree, i.e. the peak RSS of the
 *      LARGEST single process (exact, catches short spikes; not a sum);
 *   2. the sum of VmRSS over the whole process tree (the command and all its
 *      descendants, e.g. esbuild, worker processes), sampled from /proc every
 *      `sampleMs` (a sum, but may miss spikes shorter than the interval).
 *   When `/usr/bin/time` is missing only (2) is reported.
 *
 * stdout/stderr go to a log file; a heartbeat line can be printed while it runs.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';

export interface Measurement {
  exitCode: number | null;
  signal: string | null;
  wallSeconds: number;
  userSeconds?: number;
  systemSeconds?: number;
  /** Peak RSS of the largest single process (GNU time), MB. */
  maxRssMB?: number;
  /** Peak of the sampled sum of RSS over the process tree, MB. */
  treePeakMB: number;
  /** How memory was measured, for the report. */
  memoryMethod: string;
}

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  sampleMs?: number;
  /** Called every `heartbeatMs` with the elapsed seconds and current tree RSS. */
  onHeartbeat?: (elapsedSeconds: number, treeMB: number) => void;
  heartbeatMs?: number;
}

export const GNU_TIME = '/usr/bin/time';

export async function runMeasured(command: string, args: readonly string[], options: RunOptions): Promise<Measurement> {
  const useTime = existsSync(GNU_TIME);
  const timeFile = `${options.logFile}.time`;
  await rm(timeFile, { force: true });
  const [file, argv] = useTime ? [GNU_TIME, ['-v', '-o', timeFile, command, ...args]] : [command, [...args]];
  const log = createWriteStream(options.logFile);
  log.write(`$ ${command} ${args.join(' ')}\n(cwd ${options.cwd})\n\n`);
  const started = performance.now();
  const child = spawn(file, argv, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });

  let treePeak = 0;
  let lastTree = 0;
  let sampling = false;
  const sample = async () => {
    if (sampling || child.pid === undefined) return;
    sampling = true;
    try {
      lastTree = await treeRssBytes(child.pid);
      treePeak = Math.max(treePeak, lastTree);
    } finally {
      sampling = false;
    }
  };
  const sampler = setInterval(sample, options.sampleMs ?? 200);
  const heartbeat = options.onHeartbeat
    ? setInterval(
        () => options.onHeartbeat?.((performance.now() - started) / 1000, lastTree / 2 ** 20),
        options.heartbeatMs ?? 30_000,
      )
    : undefined;

  const [exitCode, signal] = await new Promise<[number | null, string | null]>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, sig) => resolve([code, sig]));
  });
  const wallSeconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  if (heartbeat) clearInterval(heartbeat);
  await new Promise<void>((resolve) => log.end(resolve));

  const result: Measurement = {
    exitCode,
    signal,
    wallSeconds,
    treePeakMB: treePeak / 2 ** 20,
    memoryMethod: `sum of VmRSS over the process tree sampled every ${options.sampleMs ?? 200} ms from /proc`,
  };
  if (useTime) {
    const parsed = parseGnuTime(await readFile(timeFile, 'utf8').catch(() => ''));
    if (parsed.maxRssKB !== undefined) result.maxRssMB = parsed.maxRssKB / 1024;
    if (parsed.userSeconds !== undefined) result.userSeconds = parsed.userSeconds;
    if (parsed.systemSeconds !== undefined) result.systemSeconds = parsed.systemSeconds;
    result.memoryMethod = `GNU time -v max RSS (largest single process) and ${result.memoryMethod}`;
  }
  return result;
}

/** The fields we use from `/usr/bin/time -v` output. */
export function parseGnuTime(text: string): { maxRssKB?: number; userSeconds?: number; systemSeconds?: number } {
  const num = (re: RegExp) => {
    const m = re.exec(text);
    return m ? Number(m[1]) : undefined;
  };
  const out: { maxRssKB?: number; userSeconds?: number; systemSeconds?: number } = {};
  const maxRssKB = num(/Maximum resident set size \(kbytes\): (\d+)/);
  const userSeconds = num(/User time \(seconds\): ([\d.]+)/);
  const systemSeconds = num(/System time \(seconds\): ([\d.]+)/);
  if (maxRssKB !== undefined) out.maxRssKB = maxRssKB;
  if (userSeconds !== undefined) out.userSeconds = userSeconds;
  if (systemSeconds !== undefined) out.systemSeconds = systemSeconds;
  return out;
}

/** Sum of resident memory of `rootPid` and all its descendants, from /proc. */
export async function treeRssBytes(rootPid: number): Promise<number> {
  let names: string[];
  try {
    names = await readdir('/proc');
  } catch {
    return 0;
  }
  const parent = new Map<number, number>();
  await Promise.all(
    names
      .filter((n) => /^\d+$/.test(n))
      .map(async (n) => {
        const stat = await readFile(`/proc/${n}/stat`, 'utf8').catch(() => '');
        // pid (comm) state ppid …; comm may contain spaces and parentheses.
        const m = /\) \S (\d+)/.exec(stat.slice(stat.lastIndexOf(')')));
        if (m) parent.set(Number(n), Number(m[1]));
      }),
  );
  const inTree = new Set([rootPid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parent) {
      if (!inTree.has(pid) && inTree.has(ppid)) {
        inTree.add(pid);
        grew = true;
      }
    }
  }
  const page = 4096;
  let total = 0;
  await Promise.all(
    [...inTree].map(async (pid) => {
      const statm = await readFile(`/proc/${pid}/statm`, 'utf8').catch(() => '');
      const resident = Number(statm.split(' ')[1]);
      if (Number.isFinite(resident)) total += resident * page;
    }),
  );
  return total;
}
