import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Kysely } from 'kysely';
import { openDatabase } from '../../electron/db/database';
import type { DB } from '../../electron/db/schema';
import { declarationsOwed } from '../../electron/services/protocols/declarations';
import { yearlyUseStats } from '../../electron/services/protocols/stats';
import { generateCpts } from '../generate';
import { generateProtocols, type ProtocolLibrary } from '../generate-protocols';
import { type BenchRow, type BenchSection, ms, stats, time } from '../report';
import { registerPdfMeasures } from './protocols-register-pdf';

/** What each measure of the suite works on: the generated library in an open database file. */
export interface ProtocolsBenchContext {
  db: Kysely<DB>;
  dir: string;
  library: ProtocolLibrary;
  /** The bench's « today ». */
  today: string;
}

/** The median of `runs` timings after one warm-up run. */
async function median(runs: number, fn: () => Promise<unknown>) {
  await fn();
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) samples.push((await time(fn)).ms);
  return stats(samples);
}

/** Yearly statistics of the use log: all protocols together (the register, the ARS indicators), and one protocol. */
async function useStatsMeasures({ db, library }: ProtocolsBenchContext): Promise<BenchRow[]> {
  const year = library.years[1]!;
  const all = await median(20, () => yearlyUseStats(db, year));
  const one = await median(20, () => yearlyUseStats(db, year, library.protocolIds[3]!));
  const figures = await yearlyUseStats(db, year);
  return [
    {
      measure: `Statistiques annuelles des utilisations, tous protocoles (${year} : ${figures.totals.uses} utilisations, ${figures.protocols.length} protocoles) — médiane de 20`,
      value: ms(all.median),
      target: '< 50 ms',
      ok: all.median < 50,
    },
    { measure: 'Statistiques annuelles, tous protocoles — pire cas', value: ms(all.max) },
    { measure: 'Statistiques annuelles d’un protocole — médiane de 20', value: ms(one.median) },
  ];
}

/** Cooperation protocols owing the ARS a declaration (the dashboard's reminder). */
async function declarationsMeasures({ db, today }: ProtocolsBenchContext): Promise<BenchRow[]> {
  const owed = await median(20, () => declarationsOwed(db, today));
  const count = (await declarationsOwed(db, today)).length;
  return [
    {
      measure: `Déclarations à l’ARS dues (${count} protocoles) — médiane de 20`,
      value: ms(owed.median),
    },
  ];
}

/** The measures of the suite, in order; a new one (a PDF of the library…) is one more function here. */
export const PROTOCOLS_MEASURES: ((context: ProtocolsBenchContext) => Promise<BenchRow[]>)[] = [
  useStatsMeasures,
  declarationsMeasures,
  registerPdfMeasures,
];

/**
 * A library of 80 protocols × 3 versions (the last in force, the older ones superseded) with their teams, ARS
 * declarations and 5 000 uses over three years, in a CPTS of 400 members.
 */
export async function protocolsBench(): Promise<BenchSection> {
  const dir = mkdtempSync(join(tmpdir(), 'maillage-bench-protocoles-'));
  const database = await openDatabase({ file: join(dir, 'bench.sqlite') });
  try {
    await generateCpts(database.db, { members: 400, years: 6 });
    const generated = await time(() =>
      generateProtocols(database.db, { protocols: 80, versionsPerProtocol: 3, uses: 5000 }),
    );
    const library = generated.result;
    const context: ProtocolsBenchContext = { db: database.db, dir, library, today: '2026-11-23' };
    const rows: BenchRow[] = [];
    for (const measure of PROTOCOLS_MEASURES) rows.push(...(await measure(context)));
    return {
      title: 'Bibliothèque des protocoles : statistiques des utilisations et registre',
      notes: [
        `${library.protocolIds.length} protocoles, ${library.versions} versions, ${library.teamMembers} membres d’équipe, ${library.declarations} déclarations à l’ARS, ${library.uses} utilisations sur ${library.years.join(', ')}, 400 adhérents ; bibliothèque générée en ${ms(generated.ms)} ; chaque mesure est la médiane de 20 appels après un appel de chauffe.`,
      ],
      rows,
    };
  } finally {
    await database.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}
