/**
 * The rapport d’activité as an editable Word document, from the same `ActivityReportData` as the PDF and in the
 * same outline: cover (logo, CPTS, year), introduction, faits marquants, table of contents (a Word field, filled
 * when Word opens the file), the numbered sections the coordinator kept, then the annexes. The CPTS edits it
 * before sending it to the ARS and the CPAM, hence plain styles (Titre 1/2/3) and real tables.
 *
 * Charts: Word cannot draw our chart model (shared/charts), so each chart of the PDF is printed here as the small
 * table of its figures, under the chart's title.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  TableOfContents,
  TextRun,
} from 'docx';
import { dateLong, exportDate } from '@shared/format';
import { ACTIVITY_REPORT_TITLE, type ActivityReportData } from '@shared/reports/activity-report';
import { CONTENT_WIDTH_PX, docText, COLORS, freeText, heading, imageRun, PAGE, para, photo, STYLES } from './kit';
import { finishDocx } from './finish';
import { type Block, Outline } from './activity-blocks';
import { sectionBlocks } from './activity-sections';
import { annexesBlocks } from './activity-annexes';

/** « Rapport d’activité 2025 ». */
export function activityReportTitle(year: number): string {
  return `${ACTIVITY_REPORT_TITLE} ${year}`;
}

// ——— Cover, introduction, highlights ———

function coverBlocks(data: ActivityReportData): Block[] {
  const generated = exportDate(data.generatedAt);
  return [
    ...(data.logo
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 1200, after: 480 },
            children: [imageRun(data.logo, Math.round(CONTENT_WIDTH_PX * 0.5), 200, `Logo de ${data.cptsName}`)],
          }),
        ]
      : [new Paragraph({ spacing: { before: 2400 }, children: [] })]),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: docText(data.cptsName), bold: true, size: 36, color: COLORS.text })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: activityReportTitle(data.year), bold: true, size: 56, color: COLORS.accent })],
    }),
    ...(data.contractYearLabel
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: docText(data.contractYearLabel), color: COLORS.muted })],
          }),
        ]
      : []),
    ...(generated
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 1200 },
            children: [new TextRun({ text: `Document établi le ${generated}`, color: COLORS.muted, size: 18 })],
          }),
        ]
      : []),
  ];
}

/** The title of a page left out of the contents (introduction, contents), in the look of a Titre 1. */
function pageTitle(text: string): Paragraph {
  return new Paragraph({
    spacing: { after: 240 },
    keepNext: true,
    children: [new TextRun({ text: docText(text), bold: true, size: 30, color: COLORS.accent })],
  });
}

function introductionBlocks(data: ActivityReportData): Block[] {
  const blocks: Block[] = [];
  if (data.introduction?.trim()) blocks.push(pageTitle('Introduction'), ...freeText(data.introduction));
  if (data.highlights.length > 0 || data.highlightPhotos.length > 0) {
    blocks.push(heading(`Les faits marquants de ${data.year}`, 2));
    for (const highlight of data.highlights) {
      blocks.push(
        new Paragraph({
          keepNext: true,
          spacing: { before: 160, after: 60 },
          children: [
            new TextRun({ text: docText(highlight.title), bold: true }),
            ...(highlight.happenedOn
              ? [new TextRun({ text: ` — ${dateLong(highlight.happenedOn)}`, color: COLORS.muted })]
              : []),
          ],
        }),
        ...freeText(highlight.body),
      );
    }
  }
  // Photos attached to no section go with the highlights.
  blocks.push(...data.highlightPhotos.flatMap((entry) => photo(entry.image, entry.caption)));
  return blocks.length > 0 ? [new Paragraph({ children: [new PageBreak()] }), ...blocks] : [];
}

function tableOfContents(): Block[] {
  return [
    new Paragraph({ children: [new PageBreak()] }),
    pageTitle('Sommaire'),
    // The sections and the annexes, as the PDF's contents list them.
    new TableOfContents('Sommaire', { hyperlink: true, headingStyleRange: '1-1' }),
    para(
      'Les numéros de page s’inscrivent quand le sommaire est mis à jour (Word le propose à l’ouverture du document).',
      {
        muted: true,
        italics: true,
      },
    ),
  ];
}

function headerFooter(data: ActivityReportData) {
  const small = { size: 16, color: COLORS.muted } as const;
  return {
    headers: {
      default: new Header({
        children: [
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [
              new TextRun({ text: docText(`${data.cptsName} — ${activityReportTitle(data.year)}`), ...small }),
            ],
          }),
        ],
      }),
      first: new Header({ children: [] }),
    },
    footers: {
      default: new Footer({
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              new TextRun({ children: ['Page ', PageNumber.CURRENT, ' sur ', PageNumber.TOTAL_PAGES], ...small }),
            ],
          }),
        ],
      }),
      first: new Footer({ children: [] }),
    },
  };
}

/** The .docx of the rapport d’activité: an A4 Word document, its table of contents filled when Word opens it. */
export async function activityReportDocx(data: ActivityReportData): Promise<Uint8Array> {
  const outline = new Outline();
  const title = activityReportTitle(data.year);
  const document = new Document({
    creator: data.cptsName,
    title: `${title} — ${data.cptsName}`,
    subject: ACTIVITY_REPORT_TITLE,
    features: { updateFields: true },
    styles: STYLES,
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        ...headerFooter(data),
        children: [
          ...coverBlocks(data),
          ...introductionBlocks(data),
          ...tableOfContents(),
          ...data.sections.flatMap((section) => sectionBlocks(outline, section, data)),
          ...annexesBlocks(data.annexes),
        ],
      },
    ],
  });
  return finishDocx(new Uint8Array(await Packer.toBuffer(document)));
}
