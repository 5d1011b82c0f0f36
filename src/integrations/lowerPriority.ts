/**
 * Background work at low CPU priority: Pagefind indexes in its own process
 * while the page renderer, on the main thread, still has pages to write. At
 * the default priority the two share the machine's cores evenly and the
 * renderer slows by as much as the index gains; at nice 19 Pagefind takes
 * only the time the renderer leaves (1,000 articles on two cores: 38.0 and
 * 41.6 s against 49.4 and 45.7 s, back to back).
 *
 * Linux only, through /proc: Pagefind's Node API starts its process itself
 * and does not say which it is. Elsewhere, or when /proc cannot be read,
 * nothing changes: priority is an optimisation, never a requirement.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { setPriority } from 'node:os';

/** The lowest priority a process can have (`nice 19`). */
export const LOWEST_PRIORITY = 19;

/** Lowers this process's child processes whose command name starts with `command`; how many it lowered. */
export function lowerChildPriority(command: string, priority = LOWEST_PRIORITY): number {
  if (process.platform !== 'linux') return 0;
  let lowered = 0;
  try {
    for (const task of readdirSync(`/proc/${process.pid}/task`)) {
      const children = readFileSync(`/proc/${process.pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean);
      for (const child of children) {
        if (!readFileSync(`/proc/${child}/comm`, 'utf8').startsWith(command)) continue;
        setPriority(Number(child), priority);
        lowered += 1;
      }
    }
  } catch {
    // A child that left meanwhile, or a /proc without children lists: keep the default priority.
  }
  return lowered;
}
