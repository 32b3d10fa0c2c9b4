import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../electron/db/database';
import { countPdfPages } from '../../electron/ipc/handlers';
import { renderReport } from '../../electron/pdf/render';
import { membersListData } from '../../electron/services/reports';
import { generateCpts } from '../generate';
import { ms, stats, time, type BenchSection } from '../report';

const FONTS_DIR = fileURLToPath(new URL('../../resources/fonts', import.meta.url));

async function renderList(size: number, dir: string) {
  const database = await openDatabase({ file: join(dir, `pdf-${size}.sqlite`) });
  try {
    await generateCpts(database.db, { members: Math.round(size / 0.92), years: 1, seed: 7 }); // about 8 % former members
    const data = await membersListData(
      database.db,
      { groupBy: 'profession', audience: 'bureau' },
      new Date(),
      '2026-11-23',
    );
    const samples: number[] = [];
    let pages = 0;
    await renderReport({ kind: 'membersList', data }, { fontsDir: FONTS_DIR }); // warm-up
    for (let run = 0; run < 3; run += 1) {
      const timed = await time(() => renderReport({ kind: 'membersList', data }, { fontsDir: FONTS_DIR }));
      samples.push(timed.ms);
      pages = countPdfPages(timed.result);
    }
    return { count: data.totalCount, median: stats(samples).median, pages };
  } finally {
    await database.close();
  }
}

export async function membersPdfBench(): Promise<BenchSection> {
  const dir = mkdtempSync(join(tmpdir(), 'maillage-bench-pdf-'));
  try {
    const small = await renderList(2_000, dir);
    const large = await renderList(4_000, dir);
    const ratio = large.median / small.median;
    const perMember = (value: { count: number; median: number }) => value.median / value.count;
    const normalisedRatio = (perMember(large) / perMember(small)) * 2;
    return {
      title: 'PDF « Liste des adhérents » (version bureau, par profession)',
      notes: [
        'Médiane de 3 rendus après un rendu de chauffe, dans le processus de mesure (en production : processus utilitaire).',
      ],
      rows: [
        {
          measure: `${small.count.toLocaleString('fr-FR')} adhérents (${small.pages} pages)`,
          value: ms(small.median),
          target: '< 5 s',
          ok: small.median < 5000,
        },
        { measure: `${large.count.toLocaleString('fr-FR')} adhérents (${large.pages} pages)`, value: ms(large.median) },
        {
          measure: 'Rapport des durées (4 000 / 2 000)',
          value: ratio.toFixed(2).replace('.', ','),
          target: '< 2,5',
          ok: ratio < 2.5,
        },
        {
          measure: 'Même rapport ramené à exactement deux fois plus de membres',
          value: normalisedRatio.toFixed(2).replace('.', ','),
        },
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
