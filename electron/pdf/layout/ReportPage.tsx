import type { ReactNode } from 'react';
import { Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import { colors, fontFamily, fontSizes, page, weights } from '../components/theme';

export type Orientation = 'portrait' | 'landscape';

/** Running header geometry, exported so that explicit pagination knows its height (layout/page-geometry.ts). */
export const HEADER_FONT_SIZE = fontSizes.small + 0.5;
export const HEADER_LINE_RATIO = 1.25;
export const HEADER_PADDING_BOTTOM = 5;
export const HEADER_BORDER = 1.2;
export const HEADER_MARGIN_BOTTOM = 16;

const styles = StyleSheet.create({
  // No lineHeight here nor on any View: with react-pdf 4.9 a lineHeight on an ancestor of <Text render> makes
  // « Page n / N » vanish (issues #3402, #3566) and an inherited one is re-multiplied when a view is split
  // across pages (#3452). Text styles set their own lineHeight (see theme.lineHeight).
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

export interface ReportPageProps {
  /** Name of the CPTS, shown in the running header. */
  cptsName: string;
  /** Title of the report, shown in the running header. */
  reportTitle: string;
  /** Left part of the footer, e.g. « Fiche d'identité de la CPTS — exporté le 23 novembre 2026 à 14 h 05 ». */
  footer: string;
  /** PDF outline entry for this page. */
  bookmark?: string;
  /** Portrait by default; landscape for wide tables. */
  orientation?: Orientation;
  children?: ReactNode;
}

/** An A4 page with the running header (CPTS name, report title) and the fixed footer « Page n / N ». */
export function ReportPage({
  cptsName,
  reportTitle,
  footer,
  bookmark,
  orientation = 'portrait',
  children,
}: ReportPageProps) {
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
