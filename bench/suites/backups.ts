import { join } from 'node:path';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { listBackups, takeBackup } from '../../electron/db/backups';
import { openDatabase } from '../../electron/db/database';
import { LiveDatabase, stageDatabaseFile } from '../../electron/db/restore';
import { stageTransferFile, writeTransferFile } from '../../electron/db/transfer';
import { generateCpts } from '../generate';
import { ms, time, type BenchSection } from '../report';

/** Backups of a large CPTS: copy and check, list, preview, restore and transfer file. */
export async function backupsBench(): Promise<BenchSection> {
  const dir = mkdtempSync(join(tmpdir(), 'maillage-bench-'));
  const database = await openDatabase({ file: join(dir, 'maillage.sqlite') });
  const live = new LiveDatabase(database, (file) => openDatabase({ file }));
  try {
    await generateCpts(database.db, { members: 10_000, years: 15 });
    const size = statSync(database.file).size;
    const backup = await time(() =>
      takeBackup(live.current.sqlite, database.backupsDir, 'manuelle', new Date('2026-12-03T10:00:00Z')),
    );
    for (let day = 1; day <= 9; day += 1)
      await takeBackup(live.current.sqlite, database.backupsDir, 'automatique', new Date(`2026-11-0${day}T08:00:00Z`));
    const list = await time(() => listBackups(database.backupsDir));
    const staged = await time(() => stageDatabaseFile(backup.result.path, join(dir, '.restauration-bench')));
    const restore = await time(() => live.restore(staged.result.staged, { documentsDir: join(dir, 'documents') }));
    const bundle = join(dir, 'transfert.maillage');
    const transfer = await time(() =>
      writeTransferFile({
        sqlite: live.current.sqlite,
        documentsDir: join(dir, 'documents'),
        target: bundle,
        workDir: dir,
        passphrase: 'phrase secrète du banc',
      }),
    );
    const open = await time(() =>
      stageTransferFile(bundle, 'phrase secrète du banc', join(dir, '.restauration-transfert')),
    );
    return {
      title: 'Sauvegardes d’une grande CPTS (10 000 membres, 15 ans de cotisations)',
      notes: [
        `Base de ${Math.round(size / 1024 / 1024)} Mio. Chaque copie est vérifiée par integrity_check ; le résultat est gardé à côté d’elle, la liste ne relit pas les copies.`,
        'Le fichier de transfert est chiffré (scrypt N = 2^15, AES-256-GCM).',
      ],
      rows: [
        { measure: 'Copie de la base et vérification (sauvegarde)', value: ms(backup.ms) },
        { measure: `Liste de ${list.result.length} sauvegardes déjà vérifiées`, value: ms(list.ms) },
        { measure: 'Aperçu avant restauration (copie, vérification, comptes)', value: ms(staged.ms) },
        { measure: 'Restauration (copie « avant restauration », échange, réouverture)', value: ms(restore.ms) },
        { measure: 'Écriture du fichier de transfert chiffré', value: ms(transfer.ms) },
        { measure: 'Ouverture du fichier de transfert (phrase secrète, aperçu)', value: ms(open.ms) },
      ],
    };
  } finally {
    await live.current.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
