/**
 * Active members by profession on 31 December, as horizontal bars (most numerous first). The rapport d’activité
 * draws it under « Vie associative », the app next to the composition of the membership.
 */
import type { CompositionData } from '@shared/reports/members';
import { barChart } from './bars';
import type { ChartGeometry, MeasureText } from './types';

export const MEMBERS_BY_PROFESSION_TITLE = 'Adhérents par profession';

export interface ActivityChartOptions {
  width?: number;
  measureText?: MeasureText;
  fontSize?: number;
}

/** Options common to the charts of the rapport d’activité: the width of an A4 text column by default. */
export const activityChartOptions = ({ width, measureText, fontSize }: ActivityChartOptions) => ({
  width: width ?? 480,
  ...(measureText ? { measureText } : {}),
  ...(fontSize ? { fontSize } : {}),
});

/** One bar per profession with at least one active member, the largest first, ties by name. */
export function membersByProfessionChart(
  composition: Pick<CompositionData, 'year' | 'byProfession'>,
  options: ActivityChartOptions = {},
): ChartGeometry {
  const items = composition.byProfession
    .filter((row) => row.count > 0)
    .map((row) => ({ label: row.label, value: row.count }))
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label, 'fr'));
  return barChart({
    title: `${MEMBERS_BY_PROFESSION_TITLE} au 31/12/${composition.year}`,
    ...activityChartOptions(options),
    format: 'integer',
    labelHeader: 'Profession',
    valueHeader: 'Adhérents',
    items,
  });
}
