/**
 * An indicator's history: per contract year, its cible (a dashed step) and its réalisé (the measure that counts),
 * with its situation initiale. The indicator's page and the « Fiche action » PDF draw this same chart.
 */
import type { IndicatorDetail, MeasureRow, TargetRow } from '@shared/contract';
import { formatIndicatorValue, topTier } from '@shared/domain/aci/attainment';
import { lineChart } from './lines';
import type { ChartGeometry, MeasureText } from './types';

/** A contract year of the indicator's contract. */
export interface HistoryYear {
  id: number;
  index: number;
}

/** One contract year of the history: its target (if any), the level it aims at and the réalisé. */
export interface IndicatorHistoryRow<Y extends HistoryYear = HistoryYear> {
  year: Y;
  target: TargetRow | null;
  /** The cible, or the top tier's threshold for paliers; null without a target. */
  level: number | null;
  /** The value of the measure that counts; null when nothing was measured that year. */
  value: number | null;
}

/** Every year of the contract, in order, with what the indicator's history says of it (empty years included). */
export function indicatorHistoryRows<Y extends HistoryYear>(
  indicator: {
    history: readonly { contractYearId: number; target: TargetRow; measure: Pick<MeasureRow, 'value'> | null }[];
  },
  years: readonly Y[],
): IndicatorHistoryRow<Y>[] {
  return years.map((year) => {
    const entry = indicator.history.find((h) => h.contractYearId === year.id) ?? null;
    const target = entry?.target ?? null;
    return { year, target, level: target ? targetRowLevel(target) : null, value: entry?.measure?.value ?? null };
  });
}

/** The level a target aims at: its cible, or the top tier's threshold for paliers. */
export function targetRowLevel(target: Pick<TargetRow, 'paymentRule' | 'targetValue' | 'tiers'>): number | null {
  return target.paymentRule === 'paliers' ? (topTier(target.tiers)?.threshold ?? null) : target.targetValue;
}

export interface IndicatorHistoryChartInput {
  indicator: Pick<IndicatorDetail, 'label' | 'valueType' | 'baselineValue'>;
  rows: readonly IndicatorHistoryRow[];
  width: number;
  height: number;
  measureText?: MeasureText;
  fontSize?: number;
}

/** « Cible et réalisé par année de contrat — <indicateur> » as a line chart (rates on a scale that hugs them). */
export function indicatorHistoryChart(input: IndicatorHistoryChartInput): ChartGeometry {
  const { indicator, rows } = input;
  return lineChart({
    title: `Cible et réalisé par année de contrat — ${indicator.label}`,
    width: input.width,
    height: input.height,
    ...(input.measureText ? { measureText: input.measureText } : {}),
    ...(input.fontSize ? { fontSize: input.fontSize } : {}),
    xLabels: rows.map((row) => `Année ${row.year.index}`),
    xHeader: 'Année de contrat',
    series: [
      { label: 'Réalisé', values: rows.map((row) => row.value) },
      { label: 'Cible', values: rows.map((row) => row.level), style: 'target' },
    ],
    baseline: indicator.baselineValue === null ? null : { label: 'Situation initiale', value: indicator.baselineValue },
    zeroBased: indicator.valueType !== 'taux',
    format: (value: number) => formatIndicatorValue(indicator.valueType, value),
  });
}

/** Whether the history has anything to draw: at least one year with a target. */
export const hasTargets = (rows: readonly IndicatorHistoryRow[]): boolean => rows.some((row) => row.target !== null);
