/**
 * Splits table rows into explicit pages. react-pdf's automatic layout of long tables is superlinear,
 * so long tables are cut here and each slice is rendered on its own <Page>.
 * The first page may hold fewer rows (it usually starts below a title or a summary).
 * With `heightOf` (e.g. rowHeightUnits(columns) from Table), `perPage` and `firstPage` count single-line rows
 * and a row wrapping on two lines takes more room. A page always takes at least one row.
 * An empty list gives no page at all.
 */
export function chunkRows<T>(
  rows: readonly T[],
  perPage: number,
  firstPage: number = perPage,
  heightOf?: (row: T) => number,
): T[][] {
  if (!Number.isInteger(perPage) || perPage < 1)
    throw new RangeError(`perPage must be a positive integer (${perPage})`);
  if (!Number.isInteger(firstPage) || firstPage < 1) {
    throw new RangeError(`firstPage must be a positive integer (${firstPage})`);
  }
  const chunks: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const row of rows) {
    const capacity = chunks.length === 0 ? firstPage : perPage;
    const height = heightOf ? heightOf(row) : 1;
    if (current.length > 0 && used + height > capacity + 1e-9) {
      chunks.push(current);
      current = [];
      used = 0;
    }
    current.push(row);
    used += height;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
