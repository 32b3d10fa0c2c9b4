import type { ReactNode } from 'react';
import { Image, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { ReportImage } from '@shared/reports/activity-report';
import { colors, fontFamily, fontSizes, page, weights } from '../components/theme';
import {
  HEADER_BORDER,
  HEADER_FONT_SIZE,
  HEADER_LINE_RATIO,
  HEADER_MARGIN_BOTTOM,
  HEADER_PADDING_BOTTOM,
  type Orientation,
} from './ReportPage';
import { wrapToWidth } from './metrics';
import { pageContentWidth } from './page-geometry';

/**
 * An A4 page of the yearly documents: the running header carries the CPTS logo (small, at its aspect ratio) before
 * « CPTS X — Rapport d’activité 2025 », the footer « Page n / N ». Same geometry as ReportPage, so that the two
 * kinds of pages look alike.
 */

/** Height of the logo in the running header, in points: one line of the header and a little more. */
const HEADER_LOGO_HEIGHT = 16;
/** A very wide logo is scaled down to this width. */
const HEADER_LOGO_MAX_WIDTH = 110;

const styles = StyleSheet.create({
  // No lineHeight on the page nor on any View: see ReportPage.
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
    alignItems: 'flex-end',
    borderBottomWidth: HEADER_BORDER,
    borderBottomColor: colors.accent,
    paddingBottom: HEADER_PADDING_BOTTOM,
    marginBottom: HEADER_MARGIN_BOTTOM,
  },
  logo: { height: HEADER_LOGO_HEIGHT, marginRight: 6, objectFit: 'contain' },
  headerText: {
    fontSize: HEADER_FONT_SIZE,
    lineHeight: HEADER_LINE_RATIO,
    fontWeight: weights.semibold,
    color: colors.accent,
    flexGrow: 1,
    flexShrink: 1,
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

/**
 * Height available to the content of a BrandedPage below its running header and above the footer margin, in
 * points (for explicit pagination, see flow.ts): the header is one line of text beside a logo, or more lines when
 * the text wraps.
 */
export function brandedContentHeight(headerText: string, orientation: Orientation = 'portrait'): number {
  const width = pageContentWidth(orientation) - HEADER_LOGO_MAX_WIDTH - 6;
  const lines = wrapToWidth(headerText, width, HEADER_FONT_SIZE, 'bold').length;
  const header =
    Math.max(HEADER_LOGO_HEIGHT, lines * HEADER_FONT_SIZE * HEADER_LINE_RATIO) +
    HEADER_PADDING_BOTTOM +
    HEADER_BORDER +
    HEADER_MARGIN_BOTTOM;
  const pageHeight = orientation === 'landscape' ? A4_SHORT : A4_LONG;
  return pageHeight - page.paddingTop - page.paddingBottom - header;
}

/** A4 in points. */
const A4_SHORT = 595.28;
const A4_LONG = 841.89;

/** The `src` react-pdf reads an image of a report from (the worker reads no file). */
export function imageSource(image: ReportImage): string {
  return `data:${image.mimeType};base64,${image.base64}`;
}

/** Width of an image drawn `height` points high, at its aspect ratio. */
export function widthAtHeight(image: ReportImage, height: number): number {
  return image.height > 0 ? (image.width / image.height) * height : height;
}

export interface BrandedPageProps {
  /** « CPTS du Val — Rapport d’activité 2025 ». */
  headerText: string;
  logo: ReportImage | null;
  /** Left part of the footer. */
  footer: string;
  /** PDF outline entry for this page. */
  bookmark?: string;
  /** Portrait by default; landscape for wide tables. */
  orientation?: Orientation;
  children?: ReactNode;
}

export function BrandedPage({
  headerText,
  logo,
  footer,
  bookmark,
  orientation = 'portrait',
  children,
}: BrandedPageProps) {
  return (
    <Page size="A4" orientation={orientation} style={styles.page} {...(bookmark ? { bookmark } : {})}>
      <View style={styles.header} fixed>
        {logo ? (
          <Image
            src={imageSource(logo)}
            style={[styles.logo, { width: Math.min(widthAtHeight(logo, HEADER_LOGO_HEIGHT), HEADER_LOGO_MAX_WIDTH) }]}
          />
        ) : null}
        <Text style={styles.headerText}>{headerText}</Text>
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
