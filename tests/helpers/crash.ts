/**
 * Crash test: a child process (tests/helpers/crash-writer.ts) writes through the real handlers and is killed with
 * SIGKILL at random moments; after each kill the file must pass `integrity_check` and hold every write the child
 * reported as done. Used by tests/unit/crash.test.ts (a few kills) and `npm run bench -- crash` (200 kills).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { openDatabase } from '../../electron/db/database';
import { createHandlers } from '../../electron/ipc/handlers';
import { invokeChannel } from '../../electron/ipc/invoke';
import type { Channel, ChannelInput, ChannelOutput } from '@shared/contract';
import { seedAssembly } from '../fixtures/ag-seed';

const ROOT = resolve(import.meta.dirname, '../..');
const WRITER = join(ROOT, 'tests/helpers/crash-writer.ts');
const AG_DATE = '2026-06-18';

export interface CrashReport {
  kills: number;
  /** Kills that landed between the start of a write and its confirmation. */
  killsDuringWrite: number;
  confirmed: number;
  found: number;
  integrityFailures: number;
  /** Confirmed writes missing from the file after a kill, described. */
  missing: string[];
  byKind: Record<string, number>;
  /** Median time from the child's start to its first write, ms (the app's opening, checks included). */
  openingMs: number[];
}

/** A CPTS with an AG on 2026-06-18, its nine voters checked in (quorum met), in `file`. */
export async function prepareCrashDatabase(file: string): Promise<void> {
  const database = await openDatabase({ file });
  const handlers = createHandlers({
    db: database.db,
    appVersion: 'crash',
    databasePath: file,
    backupsDir: database.backupsDir,
    documentsDir: join(file, '..', 'documents'),
    now: () => new Date(`${AG_DATE}T18:40:00`),
    renderPdf: async () => new Uint8Array(),
    chooseSavePath: async () => null,
    chooseOpenPath: async () => null,
    openFile: async () => undefined,
  });
  const ok = async <C extends Channel>(channel: C, input?: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const result = await invokeChannel(handlers, channel, input);
    if (!result.ok) throw new Error(`${channel} : ${result.error.message}`);
    return result.data as ChannelOutput<C>;
  };
  const seed = await seedAssembly(ok, { date: AG_DATE });
  const state = await ok('ag.get', { meetingId: seed.meetingId });
  for (const voter of state.voters)
    await ok('ag.setPresence', { meetingId: seed.meetingId, memberId: voter.id, present: true });
  await database.close();
}

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface RunOutcome {
  lines: string[];
  openingMs: number;
}

/** Starts the writer, lets it write for `delayMs` after it is ready, then SIGKILL. */
function runAndKill(writer: string, file: string, run: number, workDir: string, delayMs: number): Promise<RunOutcome> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [writer, file, String(run), workDir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buffer = '';
    let stderr = '';
    let openingMs = 0;
    let killed = false;
    const lines: string[] = [];
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      const parts = buffer.split('\n');
      buffer = parts.pop()!;
      for (const line of parts) {
        if (line === 'pret') {
          openingMs = performance.now() - started;
          setTimeout(() => {
            killed = true;
            child.kill('SIGKILL');
          }, delayMs);
        } else lines.push(line);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', () => {
      if (!killed) reject(new Error(`Le processus d'écriture s'est arrêté seul (passage ${run}) :\n${stderr}`));
      else resolvePromise({ lines, openingMs });
    });
  });
}

/** Checks the confirmed writes `done` (`= kind …` lines, without the `= `) against the file. */
function verify(file: string, meetingId: number, done: string[]): { integrity: string; missing: string[] } {
  const sqlite = new Database(file);
  try {
    const integrity = String(sqlite.pragma('integrity_check', { simple: true }));
    const missing: string[] = [];
    const member = sqlite.prepare("SELECT 1 FROM member WHERE id = ? AND last_name LIKE 'Crash %'");
    const presence = sqlite.prepare('SELECT present FROM ag_presence WHERE meeting_id = ? AND member_id = ?');
    const resolution = sqlite.prepare(
      'SELECT votes_pour, votes_contre FROM resolution WHERE id = ? AND meeting_id = ?',
    );
    const imported = sqlite.prepare('SELECT count(*) AS n FROM member WHERE last_name LIKE ?');
    for (const line of done) {
      const [kind, a, b, c] = line.split(' ');
      let there = false;
      if (kind === 'membre') there = member.get(Number(a)) !== undefined;
      else if (kind === 'presence')
        there = (presence.get(meetingId, Number(a)) as { present: number } | undefined)?.present === 1;
      else if (kind === 'resolution') there = resolution.get(Number(a), meetingId) !== undefined;
      else if (kind === 'vote') {
        const row = resolution.get(Number(a), meetingId) as
          | { votes_pour: number | null; votes_contre: number | null }
          | undefined;
        there = row?.votes_pour === Number(b) && row?.votes_contre === Number(c);
      } else if (kind === 'import') there = (imported.get(`Import ${a}-%`) as { n: number }).n === Number(b);
      if (!there) missing.push(line);
    }
    return { integrity, missing };
  } finally {
    sqlite.close();
  }
}

/**
 * The writer bundled into one plain JS file (packages left to node_modules): starting it through tsx costs seconds of
 * transpiling on a busy machine, which would leave little time to write between two kills. Under tests/.tmp so that
 * its imports resolve to the repository's node_modules.
 */
async function buildWriter(): Promise<{ path: string; remove: () => void }> {
  const dir = join(ROOT, 'tests/.tmp');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `crash-writer-${process.pid}-${Date.now()}.mjs`);
  await build({
    entryPoints: [WRITER],
    outfile: path,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  return { path, remove: () => rmSync(path, { force: true }) };
}

/** Prepares a database in `workDir`, then `kills` runs of write-and-SIGKILL, each followed by the checks. */
export async function runCrashTest(options: {
  workDir: string;
  kills: number;
  seed?: number;
  maxDelayMs?: number;
}): Promise<CrashReport> {
  const file = join(options.workDir, 'maillage.sqlite');
  await prepareCrashDatabase(file);
  const meetingId = (() => {
    const sqlite = new Database(file, { readonly: true });
    const row = sqlite.prepare("SELECT id FROM meeting WHERE type = 'ago' ORDER BY id").get() as { id: number };
    sqlite.close();
    return row.id;
  })();
  const next = random(options.seed ?? 7);
  const maxDelay = options.maxDelayMs ?? 1500;
  const report: CrashReport = {
    kills: 0,
    killsDuringWrite: 0,
    confirmed: 0,
    found: 0,
    integrityFailures: 0,
    missing: [],
    byKind: {},
    openingMs: [],
  };
  const done: string[] = [];
  const missing = new Set<string>();
  const writer = await buildWriter();
  try {
    for (let run = 0; run < options.kills; run += 1) {
      const outcome = await runAndKill(writer.path, file, run, options.workDir, Math.floor(next() * maxDelay));
      report.kills += 1;
      report.openingMs.push(outcome.openingMs);
      if (outcome.lines.at(-1)?.startsWith('> ')) report.killsDuringWrite += 1;
      for (const line of outcome.lines) {
        if (!line.startsWith('= ')) continue;
        done.push(line.slice(2));
        const kind = line.split(' ')[1]!;
        report.byKind[kind] = (report.byKind[kind] ?? 0) + 1;
      }
      // Every write confirmed so far, this run's and the earlier ones', must still be there.
      const checked = verify(file, meetingId, done);
      if (checked.integrity !== 'ok') report.integrityFailures += 1;
      for (const line of checked.missing) missing.add(line);
    }
  } finally {
    writer.remove();
  }
  report.missing = [...missing];
  report.confirmed = done.length;
  report.found = done.length - report.missing.length;
  return report;
}
