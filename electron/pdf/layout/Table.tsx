import { StyleSheet, Text, View, type Styles } from '@react-pdf/renderer';
import { colors, contentWidth, fontSizes, textSize, weights } from '../components/theme';
import { breakLongWords, maxCharsFor, wrapLines } from './wrap';

export interface TableColumn<T> {
  header: string;
  /** Relative width; the widths of all columns are turned into percentages. */
  width: number;
  /** Numeric columns are right-aligned, header included. */
  numeric?: boolean;
  value: (row: T) => string;
}

export interface TableProps<T> {
  columns: readonly TableColumn<T>[];
  rows: readonly T[];
  /** Index of the first row in the whole table, so zebra striping continues across pages. */
  startIndex?: number;
  /** A closing row (e.g. « Total »), one cell per column. */
  totalRow?: readonly string[];
  rowKey?: (row: T, index: number) => string;
}

type Style = Styles[string];

const CELL_PADDING_X = 6;

const styles = StyleSheet.create({
  table: { borderBottomWidth: 0.8, borderBottomColor: colors.accent },
  headerRow: {
    flexDirection: 'row',
    backgroundColor: colors.accent,
    color: '#ffffff',
    fontWeight: weights.semibold,
  },
  row: { flexDirection: 'row' },
  zebra: { backgroundColor: colors.zebra },
  totalRow: {
    flexDirection: 'row',
    fontWeight: weights.bold,
    borderTopWidth: 0.8,
    borderTopColor: colors.accent,
    backgroundColor: colors.accentSoft,
  },
  headerCell: { ...textSize(fontSizes.body - 0.5, 1.25), paddingVertical: 4, paddingHorizontal: CELL_PADDING_X },
  cell: { ...textSize(fontSizes.body), paddingVertical: 3, paddingHorizontal: CELL_PADDING_X },
  cellBox: { paddingVertical: 3, paddingHorizontal: CELL_PADDING_X },
  cellLine: textSize(fontSizes.body),
  numeric: { textAlign: 'right' },
});

function fractionsOf<T>(columns: readonly TableColumn<T>[]): number[] {
  const total = columns.reduce((sum, column) => sum + column.width, 0) || 1;
  return columns.map((column) => column.width / total);
}

function maxCharsOf<T>(columns: readonly TableColumn<T>[]): number[] {
  return fractionsOf(columns).map((fraction) =>
    maxCharsFor(fraction * contentWidth - 2 * CELL_PADDING_X, fontSizes.body),
  );
}

/** Height of one body line and the vertical padding of a row, in points (see styles.cell). */
const LINE_PT = fontSizes.body * 1.35;
const ROW_PADDING_PT = 6;

/**
 * Estimated height of a row, in single-line rows (1 for a row on one line, about 1.7 for two lines).
 * Pass it to chunkRows() so pages of long, wrapping names hold fewer rows. The estimate errs on the high side.
 */
export function rowHeightUnits<T>(columns: readonly TableColumn<T>[]): (row: T) => number {
  const maxChars = maxCharsOf(columns);
  return (row) => {
    const lines = Math.max(
      1,
      ...columns.map(
        (column, index) => wrapLines(column.value(row), maxChars[index] ?? Number.POSITIVE_INFINITY).length,
      ),
    );
    return (lines * LINE_PT + ROW_PADDING_PT) / (LINE_PT + ROW_PADDING_PT);
  };
}

/**
 * A simple table: coloured header row (repeated if react-pdf wraps the table onto another page),
 * zebra rows, right-aligned numeric columns and an optional total row.
 * For long tables cut the rows with chunkRows() and render one <Table> per page.
 */
export function Table<T>({ columns, rows, startIndex = 0, totalRow, rowKey }: TableProps<T>) {
  const fractions = fractionsOf(columns);
  const widths = fractions.map((fraction) => `${(fraction * 100).toFixed(3)}%`);
  // Tables span the content width; long unbreakable words are cut by breakLongWords (see wrap.ts).
  const maxChars = maxCharsOf(columns);
  const cellStyle = (index: number, base: Style): Style[] => {
    const style: Style[] = [base, { width: widths[index] ?? 'auto' }];
    if (columns[index]?.numeric) style.push(styles.numeric);
    return style;
  };
  const cell = (index: number, text: string) => {
    const lines = breakLongWords(text, maxChars[index] ?? Number.POSITIVE_INFINITY);
    if (!lines) {
      return (
        <Text key={index} style={cellStyle(index, styles.cell)}>
          {text}
        </Text>
      );
    }
    return (
      <View key={index} style={cellStyle(index, styles.cellBox)}>
        {lines.map((line, lineIndex) => (
          <Text key={lineIndex} style={styles.cellLine}>
            {line}
          </Text>
        ))}
      </View>
    );
  };

  return (
    <View style={styles.table}>
      <View style={styles.headerRow} fixed wrap={false}>
        {columns.map((column, index) => (
          <Text key={column.header} style={cellStyle(index, styles.headerCell)}>
            {column.header}
          </Text>
        ))}
      </View>
      {rows.map((row, index) => {
        const absolute = startIndex + index;
        return (
          <View
            key={rowKey ? rowKey(row, absolute) : String(absolute)}
            style={absolute % 2 === 1 ? [styles.row, styles.zebra] : styles.row}
            wrap={false}
          >
            {columns.map((column, columnIndex) => cell(columnIndex, column.value(row)))}
          </View>
        );
      })}
      {totalRow ? (
        <View style={styles.totalRow} wrap={false}>
          {columns.map((_column, index) => cell(index, totalRow[index] ?? ''))}
        </View>
      ) : null}
    </View>
  );
}
