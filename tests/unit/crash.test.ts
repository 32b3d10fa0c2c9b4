import { describe, it, expect, afterEach } from 'vitest';
import { runCrashTest } from '../helpers/crash';
import { tempDir } from '../helpers/db';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('crash test', () => {
  // The 200-kill run with its figures is `npm run bench -- crash`; this is the same harness with a few kills.
  it('a process killed with SIGKILL while it writes leaves a sound file with every write it confirmed', async () => {
    const { dir, cleanup } = tempDir('maillage-crash-');
    cleanups.push(cleanup);
    const report = await runCrashTest({ workDir: dir, kills: 15, seed: 11 });
    expect(report.kills).toBe(15);
    expect(report.integrityFailures).toBe(0);
    expect(report.missing).toEqual([]);
    expect(report.found).toBe(report.confirmed);
    // The children really wrote, of every kind, and some kills landed in the middle of a write.
    for (const kind of ['membre', 'presence', 'resolution', 'vote', 'import'])
      expect(report.byKind[kind] ?? 0).toBeGreaterThan(0);
    expect(report.killsDuringWrite).toBeGreaterThan(0);
  }, 300_000);
});
