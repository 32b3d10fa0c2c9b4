import { join, resolve } from 'node:path';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';
import { openDatabase } from '../../electron/db/database';
import { listMembers } from '../../electron/services/members';
import { exportMembers } from '../../electron/services/members-export';
import {
  applyImport,
  closeImport,
  openImport,
  previewImport,
  setImportWorker,
} from '../../electron/services/members-import';
import { generateCpts } from '../generate';
import { ms, time, type BenchRow, type BenchSection } from '../report';

/**
 * Runs `fn` while a 5 ms timer ticks on the event loop: the longest gap between two ticks is how long the main
 * process (and the window, in the app) would have been frozen.
 */
async function withStall<T>(fn: () => Promise<T>): Promise<{ ms: number; stallMs: number; result: T }> {
  let last = performance.now();
  let stallMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 5);
  const start = performance.now();
  try {
    const result = await fn();
    const end = performance.now();
    stallMs = Math.max(stallMs, end - last);
    return { ms: end - start, stallMs, result };
  } finally {
    clearInterval(timer);
  }
}

/** The reading worker from its TypeScript source, through tsx's loader (the app starts the built import-worker.js). */
function workerBootstrap(dir: string): string {
  const path = join(dir, 'import-worker.mjs');
  const tsx = pathToFileURL(resolve('node_modules/tsx/dist/esm/api/index.mjs')).href;
  const worker = pathToFileURL(resolve('electron/services/members-import/worker.ts')).href;
  writeFileSync(path, `import { register } from '${tsx}';\nregister();\nawait import('${worker}');\n`);
  return path;
}

/** Builds an XLSX of `size` members with the real export, then imports it into an empty database. */
async function importRun(size: number, dir: string): Promise<BenchRow[]> {
  const source = await openDatabase({ file: join(dir, `source-${size}.sqlite`) });
  await generateCpts(source.db, { members: Math.round(size / 0.92), years: 2, seed: size }); // about 8 % former members
  const rows = (await listMembers(source.db, '2026-11-23')).filter((row) => row.active);
  const file = join(dir, `adherents-${size}.xlsx`);
  await exportMembers(rows, 'xlsx', file, 2026);
  const colleges = await source.db.selectFrom('college').select(['name', 'voting_right', 'position']).execute();
  await source.close();

  // The CPTS has defined its collèges before importing (an unknown collège is an error of the row).
  const target = await openDatabase({ file: join(dir, `target-${size}.sqlite`) });
  await target.db.insertInto('college').values(colleges).execute();
  try {
    const opened = await withStall(() => openImport(file));
    const preview = await withStall(() => previewImport(target.db, opened.result.token, opened.result.mapping));
    const applied = await withStall(() => applyImport(target.db, opened.result.token, opened.result.mapping));
    // The same file read by the worker thread, as in the app.
    setImportWorker(workerBootstrap(dir));
    const inWorker = await withStall(() => openImport(file)).finally(() => setImportWorker(null));
    closeImport(inWorker.result.token);
    // Applying closes the import: the same file is opened again, as a coordinator would.
    const reopened = await openImport(file);
    const again = await time(() => previewImport(target.db, reopened.token, reopened.mapping));
    closeImport(reopened.token);
    const label = `${rows.length.toLocaleString('fr-FR')} lignes (${Math.round(statSync(file).size / 1024)} Kio)`;
    return [
      {
        measure: `${label} — lecture du fichier (sur place ; plus long blocage : ${ms(opened.stallMs)})`,
        value: ms(opened.ms),
      },
      {
        measure: `${label} — lecture dans le fil d'exécution à part, comme dans l'application (plus long blocage du processus principal)`,
        value: `${ms(inWorker.ms)} (${ms(inWorker.stallMs)})`,
        target: '< 250 ms de blocage',
        ok: inWorker.stallMs < 250,
      },
      {
        measure: `${label} — aperçu (${preview.result.toCreate.length} à créer, ${preview.result.errors.length} en erreur ; plus long blocage : ${ms(preview.stallMs)})`,
        value: ms(preview.ms),
        ...(size === 2_000 ? { target: '< 2 s', ok: opened.ms + preview.ms < 2000 } : {}),
      },
      {
        measure: `${label} — application en une transaction (${applied.result.created} créés ; plus long blocage : ${ms(applied.stallMs)})`,
        value: ms(applied.ms),
      },
      {
        measure: `${label} — nouvel aperçu du même fichier (${again.result.unchanged.length} inchangés, ${again.result.toCreate.length} à créer)`,
        value: ms(again.ms),
      },
    ];
  } finally {
    await target.close();
  }
}

export async function membersImportBench(): Promise<BenchSection> {
  const dir = mkdtempSync(join(tmpdir(), 'maillage-bench-import-'));
  try {
    // The same timer with nothing to do: how late a 5 ms tick comes on this (shared, busy) machine anyway.
    const idle = await withStall(() => new Promise((done) => setTimeout(done, 3_000)));
    const rows = [
      {
        measure: 'Attente à vide de 3 s (retard d’horloge dû à la machine seule, pour lire les blocages ci-dessous)',
        value: ms(idle.stallMs),
      },
      ...(await importRun(2_000, dir)),
      ...(await importRun(20_000, dir)),
    ];
    return {
      title: 'Import XLSX des adhérents',
      notes: [
        'Fichier produit par l’export XLSX de Maillage à partir d’une CPTS générée, importé dans une base vide. La cible « < 2 s » porte sur lecture + aperçu de 2 000 lignes.',
        '« Plus long blocage » : le plus grand écart entre deux tics d’une horloge de 5 ms pendant l’opération, c’est-à-dire le temps le plus long pendant lequel le processus principal (et donc la fenêtre) n’aurait pas répondu. Dans l’application, le fichier est lu dans un fil d’exécution à part (ici lancé depuis sa source TypeScript, d’où une lecture plus lente) ; l’aperçu et l’enregistrement rendent la main toutes les 250 lignes.',
      ],
      rows,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
