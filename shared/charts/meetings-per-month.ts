/** Meetings held in each month of a calendar year, as columns (January first). */
import { columnChart } from './columns';
import { type ActivityChartOptions, activityChartOptions } from './members-by-profession';
import type { ChartGeometry } from './types';

/** Short French month names, as a column can hold them. */
export const MONTH_SHORT_LABELS = [
  'janv.',
  'févr.',
  'mars',
  'avr.',
  'mai',
  'juin',
  'juil.',
  'août',
  'sept.',
  'oct.',
  'nov.',
  'déc.',
] as const;

/** `counts` has one entry per month, January first (missing months count zero). */
export function meetingsPerMonthChart(
  counts: readonly number[],
  year: number,
  options: ActivityChartOptions = {},
): ChartGeometry {
  const base = activityChartOptions(options);
  return columnChart({
    title: `Réunions tenues par mois en ${year}`,
    ...base,
    height: Math.round(base.width * 0.4),
    format: 'integer',
    categoryHeader: 'Mois',
    categories: MONTH_SHORT_LABELS,
    series: [{ label: 'Réunions', values: MONTH_SHORT_LABELS.map((_, month) => counts[month] ?? 0) }],
  });
}
