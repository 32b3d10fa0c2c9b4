/**
 * The euros of the variable part as charts: obtained against the maximum for each mission of a contract year, and
 * for one mission alone. The missions' overview and the « Tableau de suivi des indicateurs » draw them.
 */
import type { TrackingMission } from '@shared/contract';
import { attainmentBars } from './attainment-bars';
import type { ChartGeometry, MeasureText } from './types';

interface EarningsChartOptions {
  width: number;
  measureText?: MeasureText;
  fontSize?: number;
}

const optional = ({ measureText, fontSize }: EarningsChartOptions) => ({
  ...(measureText ? { measureText } : {}),
  ...(fontSize ? { fontSize } : {}),
});

export const MISSION_EARNINGS_TITLE = 'Part variable obtenue par mission';

/** Each mission's part variable obtenue over its part variable maximale, on one scale. */
export function missionEarningsChart(
  input: EarningsChartOptions & { missions: readonly Pick<TrackingMission, 'shortLabel' | 'result'>[] },
): ChartGeometry {
  return attainmentBars({
    title: MISSION_EARNINGS_TITLE,
    width: input.width,
    ...optional(input),
    format: 'euros',
    labelHeader: 'Mission',
    earnedLabel: 'Part variable obtenue',
    maxLabel: 'Part variable maximale',
    items: input.missions.map((mission) => ({
      label: mission.shortLabel,
      earned: mission.result.earnedCents,
      max: mission.result.variableMaxCents,
    })),
  });
}

/** One mission's part variable obtenue over its maximum, as a single bar (no legend, no axis). */
export function missionEarningsBar(
  input: EarningsChartOptions & { mission: Pick<TrackingMission, 'shortLabel' | 'result'> },
): ChartGeometry {
  return attainmentBars({
    title: `Part variable obtenue — ${input.mission.shortLabel}`,
    width: input.width,
    ...optional(input),
    format: 'euros',
    compact: true,
    labelHeader: 'Mission',
    earnedLabel: 'Part variable obtenue',
    maxLabel: 'Part variable maximale',
    items: [
      {
        label: 'Part variable obtenue',
        earned: input.mission.result.earnedCents,
        max: input.mission.result.variableMaxCents,
      },
    ],
  });
}
