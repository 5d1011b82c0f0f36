/**
 * Pagefind runs at the lowest CPU priority while the site renders: the
 * helper finds this process's children by command name and lowers only
 * those.
 */
import { spawn } from 'node:child_process';
import { getPriority } from 'node:os';
import { describe, expect, it } from 'vitest';
import { LOWEST_PRIORITY, lowerChildPriority } from '../../../src/integrations/lowerPriority.ts';

describe('lowerChildPriority', () => {
  it.runIf(process.platform === 'linux')('lowers the named child process and leaves the others alone', async () => {
    const named = spawn('sleep', ['30']);
    const other = spawn('tail', ['-f', '/dev/null']);
    try {
      // Wait until both have replaced the forked Node image with their own command.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(lowerChildPriority('sleep')).toBe(1);
      expect(getPriority(named.pid)).toBe(LOWEST_PRIORITY);
      expect(getPriority(other.pid)).toBe(getPriority());
      expect(lowerChildPriority('no-such-command')).toBe(0);
    } finally {
      named.kill();
      other.kill();
    }
  });
});
