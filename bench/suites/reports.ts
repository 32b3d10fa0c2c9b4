/**
 * « rapports »: the yearly documents on five generated years of a taille-3 CPTS (bench/generate-history.ts): the
 * history itself; the rapport d'activité of the last year (its data, its PDF, its Word copy); the renewal dossier (data and
 * PDF); the dossier du dialogue de gestion of the last contract year measured (data, PDF, zip of the justificatifs);
 * and a plain-text PDF of the same page size and font, the yardstick of the reports' render times.
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
import { activityReportDocx } from '../../electron/docx/activity-report';
import { renderReport } from '../../electron/pdf/render';
import { activityReportData } from '../../electron/services/activity-report';
import { justificatifsZip, managementDialogueDossier } from '../../electron/services/management-dialogue';
import { getActivityDraft } from '../../electron/services/report-drafts/activity';
import { loadReportImage, loadReportImages } from '../../electron/services/report-drafts/images';
import { renewalDossierData, seedRenewalProposals } from '../../electron/services/renewal';
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
    const now = new Date(`${history.today}T10:00:00`);
    const clock = { now, today: history.today };
    const documentsDir = join(dir, 'documents');
    const year = history.years[history.years.length - 1]!;

    // Rapport d'activité of the last year: its data (images read by the caller, as the app does), its Word copy.
    const draft = await getActivityDraft(db, year);
    const cpts = await db.selectFrom('cpts').select('logo_document_id').executeTakeFirstOrThrow();
    const imageIds = [cpts.logo_document_id, ...draft.photos.map((photo) => photo.documentId)].filter(
      (id): id is number => id !== null,
    );
    const gather = async () =>
      activityReportData(db, { year, draft, images: await loadReportImages(db, documentsDir, imageIds) }, clock);
    await gather(); // warm-up
    const gathers: number[] = [];
    for (let run = 0; run < 5; run += 1) gathers.push((await time(gather)).ms);
    const data = await gather();
    const gathering = stats(gathers);
    rows.push({
      measure: `Rapport d’activité ${year} : données (${plural(data.sections.length, 'partie')}) — médiane de 5`,
      value: ms(gathering.median),
    });
    await activityReportDocx(data); // warm-up
    const docxRuns: number[] = [];
    let docxBytes = 0;
    for (let run = 0; run < 3; run += 1) {
      const timed = await time(() => activityReportDocx(data));
      docxRuns.push(timed.ms);
      docxBytes = timed.result.length;
    }
    const docx = stats(docxRuns).median;
    rows.push({
      measure: `Rapport d’activité ${year} : document Word (${Math.round(docxBytes / 1024)} Kio) — médiane de 3`,
      value: ms(docx),
      target: '< 2 s',
      ok: docx < 2000,
    });

    const activityPdf = await timedRender(() =>
      renderReport({ kind: 'activityReport', data }, { fontsDir: FONTS_DIR }),
    );
    rows.push({
      measure: `Rapport d’activité ${year} : PDF (${plural(activityPdf.pages, 'page')}) — médiane de 3 rendus`,
      value: ms(activityPdf.median),
      target: '< 3 s',
      ok: activityPdf.median < 3000,
    });

    // Renewal dossier of the contract: its data (with the annex seeded from the current indicators), then its PDF.
    const logo = cpts.logo_document_id ? await loadReportImage(db, documentsDir, cpts.logo_document_id) : null;
    const renewalOptions = { ...clock, images: (id: number) => (id === cpts.logo_document_id ? logo : null) };
    const seeded = await seedRenewalProposals(db, history.contractId);
    const renewalRead = await time(() => renewalDossierData(db, history.contractId, renewalOptions));
    const renewalPdf = await timedRender(() =>
      renderReport({ kind: 'renewalDossier', data: renewalRead.result }, { fontsDir: FONTS_DIR }),
    );
    rows.push(
      { measure: 'Dossier de renouvellement : données (cinq années du contrat)', value: ms(renewalRead.ms) },
      {
        measure: `Dossier de renouvellement : données + PDF (${plural(renewalPdf.pages, 'page')}, ${plural(seeded.proposals.length, 'indicateur')} proposés)`,
        value: ms(renewalRead.ms + renewalPdf.median),
        target: '< 6 s',
        ok: renewalRead.ms + renewalPdf.median < 6000,
      },
    );

    // Dossier du dialogue de gestion of the last contract year that has measures.
    const measured = await db
      .selectFrom('indicator_measure')
      .innerJoin('aci_contract_year', 'aci_contract_year.id', 'indicator_measure.contract_year_id')
      .select(['aci_contract_year.id', 'aci_contract_year.year_index'])
      .orderBy('aci_contract_year.year_index', 'desc')
      .executeTakeFirstOrThrow();
    const dossier = await time(() => managementDialogueDossier(db, measured.id, { ...clock, documentsDir }));
    const dialoguePdf = await timedRender(() =>
      renderReport({ kind: 'managementDialogue', data: dossier.result.data }, { fontsDir: FONTS_DIR }),
    );
    const zip = await time(() => justificatifsZip(dossier.result));
    rows.push({
      measure: `Dossier du dialogue de gestion, année ${measured.year_index} du contrat : données + PDF (${plural(dialoguePdf.pages, 'page')}) + zip (${plural(zip.result.files, 'justificatif')}, ${Math.round(zip.result.bytes.length / 1024)} Kio)`,
      value: ms(dossier.ms + dialoguePdf.median + zip.ms),
    });

    // The yardstick: plain text on as many pages as the rapport d'activité.
    const plain = await plainTextRender(activityPdf.pages);
    const ratio = activityPdf.median / plain.median;
    rows.push(
      {
        measure: `PDF de texte seul, même format et même police (${plural(plain.pages, 'page')}) — médiane de 3 rendus`,
        value: ms(plain.median),
      },
      {
        measure: 'Rendu du rapport d’activité / rendu du texte seul au même nombre de pages',
        value: ratio.toFixed(2).replace('.', ','),
        target: '≤ 2',
        ok: ratio <= 2,
      },
    );
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
