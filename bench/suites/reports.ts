/**
 * « rapports »: the yearly documents on five generated years of a taille-3 CPTS (bench/generate-history.ts): the
 * history itself, and a plain-text PDF of the same page size and font, the yardstick of the reports' render times.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createElement, type ReactElement } from 'react';
import { type DocumentProps, renderToBuffer, StyleSheet, Text } from '@react-pdf/renderer';
import { openDatabase } from '../../electron/db/database';
import { countPdfPages } from '../../electron/ipc/handlers';
import { clearStaleGlyphs, registerFonts } from '../../electron/pdf/fonts';
import { ReportDocument, ReportPage } from '../../electron/pdf/layout';
import { colors, fontFamily, fontSizes, textSize } from '../../electron/pdf/components/theme';
import { plural } from '@shared/format';
import { generateCptsHistory } from '../generate-history';
import { type BenchRow, type BenchSection, ms, stats, time } from '../report';

const FONTS_DIR = fileURLToPath(new URL('../../resources/fonts', import.meta.url));

const styles = StyleSheet.create({
  paragraph: { fontFamily, ...textSize(fontSizes.body), color: colors.text, marginBottom: 6 },
});

const SENTENCE =
  'La CPTS a poursuivi ses missions sur le territoire : les professionnels se sont réunis, les actions ont été suivies et les indicateurs mesurés avec la CPAM et l’ARS. ';

/** A report of `paragraphs` paragraphs of plain text on A4 pages with the reports' header, footer and font. */
function plainTextDocument(paragraphs: number): ReactElement<DocumentProps> {
  return createElement(
    ReportDocument,
    { title: 'Texte seul', author: 'Maillage', subject: 'Mesure' },
    createElement(
      ReportPage,
      { cptsName: 'CPTS', reportTitle: 'Texte seul', footer: 'Document de mesure' },
      Array.from({ length: paragraphs }, (_, index) =>
        createElement(Text, { key: index, style: styles.paragraph }, SENTENCE.repeat(4 + (index % 3))),
      ),
    ),
  ) as unknown as ReactElement<DocumentProps>;
}

async function renderPlain(paragraphs: number): Promise<Buffer> {
  registerFonts(FONTS_DIR);
  clearStaleGlyphs();
  return renderToBuffer(plainTextDocument(paragraphs));
}

/** Median of 3 renders after a warm-up, and the page count. */
export async function timedRender(
  render: () => Promise<Buffer | Uint8Array>,
): Promise<{ median: number; pages: number }> {
  await render();
  const samples: number[] = [];
  let pages = 0;
  for (let run = 0; run < 3; run += 1) {
    const timed = await time(render);
    samples.push(timed.ms);
    pages = countPdfPages(Buffer.from(timed.result));
  }
  return { median: stats(samples).median, pages };
}

/**
 * A plain-text PDF of `pages` pages (paragraphs added until it has them): its median render time, the denominator of
 * the « rendu / texte seul » ratio.
 */
export async function plainTextRender(pages: number): Promise<{ median: number; pages: number }> {
  const perPage = 60 / countPdfPages(await renderPlain(60));
  let paragraphs = Math.max(1, Math.round(perPage * (pages - 0.5)));
  for (let tries = 0; tries < 8; tries += 1) {
    const got = countPdfPages(await renderPlain(paragraphs));
    if (got === pages) break;
    const step = Math.round((pages - got) * perPage);
    paragraphs = Math.max(1, paragraphs + (step === 0 ? Math.sign(pages - got) : step));
  }
  return timedRender(() => renderPlain(paragraphs));
}

export async function reportsBench(): Promise<BenchSection> {
  const dir = mkdtempSync(join(tmpdir(), 'maillage-bench-rapports-'));
  const database = await openDatabase({ file: join(dir, 'historique.sqlite') });
  try {
    const db = database.db;
    const generation = await time(() => generateCptsHistory(db, { documentsDir: join(dir, 'documents') }));
    const history = generation.result;
    const rows: BenchRow[] = [
      {
        measure: `Génération de l’histoire (${history.years.length} ans, ${plural(history.activeMembers, 'adhérent')} à la fin, ${plural(history.meetings, 'réunion')}, ${plural(history.indicators, 'indicateur')})`,
        value: ms(generation.ms),
      },
    ];
    const plain = await plainTextRender(40);
    rows.push({
      measure: `PDF de texte seul, même format et même police (${plural(plain.pages, 'page')}) — médiane de 3 rendus`,
      value: ms(plain.median),
    });
    return {
      title: `Documents annuels sur cinq ans d’histoire d’une CPTS de taille 3 (${history.years[0]}–${history.years[history.years.length - 1]})`,
      notes: [
        'Histoire générée par `generateCptsHistory` (graine 1) : territoire, adhérents, réunions, AG, contrat ACI, fiches, indicateurs, justificatifs, protocoles, équipe, logo.',
        'PDF : médiane de 3 rendus après un rendu de chauffe, dans le processus de mesure (en production : processus utilitaire).',
        `Charge de la machine au début des mesures : ${loadavg()[0]!.toFixed(1).replace('.', ',')} (moyenne sur une minute) ; au-dessus du nombre de cœurs, les durées sont allongées d’autant.`,
      ],
      rows,
    };
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
