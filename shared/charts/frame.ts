/** What every chart kind shares around its plot: the empty state and the legend drawn as marks. */
import { chartColors } from './palette';
import { baselineFor, round, text } from './scale';
import { ellipsize } from './text';
import type { ChartGeometry, ChartTable, LegendEntry, Mark, MeasureText } from './types';

export const EMPTY_TEXT = 'Aucune donnée';

/** Dash of a target line, and dots of a baseline, in the plot and in the legend alike. */
export const TARGET_DASH = '4 3';
export const BASELINE_DASH = '1.5 2';

/** A chart with nothing to draw: « Aucune donnée » in the middle of its box, and an empty table. */
export function emptyChart(
  kind: ChartGeometry['kind'],
  title: string,
  width: number,
  height: number,
  fontSize: number,
  columns: string[],
): ChartGeometry {
  const frame: Mark = {
    type: 'rect',
    x: 0,
    y: 0,
    width,
    height,
    fill: chartColors.track,
  };
  return {
    kind,
    width,
    height,
    title,
    summary: `${title} : aucune donnée.`,
    empty: true,
    marks: [
      frame,
      text(width / 2, baselineFor(height / 2, fontSize + 1), EMPTY_TEXT, fontSize + 1, {
        anchor: 'middle',
        fill: chartColors.muted,
      }),
    ],
    legend: [],
    table: { columns, rows: [] } satisfies ChartTable,
  };
}

const SWATCH = 0.9;
const ENTRY_GAP = 1.4;

/**
 * The legend as marks, flowing left to right from (0, top) and wrapping within `width`: a swatch that looks like
 * the series (square, line, dashed line, marker) and its label. Returns the marks and the height they take.
 */
export function legendMarks(
  entries: readonly LegendEntry[],
  top: number,
  width: number,
  fontSize: number,
  measure: MeasureText,
): { marks: Mark[]; height: number } {
  const marks: Mark[] = [];
  if (entries.length === 0) return { marks, height: 0 };
  const lineHeight = fontSize * 1.6;
  const swatch = fontSize * SWATCH;
  const swatchWidth = swatch * 1.8;
  let x = 0;
  let line = 0;
  for (const entry of entries) {
    const label = ellipsize(entry.label, width - swatchWidth - fontSize * 0.4, fontSize, 'regular', measure);
    const entryWidth = swatchWidth + fontSize * 0.4 + measure(label, fontSize, 'regular');
    if (x > 0 && x + entryWidth > width) {
      x = 0;
      line += 1;
    }
    const middle = top + line * lineHeight + lineHeight / 2;
    if (entry.symbol === 'square') {
      marks.push({
        type: 'rect',
        x: round(x + (swatchWidth - swatch) / 2),
        y: round(middle - swatch / 2),
        width: round(swatch),
        height: round(swatch),
        fill: entry.color,
      });
    } else {
      marks.push({
        type: 'line',
        x1: round(x),
        y1: round(middle),
        x2: round(x + swatchWidth),
        y2: round(middle),
        stroke: entry.color,
        strokeWidth: entry.symbol === 'marker' ? 1.5 : 1.2,
        dash: entry.symbol === 'dashed-line' ? TARGET_DASH : entry.symbol === 'dotted-line' ? BASELINE_DASH : undefined,
      });
      if (entry.symbol === 'marker') {
        marks.push({ type: 'circle', cx: round(x + swatchWidth / 2), cy: round(middle), r: 2.5, fill: entry.color });
      }
    }
    marks.push(
      text(x + swatchWidth + fontSize * 0.4, baselineFor(middle, fontSize), label, fontSize, {
        fill: chartColors.text,
        ...(label !== entry.label ? { full: entry.label } : {}),
      }),
    );
    x += entryWidth + fontSize * ENTRY_GAP;
  }
  return { marks, height: (line + 1) * lineHeight + fontSize * 0.4 };
}

/** « Infirmier (42) » for a summary sentence. */
export function named(label: string, value: string): string {
  return `${label} (${value})`;
}
