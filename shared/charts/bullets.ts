/**
 * « Cible et réalisé » per indicator: one row per indicator with its name, a bar of the réalisé over a light
 * track, a dark tick at the target and a grey tick at the baseline, and the figures written out. Each row has
 * its own scale (a rate, a count and a delay do not share an axis). Whether the target is reached is written,
 * not only coloured.
 */
import { pl } from '@shared/format';
import { valueFormatter } from './format';
import { BASELINE_DASH, emptyChart, legendMarks } from './frame';
import { chartColors, seriesColor } from './palette';
import { resolveOptions, round, text, valueScale } from './scale';
import { ellipsize } from './text';
import type { ChartGeometry, ChartOptions, LegendEntry, Mark, ValueFormat } from './types';

export interface BulletDatum {
  label: string;
  /** The réalisé; null when nothing was measured yet. */
  value: number | null;
  target: number | null;
  baseline?: number | null;
  /** hausse (at least the target, the default), atteindre (at least it) or baisse (at most it). */
  direction?: 'hausse' | 'baisse' | 'atteindre';
  /** The end of the scale when the value has a natural one (100 for a rate). */
  max?: number;
  /** This indicator's format when it differs from the chart's (a rate next to a count). */
  format?: ValueFormat;
}

export interface BulletChartInput extends ChartOptions {
  items: readonly BulletDatum[];
  /** Header of the label column of the data table (« Indicateur » by default). */
  labelHeader?: string;
}

export type BulletStatus = 'atteint' | 'non atteint' | 'non mesuré' | 'sans cible';

/** Whether the réalisé reaches the target in the indicator's direction. */
export function bulletStatus(item: Pick<BulletDatum, 'value' | 'target' | 'direction'>): BulletStatus {
  if (item.value === null) return 'non mesuré';
  if (item.target === null) return 'sans cible';
  const reached = item.direction === 'baisse' ? item.value <= item.target : item.value >= item.target;
  return reached ? 'atteint' : 'non atteint';
}

export function bulletChart(input: BulletChartInput): ChartGeometry {
  const options = resolveOptions(input);
  const { fontSize, measure } = options;
  const { width, title } = input;
  const columns = [input.labelHeader ?? 'Indicateur', 'Référence', 'Cible', 'Réalisé', 'Atteinte'];
  const items = input.items;
  if (items.length === 0) return emptyChart('bullets', title, width, fontSize * 8, fontSize, columns);

  const legend: LegendEntry[] = [
    { label: 'Réalisé', color: seriesColor(0), symbol: 'square' },
    { label: 'Cible', color: chartColors.target, symbol: 'line' },
  ];
  if (items.some((item) => item.baseline !== null && item.baseline !== undefined)) {
    legend.push({ label: 'Référence', color: chartColors.baseline, symbol: 'dotted-line' });
  }
  const legendDrawn = legendMarks(legend, 0, width, fontSize, measure);
  const rowStep = fontSize * 3.6;
  const barHeight = fontSize * 0.9;
  const trackHeight = fontSize * 1.3;
  const height = round(legendDrawn.height + items.length * rowStep + fontSize * 0.4);
  const marks: Mark[] = [...legendDrawn.marks];
  const rows: string[][] = [];
  let reachedCount = 0;
  let measuredCount = 0;

  items.forEach((item, index) => {
    const format = item.format ? valueFormatter(item.format) : options.format;
    const top = legendDrawn.height + index * rowStep;
    const status = bulletStatus(item);
    if (status === 'atteint') reachedCount += 1;
    if (item.value !== null) measuredCount += 1;
    const baselineValue = item.baseline ?? null;

    const figures = [
      item.value === null ? 'non mesuré' : `réalisé ${format(item.value)}`,
      ...(item.target === null ? [] : [`cible ${format(item.target)}`]),
    ].join(' · ');
    const figuresWidth = measure(figures, fontSize, 'semibold');
    const labelLine = top + fontSize * 1.2;
    const label = ellipsize(item.label, width - figuresWidth - fontSize, fontSize, 'regular', measure);
    marks.push(text(0, labelLine, label, fontSize, label !== item.label ? { full: item.label } : {}));
    marks.push(text(width, labelLine, figures, fontSize, { anchor: 'end', weight: 'semibold' }));

    const middle = top + fontSize * 2.4;
    const known = [item.value, item.target, baselineValue, item.max ?? null].filter(
      (value): value is number => value !== null && Number.isFinite(value),
    );
    const { scale } = valueScale(known, 0, width, { zeroBased: true });
    if (item.max !== undefined) scale.domain([Math.min(0, ...known), Math.max(item.max, ...known)]);
    const zeroX = scale(0);
    marks.push({
      type: 'rect',
      x: 0,
      y: round(middle - trackHeight / 2),
      width: round(width),
      height: round(trackHeight),
      fill: chartColors.track,
    });
    if (item.value !== null) {
      const end = scale(item.value);
      marks.push({
        type: 'rect',
        x: round(Math.min(zeroX, end)),
        y: round(middle - barHeight / 2),
        width: round(Math.abs(end - zeroX)),
        height: round(barHeight),
        fill: seriesColor(0),
        label: `${item.label}, réalisé : ${format(item.value)}`,
      });
    }
    if (baselineValue !== null) {
      const bx = round(scale(baselineValue));
      marks.push({
        type: 'line',
        x1: bx,
        y1: round(middle - trackHeight / 2),
        x2: bx,
        y2: round(middle + trackHeight / 2),
        stroke: chartColors.baseline,
        strokeWidth: 1.5,
        dash: BASELINE_DASH,
      });
    }
    if (item.target !== null) {
      const tx = round(scale(item.target));
      marks.push({
        type: 'line',
        x1: tx,
        y1: round(middle - trackHeight / 2 - 2),
        x2: tx,
        y2: round(middle + trackHeight / 2 + 2),
        stroke: chartColors.target,
        strokeWidth: 2,
      });
    }
    rows.push([
      item.label,
      baselineValue === null ? '—' : format(baselineValue),
      item.target === null ? '—' : format(item.target),
      item.value === null ? '—' : format(item.value),
      status,
    ]);
  });

  const withTarget = items.filter((item) => item.target !== null).length;
  const summary = `${title} : ${items.length} ${pl(items.length, 'indicateur', 'indicateurs')}, ${measuredCount} ${pl(measuredCount, 'mesuré', 'mesurés')}, ${reachedCount} ${pl(reachedCount, 'cible atteinte', 'cibles atteintes')} sur ${withTarget}.`;
  return {
    kind: 'bullets',
    width,
    height,
    title,
    summary,
    empty: false,
    marks,
    legend,
    table: { columns, rows },
  };
}
