import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCrashTest } from '../../tests/helpers/crash';
import { formatInteger } from '@shared/format';
import { ms, stats, type BenchSection } from '../report';

const KILLS = 200;

/**
 * The crash test at full size: 200 SIGKILL at random moments of a process writing through the real handlers
 * (tests/helpers/crash.ts). Figures, not speed: every confirmed write must be found, and the file must stay sound.
 */
export async function crashBench(): Promise<BenchSection> {
  const dir = mkdtempSync(join(tmpdir(), 'maillage-bench-crash-'));
  try {
    const started = performance.now();
    const report = await runCrashTest({ workDir: dir, kills: KILLS, seed: 2026 });
    const kinds: [string, string][] = [
      ['membre', 'créations de membre'],
      ['presence', 'pointages d’arrivée à l’AG'],
      ['resolution', 'résolutions ajoutées'],
      ['vote', 'votes enregistrés'],
      ['import', 'imports de 10 adhérents (CSV)'],
    ];
    return {
      title: 'Test d’arrêt brutal : 200 SIGKILL pendant les écritures',
      notes: [
        'Un processus ouvre la base comme l’application (vérifications comprises) et écrit en boucle par les vrais gestionnaires ; il est tué (SIGKILL) ' +
          'à un moment tiré au hasard entre 0 et 1,5 s après son ouverture. Après chaque arrêt, la base est relue : integrity_check, puis chaque écriture ' +
          'annoncée comme faite (après sa validation), de ce passage et des précédents.',
        `Durée totale : ${Math.round((performance.now() - started) / 60_000)} min.`,
      ],
      rows: [
        {
          measure: 'Arrêts brutaux (SIGKILL)',
          value: formatInteger(report.kills),
          target: '≥ 200',
          ok: report.kills >= KILLS,
        },
        { measure: 'dont arrêts au milieu d’une écriture commencée', value: formatInteger(report.killsDuringWrite) },
        { measure: 'Écritures annoncées comme faites', value: formatInteger(report.confirmed) },
        ...kinds.map(([kind, label]) => ({ measure: `— ${label}`, value: formatInteger(report.byKind[kind] ?? 0) })),
        {
          measure: 'Écritures annoncées retrouvées dans la base',
          value: formatInteger(report.found),
          target: 'toutes',
          ok: report.found === report.confirmed,
        },
        {
          measure: 'Échecs de integrity_check',
          value: formatInteger(report.integrityFailures),
          target: '0',
          ok: report.integrityFailures === 0,
        },
        {
          measure: 'Démarrage du processus tué (modules, ouverture et vérifications de la base) — médiane',
          value: ms(stats(report.openingMs).median),
        },
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
