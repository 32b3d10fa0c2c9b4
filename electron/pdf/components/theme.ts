import { FONT_FAMILY } from '../fonts';

/** Visual constants shared by every report: sober, print-friendly, readable in black and white. */
export const colors = {
  accent: '#0f4c5c',
  accentSoft: '#e6eff1',
  text: '#1f2933',
  muted: '#5f6b76',
  faint: '#8a949e',
  rule: '#c9d3d8',
  zebra: '#f3f6f7',
} as const;

export const fontSizes = {
  small: 7.5,
  body: 9.5,
  lead: 10.5,
  section: 12.5,
  title: 18,
} as const;

/**
 * Line height for body text. Set it on Text styles only, never on a Page or View (see ReportPage), and always
 * next to a fontSize in the same style: react-pdf resolves a unitless lineHeight against the fontSize of the
 * same style object, or 18 pt when it has none.
 */
export const lineHeight = 1.35;

/** fontSize + lineHeight pair for a Text style. */
export function textSize(fontSize: number, ratio: number = lineHeight): { fontSize: number; lineHeight: number } {
  return { fontSize, lineHeight: ratio };
}

export const weights = { regular: 400, semibold: 600, bold: 700 } as const;

/** A4 page margins, in points. The bottom one leaves room for the fixed footer. */
export const page = {
  paddingTop: 40,
  paddingBottom: 58,
  paddingHorizontal: 50,
  footerBottom: 26,
} as const;

/** Width of A4 (595.28 pt) between the margins, in points. */
export const contentWidth = 595.28 - 2 * page.paddingHorizontal;

export const fontFamily = FONT_FAMILY;
