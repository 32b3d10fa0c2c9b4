/**
 * Horizontal bar chart: one bar per label, longest labels on the left (members by profession, budget by
 * mission). Negative values go left of the zero line.
 */
import { emptyChart, named } from './frame';
import { chartColors, seriesColor } from './palette';
import { baselineFor, resolveOptions, round, text, valueScale, widest } from './scale';
import { ellipsize } from './text';
import type { ChartGeometry, ChartOptions, Mark } from './types';

export interface BarDatum {
  label: string;
  value: number;
}

export interface BarChartInput extends ChartOptions {
  items: readonly BarDatum[];
  /** Header of the label column of the data table, e.g. « Profession ». */
  labelHeader?: string;
  /** Header of the value column of the data table, e.g. « Adhérents ». */
  valueHeader?: string;
  /** Colour of the bars (the palette's first colour by default). */
  color?: string;
}

/** Share of the width the labels may take at most. */
const LABEL_SHARE = 0.38;

export function barChart(input: BarChartInput): ChartGeometry {
  const { fontSize, measure, format, step } = resolveOptions(input);
  const { width, title } = input;
  const columns = [input.labelHeader ?? 'Libellé', input.valueHeader ?? 'Valeur'];
  const items = input.items
    .filter((item) => Number.isFinite(item.value))
    .map((item) => ({ ...item, text: format(item.value) }));
  if (items.length === 0) return emptyChart('bars', title, width, fontSize * 8, fontSize, columns);

  const color = input.color ?? seriesColor(0);
  const rowStep = fontSize * 2.3;
  const barHeight = fontSize * 1.45;
  const gap = fontSize * 0.6;
  const top = fontSize * 0.4;
  const plotHeight = items.length * rowStep;
  const axisHeight = fontSize * 2;
  const height = round(top + plotHeight + axisHeight);

  const labelWidth = Math.min(
    widest(
      items.map((item) => item.label),
      fontSize,
      measure,
    ),
    width * LABEL_SHARE,
  );
  const hasNegative = items.some((item) => item.value < 0);
  const textsWhere = (negative: boolean) =>
    items.filter((item) => item.value < 0 === negative).map((item) => item.text);
  const positiveTextWidth = widest(textsWhere(false), fontSize, measure, 'semibold');
  const negativeTextWidth = widest(textsWhere(true), fontSize, measure, 'semibold');
  const plotLeft = labelWidth + gap + (hasNegative ? negativeTextWidth + gap : 0);
  const plotRight = width - positiveTextWidth - gap;
  const { scale, ticks } = valueScale(
    items.map((item) => item.value),
    plotLeft,
    plotRight,
    { step },
  );
  const zeroX = scale(0);
  const bottom = top + plotHeight;

  const grid: Mark[] = [];
  const shapes: Mark[] = [];
  const texts: Mark[] = [];
  for (const tick of ticks) {
    const x = round(scale(tick));
    grid.push({ type: 'line', x1: x, y1: top, x2: x, y2: bottom, stroke: chartColors.grid, strokeWidth: 0.75 });
    texts.push(
      text(x, bottom + fontSize * 1.4, format(tick), fontSize * 0.9, { anchor: 'middle', fill: chartColors.muted }),
    );
  }
  items.forEach((item, index) => {
    const middle = top + index * rowStep + rowStep / 2;
    const end = scale(item.value);
    shapes.push({
      type: 'rect',
      x: round(Math.min(zeroX, end)),
      y: round(middle - barHeight / 2),
      width: round(Math.abs(end - zeroX)),
      height: round(barHeight),
      fill: color,
      label: `${item.label} : ${item.text}`,
    });
    const label = ellipsize(item.label, labelWidth, fontSize, 'regular', measure);
    texts.push(
      text(labelWidth, baselineFor(middle, fontSize), label, fontSize, {
        anchor: 'end',
        ...(label !== item.label ? { full: item.label } : {}),
      }),
    );
    const negative = item.value < 0;
    texts.push(
      text(end + (negative ? -gap / 2 : gap / 2), baselineFor(middle, fontSize), item.text, fontSize, {
        anchor: negative ? 'end' : 'start',
        weight: 'semibold',
      }),
    );
  });
  grid.push({
    type: 'line',
    x1: round(zeroX),
    y1: top,
    x2: round(zeroX),
    y2: bottom,
    stroke: chartColors.axis,
    strokeWidth: 1,
  });

  const highest = items.reduce((best, item) => (item.value > best.value ? item : best));
  const lowest = items.reduce((least, item) => (item.value < least.value ? item : least));
  const summary =
    items.length === 1
      ? `${title} : ${named(highest.label, highest.text)}.`
      : `${title} : ${items.length} valeurs, la plus élevée pour ${named(highest.label, highest.text)}, la plus basse pour ${named(lowest.label, lowest.text)}.`;

  return {
    kind: 'bars',
    width,
    height,
    title,
    summary,
    empty: false,
    marks: [...grid, ...shapes, ...texts],
    legend: [],
    table: { columns, rows: items.map((item) => [item.label, item.text]) },
  };
}
