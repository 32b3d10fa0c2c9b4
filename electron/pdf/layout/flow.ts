import { chunkRows } from './chunkRows';
import type { GridRow } from './grid';

/**
 * Explicit pagination of measured tables (see grid.tsx): react-pdf's automatic layout of a long table is
 * superlinear, so tables are shared out over pages here, ahead of layout, with chunkRows(). A table follows
 * the previous one on the same page when its heading and first rows fit; a table carried over to the next
 * page repeats its heading (« (suite) ») and its header row.
 */

export interface FlowHeading {
  /** Lines of the heading, first time and on the following pages. */
  lines: (continued: boolean) => string[];
  lineHeight: number;
  /** Space above the heading when something precedes it on the page. */
  marginTop: number;
  marginBottom: number;
}

export interface FlowSlice {
  rows: GridRow[];
  /** Index of the first row in the whole table (zebra striping). */
  startIndex: number;
  continued: boolean;
  /** Whether a table precedes this one on its page (its heading then takes its top margin). */
  spaced: boolean;
  /** Last slice of the table: the one that carries the closing row. */
  last: boolean;
  heading: string[];
}

export interface FlowTable<P> {
  heading: FlowHeading | null;
  /** Header row and closing rule of the table (Grid.frameHeight). */
  frameHeight: number;
  /** Height of a one-line row (Grid.singleRowHeight): the unit of chunkRows(). */
  unit: number;
  rows: readonly GridRow[];
  /** Height after the last row (total row, note): it stays on the page of the last row. */
  closing?: number;
  /** Starts the table on a new page rather than cutting it, when it fits on one page. */
  keepTogether?: boolean;
  /** What the page shows of this table. */
  slice: (slice: FlowSlice) => P;
}

export class PageFlow<P> {
  readonly pages: P[][] = [[]];
  private used: number;

  /**
   * @param capacity height available for content on every page, in points
   * @param firstPageUsed height already taken on the first page (title, notice…)
   */
  constructor(
    private readonly capacity: number,
    firstPageUsed = 0,
  ) {
    this.used = firstPageUsed;
  }

  private get current(): P[] {
    return this.pages[this.pages.length - 1]!;
  }

  newPage(): void {
    this.pages.push([]);
    this.used = 0;
  }

  /** Places a table, over as many pages as it needs. */
  add(table: FlowTable<P>): void {
    const { heading, unit } = table;
    const closing = table.closing ?? 0;
    const headingHeight = (continued: boolean, spaced: boolean) =>
      heading
        ? (spaced ? heading.marginTop : 0) + heading.lines(continued).length * heading.lineHeight + heading.marginBottom
        : 0;
    const headHeight = (continued: boolean, spaced: boolean) => headingHeight(continued, spaced) + table.frameHeight;
    const bodyHeight = (rows: readonly GridRow[]) => rows.reduce((sum, row) => sum + row.height, 0);

    // A heading never stays alone at the foot of a page: two rows at least go with it (or the whole short table).
    const whole = bodyHeight(table.rows) + closing;
    const opening =
      table.keepTogether && headHeight(false, false) + whole <= this.capacity
        ? whole
        : table.rows.length <= 2
          ? whole
          : bodyHeight(table.rows.slice(0, 2));
    const spacedFirst = this.current.length > 0;
    if (this.used > 0 && this.used + headHeight(false, spacedFirst) + opening > this.capacity) this.newPage();

    // The closing row counts as part of the last row, so that they stay together.
    const measured = table.rows.map((row, index) =>
      index === table.rows.length - 1 ? { ...row, height: row.height + closing } : row,
    );
    const firstCapacity = Math.floor((this.capacity - this.used - headHeight(false, this.current.length > 0)) / unit);
    const perPage = Math.floor((this.capacity - headHeight(true, false)) / unit);
    const chunks =
      measured.length > 0
        ? chunkRows(measured, Math.max(1, perPage), Math.max(1, firstCapacity), (row) => row.height / unit)
        : [[]];

    let startIndex = 0;
    chunks.forEach((chunk, index) => {
      const continued = index > 0;
      if (continued) this.newPage();
      const spaced = this.current.length > 0;
      this.current.push(
        table.slice({
          rows: table.rows.slice(startIndex, startIndex + chunk.length),
          startIndex,
          continued,
          spaced,
          last: index === chunks.length - 1,
          heading: heading ? heading.lines(continued) : [],
        }),
      );
      this.used += headHeight(continued, spaced) + bodyHeight(chunk);
      startIndex += chunk.length;
    });
  }
}
