import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import type { DB } from '../../electron/db/schema';
import { countPdfPages } from '../../electron/ipc/handlers';
import { renderReport } from '../../electron/pdf/render';
import { protocolRegisterReportData } from '../../electron/services/report-exports-protocols';
import { plural } from '@shared/format';
import { type BenchRow, ms, stats, time } from '../report';

const FONTS_DIR = fileURLToPath(new URL('../../resources/fonts', import.meta.url));

/**
 * The « Registre des protocoles » of a year of the generated library: reading its data (the library's list and the
 * year's uses), then rendering its PDF (in the measuring process; in production, the PDF utility process).
 */
export async function registerPdfMeasures({
  db,
  library,
  today,
}: {
  db: Kysely<DB>;
  library: { years: readonly number[] };
  today: string;
}): Promise<BenchRow[]> {
  const year = library.years[library.years.length - 1]!;
  const read = () => protocolRegisterReportData(db, year, new Date(), today);
  await read(); // warm-up
  const reads: number[] = [];
  for (let run = 0; run < 10; run += 1) reads.push((await time(read)).ms);
  const data = await read();
  await renderReport({ kind: 'protocolRegister', data }, { fontsDir: FONTS_DIR }); // warm-up
  const renders: number[] = [];
  let pages = 0;
  for (let run = 0; run < 3; run += 1) {
    const timed = await time(() => renderReport({ kind: 'protocolRegister', data }, { fontsDir: FONTS_DIR }));
    renders.push(timed.ms);
    pages = countPdfPages(timed.result);
  }
  const reading = stats(reads);
  const pdf = stats(renders);
  const protocols = data.groups.reduce((sum, group) => sum + group.lines.length, 0);
  return [
    {
      measure: `Données du registre des protocoles ${year} (${plural(protocols, 'protocole')}, ${plural(data.totals.uses, 'utilisation')}) — médiane de 10`,
      value: ms(reading.median),
      target: '< 200 ms',
      ok: reading.median < 200,
    },
    {
      measure: `PDF « Registre des protocoles » ${year} (${plural(pages, 'page')}) — médiane de 3 rendus`,
      value: ms(pdf.median),
      target: '< 2 s',
      ok: pdf.median < 2000,
    },
  ];
}
