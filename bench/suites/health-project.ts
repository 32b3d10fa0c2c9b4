import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../electron/db/database';
import { countPdfPages } from '../../electron/ipc/handlers';
import { renderReport } from '../../electron/pdf/render';
import { trackingTable } from '../../electron/services/indicators';
import { indicatorsTrackingData } from '../../electron/services/tracking-export';
import { launchApp } from '../../tests/e2e/harness';
import { generateCpts } from '../generate';
import { generateHealthProject } from '../generate-health-project';
import { ms, stats, time, type BenchSection } from '../report';

const FONTS_DIR = fileURLToPath(new URL('../../resources/fonts', import.meta.url));

/**
 * The projet de santé of a taille-3 CPTS: a five-year contract, 6 missions × 8 indicators × 5 years with their
 * targets and four years of measures, 60 fiches actions. Recomputes the whole tableau de suivi (every contract year),
 * renders its PDF for one year, and opens the « Projet de santé » area in the real renderer (Chromium, real handlers).
 */
export async function healthProjectBench(): Promise<BenchSection> {
  const dir = mkdtempSync(join(tmpdir(), 'maillage-bench-projet-'));
  const database = await openDatabase({ file: join(dir, 'bench.sqlite') });
  try {
    await generateCpts(database.db, { members: 400, years: 5 });
    const project = await generateHealthProject(database.db, { indicatorsPerMission: 8, fiches: 60 });
    const wholeContract = async () => {
      for (const yearId of project.yearIds) await trackingTable(database.db, yearId);
    };
    await wholeContract(); // warm-up
    const oneYear: number[] = [];
    const allYears: number[] = [];
    for (let run = 0; run < 20; run += 1) {
      oneYear.push((await time(() => trackingTable(database.db, project.yearIds[2]!))).ms);
      allYears.push((await time(wholeContract)).ms);
    }
    const year = stats(oneYear);
    const contract = stats(allYears);

    const data = await indicatorsTrackingData(database.db, project.yearIds[2]!, new Date(), '2024-11-15');
    await renderReport({ kind: 'indicatorsTracking', data }, { fontsDir: FONTS_DIR }); // warm-up
    const renders: number[] = [];
    let pages = 0;
    for (let run = 0; run < 3; run += 1) {
      const timed = await time(() => renderReport({ kind: 'indicatorsTracking', data }, { fontsDir: FONTS_DIR }));
      renders.push(timed.ms);
      pages = countPdfPages(timed.result);
    }
    const pdf = stats(renders);
    await database.close();

    // Opening the area: from the click on « Projet de santé » to the missions of the current year on screen.
    const app = await launchApp({ dbFile: join(dir, 'bench.sqlite'), now: () => new Date('2024-11-15T10:00:00') });
    const opens: number[] = [];
    try {
      for (let run = 0; run < 5; run += 1) {
        await app.page.getByRole('link', { name: 'Tableau de bord' }).click();
        await app.page.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor();
        const timed = await time(async () => {
          await app.page.getByRole('link', { name: 'Projet de santé' }).click();
          await app.page.getByRole('heading', { level: 2, name: 'Amélioration de l’accès aux soins' }).waitFor();
          await app.page.getByRole('button', { name: 'Tableau de suivi (PDF)' }).waitFor();
        });
        opens.push(timed.ms);
      }
    } finally {
      await app.close();
    }
    const open = stats(opens);
    return {
      title: 'Projet de santé : tableau de suivi des indicateurs',
      notes: [
        `Contrat de 5 ans, ${project.indicators} indicateurs (6 missions × 8), ${project.targets} cibles, ${project.measures} mesures, ${project.fiches} fiches actions, 400 adhérents ; tableau de suivi : médiane de 20 calculs après un calcul de chauffe ; PDF rendu dans le processus de mesure (en production : processus utilitaire) ; ouverture mesurée dans Chromium sur l’interface construite (\`npm run build\`).`,
      ],
      rows: [
        {
          measure: 'Tableau de suivi d’une année de contrat (48 indicateurs) — médiane',
          value: ms(year.median),
          target: '< 50 ms',
          ok: year.median < 50,
        },
        {
          measure: 'Tableau de suivi des cinq années du contrat — médiane',
          value: ms(contract.median),
          target: '< 50 ms',
          ok: contract.median < 50,
        },
        { measure: 'Tableau de suivi des cinq années — pire cas', value: ms(contract.max) },
        {
          measure: `PDF « Tableau de suivi » d’une année (${pages} pages) — médiane de 3 rendus`,
          value: ms(pdf.median),
          target: '< 2 s',
          ok: pdf.median < 2000,
        },
        {
          measure: 'Ouverture de l’espace Projet de santé (clic → missions de l’année affichées) — médiane de 5',
          value: ms(open.median),
          target: '< 1 s',
          ok: open.median < 1000,
        },
        { measure: 'Ouverture de l’espace — pire cas', value: ms(open.max) },
      ],
    };
  } finally {
    await database.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}
