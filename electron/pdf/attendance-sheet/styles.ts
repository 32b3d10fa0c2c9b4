/** Page geometry, text styles and heights of the feuille d'émargement, known ahead of layout. */
import { StyleSheet, type Styles } from '@react-pdf/renderer';
import { colors, fontSizes, weights } from '../components/theme';
import { pageContentWidth, wrapToWidth } from '../layout';

/**
 * Landscape: the signature column gets about 5 to 6 cm next to name, quality, cotisation, voix and pouvoirs,
 * at a size read at arm's length at the registration desk.
 */
export const ORIENTATION = 'landscape';
export const CONTENT_WIDTH = pageContentWidth(ORIENTATION);
/** Kept free at the foot of every page, in points, against rounding in react-pdf's layout. */
export const SAFETY_MARGIN = 3;
/** Body rows are at least this tall, in points: room for a signature. */
export const SIGNATURE_ROW_HEIGHT = 24;
export const TABLE_FONT_SIZE = 8.5;

type Style = Styles[string];

/** A block of text lines already wrapped, with its height known ahead of layout. */
export interface TextBlock {
  lines: string[];
  style: Style;
  marginTop: number;
}

interface TextSpec {
  size: number;
  ratio: number;
  bold: boolean;
  color?: string;
}

export const SPEC = {
  association: { size: fontSizes.lead + 0.5, ratio: 1.3, bold: true, color: colors.accent },
  legal: { size: fontSizes.small + 0.5, ratio: 1.35, bold: false, color: colors.muted },
  title: { size: fontSizes.title, ratio: 1.2, bold: true, color: colors.accent },
  organ: { size: fontSizes.lead + 1.5, ratio: 1.35, bold: true },
  meetingTitle: { size: fontSizes.lead, ratio: 1.35, bold: false },
  detail: { size: fontSizes.body, ratio: 1.35, bold: false },
  quorum: { size: fontSizes.body, ratio: 1.35, bold: true, color: colors.accent },
  instruction: { size: fontSizes.body - 0.5, ratio: 1.35, bold: false },
  warningNote: { size: fontSizes.body - 0.5, ratio: 1.35, bold: true, color: '#8a3b12' },
} satisfies Record<string, TextSpec>;

export const NOTICE = { paddingY: 7, paddingX: 10, border: 3, top: 10, bottom: 14, gap: 3 };
export const SECTION = { size: fontSizes.section, ratio: 1.25, top: 18, bottom: 8 };
export const GROUP = { size: fontSizes.lead, ratio: 1.25, top: 14, bottom: 5 };
export const EMPTY_LINE = fontSizes.body * 1.35;
export const EMPTY_GAP = 6;
export const CLOSING_LINE_TOP = 6;
export const SIGNATURES_TOP = 22;
/** Room to sign above the line of a signature block. */
export const SIGNATURE_SPACE = 50;

function styleOf(spec: TextSpec): Style {
  return {
    fontSize: spec.size,
    lineHeight: spec.ratio,
    fontWeight: spec.bold ? (spec.size >= fontSizes.title ? weights.bold : weights.semibold) : weights.regular,
    ...(spec.color ? { color: spec.color } : {}),
  };
}

export function block(text: string, spec: TextSpec, width: number, marginTop = 0): TextBlock {
  return {
    lines: wrapToWidth(text, width, spec.size, spec.bold ? 'bold' : 'regular'),
    style: styleOf(spec),
    marginTop,
  };
}

export function blockHeight(b: TextBlock): number {
  const style = b.style as { fontSize: number; lineHeight: number };
  return b.marginTop + b.lines.length * style.fontSize * style.lineHeight;
}

export const styles = StyleSheet.create({
  association: { marginBottom: 12 },
  notice: {
    backgroundColor: colors.accentSoft,
    borderLeftWidth: NOTICE.border,
    borderLeftColor: colors.accent,
    paddingVertical: NOTICE.paddingY,
    paddingHorizontal: NOTICE.paddingX,
    marginTop: NOTICE.top,
    marginBottom: NOTICE.bottom,
  },
  section: { fontSize: SECTION.size, lineHeight: SECTION.ratio, fontWeight: weights.bold, color: colors.accent },
  sectionBox: { marginBottom: SECTION.bottom },
  sectionBoxSpaced: { marginTop: SECTION.top, marginBottom: SECTION.bottom },
  group: { fontSize: GROUP.size, lineHeight: GROUP.ratio, fontWeight: weights.semibold, color: colors.accent },
  groupBox: { marginBottom: GROUP.bottom },
  groupBoxSpaced: { marginTop: GROUP.top, marginBottom: GROUP.bottom },
  empty: { fontSize: fontSizes.body, lineHeight: 1.35, color: colors.muted },
  emptyBox: { marginBottom: EMPTY_GAP },

  closingLine: { fontSize: fontSizes.lead, lineHeight: 1.35 },
  closingLineBox: { marginTop: CLOSING_LINE_TOP },
  signatures: { flexDirection: 'row', marginTop: SIGNATURES_TOP },
  signature: { width: '50%', paddingRight: 40 },
  signatureLabel: { fontSize: fontSizes.body, lineHeight: 1.35, fontWeight: weights.semibold },
  signatureLine: { marginTop: SIGNATURE_SPACE, borderTopWidth: 0.5, borderTopColor: colors.rule, paddingTop: 3 },
  signatureHint: { fontSize: fontSizes.small, lineHeight: 1.35, color: colors.faint },
});

/**
 * Height of the KeyFigures row (components/blocks.tsx), on the high side: padding and borders, a label on up to
 * two lines and the value, both at react-pdf's default line height (Inter: 1.21 em), and the bottom margin.
 */
export const FIGURES_HEIGHT = 2 * 7 + 2.5 + 0.5 + 2 * fontSizes.small * 1.25 + 2 + 15 * 1.25 + 10;

export const SIGNATORIES = ['Le président / la présidente de séance', 'Le ou la secrétaire de séance'];
export const SIGNATURE_HINT = 'Nom et signature';
export const EMPTY_COLLEGE = 'Aucun membre votant dans ce collège.';
export const NO_VOTERS = "Aucun membre votant n'est inscrit.";
export const NO_NON_VOTERS = "Aucun participant sans voix délibérative n'est inscrit.";
