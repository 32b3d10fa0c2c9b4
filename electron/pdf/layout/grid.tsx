import { Canvas, Font, StyleSheet, Text, View, type Styles } from '@react-pdf/renderer';
import { colors, fontFamily, weights } from '../components/theme';
import { textWidth, WIDTH_SAFETY, wrapToWidth, type FontWeightClass } from './metrics';

/**
 * A dense table whose rows are measured before layout (see metrics.ts), for the long member lists and the
 * profession × commune matrix. Unlike layout/Table it takes the width it spans and its font size, wraps
 * every cell (header included) itself, and tells the exact height of each row, so that pages can be filled
 * with chunkRows() and never overflow.
 *
 * Long bodies can be painted (`painted`): react-pdf spends about half a millisecond on each <Text> (style
 * resolution, yoga, textkit, shaping), which makes 16 000 cells take longer than the coordinator will wait.
 * A painted table is one <Canvas> per page whose text is drawn with PDFKit in the same embedded Inter (PDFKit
 * caches the shaping of each word, and names, communes or phone digit pairs repeat a lot). The text stays
 * real, selectable and searchable text.
 */

export interface GridColumn<T> {
  header: string;
  /** Relative width; the widths of all columns are turned into fractions of the table width. */
  width: number;
  /** Numeric columns are right-aligned, header included. */
  numeric?: boolean;
  /** null is shown as a grey « — ». */
  value: (row: T) => string | null;
  /** Shows the value in grey (e.g. a zero in a matrix). */
  faint?: (row: T) => boolean;
  /**
   * Values that hardly ever repeat (e-mail addresses, RPPS numbers): a painted table draws them without
   * OpenType features (see PLAIN_SHAPING), as PDFKit's word cache cannot help them.
   */
  unique?: boolean;
}

export interface GridCell {
  lines: string[];
  faint: boolean;
}

/** A row wrapped into lines, with its height in points. */
export interface GridRow {
  cells: GridCell[];
  height: number;
}

type Style = Styles[string];

export const MISSING = '—';

const LINE_RATIO = 1.25;
const PADDING_X = 4;
const PADDING_Y = 2.5;
const HEADER_PADDING_Y = 3.5;
const RULE = 0.8;

export interface GridOptions {
  /** Width the table spans, in points. */
  width: number;
  fontSize: number;
  /** Font size of the header row (the body's by default): smaller for narrow columns of numbers. */
  headerFontSize?: number;
}

/** Column geometry, styles and measurement of one table layout. */
export class Grid<T> {
  readonly columns: readonly GridColumn<T>[];
  readonly fontSize: number;
  readonly lineHeight: number;
  readonly headerFontSize: number;
  readonly header: GridRow;
  /** Height of a one-line row: the unit of chunkRows(). */
  readonly singleRowHeight: number;
  /** Extra height of a table besides its rows: header row and closing rule. */
  readonly frameHeight: number;
  private readonly innerWidths: number[];
  /** Left edge of each column, as a fraction of the table width. */
  private readonly lefts: number[];
  private readonly fractions: number[];
  readonly styles: {
    table: Style;
    headerRow: Style;
    row: Style;
    zebraRow: Style;
    totalRow: Style;
    headerCells: Style[];
    headerBoxes: Style[];
    headerLines: Style[];
    cells: Style[];
    faintCells: Style[];
    boxes: Style[];
    lines: Style[];
    faintLines: Style[];
  };

  constructor(columns: readonly GridColumn<T>[], { width, fontSize, headerFontSize = fontSize }: GridOptions) {
    this.columns = columns;
    this.fontSize = fontSize;
    this.lineHeight = fontSize * LINE_RATIO;
    this.headerFontSize = headerFontSize;
    const totalWeight = columns.reduce((sum, column) => sum + column.width, 0) || 1;
    const fractions = columns.map((column) => column.width / totalWeight);
    this.fractions = fractions;
    this.lefts = fractions.map((_, index) => fractions.slice(0, index).reduce((sum, fraction) => sum + fraction, 0));
    this.innerWidths = fractions.map((fraction) => fraction * width - 2 * PADDING_X);
    const percents = fractions.map((fraction) => `${(fraction * 100).toFixed(4)}%`);

    const text: Style = { fontSize, lineHeight: LINE_RATIO };
    const headerText: Style = { fontSize: headerFontSize, lineHeight: LINE_RATIO };
    const align = (index: number): Style => (columns[index]?.numeric ? { textAlign: 'right' } : {});
    const sheet = StyleSheet.create({
      table: { borderBottomWidth: RULE, borderBottomColor: colors.accent },
      headerRow: {
        flexDirection: 'row',
        backgroundColor: colors.accent,
        color: '#ffffff',
        fontWeight: weights.semibold,
      },
      row: { flexDirection: 'row' },
      zebraRow: { flexDirection: 'row', backgroundColor: colors.zebra },
      totalRow: {
        flexDirection: 'row',
        fontWeight: weights.bold,
        borderTopWidth: RULE,
        borderTopColor: colors.accent,
        backgroundColor: colors.accentSoft,
      },
    });
    this.styles = {
      ...sheet,
      headerCells: columns.map((_, index) => ({
        ...headerText,
        ...align(index),
        width: percents[index],
        paddingVertical: HEADER_PADDING_Y,
        paddingHorizontal: PADDING_X,
      })),
      headerBoxes: columns.map((_, index) => ({
        width: percents[index],
        paddingVertical: HEADER_PADDING_Y,
        paddingHorizontal: PADDING_X,
      })),
      headerLines: columns.map((_, index) => ({ ...headerText, ...align(index) })),
      cells: columns.map((_, index) => ({
        ...text,
        ...align(index),
        width: percents[index],
        paddingVertical: PADDING_Y,
        paddingHorizontal: PADDING_X,
      })),
      faintCells: columns.map((_, index) => ({
        ...text,
        ...align(index),
        width: percents[index],
        paddingVertical: PADDING_Y,
        paddingHorizontal: PADDING_X,
        color: colors.faint,
      })),
      boxes: columns.map((_, index) => ({
        width: percents[index],
        paddingVertical: PADDING_Y,
        paddingHorizontal: PADDING_X,
      })),
      lines: columns.map((_, index) => ({ ...text, ...align(index) })),
      faintLines: columns.map((_, index) => ({ ...text, ...align(index), color: colors.faint })),
    };

    this.header = this.measure(
      columns.map((column) => column.header),
      'bold',
      HEADER_PADDING_Y,
      undefined,
      headerFontSize,
    );
    this.singleRowHeight = this.lineHeight + 2 * PADDING_Y;
    this.frameHeight = this.header.height + RULE;
  }

  private measure(
    values: readonly (string | null)[],
    weight: FontWeightClass,
    paddingY: number,
    faint?: boolean[],
    fontSize: number = this.fontSize,
  ): GridRow {
    let lines = 1;
    const cells = values.map((value, index) => {
      const text = value ?? MISSING;
      const cellLines = wrapToWidth(text, this.innerWidths[index] ?? Number.POSITIVE_INFINITY, fontSize, weight);
      lines = Math.max(lines, cellLines.length);
      return { lines: cellLines, faint: value === null || (faint?.[index] ?? false) };
    });
    return { cells, height: lines * fontSize * LINE_RATIO + 2 * paddingY };
  }

  /** Wraps the cells of a body row. */
  row(row: T): GridRow {
    return this.measure(
      this.columns.map((column) => column.value(row)),
      'regular',
      PADDING_Y,
      this.columns.map((column) => column.faint?.(row) ?? false),
    );
  }

  /** Wraps a closing row (e.g. « Total »), one value per column; it is drawn in bold above a rule. */
  total(values: readonly string[]): GridRow {
    const measured = this.measure(
      this.columns.map((_, index) => values[index] ?? ''),
      'bold',
      PADDING_Y,
    );
    return { ...measured, height: measured.height + RULE };
  }

  /** chunkRows() height of a row, in one-line rows. */
  units(row: GridRow): number {
    return row.height / this.singleRowHeight;
  }

  /**
   * Draws the header row and body rows with PDFKit (see PaintedTable): header band, zebra stripes, then each
   * line of each cell, placed where react-pdf would place a line of the same size and line height.
   */
  paint(painter: Painter, width: number, rows: readonly GridRow[], startIndex: number): void {
    const drawCells = (
      row: GridRow,
      top: number,
      paddingY: number,
      fontSize: number,
      color: (cell: GridCell) => string,
      bold = false,
    ) => {
      const lineHeight = fontSize * LINE_RATIO;
      const baselineShift = ((LINE_RATIO - INTER_HEIGHT_EM) / 2) * fontSize;
      row.cells.forEach((cell, column) => {
        const left = (this.lefts[column] ?? 0) * width + PADDING_X;
        const right = ((this.lefts[column] ?? 0) + (this.fractions[column] ?? 0)) * width - PADDING_X;
        const numeric = this.columns[column]?.numeric ?? false;
        // Cached shaping for repeated words (names, communes, professions), plain shaping for unique values.
        const plain = this.columns[column]?.unique && !cell.faint;
        const options = plain ? { lineBreak: false, features: PLAIN_SHAPING } : { lineBreak: false };
        painter.fillColor(color(cell));
        cell.lines.forEach((line, lineIndex) => {
          if (line === '') return;
          const x = numeric ? right - textWidth(line, fontSize, bold ? 'bold' : 'regular') / WIDTH_SAFETY : left;
          painter.text(line, x, top + paddingY + lineIndex * lineHeight + baselineShift, options);
        });
      });
    };

    painter.rect(0, 0, width, this.header.height).fill(colors.accent);
    selectFont(painter, weights.semibold, this.headerFontSize);
    drawCells(this.header, 0, HEADER_PADDING_Y, this.headerFontSize, () => '#ffffff', true);

    selectFont(painter, weights.regular, this.fontSize);
    let top = this.header.height;
    rows.forEach((row, index) => {
      if ((startIndex + index) % 2 === 1) painter.rect(0, top, width, row.height).fill(colors.zebra);
      drawCells(row, top, PADDING_Y, this.fontSize, (cell) => (cell.faint ? colors.faint : colors.text));
      top += row.height;
    });
  }
}

/**
 * Selects a weight of Inter on the painter. Given the fontkit font react-pdf loaded and its PostScript name,
 * PDFKit reuses the font react-pdf already embeds in this document (same subset, same ToUnicode map) without
 * opening anything; before the font is loaded (never in practice: the page's own texts load it) the registered
 * file is opened instead, and PDFKit still merges it with react-pdf's as the same font.
 */
export function selectFont(painter: Painter, fontWeight: number, size: number): void {
  const font = Font.getFont({ fontFamily, fontWeight });
  const data = font.data as { postscriptName?: string } | null;
  if (data && typeof data.postscriptName === 'string') painter.font(data, data.postscriptName, size);
  else painter.font(font.src, size);
}

/** The subset of PDFKit that react-pdf's <Canvas> hands to `paint`. */
export interface Painter {
  font(src: unknown, familyOrSize: string | number, size?: number): Painter;
  fillColor(color: string): Painter;
  rect(x: number, y: number, width: number, height: number): Painter;
  fill(color?: string): Painter;
  text(
    text: string,
    x: number,
    y: number,
    options: { lineBreak: boolean; features?: Readonly<Record<string, boolean>> },
  ): Painter;
}

/**
 * Every OpenType feature fontkit would apply to Latin text, turned off: shaping then only maps characters to
 * glyphs, about eight times faster than with Inter's contextual alternates. Kerning goes too, which nobody
 * sees in an e-mail address or a row of digits.
 */
export const PLAIN_SHAPING = {
  rvrn: false,
  ccmp: false,
  locl: false,
  rlig: false,
  mark: false,
  mkmk: false,
  calt: false,
  clig: false,
  liga: false,
  rclt: false,
  curs: false,
  kern: false,
} as const;

/** Height of Inter's glyph box (ascender + descender) in em: PDFKit puts the ascender at the given y. */
export const INTER_HEIGHT_EM = (1984 + 494) / 2048;

/** The header row and body rows drawn on one <Canvas> (see Grid.paint): the fast path for long tables. */
export function PaintedTable<T>({
  grid,
  rows,
  startIndex = 0,
}: {
  grid: Grid<T>;
  rows: readonly GridRow[];
  startIndex?: number;
}) {
  const height = grid.header.height + rows.reduce((sum, row) => sum + row.height, 0);
  return (
    <Canvas
      style={{ width: '100%', height }}
      paint={(painter: Painter, width: number) => {
        grid.paint(painter, width, rows, startIndex);
        return null;
      }}
    />
  );
}

/** Lines already wrapped (see metrics.ts), one <Text> each: a '\n' inside a Text would bring in Helvetica. */
export function TextLines({ lines, style }: { lines: readonly string[]; style: Style }) {
  return (
    <>
      {lines.map((line, index) => (
        <Text key={index} style={style}>
          {line}
        </Text>
      ))}
    </>
  );
}

function Cells({
  row,
  cellStyles,
  faintStyles,
  boxStyles,
  lineStyles,
  faintLineStyles,
}: {
  row: GridRow;
  cellStyles: Style[];
  faintStyles: Style[];
  boxStyles: Style[];
  lineStyles: Style[];
  faintLineStyles: Style[];
}) {
  return (
    <>
      {row.cells.map((cell, index) => {
        if (cell.lines.length === 1) {
          return (
            <Text key={index} style={(cell.faint ? faintStyles : cellStyles)[index]}>
              {cell.lines[0]}
            </Text>
          );
        }
        // One Text per line: a '\n' inside a Text makes react-pdf reference (unembedded) Helvetica.
        return (
          <View key={index} style={boxStyles[index]}>
            {cell.lines.map((line, lineIndex) => (
              <Text key={lineIndex} style={(cell.faint ? faintLineStyles : lineStyles)[index]}>
                {line}
              </Text>
            ))}
          </View>
        );
      })}
    </>
  );
}

export interface GridTableProps<T> {
  grid: Grid<T>;
  rows: readonly GridRow[];
  /** Index of the first row in the whole table, so zebra striping continues across pages. */
  startIndex?: number;
  totalRow?: GridRow;
  /** Draw the header and body rows on a canvas (see PaintedTable) instead of one <Text> per cell. */
  painted?: boolean;
}

/** The table of `rows` (already measured by `grid`), its header row first, an optional closing row last. */
export function GridTable<T>({ grid, rows, startIndex = 0, totalRow, painted = false }: GridTableProps<T>) {
  const { styles } = grid;
  const body = {
    cellStyles: styles.cells,
    faintStyles: styles.faintCells,
    boxStyles: styles.boxes,
    lineStyles: styles.lines,
    faintLineStyles: styles.faintLines,
  };
  if (painted) {
    return (
      <View style={styles.table}>
        <PaintedTable grid={grid} rows={rows} startIndex={startIndex} />
        {totalRow ? (
          <View style={styles.totalRow} wrap={false}>
            <Cells row={totalRow} {...body} />
          </View>
        ) : null}
      </View>
    );
  }
  return (
    <View style={styles.table}>
      {/* fixed: repeated if react-pdf has to carry the table over to the next page. */}
      <View style={styles.headerRow} fixed wrap={false}>
        <Cells
          row={grid.header}
          cellStyles={styles.headerCells}
          faintStyles={styles.headerCells}
          boxStyles={styles.headerBoxes}
          lineStyles={styles.headerLines}
          faintLineStyles={styles.headerLines}
        />
      </View>
      {rows.map((row, index) => (
        <View key={index} style={(startIndex + index) % 2 === 1 ? styles.zebraRow : styles.row} wrap={false}>
          <Cells row={row} {...body} />
        </View>
      ))}
      {totalRow ? (
        <View style={styles.totalRow} wrap={false}>
          <Cells row={totalRow} {...body} />
        </View>
      ) : null}
    </View>
  );
}
