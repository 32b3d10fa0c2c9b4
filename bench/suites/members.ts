import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { openDatabase } from '../../electron/db/database';
import { createHandlers } from '../../electron/ipc/handlers';
import { invokeChannel } from '../../electron/ipc/invoke';
import { filterMembers } from '@shared/domain/members';
import { memberFiltersSchema } from '@shared/schemas/members';
import { generateCpts } from '../generate';
import { ms, stats, time, type BenchSection } from '../report';

const SEARCHES = [
  'm',
  'ma',
  'mar',
  'martin',
  'martin cam',
  'éloïse',
  'eloise',
  '1000000',
  'grenoble',
  'echirolles',
  'zzz',
];

export async function membersBench(): Promise<BenchSection> {
  const dir = mkdtempSync(join(tmpdir(), 'maillage-bench-'));
  const database = await openDatabase({ file: join(dir, 'bench.sqlite') });
  try {
    const generated = await time(() => generateCpts(database.db, { members: 10_000, years: 15 }));
    const handlers = createHandlers({
      db: database.db,
      appVersion: 'bench',
      databasePath: database.file,
      backupsDir: database.backupsDir,
      documentsDir: join(dir, 'documents'),
      now: () => new Date('2026-11-23T10:00:00'),
      renderPdf: async () => new Uint8Array(),
      chooseSavePath: async () => null,
      chooseOpenPath: async () => null,
      openFile: async () => undefined,
    });
    const list = await time(() => invokeChannel(handlers, 'members.list', undefined));
    const listAgain = await time(() => invokeChannel(handlers, 'members.list', undefined));
    const rows = (list.result as { ok: true; data: Parameters<typeof filterMembers>[0] }).data;
    const payload = JSON.stringify(rows).length;

    const filterSamples: number[] = [];
    for (let round = 0; round < 20; round += 1) {
      for (const search of SEARCHES) {
        const filters = memberFiltersSchema.parse({
          search,
          cotisationYear: 2026,
          cotisationStatus: round % 2 ? 'a_jour' : 'all',
        });
        filterSamples.push((await time(() => filterMembers(rows, filters))).ms);
      }
    }
    const filtering = stats(filterSamples);
    const statsCall = await time(() => invokeChannel(handlers, 'members.stats', { year: 2026 }));
    return {
      title: 'Adhérents : grande CPTS (10 000 membres, 15 ans de cotisations)',
      notes: [
        `Jeu généré : ${generated.result.members.toLocaleString('fr-FR')} membres, ${generated.result.cotisations.toLocaleString('fr-FR')} cotisations.`,
        'La liste est chargée une fois (members.list) puis filtrée dans l’interface par la fonction partagée filterMembers.',
      ],
      rows: [
        { measure: 'Génération et écriture du jeu de données', value: ms(generated.ms) },
        { measure: 'Chargement de la liste via le gestionnaire IPC (premier appel)', value: ms(list.ms) },
        { measure: 'Chargement de la liste (appel suivant)', value: ms(listAgain.ms) },
        { measure: 'Taille de la liste transmise à l’interface', value: `${Math.round(payload / 1024)} Kio` },
        {
          measure: 'Filtrage de 10 000 lignes (recherche + cotisation) — médiane',
          value: ms(filtering.median),
          target: '< 50 ms',
          ok: filtering.median < 50,
        },
        {
          measure: 'Filtrage de 10 000 lignes — 95e centile',
          value: ms(filtering.p95),
          target: '< 50 ms',
          ok: filtering.p95 < 50,
        },
        { measure: 'Chiffres du tableau de bord (members.stats)', value: ms(statsCall.ms) },
      ],
    };
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
