import { Canvas } from '@react-pdf/renderer';
import { colors, weights } from '../components/theme';
import {
  type GridCell,
  type GridRow,
  INTER_HEIGHT_EM,
  type Painter as GridPainter,
  PLAIN_SHAPING,
  selectFont,
  textWidth,
  WIDTH_SAFETY,
  wrapToWidth,
} from '../layout';

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
