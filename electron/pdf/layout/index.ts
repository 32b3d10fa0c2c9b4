/**
 * The PDF layout kit every report builds on: the document and its pages (running header, footer « Page n / N »),
 * page geometry, the two table systems (Table: react-pdf wraps short tables; Grid: measured rows, paginated ahead
 * of layout for long lists) and text measurement.
 */
export { chunkRows } from './chunkRows';
export { PageFlow, type FlowHeading, type FlowSlice, type FlowTable } from './flow';
export {
  Grid,
  GridTable,
  INTER_HEIGHT_EM,
  MISSING,
  PaintedTable,
  PLAIN_SHAPING,
  selectFont,
  TextLines,
  type GridCell,
  type GridColumn,
  type GridOptions,
  type GridRow,
  type GridTableProps,
  type Painter,
} from './grid';
export { textWidth, WIDTH_SAFETY, wrapToWidth, type FontWeightClass } from './metrics';
export { pageContentHeight, pageContentWidth, WidePage } from './page-geometry';
export { ReportDocument, type ReportDocumentProps } from './ReportDocument';
export { ReportPage, type Orientation, type ReportPageProps } from './ReportPage';
export { rowHeightUnits, Table, type TableColumn, type TableProps } from './Table';
export { breakLongWords, maxCharsFor, wrapLines } from './wrap';
export { Toc, TocHeading, TocPages, type TocEntry } from './Toc';
export { BrandedPage, brandedContentHeight, imageSource, widthAtHeight, type BrandedPageProps } from './BrandedPage';
