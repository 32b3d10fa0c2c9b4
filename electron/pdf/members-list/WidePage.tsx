import type { ReactNode } from 'react';
import { Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import { colors, fontFamily, fontSizes, page, weights } from '../components/theme';
import { wrapToWidth } from './metrics';

/**
 * A4 page in portrait or landscape with the same running header and footer « Page n / N » as ReportPage
 * (components/ReportPage.tsx, portrait only), for the wide member tables and the profession × commune matrix.
 * The header's text styles set their lineHeight, so its height is known: explicit pagination relies on
 * `pageContentHeight` below.
 */

/** A4 in points. */
const A4 = { short: 595.28, long: 841.89 } as const;

export type Orientation = 'portrait' | 'landscape';

const HEADER_FONT_SIZE = fontSizes.small + 0.5;
const HEADER_LINE_RATIO = 1.25;
const HEADER_PADDING_BOTTOM = 5;
const HEADER_BORDER = 1.2;
const HEADER_MARGIN_BOTTOM = 16;

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

const styles = StyleSheet.create({
  // No lineHeight on the Page nor on any View (see ReportPage: it hides « Page n / N »).
  page: {
    fontFamily,
    fontSize: fontSizes.body,
    color: colors.text,
    paddingTop: page.paddingTop,
    paddingBottom: page.paddingBottom,
    paddingHorizontal: page.paddingHorizontal,
  },
  header: {
    flexDirection: 'row',
    justifyContent: 'space-between',
    alignItems: 'flex-end',
    borderBottomWidth: HEADER_BORDER,
    borderBottomColor: colors.accent,
    paddingBottom: HEADER_PADDING_BOTTOM,
    marginBottom: HEADER_MARGIN_BOTTOM,
  },
  headerCpts: {
    fontSize: HEADER_FONT_SIZE,
    lineHeight: HEADER_LINE_RATIO,
    fontWeight: weights.semibold,
    color: colors.accent,
    maxWidth: '55%',
  },
  headerTitle: {
    fontSize: HEADER_FONT_SIZE,
    lineHeight: HEADER_LINE_RATIO,
    color: colors.muted,
    textAlign: 'right',
    maxWidth: '45%',
  },
  footer: {
    position: 'absolute',
    left: page.paddingHorizontal,
    right: page.paddingHorizontal,
    bottom: page.footerBottom,
    flexDirection: 'row',
    justifyContent: 'space-between',
    borderTopWidth: 0.5,
    borderTopColor: colors.rule,
    paddingTop: 5,
    fontSize: fontSizes.small,
    color: colors.muted,
  },
  footerLeft: { flexGrow: 1, flexShrink: 1, paddingRight: 12 },
  footerRight: { flexShrink: 0, textAlign: 'right' },
});

export interface WidePageProps {
  orientation: Orientation;
  cptsName: string;
  reportTitle: string;
  footer: string;
  bookmark?: string;
  children?: ReactNode;
}

/** An A4 page (portrait or landscape) with the running header and the fixed footer « Page n / N ». */
export function WidePage({ orientation, cptsName, reportTitle, footer, bookmark, children }: WidePageProps) {
  return (
    <Page size="A4" orientation={orientation} style={styles.page} {...(bookmark ? { bookmark } : {})}>
      <View style={styles.header} fixed>
        <Text style={styles.headerCpts}>{cptsName}</Text>
        <Text style={styles.headerTitle}>{reportTitle}</Text>
      </View>
      {children}
      <View style={styles.footer} fixed>
        <Text style={styles.footerLeft}>{footer}</Text>
        <Text
          style={styles.footerRight}
          render={({ pageNumber, totalPages }) => `Page ${pageNumber} / ${totalPages}`}
        />
      </View>
    </Page>
  );
}
