/**
 * Per mission, the envelope of the contract year next to the budget of its fiches actions (planned and spent in
 * the year), as grouped columns. The « Finances » section of the rapport d’activité draws it.
 */
import type { FinancesData } from '@shared/reports/activity-report';
import { columnChart } from './columns';
import { type ActivityChartOptions, activityChartOptions } from './members-by-profession';
import type { ChartGeometry } from './types';

export const BUDGET_BY_MISSION_TITLE = 'Budget par mission';

/**
 * Three series: the envelope (only when some mission has one), the planned and the spent budget of the fiches.
 * A mission without envelope reads zero there; the data table says so too.
 */
export function budgetByMissionChart(
  byMission: FinancesData['byMission'],
  options: ActivityChartOptions = {},
): ChartGeometry {
  const base = activityChartOptions(options);
  const withEnvelope = byMission.some((row) => row.envelopeCents !== null);
  return columnChart({
    title: BUDGET_BY_MISSION_TITLE,
    ...base,
    height: Math.round(base.width * 0.45),
    format: 'euros',
    categoryHeader: 'Mission',
    categories: byMission.map((row) => row.missionLabel),
    series: [
      ...(withEnvelope ? [{ label: 'Enveloppe', values: byMission.map((row) => row.envelopeCents ?? 0) }] : []),
      { label: 'Budget prévu des fiches', values: byMission.map((row) => row.plannedCents) },
      { label: 'Dépensé', values: byMission.map((row) => row.spentCents) },
    ],
  });
}
