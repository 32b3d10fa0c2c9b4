import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { loadCommuneReference, searchCommunes } from '../../electron/services/communes';
import { createHandlers } from '../../electron/ipc/handlers';
import { invokeChannel } from '../../electron/ipc/invoke';
import { openDatabase } from '../../electron/db/database';
import { ms, stats, time, type BenchSection } from '../report';

const QUERIES = [
  's',
  'sa',
  'sai',
  'saint',
  'saint martin',
  "saint-martin-d'hères",
  'st martin d heres',
  'eyb',
  'poisat',
  'le',
  'ville',
  'sur',
  '38',
  '384',
  '38400',
  '2A004',
  'marseille',
  'bourg en bresse',
  'zzz',
  'é',
];

export async function territoryBench(): Promise<BenchSection> {
  const load = await time(() => loadCommuneReference());
  const reference = load.result;
  const count = reference.communes.filter((commune) => commune.kind === 'commune').length;

  // Warm up, then measure every query many times.
  for (const query of QUERIES) searchCommunes(query, 20, reference);
  const samples: number[] = [];
  for (let round = 0; round < 25; round += 1) {
    for (const query of QUERIES) samples.push((await time(() => searchCommunes(query, 20, reference))).ms);
  }
  const service = stats(samples);

  // The same through the real IPC handler (zod validation + database read of the territory).
  const dir = mkdtempSync(join(tmpdir(), 'maillage-bench-'));
  const database = await openDatabase({ file: join(dir, 'bench.sqlite') });
  const handlers = createHandlers({
    db: database.db,
    appVersion: 'bench',
    databasePath: database.file,
    backupsDir: database.backupsDir,
    documentsDir: join(dir, 'documents'),
    now: () => new Date(),
    renderPdf: async () => new Uint8Array(),
    chooseSavePath: async () => null,
    chooseOpenPath: async () => null,
    openFile: async () => undefined,
  });
  await invokeChannel(handlers, 'territory.addCommunes', { codes: ['38421', '38309', '38158'] });
  const ipcSamples: number[] = [];
  for (let round = 0; round < 10; round += 1) {
    for (const query of QUERIES)
      ipcSamples.push((await time(() => invokeChannel(handlers, 'communes.search', { query, limit: 20 }))).ms);
  }
  const ipc = stats(ipcSamples);
  await database.close();
  rmSync(dir, { recursive: true, force: true });

  return {
    title: 'Recherche de communes',
    notes: [
      `${count.toLocaleString('fr-FR')} communes (plus les arrondissements municipaux), ${QUERIES.length} requêtes variées (nom, début de nom, code INSEE, code postal), 20 résultats au plus.`,
    ],
    rows: [
      { measure: 'Chargement du référentiel (une fois par lancement)', value: ms(load.ms) },
      {
        measure: 'Recherche, service seul — médiane',
        value: ms(service.median),
        target: '< 30 ms',
        ok: service.median < 30,
      },
      {
        measure: 'Recherche, service seul — 95e centile',
        value: ms(service.p95),
        target: '< 30 ms',
        ok: service.p95 < 30,
      },
      { measure: 'Recherche, service seul — pire cas', value: ms(service.max) },
      {
        measure: 'Recherche via le gestionnaire IPC réel — médiane',
        value: ms(ipc.median),
        target: '< 30 ms',
        ok: ipc.median < 30,
      },
      {
        measure: 'Recherche via le gestionnaire IPC réel — 95e centile',
        value: ms(ipc.p95),
        target: '< 30 ms',
        ok: ipc.p95 < 30,
      },
    ],
  };
}
