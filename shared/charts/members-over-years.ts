/** Active members on 31 December over the years, as a line: how the membership grew (or not). */
import { lineChart } from './lines';
import { type ActivityChartOptions, activityChartOptions } from './members-by-profession';
import type { ChartGeometry } from './types';

export const MEMBERS_OVER_YEARS_TITLE = 'Évolution du nombre d’adhérents';

/** One point per year, in year order; a single year is a marker. */
export function membersOverYearsChart(
  points: readonly { year: number; count: number }[],
  options: ActivityChartOptions = {},
): ChartGeometry {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const base = activityChartOptions(options);
  return lineChart({
    title: MEMBERS_OVER_YEARS_TITLE,
    ...base,
    height: Math.round(base.width * 0.4),
    format: 'integer',
    xHeader: 'Année',
    xLabels: sorted.map((point) => `31/12/${point.year}`),
    series: [{ label: 'Adhérents actifs', values: sorted.map((point) => point.count) }],
  });
}
