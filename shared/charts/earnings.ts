/**
 * The euros of the variable part as charts: obtained against the maximum for each mission of a contract year, and
 * for each indicator of a mission. The missions' overview and the « Tableau de suivi des indicateurs » draw them.
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

/** Each indicator of the mission with a target this year: its euros obtained over its maximum. */
export function indicatorEarningsChart(
  input: EarningsChartOptions & { mission: Pick<TrackingMission, 'shortLabel' | 'indicators'> },
): ChartGeometry {
  return attainmentBars({
    title: `€ obtenus / maximum par indicateur — ${input.mission.shortLabel}`,
    width: input.width,
    ...optional(input),
    format: 'euros',
    labelHeader: 'Indicateur',
    items: input.mission.indicators.flatMap(({ indicator, result }) =>
      result
        ? [
            {
              label: indicator.code ? `${indicator.code} — ${indicator.label}` : indicator.label,
              earned: result.earnedCents,
              max: result.maxCents,
            },
          ]
        : [],
    ),
  });
}
