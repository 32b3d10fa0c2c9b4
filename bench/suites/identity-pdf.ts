import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../electron/db/database';
import { countPdfPages } from '../../electron/ipc/handlers';
import { loadCommuneReference } from '../../electron/services/communes';
import { saveCptsIdentity } from '../../electron/services/cpts';
import { identitySheetData } from '../../electron/services/reports';
import { addCommunes } from '../../electron/services/territory';
import { renderReport } from '../../electron/pdf/render';
import { cptsIdentitySchema } from '@shared/schemas/cpts';
import { ms, stats, time, type BenchSection } from '../report';

const FONTS_DIR = fileURLToPath(new URL('../../resources/fonts', import.meta.url));

export async function identityPdfBench(): Promise<BenchSection> {
  const dir = mkdtempSync(join(tmpdir(), 'maillage-bench-'));
  const database = await openDatabase({ file: join(dir, 'bench.sqlite') });
  try {
    const codes = loadCommuneReference()
      .communes.filter((commune) => commune.departementCode === '38' && commune.kind === 'commune')
      .slice(0, 60)
      .map((commune) => commune.code);
    await addCommunes(database.db, codes);
    await saveCptsIdentity(
      database.db,
      cptsIdentitySchema.parse({ name: 'CPTS du Nord-Isère (jeu d’essai)', arsRegionCode: '84' }),
      '2026-11-23',
    );
    const data = await identitySheetData(database.db, new Date(), '2026-11-23');

    const first = await time(() => renderReport({ kind: 'identity', data }, { fontsDir: FONTS_DIR }));
    const samples: number[] = [];
    let pdf = first.result;
    for (let run = 0; run < 5; run += 1) {
      const timed = await time(() => renderReport({ kind: 'identity', data }, { fontsDir: FONTS_DIR }));
      samples.push(timed.ms);
      pdf = timed.result;
    }
    const summary = stats(samples);
    return {
      title: 'PDF « Fiche d’identité de la CPTS »',
      notes: [
        `Territoire de ${codes.length} communes de l’Isère ; rendu dans le processus de test (en production : processus utilitaire Electron).`,
      ],
      rows: [
        { measure: 'Premier rendu (polices chargées)', value: ms(first.ms) },
        { measure: 'Rendu — médiane de 5', value: ms(summary.median) },
        { measure: 'Rendu — pire des 5', value: ms(summary.max) },
        { measure: 'Pages', value: String(countPdfPages(pdf)) },
        { measure: 'Taille du fichier', value: `${Math.round(pdf.byteLength / 1024)} Kio` },
      ],
    };
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
