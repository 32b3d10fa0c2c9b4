import { page } from '../components/theme';
import {
  HEADER_BORDER,
  HEADER_FONT_SIZE,
  HEADER_LINE_RATIO,
  HEADER_MARGIN_BOTTOM,
  HEADER_PADDING_BOTTOM,
  ReportPage,
  type Orientation,
} from './ReportPage';
import { wrapToWidth } from './metrics';

/**
 * Page geometry for explicit pagination of the wide member tables and the profession × commune matrix:
 * the running header of ReportPage sets its lineHeight, so its height is known.
 */

/** A4 in points. */
const A4 = { short: 595.28, long: 841.89 } as const;

export type { Orientation };

/** A4 page, portrait or landscape, with the running header and footer « Page n / N ». */
export const WidePage = ReportPage;

/** Height the running header takes at the top of the content flow (its texts may wrap). */
function headerHeight(orientation: Orientation, cptsName: string, reportTitle: string): number {
  const width = pageContentWidth(orientation);
  const lines = Math.max(
    wrapToWidth(cptsName, width * 0.55, HEADER_FONT_SIZE, 'bold').length,
    wrapToWidth(reportTitle, width * 0.45, HEADER_FONT_SIZE).length,
  );
  return lines * HEADER_FONT_SIZE * HEADER_LINE_RATIO + HEADER_PADDING_BOTTOM + HEADER_BORDER + HEADER_MARGIN_BOTTOM;
}

/** Width between the side margins, in points. */
export function pageContentWidth(orientation: Orientation): number {
  return (orientation === 'landscape' ? A4.long : A4.short) - 2 * page.paddingHorizontal;
}

/** Height available to the content below the running header and above the footer margin, in points. */
export function pageContentHeight(orientation: Orientation, cptsName: string, reportTitle: string): number {
  const pageHeight = orientation === 'landscape' ? A4.short : A4.long;
  return pageHeight - page.paddingTop - page.paddingBottom - headerHeight(orientation, cptsName, reportTitle);
}
