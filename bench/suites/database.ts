import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../electron/db/database';
import { createHandlers } from '../../electron/ipc/handlers';
import { invokeChannel } from '../../electron/ipc/invoke';
import { prepareCrashDatabase } from '../../tests/helpers/crash';
import { generateCpts } from '../generate';
import { ms, stats, time, type BenchSection, type BenchRow } from '../report';

const SMALL_WRITES = 1_000;
const CHECK_INS = 300;

/** 1 000 one-row transactions (an audit line each), as the small writes of a working day. */
function smallWrites(sqlite: Database.Database): number[] {
  const insert = sqlite.prepare(
    "INSERT INTO audit_log (action, entity, entity_id, detail) VALUES ('bench', 'member', ?, 'écriture courte')",
  );
  const samples: number[] = [];
  for (let index = 0; index < SMALL_WRITES; index += 1) {
    const start = performance.now();
    insert.run(String(index));
    samples.push(performance.now() - start);
  }
  return samples;
}

/** Check-ins through the real handler (write + whole assembly state recomputed), as on the AG evening. */
async function checkIns(file: string, synchronous: 'NORMAL' | 'FULL'): Promise<number[]> {
  const database = await openDatabase({ file });
  database.sqlite.pragma(`synchronous = ${synchronous}`);
  const handlers = createHandlers({
    db: database.db,
    appVersion: 'bench',
    databasePath: file,
    backupsDir: database.backupsDir,
    documentsDir: join(file, '..', 'documents'),
    now: () => new Date('2026-06-18T19:00:00'),
    renderPdf: async () => new Uint8Array(),
    chooseSavePath: async () => null,
    chooseOpenPath: async () => null,
    openFile: async () => undefined,
  });
  const meeting = await database.db
    .selectFrom('meeting')
    .select('id')
    .where('type', '=', 'ago')
    .executeTakeFirstOrThrow();
  const college = await database.db
    .selectFrom('college')
    .select('id')
    .where('voting_right', '=', 'deliberative')
    .executeTakeFirstOrThrow();
  const memberIds: number[] = [];
  for (let index = 0; index < CHECK_INS; index += 1) {
    const inserted = await database.db
      .insertInto('member')
      .values({ kind: 'person', last_name: `Arrivant ${synchronous} ${index}`, college_id: college.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    memberIds.push(inserted.id);
  }
  const samples: number[] = [];
  for (const memberId of memberIds) {
    const timed = await time(() =>
      invokeChannel(handlers, 'ag.setPresence', { meetingId: meeting.id, memberId, present: true }),
    );
    if (!timed.result.ok) throw new Error(timed.result.error.message);
    samples.push(timed.ms);
  }
  await database.close();
  return samples;
}

/**
 * synchronous=NORMAL against FULL in WAL mode: NORMAL may lose the last commits on a power cut (never on a crash of
 * the app), FULL syncs the WAL at every commit. And the checks made at every opening, on a large CPTS.
 */
export async function databaseBench(): Promise<BenchSection> {
  const dir = mkdtempSync(join(tmpdir(), 'maillage-bench-db-'));
  const rows: BenchRow[] = [];
  try {
    const medians: Record<string, number> = {};
    for (const synchronous of ['NORMAL', 'FULL'] as const) {
      const database = await openDatabase({ file: join(dir, `ecritures-${synchronous}.sqlite`) });
      database.sqlite.pragma(`synchronous = ${synchronous}`);
      smallWrites(database.sqlite); // warm-up: file grown, statements prepared
      const summary = stats(smallWrites(database.sqlite));
      await database.close();
      medians[synchronous] = summary.median;
      rows.push({
        measure: `${SMALL_WRITES} écritures d'une ligne, synchronous=${synchronous} — médiane`,
        value: ms(summary.median),
      });
      rows.push({
        measure: `${SMALL_WRITES} écritures d'une ligne, synchronous=${synchronous} — 95e centile`,
        value: ms(summary.p95),
      });
    }
    for (const synchronous of ['NORMAL', 'FULL'] as const) {
      const file = join(dir, `pointage-${synchronous}.sqlite`);
      await prepareCrashDatabase(file);
      const summary = stats(await checkIns(file, synchronous));
      rows.push({
        measure: `Pointage d'une arrivée à l'AG (gestionnaire réel), synchronous=${synchronous} — médiane`,
        value: ms(summary.median),
        ...(synchronous === 'FULL' ? { target: '< 50 ms', ok: summary.median < 50 } : {}),
      });
      rows.push({ measure: `Pointage, synchronous=${synchronous} — 95e centile`, value: ms(summary.p95) });
    }

    const large = join(dir, 'grande.sqlite');
    const seeded = await openDatabase({ file: large });
    const generated = await generateCpts(seeded.db, { members: 10_000, years: 15, seed: 3 });
    await seeded.close();
    const sizeMiB = statSync(large).size / 2 ** 20;
    const check = new Database(large, { readonly: true });
    const quickCheck = await time(() => check.pragma('quick_check', { simple: true }));
    check.close();
    const opening: number[] = [];
    for (let run = 0; run < 5; run += 1) {
      const timed = await time(() => openDatabase({ file: large }));
      opening.push(timed.ms);
      await timed.result.close();
    }
    rows.push({
      measure: `quick_check d'une base de ${generated.members.toLocaleString('fr-FR')} membres (${sizeMiB.toFixed(1).replace('.', ',')} Mio)`,
      value: ms(quickCheck.ms),
    });
    rows.push({
      measure: 'Ouverture complète de cette base (vérifications comprises) — médiane de 5',
      value: ms(stats(opening).median),
      target: '< 1 000 ms',
      ok: stats(opening).median < 1000,
    });

    const cost = medians.FULL! - medians.NORMAL!;
    return {
      title: 'Base de données : écriture sur disque et vérifications à l’ouverture',
      notes: [
        `Mode WAL, fichier sur le disque de la machine de mesure. synchronous=FULL coûte ${ms(Math.max(0, cost))} de plus par écriture courte (médiane) : ` +
          'c’est le prix pour qu’une coupure de courant n’annule pas un vote ou un pointage que l’écran a montré comme enregistré. Maillage ouvre la base en FULL.',
        'À chaque ouverture : droits d’écriture, en-tête SQLite, quick_check, tables d’un autre programme, version, verrou d’un autre processus.',
      ],
      rows,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
