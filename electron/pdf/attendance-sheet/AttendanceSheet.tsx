import { Canvas, StyleSheet, Text, View, type Styles } from '@react-pdf/renderer';
import {
  type GridCell,
  type GridRow,
  INTER_HEIGHT_EM,
  pageContentHeight,
  pageContentWidth,
  PageFlow,
  type Painter as GridPainter,
  PLAIN_SHAPING,
  ReportDocument,
  selectFont,
  TextLines,
  textWidth,
  WidePage,
  WIDTH_SAFETY,
  wrapToWidth,
} from '../layout';
import type { AttendanceSheetData, AttendanceSheetVoter } from '@shared/reports/ag';
import { dateLong, dayLong, formatInteger, formatVoix, keepNumbersTogether, plural, timeRange } from '@shared/format';
import { KeyFigures, type KeyFigure } from '../components';
import { colors, fontFamily, fontSizes, weights } from '../components/theme';

import { footerLabel } from '../text';

export const ATTENDANCE_SHEET_TITLE = "Feuille d'émargement";
export const NON_VOTERS_TITLE = 'Participants sans voix délibérative';
export const VOTERS_TITLE = 'Membres votants';
export const RECAP_TITLE = 'Récapitulatif et clôture';

/**
 * Landscape: the signature column gets about 5 to 6 cm next to name, quality, cotisation, voix and pouvoirs,
 * at a size read at arm's length at the registration desk.
 */
const ORIENTATION = 'landscape';
const CONTENT_WIDTH = pageContentWidth(ORIENTATION);
/** Kept free at the foot of every page, in points, against rounding in react-pdf's layout. */
const SAFETY_MARGIN = 3;
/** Body rows are at least this tall, in points: room for a signature. */
const SIGNATURE_ROW_HEIGHT = 24;
const TABLE_FONT_SIZE = 8.5;

type Voter = AttendanceSheetVoter;
type NonVoter = AttendanceSheetData['nonVoters'][number];
type College = AttendanceSheetData['colleges'][number];
type Meeting = AttendanceSheetData['meeting'];
/** A voter with their number on the whole sheet (to count signatures). */
type NumberedVoter = Voter & { number: number };
type Style = Styles[string];

const BLANK = '………………';

// ---------------------------------------------------------------------------------------------- texts

/** « Collège des libéraux — 1 voix par membre — 612 membres votants », « … (suite) » on the following pages. */
export function collegeHeading(
  college: Pick<College, 'name' | 'votingRightLabel'> & { count: number },
  continued = false,
): string {
  const parts = [
    college.name,
    college.votingRightLabel.trim(),
    plural(college.count, 'membre votant', 'membres votants'),
  ];
  return keepNumbersTogether(`${parts.filter(Boolean).join(' — ')}${continued ? ' (suite)' : ''}`);
}

export function nonVotersHeading(count: number, continued = false): string {
  const counted = count > 0 ? ` — ${plural(count, 'participant', 'participants')}` : '';
  return keepNumbersTogether(`${NON_VOTERS_TITLE}${counted}${continued ? ' (suite)' : ''}`);
}

/** « Séance du mardi 16 juin 2026, de 18 h 30 à 21 h, sur deuxième convocation ». */
export function sessionLine(meeting: Pick<Meeting, 'date' | 'startTime' | 'endTime' | 'round'>): string {
  const day = dayLong(meeting.date);
  const parts = [day ? `Séance du ${day}` : 'Séance', timeRange(meeting.startTime, meeting.endTime)];
  if (meeting.round === 2) parts.push('sur deuxième convocation');
  return parts.filter(Boolean).join(', ');
}

/** « Arrêtée à ………… membres présents et ………… représentés » (and the voix when votes are weighted). */
export function closingLine(weighted: boolean): string {
  const voix = weighted ? `, soit ${BLANK} voix` : '';
  return `Arrêtée à ${BLANK} membres présents et ${BLANK} représentés${voix}.`;
}

export function representedLabel(mandataire: string): string {
  return `Représenté·e par ${mandataire}`;
}

const INSTRUCTIONS =
  "Chaque membre présent signe en face de son nom. Un membre représenté ne signe pas : son mandataire signe sur sa propre ligne, où figurent les pouvoirs qu'il détient.";
const COTISATION_NOTE = 'Les cotisations qui ne sont pas à jour apparaissent en gras et en couleur.';

function runningTitle(meeting: Meeting): string {
  const day = dateLong(meeting.date);
  return day ? `${ATTENDANCE_SHEET_TITLE} — ${meeting.organLabel} du ${day}` : ATTENDANCE_SHEET_TITLE;
}

// ---------------------------------------------------------------------------------------------- signature table

/**
 * The signature table of the feuille d'émargement: measured ahead of layout and painted with PDFKit, like the
 * long member tables (layout/grid.tsx), so that 1 500 voters render in a few seconds and pages are cut
 * exactly (layout/flow.ts). It differs from Grid where a signature sheet needs it: rows are tall enough
 * to sign in (a minimum height), cell texts are centred vertically, every row and column is ruled like a form,
 * a cell can be drawn in semibold, bold warning colour or grey, a cell value may hold several entries (one per
 * line, e.g. the pouvoirs a member holds), and a cell can be shaded (a represented member does not sign).
 * The text stays real, selectable and searchable text in the embedded Inter.
 */

/** How a cell is drawn. */
export type CellTone = 'normal' | 'name' | 'warning' | 'muted' | 'faint';

export interface SheetColumn<T> {
  header: string;
  /** Relative width; the widths of all columns are turned into fractions of the table width. */
  width: number;
  /** Numeric columns are right-aligned, header included. */
  numeric?: boolean;
  /** One entry per line (each wrapped on its own), '' for an empty cell, null for a grey « — ». */
  value: (row: T) => string | readonly string[] | null;
  tone?: (row: T) => CellTone;
  /** Shades the cell (e.g. the signature cell of a represented member). */
  shaded?: (row: T) => boolean;
  /**
   * Values that never repeat (row numbers): drawn without OpenType features, as PDFKit's word cache cannot help
   * them (see PLAIN_SHAPING).
   */
  unique?: boolean;
}

export interface SheetCell extends GridCell {
  tone: CellTone;
  shaded: boolean;
}

/** A row wrapped into lines, with its height in points: a GridRow, so that PageFlow can place it. */
export interface SheetRow extends GridRow {
  cells: SheetCell[];
}

const MISSING = '—';

const LINE_RATIO = 1.25;
const PADDING_X = 4;
const PADDING_Y = 2.5;
const HEADER_PADDING_Y = 3.5;
/** Accent rule closing the table. */
const RULE = 0.8;
const CELL_RULE = 0.5;
const WARNING = '#8a3b12';

type WeightClass = 'regular' | 'bold';

interface ToneStyle {
  fontWeight: number;
  metrics: WeightClass;
  color: string;
}

const TONES: Record<CellTone, ToneStyle> = {
  normal: { fontWeight: weights.regular, metrics: 'regular', color: colors.text },
  name: { fontWeight: weights.semibold, metrics: 'bold', color: colors.text },
  warning: { fontWeight: weights.bold, metrics: 'bold', color: WARNING },
  muted: { fontWeight: weights.regular, metrics: 'regular', color: colors.muted },
  faint: { fontWeight: weights.regular, metrics: 'regular', color: colors.faint },
};

export interface SheetTableOptions {
  /** Width the table spans, in points. */
  width: number;
  fontSize: number;
  headerFontSize?: number;
  /** Minimum height of a body row, in points: room for a signature. */
  minRowHeight: number;
}

/** Column geometry and measurement of one signature table. */
export class SheetTable<T> {
  readonly fontSize: number;
  readonly headerFontSize: number;
  readonly lineHeight: number;
  readonly header: SheetRow;
  /** Height of a one-line row: the unit of chunkRows(). */
  readonly singleRowHeight: number;
  /** Extra height of a table besides its rows: header row and closing rule. */
  readonly frameHeight: number;
  private readonly fractions: number[];
  private readonly lefts: number[];
  private readonly innerWidths: number[];

  constructor(
    readonly columns: readonly SheetColumn<T>[],
    options: SheetTableOptions,
  ) {
    this.fontSize = options.fontSize;
    this.headerFontSize = options.headerFontSize ?? options.fontSize;
    this.lineHeight = options.fontSize * LINE_RATIO;
    const total = columns.reduce((sum, column) => sum + column.width, 0) || 1;
    this.fractions = columns.map((column) => column.width / total);
    let left = 0;
    this.lefts = this.fractions.map((fraction) => {
      const start = left;
      left += fraction;
      return start;
    });
    this.innerWidths = this.fractions.map((fraction) => fraction * options.width - 2 * PADDING_X);

    const headerCells = columns.map((column, index) => ({
      lines: wrapToWidth(column.header, this.innerWidths[index]!, this.headerFontSize, 'bold'),
      faint: false,
      tone: 'name' as const,
      shaded: false,
    }));
    const headerLines = Math.max(1, ...headerCells.map((cell) => cell.lines.length));
    this.header = {
      cells: headerCells,
      height: headerLines * this.headerFontSize * LINE_RATIO + 2 * HEADER_PADDING_Y,
    };
    this.singleRowHeight = Math.max(options.minRowHeight, this.lineHeight + 2 * PADDING_Y);
    this.frameHeight = this.header.height + RULE;
  }

  /** Wraps the cells of a body row. */
  row(row: T): SheetRow {
    let lines = 1;
    const cells = this.columns.map((column, index): SheetCell => {
      const value = column.value(row);
      const tone: CellTone = value === null ? 'faint' : (column.tone?.(row) ?? 'normal');
      const entries =
        value === null ? [MISSING] : typeof value === 'string' ? [value] : value.length > 0 ? value : [''];
      const width = this.innerWidths[index]!;
      const cellLines = entries.flatMap((entry) =>
        entry === '' ? [''] : wrapToWidth(entry, width, this.fontSize, TONES[tone].metrics),
      );
      lines = Math.max(lines, cellLines.length);
      return { lines: cellLines, faint: tone === 'faint', tone, shaded: column.shaded?.(row) ?? false };
    });
    return { cells, height: Math.max(this.singleRowHeight, lines * this.lineHeight + 2 * PADDING_Y) };
  }

  /** Height of a table of `rows`, header and closing rule included. */
  height(rows: readonly GridRow[]): number {
    return this.frameHeight + rows.reduce((sum, row) => sum + row.height, 0);
  }

  /** Draws the header row, the body rows and the rules with PDFKit (see SheetTableView). */
  paint(painter: Painter, width: number, rows: readonly SheetRow[]): void {
    const left = (column: number) => (this.lefts[column] ?? 0) * width;
    const right = (column: number) => ((this.lefts[column] ?? 0) + (this.fractions[column] ?? 0)) * width;
    const bodyHeight = rows.reduce((sum, row) => sum + row.height, 0);
    const top0 = this.header.height;

    // Shading first, rules above it, text last.
    let top = top0;
    for (const row of rows) {
      row.cells.forEach((cell, column) => {
        if (cell.shaded) painter.rect(left(column), top, right(column) - left(column), row.height).fill(colors.zebra);
      });
      top += row.height;
    }

    painter.rect(0, 0, width, this.header.height).fill(colors.accent);

    painter.lineWidth(CELL_RULE).strokeColor(colors.rule);
    top = top0;
    rows.forEach((row, index) => {
      top += row.height;
      if (index < rows.length - 1) painter.moveTo(0, top).lineTo(width, top).stroke();
    });
    for (let column = 1; column < this.columns.length; column += 1) {
      const x = left(column);
      painter
        .moveTo(x, top0)
        .lineTo(x, top0 + bodyHeight)
        .stroke();
    }
    painter
      .moveTo(0, top0)
      .lineTo(0, top0 + bodyHeight)
      .stroke();
    painter
      .moveTo(width, top0)
      .lineTo(width, top0 + bodyHeight)
      .stroke();
    painter.rect(0, top0 + bodyHeight, width, RULE).fill(colors.accent);

    let currentFont = '';
    const useFont = (fontWeight: number, size: number) => {
      const key = `${fontWeight}/${size}`;
      if (key === currentFont) return;
      selectFont(painter, fontWeight, size);
      currentFont = key;
    };
    const drawRow = (row: SheetRow, rowTop: number, paddingY: number, fontSize: number, header: boolean) => {
      const lineHeight = fontSize * LINE_RATIO;
      const baselineShift = ((LINE_RATIO - INTER_HEIGHT_EM) / 2) * fontSize;
      row.cells.forEach((cell, column) => {
        const lines = cell.lines;
        if (lines.every((line) => line === '')) return;
        const style = TONES[cell.tone];
        useFont(header ? weights.semibold : style.fontWeight, fontSize);
        painter.fillColor(header ? '#ffffff' : style.color);
        const numeric = this.columns[column]?.numeric ?? false;
        const options = !header && this.columns[column]?.unique ? PLAIN_TEXT : CACHED_TEXT;
        // Centred vertically in the row (a header or a tall signature row).
        const blockTop = rowTop + paddingY + (row.height - 2 * paddingY - lines.length * lineHeight) / 2;
        lines.forEach((line, lineIndex) => {
          if (line === '') return;
          const x = numeric
            ? right(column) - PADDING_X - textWidth(line, fontSize, header ? 'bold' : style.metrics) / WIDTH_SAFETY
            : left(column) + PADDING_X;
          painter.text(line, x, blockTop + lineIndex * lineHeight + baselineShift, options);
        });
      });
    };

    drawRow(this.header, 0, HEADER_PADDING_Y, this.headerFontSize, true);
    top = top0;
    for (const row of rows) {
      drawRow(row, top, PADDING_Y, this.fontSize, false);
      top += row.height;
    }
  }
}

const PLAIN_TEXT = { lineBreak: false, features: PLAIN_SHAPING };
const CACHED_TEXT = { lineBreak: false };

/** PDFKit on react-pdf's <Canvas>, with the strokes the sheet draws besides the grid's fills and texts. */
interface Painter extends GridPainter {
  strokeColor(color: string): Painter;
  lineWidth(width: number): Painter;
  moveTo(x: number, y: number): Painter;
  lineTo(x: number, y: number): Painter;
  stroke(): Painter;
}

/** One page's part of a signature table, header row included, drawn on a <Canvas>. */
export function SheetTableView<T>({ table, rows }: { table: SheetTable<T>; rows: readonly SheetRow[] }) {
  return (
    <Canvas
      style={{ width: '100%', height: table.height(rows) }}
      paint={(painter: Painter, width: number) => {
        table.paint(painter, width, rows);
        return null;
      }}
    />
  );
}

// ---------------------------------------------------------------------------------------------- columns

/** Widths are points of the landscape content width (742 pt); the Voix column, when present, narrows Signature. */
export function voterColumns(weighted: boolean): SheetColumn<NumberedVoter>[] {
  const columns: SheetColumn<NumberedVoter>[] = [
    // A plain number (« 1500 »): it stays on one line in the narrow column.
    { header: 'N°', width: 32, numeric: true, unique: true, value: (v) => String(v.number), tone: () => 'muted' },
    { header: 'Nom', width: 150, value: (v) => v.name, tone: () => 'name' },
    // « Médecin — Médecine générale », the most frequent long quality, holds on one line.
    { header: 'Qualité', width: 138, value: (v) => v.quality },
    {
      header: 'Cotisation',
      width: 76,
      value: (v) => v.cotisationLabel,
      tone: (v) => (v.upToDate ? 'normal' : 'warning'),
    },
  ];
  if (weighted) {
    columns.push({
      header: 'Voix',
      width: 30,
      numeric: true,
      value: (v) => (v.weight === null ? null : formatVoix(v.weight)),
    });
  }
  columns.push(
    { header: 'Pouvoirs détenus', width: 150, value: (v) => (v.proxiesHeld.length > 0 ? v.proxiesHeld : null) },
    {
      header: 'Signature',
      width: weighted ? 166 : 196,
      value: (v) => (v.representedBy ? representedLabel(v.representedBy) : ''),
      tone: () => 'muted',
      shaded: (v) => v.representedBy !== null,
    },
  );
  return columns;
}

export const nonVoterColumns: SheetColumn<NonVoter>[] = [
  { header: 'Nom', width: 178, value: (p) => p.name, tone: () => 'name' },
  { header: 'Qualité', width: 180, value: (p) => p.quality },
  { header: 'Motif', width: 184, value: (p) => p.reason || null },
  { header: 'Signature', width: 200, value: () => '' },
];

// ---------------------------------------------------------------------------------------------- styles and heights

/** A block of text lines already wrapped, with its height known ahead of layout. */
interface TextBlock {
  lines: string[];
  style: Style;
  marginTop: number;
}

interface TextSpec {
  size: number;
  ratio: number;
  bold: boolean;
  color?: string;
}

const SPEC = {
  association: { size: fontSizes.lead + 0.5, ratio: 1.3, bold: true, color: colors.accent },
  legal: { size: fontSizes.small + 0.5, ratio: 1.35, bold: false, color: colors.muted },
  title: { size: fontSizes.title, ratio: 1.2, bold: true, color: colors.accent },
  organ: { size: fontSizes.lead + 1.5, ratio: 1.35, bold: true },
  meetingTitle: { size: fontSizes.lead, ratio: 1.35, bold: false },
  detail: { size: fontSizes.body, ratio: 1.35, bold: false },
  quorum: { size: fontSizes.body, ratio: 1.35, bold: true, color: colors.accent },
  instruction: { size: fontSizes.body - 0.5, ratio: 1.35, bold: false },
  warningNote: { size: fontSizes.body - 0.5, ratio: 1.35, bold: true, color: '#8a3b12' },
} satisfies Record<string, TextSpec>;

const NOTICE = { paddingY: 7, paddingX: 10, border: 3, top: 10, bottom: 14, gap: 3 };
const SECTION = { size: fontSizes.section, ratio: 1.25, top: 18, bottom: 8 };
const GROUP = { size: fontSizes.lead, ratio: 1.25, top: 14, bottom: 5 };
const EMPTY_LINE = fontSizes.body * 1.35;
const EMPTY_GAP = 6;
const CLOSING_LINE_TOP = 6;
const SIGNATURES_TOP = 22;
/** Room to sign above the line of a signature block. */
const SIGNATURE_SPACE = 50;

function styleOf(spec: TextSpec): Style {
  return {
    fontSize: spec.size,
    lineHeight: spec.ratio,
    fontWeight: spec.bold ? (spec.size >= fontSizes.title ? weights.bold : weights.semibold) : weights.regular,
    ...(spec.color ? { color: spec.color } : {}),
  };
}

function block(text: string, spec: TextSpec, width: number, marginTop = 0): TextBlock {
  return {
    lines: wrapToWidth(text, width, spec.size, spec.bold ? 'bold' : 'regular'),
    style: styleOf(spec),
    marginTop,
  };
}

function blockHeight(b: TextBlock): number {
  const style = b.style as { fontSize: number; lineHeight: number };
  return b.marginTop + b.lines.length * style.fontSize * style.lineHeight;
}

const styles = StyleSheet.create({
  association: { marginBottom: 12 },
  notice: {
    backgroundColor: colors.accentSoft,
    borderLeftWidth: NOTICE.border,
    borderLeftColor: colors.accent,
    paddingVertical: NOTICE.paddingY,
    paddingHorizontal: NOTICE.paddingX,
    marginTop: NOTICE.top,
    marginBottom: NOTICE.bottom,
  },
  section: { fontSize: SECTION.size, lineHeight: SECTION.ratio, fontWeight: weights.bold, color: colors.accent },
  sectionBox: { marginBottom: SECTION.bottom },
  sectionBoxSpaced: { marginTop: SECTION.top, marginBottom: SECTION.bottom },
  group: { fontSize: GROUP.size, lineHeight: GROUP.ratio, fontWeight: weights.semibold, color: colors.accent },
  groupBox: { marginBottom: GROUP.bottom },
  groupBoxSpaced: { marginTop: GROUP.top, marginBottom: GROUP.bottom },
  empty: { fontSize: fontSizes.body, lineHeight: 1.35, color: colors.muted },
  emptyBox: { marginBottom: EMPTY_GAP },

  closingLine: { fontSize: fontSizes.lead, lineHeight: 1.35 },
  closingLineBox: { marginTop: CLOSING_LINE_TOP },
  signatures: { flexDirection: 'row', marginTop: SIGNATURES_TOP },
  signature: { width: '50%', paddingRight: 40 },
  signatureLabel: { fontSize: fontSizes.body, lineHeight: 1.35, fontWeight: weights.semibold },
  signatureLine: { marginTop: SIGNATURE_SPACE, borderTopWidth: 0.5, borderTopColor: colors.rule, paddingTop: 3 },
  signatureHint: { fontSize: fontSizes.small, lineHeight: 1.35, color: colors.faint },
});

/**
 * Height of the KeyFigures row (components/blocks.tsx), on the high side: padding and borders, a label on up to
 * two lines and the value, both at react-pdf's default line height (Inter: 1.21 em), and the bottom margin.
 */
const FIGURES_HEIGHT = 2 * 7 + 2.5 + 0.5 + 2 * fontSizes.small * 1.25 + 2 + 15 * 1.25 + 10;

const SIGNATORIES = ['Le président / la présidente de séance', 'Le ou la secrétaire de séance'];
const SIGNATURE_HINT = 'Nom et signature';
const EMPTY_COLLEGE = 'Aucun membre votant dans ce collège.';
const NO_VOTERS = "Aucun membre votant n'est inscrit.";
const NO_NON_VOTERS = "Aucun participant sans voix délibérative n'est inscrit.";

// ---------------------------------------------------------------------------------------------- page plan

interface Intro {
  association: TextBlock[];
  head: TextBlock[];
  notice: TextBlock[];
  votersTitle: string[];
  height: number;
}

function introOf(data: AttendanceSheetData): Intro {
  const { association, meeting } = data;
  const width = CONTENT_WIDTH;
  const associationBlocks = [
    block(association.name, SPEC.association, width),
    block(association.legalLine, SPEC.legal, width),
    ...(association.address ? [block(association.address, SPEC.legal, width)] : []),
  ].filter((b) => b.lines.some((line) => line.trim() !== ''));

  const head = [block(ATTENDANCE_SHEET_TITLE, SPEC.title, width), block(meeting.organLabel, SPEC.organ, width, 4)];
  if (meeting.title.trim() && meeting.title.trim() !== meeting.organLabel.trim()) {
    head.push(block(meeting.title, SPEC.meetingTitle, width, 1));
  }
  head.push(block(sessionLine(meeting), SPEC.detail, width, 6));
  if (meeting.place) head.push(block(`Lieu : ${meeting.place}`, SPEC.detail, width));
  if (meeting.visioUrl) head.push(block(`Visioconférence : ${meeting.visioUrl}`, SPEC.detail, width));

  const noticeWidth = width - NOTICE.border - 2 * NOTICE.paddingX;
  const notice = [
    block(keepNumbersTogether(data.quorumLine), SPEC.quorum, noticeWidth),
    block(INSTRUCTIONS, SPEC.instruction, noticeWidth, NOTICE.gap),
  ];
  const lateFees = data.colleges.some((college) => college.voters.some((voter) => !voter.upToDate));
  if (lateFees) notice.push(block(COTISATION_NOTE, SPEC.warningNote, noticeWidth));

  const votersTitle = wrapToWidth(VOTERS_TITLE, width, SECTION.size, 'bold');
  const sum = (blocks: TextBlock[]) => blocks.reduce((total, b) => total + blockHeight(b), 0);
  const height =
    (associationBlocks.length > 0 ? sum(associationBlocks) + 12 : 0) +
    sum(head) +
    NOTICE.top +
    2 * NOTICE.paddingY +
    sum(notice) +
    NOTICE.bottom +
    votersTitle.length * SECTION.size * SECTION.ratio +
    SECTION.bottom;
  return { association: associationBlocks, head, notice, votersTitle, height };
}

/** What one page holds of a table, or of the closing block. */
export interface Slice {
  kind: 'voters' | 'nonVoters' | 'closing';
  /** Heading lines (« (suite) » included on the following pages). */
  heading: string[];
  /** Section headings (non-voters, closing) are larger than the collège headings. */
  level: 'section' | 'group';
  bookmark?: string;
  rows: SheetRow[];
  /** Whether something precedes the slice on its page (its heading then gets a top margin). */
  spaced: boolean;
  /** Sentence shown instead of an empty table. */
  empty?: string;
}

export interface AttendanceSheetPlan {
  intro: Intro;
  voterTable: SheetTable<NumberedVoter>;
  nonVoterTable: SheetTable<NonVoter>;
  pages: { intro: boolean; slices: Slice[] }[];
}

function closingHeight(): number {
  return (
    FIGURES_HEIGHT +
    CLOSING_LINE_TOP +
    fontSizes.lead * 1.35 +
    SIGNATURES_TOP +
    (fontSizes.body * 1.35 + SIGNATURE_SPACE + 0.5 + 3 + fontSizes.small * 1.35)
  );
}

/**
 * Cuts the sheet into pages ahead of react-pdf (layout/flow.ts): each page gets the collèges, or parts
 * of them, that fit; a collège continued on the next page repeats its heading with « (suite) » and the header
 * row of its table; a heading never stays alone at the foot of a page. Rows are measured, so render time grows
 * linearly with the number of voters.
 */
export function planAttendanceSheet(data: AttendanceSheetData): AttendanceSheetPlan {
  const options = {
    width: CONTENT_WIDTH,
    fontSize: TABLE_FONT_SIZE,
    headerFontSize: 8,
    minRowHeight: SIGNATURE_ROW_HEIGHT,
  };
  const voterTable = new SheetTable(voterColumns(data.totals.weighted), options);
  const nonVoterTable = new SheetTable(nonVoterColumns, options);
  const intro = introOf(data);
  const capacity = pageContentHeight(ORIENTATION, data.association.name, runningTitle(data.meeting)) - SAFETY_MARGIN;
  const flow = new PageFlow<Slice>(capacity, intro.height);
  const headingOf = (level: Slice['level'], text: (continued: boolean) => string) => {
    const spec = level === 'section' ? SECTION : GROUP;
    return {
      lines: (continued: boolean) => wrapToWidth(text(continued), CONTENT_WIDTH, spec.size, 'bold'),
      lineHeight: spec.size * spec.ratio,
      marginTop: spec.top,
      marginBottom: spec.bottom,
    };
  };
  const emptyFrame = EMPTY_LINE + EMPTY_GAP;

  let number = 0;
  for (const college of data.colleges) {
    const voters = college.voters.map((voter) => ({ ...voter, number: (number += 1) }));
    const rows = voters.map((voter) => voterTable.row(voter));
    const count = voters.length;
    flow.add({
      heading: headingOf('group', (continued) => collegeHeading({ ...college, count }, continued)),
      frameHeight: count > 0 ? voterTable.frameHeight : emptyFrame,
      // Rows counted in points rather than in one-line rows: signature rows are tall, and rounding a page down
      // to whole rows would leave a row's height empty at the foot of most pages.
      unit: 1,
      rows,
      slice: ({ rows: sliceRows, startIndex, continued, spaced, heading }) => ({
        kind: 'voters',
        level: 'group',
        heading,
        ...(continued ? {} : { bookmark: `${college.name} (${formatInteger(count)})` }),
        rows: rows.slice(startIndex, startIndex + sliceRows.length),
        spaced,
        ...(count === 0 ? { empty: EMPTY_COLLEGE } : {}),
      }),
    });
  }

  if (data.colleges.length === 0) {
    flow.add({
      heading: null,
      frameHeight: emptyFrame,
      unit: 1,
      rows: [],
      slice: ({ spaced }) => ({ kind: 'voters', level: 'group', heading: [], rows: [], spaced, empty: NO_VOTERS }),
    });
  }

  const nonVoters = data.nonVoters;
  const nonVoterRows = nonVoters.map((participant) => nonVoterTable.row(participant));
  flow.add({
    heading: headingOf('section', (continued) => nonVotersHeading(nonVoters.length, continued)),
    frameHeight: nonVoters.length > 0 ? nonVoterTable.frameHeight : emptyFrame,
    unit: 1,
    rows: nonVoterRows,
    slice: ({ rows: sliceRows, startIndex, continued, spaced, heading }) => ({
      kind: 'nonVoters',
      level: 'section',
      heading,
      ...(continued ? {} : { bookmark: NON_VOTERS_TITLE }),
      rows: nonVoterRows.slice(startIndex, startIndex + sliceRows.length),
      spaced,
      ...(nonVoters.length === 0 ? { empty: NO_NON_VOTERS } : {}),
    }),
  });

  flow.add({
    heading: headingOf('section', () => RECAP_TITLE),
    frameHeight: 0,
    unit: 1,
    rows: [],
    closing: closingHeight(),
    keepTogether: true,
    slice: ({ spaced, heading }) => ({
      kind: 'closing',
      level: 'section',
      heading,
      bookmark: RECAP_TITLE,
      rows: [],
      spaced,
    }),
  });

  const pages = flow.pages.map((slices, index) => ({ intro: index === 0, slices }));
  return { intro, voterTable, nonVoterTable, pages };
}

// ---------------------------------------------------------------------------------------------- code points

// ---------------------------------------------------------------------------------------------- document

function Blocks({ blocks }: { blocks: readonly TextBlock[] }) {
  return (
    <>
      {blocks.map((b, index) => (
        <View key={index} style={b.marginTop ? { marginTop: b.marginTop } : {}}>
          <TextLines lines={b.lines} style={b.style} />
        </View>
      ))}
    </>
  );
}

function IntroBlock({ intro }: { intro: Intro }) {
  return (
    <>
      {intro.association.length > 0 ? (
        <View style={styles.association}>
          <Blocks blocks={intro.association} />
        </View>
      ) : null}
      <Blocks blocks={intro.head} />
      <View style={styles.notice} wrap={false}>
        <Blocks blocks={intro.notice} />
      </View>
      <View style={styles.sectionBox}>
        <TextLines lines={intro.votersTitle} style={styles.section} />
      </View>
    </>
  );
}

function totalFigures(data: AttendanceSheetData): KeyFigure[] {
  const { totals } = data;
  const figures: KeyFigure[] = [
    { label: 'Membres votants inscrits', value: formatInteger(totals.voters) },
    { label: 'Pouvoirs enregistrés', value: formatInteger(totals.proxies) },
  ];
  if (totals.weighted) figures.push({ label: 'Total des voix', value: formatVoix(totals.totalWeight) });
  figures.push({ label: NON_VOTERS_TITLE, value: formatInteger(data.nonVoters.length) });
  return figures;
}

function Closing({ data }: { data: AttendanceSheetData }) {
  return (
    <View wrap={false}>
      <KeyFigures items={totalFigures(data)} />
      <View style={styles.closingLineBox}>
        <Text style={styles.closingLine}>{closingLine(data.totals.weighted)}</Text>
      </View>
      <View style={styles.signatures}>
        {SIGNATORIES.map((label) => (
          <View key={label} style={styles.signature}>
            <Text style={styles.signatureLabel}>{label}</Text>
            <View style={styles.signatureLine}>
              <Text style={styles.signatureHint}>{SIGNATURE_HINT}</Text>
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}

function SliceView({ slice, plan, data }: { slice: Slice; plan: AttendanceSheetPlan; data: AttendanceSheetData }) {
  const section = slice.level === 'section';
  const headingBox = section
    ? slice.spaced
      ? styles.sectionBoxSpaced
      : styles.sectionBox
    : slice.spaced
      ? styles.groupBoxSpaced
      : styles.groupBox;
  return (
    <View>
      {slice.heading.length > 0 ? (
        <View style={headingBox} {...(slice.bookmark ? { bookmark: slice.bookmark } : {})}>
          <TextLines lines={slice.heading} style={section ? styles.section : styles.group} />
        </View>
      ) : null}
      {slice.empty ? (
        <View style={styles.emptyBox}>
          <Text style={styles.empty}>{slice.empty}</Text>
        </View>
      ) : slice.kind === 'voters' ? (
        <SheetTableView table={plan.voterTable} rows={slice.rows} />
      ) : slice.kind === 'nonVoters' ? (
        <SheetTableView table={plan.nonVoterTable} rows={slice.rows} />
      ) : (
        <Closing data={data} />
      )}
    </View>
  );
}

/**
 * « Feuille d'émargement » of a general assembly: the voting members by collège with their pouvoirs and a
 * signature column, the participants without a deliberative vote apart, then the totals, the line closing the
 * attendance by hand and the signatures of the président and secrétaire de séance.
 */
export function AttendanceSheet({ data }: { data: AttendanceSheetData }) {
  const plan = planAttendanceSheet(data);
  const day = dateLong(data.meeting.date);
  const frame = {
    orientation: ORIENTATION,
    cptsName: data.association.name,
    reportTitle: runningTitle(data.meeting),
    footer: footerLabel(ATTENDANCE_SHEET_TITLE, data.generatedAt),
  } as const;

  return (
    <ReportDocument
      title={`${ATTENDANCE_SHEET_TITLE} — ${data.meeting.organLabel}${day ? ` du ${day}` : ''}`}
      author={data.association.name}
      subject={ATTENDANCE_SHEET_TITLE}
    >
      {plan.pages.map((page, pageIndex) => (
        <WidePage key={pageIndex} {...frame} {...(pageIndex === 0 ? { bookmark: ATTENDANCE_SHEET_TITLE } : {})}>
          {page.intro ? <IntroBlock intro={plan.intro} /> : null}
          {page.slices.map((slice, index) => (
            <SliceView key={index} slice={slice} plan={plan} data={data} />
          ))}
        </WidePage>
      ))}
    </ReportDocument>
  );
}
