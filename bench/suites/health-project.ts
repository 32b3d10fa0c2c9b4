import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { openDatabase } from '../../electron/db/database';
import { trackingTable } from '../../electron/services/indicators';
import { generateCpts } from '../generate';
import { generateHealthProject } from '../generate-health-project';
import { ms, stats, time, type BenchSection } from '../report';

/**
 * The projet de santé of a taille-3 CPTS: a five-year contract, 6 missions × 8 indicators × 5 years with their
 * targets and four years of measures, 60 fiches actions. Recomputes the whole tableau de suivi (every contract year).
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
    return {
      title: 'Projet de santé : tableau de suivi des indicateurs',
      notes: [
        `Contrat de 5 ans, ${project.indicators} indicateurs (6 missions × 8), ${project.targets} cibles, ${project.measures} mesures, ${project.fiches} fiches actions ; médiane de 20 calculs après un calcul de chauffe.`,
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
      ],
    };
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
