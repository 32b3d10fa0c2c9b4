import { join } from 'node:path';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { openDatabase } from '../../electron/db/database';
import { listMembers } from '../../electron/services/members';
import { exportMembers } from '../../electron/services/members-export';
import { applyImport, closeImport, openImport, previewImport } from '../../electron/services/members-import';
import { generateCpts } from '../generate';
import { ms, time, type BenchRow, type BenchSection } from '../report';

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
    const opened = await time(() => openImport(file));
    const preview = await time(() => previewImport(target.db, opened.result.token, opened.result.mapping));
    const applied = await time(() => applyImport(target.db, opened.result.token, opened.result.mapping));
    // Applying closes the import: the same file is opened again, as a coordinator would.
    const reopened = await openImport(file);
    const again = await time(() => previewImport(target.db, reopened.token, reopened.mapping));
    closeImport(reopened.token);
    const label = `${rows.length.toLocaleString('fr-FR')} lignes (${Math.round(statSync(file).size / 1024)} Kio)`;
    return [
      { measure: `${label} — lecture du fichier`, value: ms(opened.ms) },
      {
        measure: `${label} — aperçu (${preview.result.toCreate.length} à créer, ${preview.result.errors.length} en erreur)`,
        value: ms(preview.ms),
        ...(size === 2_000 ? { target: '< 2 s', ok: opened.ms + preview.ms < 2000 } : {}),
      },
      { measure: `${label} — application en une transaction (${applied.result.created} créés)`, value: ms(applied.ms) },
      { measure: `${label} — nouvel aperçu du même fichier (${again.result.unchanged.length} inchangés, ${again.result.toCreate.length} à créer)`, value: ms(again.ms) },
    ];
  } finally {
    await target.close();
  }
}

export async function membersImportBench(): Promise<BenchSection> {
  const dir = mkdtempSync(join(tmpdir(), 'maillage-bench-import-'));
  try {
    const rows = [...(await importRun(2_000, dir)), ...(await importRun(20_000, dir))];
    return {
      title: 'Import XLSX des adhérents',
      notes: ['Fichier produit par l’export XLSX de Maillage à partir d’une CPTS générée, importé dans une base vide. La cible « < 2 s » porte sur lecture + aperçu de 2 000 lignes.'],
      rows,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
