/**
 * « Obtenu sur maximum », one row per item (euros of a mission, of an indicator): a light track as long as the
 * maximum, ended by a tick, the part obtained drawn over it, and the figures written at the right
 * (« 12 000 € / 35 000 € · 34,3 % »). All rows share one scale, so that the missions compare.
 */
import { formatShare } from '@shared/format';
import { emptyChart, legendMarks } from './frame';
import { chartColors, seriesColor } from './palette';
import { baselineFor, resolveOptions, round, text, valueScale, widest } from './scale';
import { ellipsize } from './text';
import type { ChartGeometry, ChartOptions, LegendEntry, Mark } from './types';

export interface AttainmentDatum {
  label: string;
  /** What was obtained, in the unit of the chart (cents with the `euros` format). */
  earned: number;
  max: number;
}

export interface AttainmentBarsInput extends ChartOptions {
  items: readonly AttainmentDatum[];
  /** Header of the label column of the data table, e.g. « Mission ». */
  labelHeader?: string;
  /** Names of the two quantities, in the legend and the table (« Obtenu », « Maximum » by default). */
  earnedLabel?: string;
  maxLabel?: string;
  /** Bars alone, without legend nor axis: a small chart next to a table that already says what it shows. */
  compact?: boolean;
}

/** Share of the width the labels may take at most. */
const LABEL_SHARE = 0.34;

export function attainmentBars(input: AttainmentBarsInput): ChartGeometry {
  const { fontSize, measure, format, step } = resolveOptions({ format: 'euros', ...input });
  const { width, title } = input;
  const earnedLabel = input.earnedLabel ?? 'Obtenu';
  const maxLabel = input.maxLabel ?? 'Maximum';
  const columns = [input.labelHeader ?? 'Libellé', earnedLabel, maxLabel, 'Taux'];
  const items = input.items
    .filter((item) => Number.isFinite(item.earned) && Number.isFinite(item.max))
    .map((item) => {
      const share = formatShare(item.earned, item.max);
      return { ...item, share, figures: `${format(item.earned)} / ${format(item.max)} · ${share}` };
    });
  if (items.length === 0) return emptyChart('attainment', title, width, fontSize * 8, fontSize, columns);

  const legend: LegendEntry[] = [
    { label: earnedLabel, color: seriesColor(0), symbol: 'square' },
    { label: maxLabel, color: chartColors.axis, symbol: 'line' },
  ];
  const compact = input.compact ?? false;
  const legendDrawn = compact ? { marks: [], height: 0 } : legendMarks(legend, 0, width, fontSize, measure);
  const rowStep = fontSize * 2.3;
  const trackHeight = fontSize * 1.45;
  const barHeight = fontSize * 0.95;
  const gap = fontSize * 0.8;
  const top = legendDrawn.height + fontSize * 0.2;
  const bottom = top + items.length * rowStep;
  const height = round(bottom + (compact ? fontSize * 0.2 : fontSize * 2));

  const labelWidth = Math.min(
    widest(
      items.map((item) => item.label),
      fontSize,
      measure,
    ),
    width * LABEL_SHARE,
  );
  const figuresWidth = widest(
    items.map((item) => item.figures),
    fontSize,
    measure,
    'semibold',
  );
  const plotLeft = labelWidth + gap;
  const plotRight = width - figuresWidth - gap;
  const { scale, ticks } = valueScale(
    items.flatMap((item) => [item.earned, item.max]),
    plotLeft,
    plotRight,
    { step },
  );
  const zeroX = scale(0);

  const grid: Mark[] = [];
  const shapes: Mark[] = [];
  const texts: Mark[] = [];
  for (const tick of compact ? [] : ticks) {
    const x = round(scale(tick));
    grid.push({ type: 'line', x1: x, y1: top, x2: x, y2: bottom, stroke: chartColors.grid, strokeWidth: 0.75 });
    texts.push(
      text(x, bottom + fontSize * 1.4, format(tick), fontSize * 0.9, { anchor: 'middle', fill: chartColors.muted }),
    );
  }
  items.forEach((item, index) => {
    const middle = top + index * rowStep + rowStep / 2;
    const maxX = scale(item.max);
    shapes.push({
      type: 'rect',
      x: round(zeroX),
      y: round(middle - trackHeight / 2),
      width: round(Math.max(0, maxX - zeroX)),
      height: round(trackHeight),
      fill: chartColors.track,
      label: `${item.label}, ${maxLabel.toLowerCase()} : ${format(item.max)}`,
    });
    shapes.push({
      type: 'rect',
      x: round(zeroX),
      y: round(middle - barHeight / 2),
      width: round(Math.max(0, scale(Math.min(item.earned, item.max)) - zeroX)),
      height: round(barHeight),
      fill: seriesColor(0),
      label: `${item.label}, ${earnedLabel.toLowerCase()} : ${format(item.earned)}`,
    });
    if (item.max > 0) {
      shapes.push({
        type: 'line',
        x1: round(maxX),
        y1: round(middle - trackHeight / 2),
        x2: round(maxX),
        y2: round(middle + trackHeight / 2),
        stroke: chartColors.axis,
        strokeWidth: 1.5,
      });
    }
    const label = ellipsize(item.label, labelWidth, fontSize, 'regular', measure);
    texts.push(
      text(labelWidth, baselineFor(middle, fontSize), label, fontSize, {
        anchor: 'end',
        ...(label !== item.label ? { full: item.label } : {}),
      }),
    );
    texts.push(
      text(width, baselineFor(middle, fontSize), item.figures, fontSize, { anchor: 'end', weight: 'semibold' }),
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

  const earned = items.reduce((sum, item) => sum + item.earned, 0);
  const max = items.reduce((sum, item) => sum + item.max, 0);
  const summary = `${title} : ${format(earned)} sur ${format(max)} (${formatShare(earned, max)}) pour ${items.length} ${items.length > 1 ? 'lignes' : 'ligne'}.`;

  return {
    kind: 'attainment',
    width,
    height,
    title,
    summary,
    empty: false,
    marks: [...grid, ...shapes, ...legendDrawn.marks, ...texts],
    legend: compact ? [] : legend,
    table: { columns, rows: items.map((item) => [item.label, format(item.earned), format(item.max), item.share]) },
  };
}
