/**
 * Colours of the charts, the same on screen and on paper. Every series colour has a contrast of at least 4:1
 * with white (WCAG asks 3:1 for the parts of a graphic), and they stay apart when printed in shades of grey
 * well enough for two or three series; the legend and the data table say the rest.
 */
export const SERIES_COLORS = [
  '#0f4c5c', // the reports' accent (dark teal)
  '#c85a12', // orange
  '#1f6fb2', // blue
  '#7b4f9d', // purple
  '#3b7d23', // green
  '#b23a48', // red
  '#8a6d00', // olive
  '#5f6b76', // slate
] as const;

export const chartColors = {
  text: '#1f2933',
  muted: '#5f6b76',
  grid: '#e1e7ea',
  axis: '#8a949e',
  /** The empty part of a bullet bar. */
  track: '#e6eff1',
  /** A target: a dark dashed line or tick. */
  target: '#1f2933',
  /** A baseline (situation initiale): a grey dotted line or tick. */
  baseline: '#6b7780',
  /** Between the segments of a stacked bar. */
  background: '#ffffff',
} as const;

/** Colour of the `index`-th series (the palette repeats past its end). */
export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length] ?? SERIES_COLORS[0];
}
