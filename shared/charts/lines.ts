/**
 * Line chart over years (change over years; an indicator's réalisé per contract year with its target as a
 * dashed step and its baseline as a dotted line). Missing values break the line; a single year is a marker.
 */
import { scalePoint } from 'd3-scale';
import { curveStep, line } from 'd3-shape';
import { BASELINE_DASH, emptyChart, legendMarks, TARGET_DASH } from './frame';
import { chartColors, seriesColor } from './palette';
import { resolveOptions, round, text, valueScale, widest } from './scale';
import { ellipsize } from './text';
import type { ChartGeometry, ChartOptions, LegendEntry, Mark } from './types';

export interface LineSeries {
  label: string;
  /** One value per x label; null where there is none (the line breaks there). */
  values: readonly (number | null)[];
  /**
   * `measure` (default): a solid line with a marker and its value on each point; `target`: a dashed step, each
   * value held over its whole year, as a target per contract year reads.
   */
  style?: 'measure' | 'target';
  color?: string;
}

export interface LineChartInput extends ChartOptions {
  /** The points along the horizontal axis, e.g. years « 2022 », « 2023 » or contract years « 2022-2023 ». */
  xLabels: readonly string[];
  series: readonly LineSeries[];
  /** A reference value drawn across the chart, e.g. the situation initiale of an indicator. */
  baseline?: { label: string; value: number } | null;
  /** Whether the value axis starts at zero (true by default; false for rates that move between 60 and 75 %). */
  zeroBased?: boolean;
  height?: number;
  /** Header of the x column of the data table, e.g. « Année ». */
  xHeader?: string;
}

const MARKER_RADIUS = 3;
/** Room left and right of a value written over the plot, inside its halo. */
const HALO_PAD = 1.5;

type Point = readonly [number, number];

export function lineChart(input: LineChartInput): ChartGeometry {
  const { fontSize, measure, format, step } = resolveOptions(input);
  const { width, title, xLabels } = input;
  const height = input.height ?? Math.round(width * 0.45);
  const series = input.series.map((entry, index) => ({
    ...entry,
    style: entry.style ?? 'measure',
    color: entry.style === 'target' ? (entry.color ?? chartColors.target) : (entry.color ?? seriesColor(index)),
    values: xLabels.map((_, at) => {
      const value = entry.values[at];
      return value !== null && value !== undefined && Number.isFinite(value) ? value : null;
    }),
  }));
  const baseline = input.baseline && Number.isFinite(input.baseline.value) ? input.baseline : null;
  const columns = [input.xHeader ?? 'Année', ...series.map((entry) => entry.label)];
  const all = series.flatMap((entry) => entry.values.filter((value): value is number => value !== null));
  if (xLabels.length === 0 || all.length === 0) {
    return emptyChart('lines', title, width, input.height ?? fontSize * 8, fontSize, columns);
  }

  const legend: LegendEntry[] = series.map((entry) => ({
    label: entry.label,
    color: entry.color,
    symbol: entry.style === 'target' ? 'dashed-line' : 'marker',
  }));
  if (baseline) legend.push({ label: baseline.label, color: chartColors.baseline, symbol: 'dotted-line' });
  const shownLegend = legend.length > 1 ? legend : [];
  const legendDrawn = legendMarks(shownLegend, 0, width, fontSize, measure);

  const top = legendDrawn.height + fontSize * 1.8;
  const bottom = height - fontSize * 2;
  const { scale, ticks } = valueScale(baseline ? [...all, baseline.value] : all, bottom, top, {
    step,
    zeroBased: input.zeroBased ?? true,
  });
  const tickWidth = widest(ticks.map(format), fontSize * 0.9, measure);
  const plotLeft = tickWidth + fontSize * 0.6;
  const plotRight = width - 4;
  const x = scalePoint<number>()
    .domain(xLabels.map((_, index) => index))
    .range([plotLeft, plotRight])
    .padding(0.5);
  const half = x.step() / 2;

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
  grid.push({
    type: 'line',
    x1: plotLeft,
    y1: bottom,
    x2: plotRight,
    y2: bottom,
    stroke: chartColors.axis,
    strokeWidth: 1,
  });
  xLabels.forEach((label, at) => {
    const shown = ellipsize(label, x.step() - 2, fontSize, 'regular', measure);
    texts.push(
      text(x(at) ?? 0, bottom + fontSize * 1.35, shown, fontSize, {
        anchor: 'middle',
        ...(shown !== label ? { full: label } : {}),
      }),
    );
  });
  if (baseline) {
    const y = round(scale(baseline.value));
    shapes.push({
      type: 'line',
      x1: plotLeft,
      y1: y,
      x2: plotRight,
      y2: y,
      stroke: chartColors.baseline,
      strokeWidth: 1,
      dash: BASELINE_DASH,
    });
    // Written at the right end, under the line when there is room (the first points often sit just above it).
    const below = y + fontSize * 1.05;
    texts.push(
      text(
        plotRight,
        below < bottom - 2 ? below : y - fontSize * 0.35,
        `${baseline.label} : ${format(baseline.value)}`,
        fontSize * 0.85,
        {
          anchor: 'end',
          fill: chartColors.baseline,
        },
      ),
    );
  }

  const path = line<Point>()
    .x((point) => point[0])
    .y((point) => point[1]);
  const stepPath = line<Point>()
    .x((point) => point[0])
    .y((point) => point[1])
    .curve(curveStep);
  for (const entry of series) {
    for (const run of runs(entry.values)) {
      const points: Point[] = run.map(({ at, value }) => [x(at) ?? 0, scale(value)]);
      if (entry.style === 'target') {
        // Each target holds over its whole year: extend the step half a year on each side.
        const [first, last] = [points[0], points[points.length - 1]];
        if (!first || !last) continue;
        const d = stepPath([[first[0] - half, first[1]], ...points, [last[0] + half, last[1]]]);
        if (d)
          shapes.push({
            type: 'path',
            d,
            stroke: entry.color,
            strokeWidth: 1.4,
            dash: TARGET_DASH,
            label: entry.label,
          });
      } else if (points.length > 1) {
        const d = path(points);
        if (d) shapes.push({ type: 'path', d, stroke: entry.color, strokeWidth: 1.8, label: entry.label });
      }
    }
  }
  for (const entry of series) {
    if (entry.style === 'target') continue;
    entry.values.forEach((value, at) => {
      if (value === null) return;
      const cx = x(at) ?? 0;
      const cy = scale(value);
      shapes.push({
        type: 'circle',
        cx: round(cx),
        cy: round(cy),
        r: MARKER_RADIUS,
        fill: entry.color,
        stroke: chartColors.background,
        strokeWidth: 1,
        label: `${xLabels[at]}, ${entry.label} : ${format(value)}`,
      });
      const written = format(value);
      const size = fontSize * 0.9;
      const baselineY = cy - MARKER_RADIUS - fontSize * 0.45;
      // A halo of background behind the value, so that a target step or a gridline crossing it never blurs it.
      const haloWidth = measure(written, size, 'semibold') + HALO_PAD * 2;
      texts.push({
        type: 'rect',
        x: round(cx - haloWidth / 2),
        y: round(baselineY - size * 0.82),
        width: round(haloWidth),
        height: round(size * 1.02),
        fill: chartColors.background,
      });
      texts.push(text(cx, baselineY, written, size, { anchor: 'middle', weight: 'semibold', fill: entry.color }));
    });
  }

  return {
    kind: 'lines',
    width,
    height,
    title,
    summary: lineSummary(title, xLabels, series, format, baseline),
    empty: false,
    marks: [...grid, ...shapes, ...legendDrawn.marks, ...texts],
    legend: shownLegend,
    table: {
      columns: baseline ? [...columns, baseline.label] : columns,
      rows: xLabels.map((label, at) => [
        label,
        ...series.map((entry) => {
          const value = entry.values[at] ?? null;
          return value === null ? '—' : format(value);
        }),
        ...(baseline ? [format(baseline.value)] : []),
      ]),
    },
  };
}

/** Consecutive defined values: a missing year breaks the line. */
function runs(values: readonly (number | null)[]): { at: number; value: number }[][] {
  const result: { at: number; value: number }[][] = [];
  let current: { at: number; value: number }[] = [];
  values.forEach((value, at) => {
    if (value === null) {
      if (current.length > 0) result.push(current);
      current = [];
    } else current.push({ at, value });
  });
  if (current.length > 0) result.push(current);
  return result;
}

/** « Réalisé : de 66,3 % (2022) à 71,2 % (2024). » for each measured series. */
function lineSummary(
  title: string,
  xLabels: readonly string[],
  series: readonly { label: string; values: (number | null)[]; style: string }[],
  format: (value: number) => string,
  baseline: { label: string; value: number } | null,
): string {
  const parts = series.map((entry) => {
    const defined = entry.values
      .map((value, at) => ({ value, at }))
      .filter((point): point is { value: number; at: number } => point.value !== null);
    if (defined.length === 0) return `${entry.label} : aucune valeur`;
    const [first, last] = [defined[0], defined[defined.length - 1]];
    if (!first || !last) return `${entry.label} : aucune valeur`;
    if (defined.length === 1) return `${entry.label} : ${format(first.value)} (${xLabels[first.at]})`;
    return `${entry.label} : de ${format(first.value)} (${xLabels[first.at]}) à ${format(last.value)} (${xLabels[last.at]})`;
  });
  if (baseline) parts.push(`${baseline.label} : ${format(baseline.value)}`);
  return `${title}. ${parts.join(' ; ')}.`;
}
