export { chunkRows } from './chunkRows';
export { ReportPage, type ReportPageProps } from './ReportPage';
export { rowHeightUnits, Table, type TableColumn, type TableProps } from './Table';
export { breakLongWords, maxCharsFor, wrapLines } from './wrap';
export {
  DocumentTitle,
  EmptyState,
  Highlight,
  KeyFigures,
  KeyValueList,
  MilestoneList,
  Note,
  Paragraph,
  Section,
  SectionTitle,
  SubsectionTitle,
  type KeyFigure,
  type KeyValueItem,
  type Milestone,
} from './blocks';
export { colors, fontFamily, fontSizes, page, weights } from './theme';
