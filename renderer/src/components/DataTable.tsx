import { Fragment, type HTMLAttributes, type Key, type ReactNode } from 'react';

/** One column of a {@link DataTable}: its header, and what each row shows in it. */
export interface Column<T> {
  /** The header text (or markup). */
  header: ReactNode;
  /** The header is read by screen readers only (an arrow column, the row buttons). */
  hiddenHeader?: boolean;
  /** On the header and on every cell of the column (`num` aligns the figures right). */
  className?: string;
  /** On the cells only, after `className`; a function for a class that depends on the row. */
  cellClassName?: string | ((row: T) => string | undefined);
  /** The cells are `<th scope="row">`: the column that names the row. */
  rowHeader?: boolean;
  /** The cells repeat what the row already says (an arrow…): hidden from screen readers. */
  decorative?: boolean;
  /** What a row shows in this column. Absent when the table draws its rows itself (`renderRow`). */
  cell?: (row: T, index: number) => ReactNode;
}

interface DataTableProps<T> {
  rows: readonly T[];
  columns: readonly Column<T>[];
  /** The React key of a row. */
  rowKey: (row: T, index: number) => Key;
  /** Attributes of a row's `<tr>` (a class for its state, aria-current…). */
  rowProps?: (row: T) => HTMLAttributes<HTMLTableRowElement>;
  /**
   * The row's buttons (« Modifier », « Supprimer », « Retirer »…), in a last column whose header is read by screen
   * readers only, its cells keeping the buttons on one line at the right.
   */
  actions?: (row: T) => ReactNode;
  /** The hidden header of the buttons' column, default « Actions ». */
  actionsLabel?: string;
  /** The class of the buttons' cells, default `actions` (`''` for none). */
  actionsClassName?: string;
  /** Draws a row itself (a row with its own state), instead of the columns' cells. */
  renderRow?: (row: T, index: number) => ReactNode;
  /** Shown instead of the table, in a muted paragraph, when there is no row. Without it, an empty table is drawn. */
  empty?: ReactNode;
  /** Classes after `table` (and `table-compact`). */
  className?: string;
  /** Tighter cells (class `table-compact`). */
  compact?: boolean;
  /** Scrolls sideways inside its own box when the window is too narrow (class `table-scroll`). */
  scroll?: boolean;
  /** A caption read by screen readers only. */
  caption?: ReactNode;
  /** The rows of the `<tfoot>` (totals…). */
  footer?: ReactNode;
  'aria-label'?: string;
  'aria-labelledby'?: string;
}

function cellClass<T>(column: Column<T>, row: T): string | undefined {
  const own = typeof column.cellClassName === 'function' ? column.cellClassName(row) : column.cellClassName;
  return [column.className, own].filter(Boolean).join(' ') || undefined;
}

/**
 * A list shown as an accessible table: column headers with `scope="col"`, an optional row header, the row buttons
 * in a last column, the empty message instead of an empty table. Its look is the base `.table` styles.
 */
export function DataTable<T>({
  rows,
  columns,
  rowKey,
  rowProps,
  actions,
  actionsLabel = 'Actions',
  actionsClassName = 'actions',
  renderRow,
  empty,
  className,
  compact,
  scroll,
  caption,
  footer,
  'aria-label': ariaLabel,
  'aria-labelledby': ariaLabelledBy,
}: DataTableProps<T>) {
  if (rows.length === 0 && empty !== undefined) return <p className="muted">{empty}</p>;
  const allColumns: readonly Column<T>[] = actions
    ? [...columns, { header: actionsLabel, hiddenHeader: true, cellClassName: actionsClassName, cell: actions }]
    : columns;

  const table = (
    <table
      className={['table', compact && 'table-compact', className].filter(Boolean).join(' ')}
      aria-label={ariaLabel}
      aria-labelledby={ariaLabelledBy}
    >
      {caption !== undefined && <caption className="visually-hidden">{caption}</caption>}
      <thead>
        <tr>
          {allColumns.map((column, index) => (
            <th key={index} scope="col" className={column.className}>
              {column.hiddenHeader ? <span className="visually-hidden">{column.header}</span> : column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, rowIndex) =>
          renderRow ? (
            <Fragment key={rowKey(row, rowIndex)}>{renderRow(row, rowIndex)}</Fragment>
          ) : (
            <tr key={rowKey(row, rowIndex)} {...rowProps?.(row)}>
              {allColumns.map((column, index) => {
                const content = column.cell?.(row, rowIndex);
                const className = cellClass(column, row);
                return column.rowHeader ? (
                  <th key={index} scope="row" className={className}>
                    {content}
                  </th>
                ) : (
                  <td key={index} className={className} aria-hidden={column.decorative || undefined}>
                    {content}
                  </td>
                );
              })}
            </tr>
          ),
        )}
      </tbody>
      {footer !== undefined && <tfoot>{footer}</tfoot>}
    </table>
  );
  return scroll ? <div className="table-scroll">{table}</div> : table;
}
