/**
 * Building blocks of the Word documents: A4 page, Arial, the PDF's colours, headings, free texts, tables with a
 * repeated header row and light borders, images scaled to the page. Every French text goes through `frenchSpacing`
 * (non-breaking spaces before « : ; ! ? », in numbers, inside guillemets), as the PDFs print them.
 */
import {
  AlignmentType,
  BorderStyle,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  type IStylesOptions,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { frenchSpacing } from '@shared/format';
import type { ChartGeometry } from '@shared/charts';
import type { ReportImage } from '@shared/reports/activity-report';
import { paragraphsOf } from '../pdf/text';

/** The PDF theme's colours (electron/pdf/components/theme.ts), without the « # » Word does not take. */
export const COLORS = {
  accent: '0F4C5C',
  accentSoft: 'E6EFF1',
  text: '1F2933',
  muted: '5F6B76',
  rule: 'C9D3D8',
} as const;

/** Arial: on every computer that opens a .docx, unlike Inter. */
export const FONT = 'Arial';

/** A4 in twentieths of a point, with 2 cm margins. */
export const PAGE = { width: 11_906, height: 16_838, margin: 1_134 } as const;
const CONTENT_WIDTH_TWIPS = PAGE.width - 2 * PAGE.margin;
/** The text width in pixels at 96 dpi (15 twips a pixel), the unit `ImageRun` sizes images in. */
export const CONTENT_WIDTH_PX = Math.floor(CONTENT_WIDTH_TWIPS / 15);

/** Sizes in half-points. */
const SIZES = { body: 20, table: 17, caption: 17, h1: 30, h2: 24, h3: 21, title: 44 } as const;

/** Characters XML 1.0 cannot carry (control characters pasted with a text): Word would refuse the whole file. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what this removes.
const NOT_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** A French text as the document prints it: French spacing, without the characters XML cannot carry. */
export function docText(text: string): string {
  return frenchSpacing(text.replace(NOT_IN_XML, ''));
}

/** Default run and paragraph, and the heading styles the table of contents reads (levels 1 and 2). */
export const STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: FONT, size: SIZES.body, color: COLORS.text, language: { value: 'fr-FR' } },
      // The line rule said outright: LibreOffice reads a bare `line` as an exact height and clips images.
      paragraph: { spacing: { after: 100, line: 276, lineRule: LineRuleType.AUTO } },
    },
    heading1: {
      run: { font: FONT, size: SIZES.h1, bold: true, color: COLORS.accent },
      paragraph: { spacing: { before: 360, after: 160 }, keepNext: true, keepLines: true },
    },
    heading2: {
      run: { font: FONT, size: SIZES.h2, bold: true, color: COLORS.accent },
      paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, keepLines: true },
    },
    heading3: {
      run: { font: FONT, size: SIZES.h3, bold: true, color: COLORS.text },
      paragraph: { spacing: { before: 160, after: 80 }, keepNext: true, keepLines: true },
    },
    title: {
      run: { font: FONT, size: SIZES.title, bold: true, color: COLORS.accent },
      paragraph: { spacing: { before: 240, after: 240 } },
    },
  },
  paragraphStyles: [
    {
      id: 'TableText',
      name: 'Texte de tableau',
      basedOn: 'Normal',
      quickFormat: true,
      run: { size: SIZES.table },
      paragraph: { spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } },
    },
    {
      id: 'TableHeading',
      name: 'En-tête de tableau',
      basedOn: 'TableText',
      quickFormat: true,
      run: { bold: true, color: COLORS.accent },
    },
    { id: 'TableTotal', name: 'Total de tableau', basedOn: 'TableText', quickFormat: true, run: { bold: true } },
    // Word's own styles of the table of contents' lines (« toc 1 », « toc 2 »).
    {
      id: 'TOC1',
      name: 'toc 1',
      basedOn: 'Normal',
      next: 'Normal',
      run: { bold: true },
      paragraph: {
        spacing: { before: 120, after: 40 },
      },
    },
    {
      id: 'TOC2',
      name: 'toc 2',
      basedOn: 'Normal',
      next: 'Normal',
      paragraph: {
        spacing: { after: 40 },
        indent: { left: 360 },
      },
    },
  ],
};

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

export function heading(title: string, level: 1 | 2 | 3): Paragraph {
  return new Paragraph({ heading: HEADINGS[level], children: [new TextRun(docText(title))] });
}

/** One paragraph of generated French text. */
export function para(text: string, options: { muted?: boolean; italics?: boolean; bold?: boolean } = {}): Paragraph {
  return new Paragraph({
    children: [
      new TextRun({
        text: docText(text),
        ...(options.muted ? { color: COLORS.muted } : {}),
        ...(options.italics ? { italics: true } : {}),
        ...(options.bold ? { bold: true } : {}),
      }),
    ],
  });
}

/** A label in bold followed by its text on the same line: « Difficultés rencontrées : … ». */
export function labelled(label: string, text: string): Paragraph {
  return new Paragraph({
    children: [new TextRun({ text: docText(`${label} : `), bold: true }), new TextRun(docText(text))],
  });
}

/** Lines of one paragraph kept as lines (a break between them), as the coordinator typed them. */
function linesRuns(lines: readonly string[]): ParagraphChild[] {
  return lines.map((line, index) => new TextRun({ text: docText(line.trim()), ...(index > 0 ? { break: 1 } : {}) }));
}

/**
 * A text the coordinator wrote: blank lines separate paragraphs, other line breaks are kept, lines starting
 * with « - » or « • » become bullets (as the PDF prints them).
 */
export function freeText(text: string | null | undefined): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const lines of paragraphsOf(text)) {
    let plain: string[] = [];
    const flush = () => {
      if (plain.length > 0) paragraphs.push(new Paragraph({ children: linesRuns(plain) }));
      plain = [];
    };
    for (const line of lines) {
      const bullet = /^\s*[-•*–]\s+(.*)$/.exec(line);
      if (!bullet) {
        plain.push(line);
        continue;
      }
      flush();
      paragraphs.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun(docText(bullet[1] ?? ''))] }));
    }
    flush();
  }
  return paragraphs;
}

/** A list, one bullet per item. */
export function bullets(items: readonly string[]): Paragraph[] {
  return items.map((item) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(docText(item))] }));
}

const LIGHT = { style: BorderStyle.SINGLE, size: 4, color: COLORS.rule } as const;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const TABLE_BORDERS = {
  top: LIGHT,
  bottom: LIGHT,
  left: NONE,
  right: NONE,
  insideHorizontal: LIGHT,
  insideVertical: NONE,
} as const;

export interface TableColumn {
  header: string;
  /** Relative width: the columns share the page's width in proportion. */
  width: number;
  numeric?: boolean;
}

const CELL_STYLES = { header: 'TableHeading', body: 'TableText', total: 'TableTotal' } as const;
const HEADER_SHADING = { type: ShadingType.CLEAR, fill: COLORS.accentSoft, color: 'auto' } as const;

/**
 * One cell: its look comes from the paragraph styles of the tables (size, weight, colour, spacing) and the table's
 * cell margins, so that a cell is a few XML elements (a long members list stays quick to write and to open).
 */
function cell(text: string, numeric: boolean | undefined, kind: 'header' | 'body' | 'total'): TableCell {
  const lines = docText(text).split('\n');
  return new TableCell({
    ...(kind === 'header' ? { shading: HEADER_SHADING } : {}),
    children: [
      new Paragraph({
        style: CELL_STYLES[kind],
        ...(numeric ? { alignment: AlignmentType.RIGHT } : {}),
        children:
          lines.length === 1
            ? [new TextRun(lines[0] ?? '')]
            : lines.map((line, index) => new TextRun({ text: line, ...(index > 0 ? { break: 1 } : {}) })),
      }),
    ],
  });
}

const CELL_MARGINS = { marginUnitType: WidthType.DXA, top: 40, bottom: 40, left: 80, right: 80 } as const;

/**
 * A table across the page: header row repeated on every page, rows never split, light horizontal rules only,
 * figures aligned right, an optional bold total row.
 */
export function table(columns: readonly TableColumn[], rows: readonly string[][], total?: readonly string[]): Table {
  const sum = columns.reduce((all, column) => all + column.width, 0);
  const widths = columns.map((column) => Math.floor((column.width / sum) * CONTENT_WIDTH_TWIPS));
  const row = (values: readonly string[], kind: 'header' | 'body' | 'total') =>
    new TableRow({
      cantSplit: true,
      ...(kind === 'header' ? { tableHeader: true } : {}),
      children: columns.map((column, index) => cell(values[index] ?? '', column.numeric, kind)),
    });
  return new Table({
    width: { size: CONTENT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: CELL_MARGINS,
    borders: TABLE_BORDERS,
    rows: [
      row(
        columns.map((column) => column.header),
        'header',
      ),
      ...rows.map((values) => row(values, 'body')),
      ...(total ? [row(total, 'total')] : []),
    ],
  });
}

/** Two columns without a header: a label and its value (identity, key figures). */
export function pairsTable(pairs: readonly (readonly [string, string])[]): Table {
  const widths = [Math.floor(CONTENT_WIDTH_TWIPS * 0.38), Math.ceil(CONTENT_WIDTH_TWIPS * 0.62)];
  return new Table({
    width: { size: CONTENT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: CELL_MARGINS,
    borders: TABLE_BORDERS,
    rows: pairs.map(
      ([label, value]) =>
        new TableRow({ cantSplit: true, children: [cell(label, false, 'total'), cell(value, false, 'body')] }),
    ),
  });
}

/** The title above a table or a chart's figures, kept with it. */
export function caption(text: string): Paragraph {
  return new Paragraph({
    keepNext: true,
    spacing: { before: 160, after: 60 },
    children: [new TextRun({ text: docText(text), bold: true, size: SIZES.caption, color: COLORS.muted })],
  });
}

/** Space after a table, so the next paragraph does not touch it. */
export function gap(): Paragraph {
  return new Paragraph({ spacing: { after: 120 }, children: [] });
}

/** An image no wider than `maxWidth` nor taller than `maxHeight` pixels, its aspect ratio kept. */
export function imageRun(image: ReportImage, maxWidth: number, maxHeight: number, description: string): ImageRun {
  const ratio = Math.min(1, maxWidth / Math.max(1, image.width), maxHeight / Math.max(1, image.height));
  return new ImageRun({
    type: image.mimeType === 'image/png' ? 'png' : 'jpg',
    data: Buffer.from(image.base64, 'base64'),
    transformation: {
      width: Math.max(1, Math.round(image.width * ratio)),
      height: Math.max(1, Math.round(image.height * ratio)),
    },
    altText: { name: description, description, title: description },
  });
}

/** A photo of a section with its caption under it, centred. */
export function photo(image: ReportImage, text: string | null): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: text !== null,
      spacing: { before: 120, after: text ? 40 : 160 },
      children: [imageRun(image, CONTENT_WIDTH_PX, 360, text ?? 'Photo')],
    }),
    ...(text
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 160 },
            children: [new TextRun({ text: docText(text), italics: true, size: SIZES.caption, color: COLORS.muted })],
          }),
        ]
      : []),
  ];
}

/**
 * A chart of the PDF, in Word: its title and the table of its figures (Word cannot draw our chart model). A chart
 * of one series over a few categories (months, years) reads across the page, one column a category.
 */
export function chartTable(chart: ChartGeometry): (Paragraph | Table)[] {
  if (chart.empty || chart.table.rows.length === 0) return [];
  const { columns, rows } = chart.table;
  const across = chart.kind !== 'bars' && columns.length === 2 && rows.length <= 12;
  if (across) {
    return [
      caption(chart.title),
      table(
        [columns[0] ?? '', ...rows.map((row) => row[0] ?? '')].map((header, index) => ({
          header,
          width: index === 0 ? 2 : 1,
          numeric: index > 0,
        })),
        [[columns[1] ?? '', ...rows.map((row) => row[1] ?? '')]],
      ),
      gap(),
    ];
  }
  return [
    caption(chart.title),
    table(
      columns.map((header, index) => ({ header, width: index === 0 ? 2 : 1, numeric: index > 0 })),
      rows,
    ),
    gap(),
  ];
}
