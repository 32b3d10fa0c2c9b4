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
export { BulletList, FreeText } from './free-text';
