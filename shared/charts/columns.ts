/**
 * Vertical bars by category (meetings per month, by type): several series side by side (grouped) or on top of
 * each other (stacked, with the total above the column). Negative values go below the zero line.
 */
import { scaleBand } from 'd3-scale';
import { stack, stackOffsetDiverging } from 'd3-shape';
import { emptyChart, legendMarks } from './frame';
import { chartColors, seriesColor } from './palette';
import { resolveOptions, round, text, valueScale, widest } from './scale';
import { twoLines } from './text';
import type { ChartGeometry, ChartOptions, LegendEntry, Mark } from './types';

export interface ColumnSeries {
  label: string;
  /** One value per category, in the order of `categories`. */
  values: readonly number[];
  color?: string;
}

export interface ColumnChartInput extends ChartOptions {
  /** The categories along the horizontal axis, e.g. « janv. », « févr. »… */
  categories: readonly string[];
  series: readonly ColumnSeries[];
  mode?: 'grouped' | 'stacked';
  /** Height of the box (the width is given). */
  height?: number;
  /** Header of the category column of the data table, e.g. « Mois ». */
  categoryHeader?: string;
}

/** The value at `at`, zero where there is none. */
const cell = (values: readonly number[], at: number): number => values[at] ?? 0;

/** White space between two segments of a stacked column. */
const STACK_GAP = 0.8;

export function columnChart(input: ColumnChartInput): ChartGeometry {
  const { fontSize, measure, format, step } = resolveOptions(input);
  const { width, title, categories } = input;
  const height = input.height ?? Math.round(width * 0.45);
  const mode = input.mode ?? 'grouped';
  const series = input.series.map((entry, index) => ({
    ...entry,
    color: entry.color ?? seriesColor(index),
    values: categories.map((_, at) => {
      const value = cell(entry.values, at) ?? 0;
      return Number.isFinite(value) ? value : 0;
    }),
  }));
  const stacked = mode === 'stacked' && series.length > 1;
  const columns = [
    input.categoryHeader ?? 'Catégorie',
    ...series.map((entry) => entry.label),
    ...(stacked ? ['Total'] : []),
  ];
  const totals = categories.map((_, at) => series.reduce((sum, entry) => sum + cell(entry.values, at), 0));
  const hasData =
    categories.length > 0 && series.length > 0 && series.some((entry) => entry.values.some((v) => v !== 0));
  if (!hasData) return emptyChart('columns', title, width, input.height ?? fontSize * 8, fontSize, columns);

  const legend: LegendEntry[] =
    series.length > 1 ? series.map((entry) => ({ label: entry.label, color: entry.color, symbol: 'square' })) : [];
  const legendDrawn = legendMarks(legend, 0, width, fontSize, measure);

  // Stacked layout from d3-shape: one [lower, upper] pair per series and category, negatives below zero.
  const layers = stacked
    ? stack<number[]>()
        .keys(series.map((_, index) => String(index)))
        .value((row, key) => cell(row, Number(key)))
        .offset(stackOffsetDiverging)(categories.map((_, at) => series.map((entry) => cell(entry.values, at))))
    : null;
  const extent = layers ? layers.flatMap((layer) => layer.flat()) : series.flatMap((entry) => entry.values);

  const top = legendDrawn.height + fontSize * 1.6;
  let bottom = height - fontSize * 2;
  const provisional = valueScale(extent, bottom, top, { step });
  const tickWidth = widest(provisional.ticks.map(format), fontSize * 0.9, measure);
  const plotLeft = tickWidth + fontSize * 0.6;
  const plotRight = width - 2;
  const { scale, ticks } = provisional;
  const band = scaleBand<number>()
    .domain(categories.map((_, index) => index))
    .range([plotLeft, plotRight])
    .paddingInner(0.25)
    .paddingOuter(0.15);
  // A category too long for its column goes on two lines: the plot then leaves room for the second one (the
  // ticks depend on the values only, so the columns keep their width).
  const categoryLines = categories.map((category) => twoLines(category, band.step() - 2, fontSize, 'regular', measure));
  if (categoryLines.some((lines) => lines.length > 1)) {
    bottom = height - fontSize * 3.1;
    scale.range([bottom, top]);
  }
  const inner = scaleBand<number>()
    .domain(series.map((_, index) => index))
    .range([0, band.bandwidth()])
    .paddingInner(series.length > 1 ? 0.08 : 0);

  const grid: Mark[] = [];
  const shapes: Mark[] = [];
  const texts: Mark[] = [];
  for (const tick of ticks) {
    const y = round(scale(tick));
    grid.push({ type: 'line', x1: plotLeft, y1: y, x2: plotRight, y2: y, stroke: chartColors.grid, strokeWidth: 0.75 });
    texts.push(
      text(plotLeft - fontSize * 0.5, y + fontSize * 0.32, format(tick), fontSize * 0.9, {
        anchor: 'end',
        fill: chartColors.muted,
      }),
    );
  }
  const zeroY = scale(0);
  const labelSize = fontSize * 0.9;
  categories.forEach((category, at) => {
    const x0 = band(at) ?? plotLeft;
    const lines = categoryLines[at] ?? [category];
    const shortened = lines.join(' ') !== category;
    lines.forEach((line, index) => {
      texts.push(
        text(x0 + band.bandwidth() / 2, bottom + fontSize * (1.35 + index * 1.1), line, fontSize, {
          anchor: 'middle',
          ...(shortened ? { full: category } : {}),
        }),
      );
    });
    if (layers) {
      series.forEach((entry, index) => {
        const [lower, upper] = layers[index]?.[at] ?? [0, 0];
        if (upper === lower) return;
        // A hairline of background between two segments, so that neighbouring colours stay apart.
        const full = Math.abs(scale(lower) - scale(upper));
        const gap = full > 2 ? STACK_GAP : 0;
        shapes.push({
          type: 'rect',
          x: round(x0),
          y: round(scale(Math.max(lower, upper)) + (upper > 0 ? gap : 0)),
          width: round(band.bandwidth()),
          height: round(full - gap),
          fill: entry.color,
          label: `${category}, ${entry.label} : ${format(cell(entry.values, at))}`,
        });
      });
      const total = format(cell(totals, at));
      const upperMost = Math.max(0, ...layers.map((layer) => layer[at]?.[1] ?? 0));
      if (measure(total, labelSize, 'semibold') <= band.step()) {
        texts.push(
          text(x0 + band.bandwidth() / 2, scale(upperMost) - fontSize * 0.35, total, labelSize, {
            anchor: 'middle',
            weight: 'semibold',
          }),
        );
      }
      return;
    }
    series.forEach((entry, index) => {
      const value = cell(entry.values, at);
      const x = x0 + (inner(index) ?? 0);
      const y = scale(value);
      shapes.push({
        type: 'rect',
        x: round(x),
        y: round(Math.min(y, zeroY)),
        width: round(inner.bandwidth()),
        height: round(Math.abs(y - zeroY)),
        fill: entry.color,
        label: `${category}${series.length > 1 ? `, ${entry.label}` : ''} : ${format(value)}`,
      });
      const valueText = format(value);
      if (measure(valueText, labelSize, 'semibold') <= inner.bandwidth() + inner.step() * 0.08) {
        texts.push(
          text(x + inner.bandwidth() / 2, value < 0 ? y + labelSize * 1.1 : y - fontSize * 0.35, valueText, labelSize, {
            anchor: 'middle',
            weight: 'semibold',
          }),
        );
      }
    });
  });
  grid.push({
    type: 'line',
    x1: plotLeft,
    y1: round(zeroY),
    x2: plotRight,
    y2: round(zeroY),
    stroke: chartColors.axis,
    strokeWidth: 1,
  });

  const best = totals.reduce((max, total, at) => (total > cell(totals, max) ? at : max), 0);
  const what = series.length > 1 ? `${series.length} séries (${series.map((entry) => entry.label).join(', ')})` : null;
  const summary = `${title} : ${categories.length} ${categories.length > 1 ? 'colonnes' : 'colonne'}${what ? `, ${what}` : ''} ; total ${format(totals.reduce((a, b) => a + b, 0))}, le plus élevé pour ${categories[best]} (${format(cell(totals, best))}).`;

  return {
    kind: 'columns',
    width,
    height,
    title,
    summary,
    empty: false,
    marks: [...grid, ...shapes, ...legendDrawn.marks, ...texts],
    legend,
    table: {
      columns,
      rows: categories.map((category, at) => [
        category,
        ...series.map((entry) => format(cell(entry.values, at))),
        ...(stacked ? [format(cell(totals, at))] : []),
      ]),
    },
  };
}
