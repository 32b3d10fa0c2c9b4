/** What every section body of the rapport d’activité shares: chart size, a few text styles, the count format. */
import { StyleSheet } from '@react-pdf/renderer';
import { formatInteger } from '@shared/format';
import { pdfMeasureText } from '../components/charts/PdfChart';
import { colors, contentWidth, fontSizes, textSize, weights } from '../components/theme';

export const CHART = { width: Math.round(contentWidth), measureText: pdfMeasureText, fontSize: 8 } as const;

export const styles = StyleSheet.create({
  muted: { ...textSize(fontSizes.body), color: colors.muted, marginBottom: 6 },
  warning: { ...textSize(fontSizes.body), color: '#8a3b12', fontWeight: weights.semibold, marginTop: 4 },
  partnership: { marginBottom: 12 },
  spaced: { marginTop: 6 },
});

export const count = (value: number) => formatInteger(value);
