/** How the indicator screens write a target, a measured value and the euros of a result. */
import type { IndicatorRow, TargetRow } from '@shared/contract';
import { formatIndicatorValue, topTier } from '@shared/domain/aci/attainment';
import { formatEurosFromCents, NBSP } from '@shared/format';

/** The value in the indicator's own terms: « 72,4 % », « 30 jours », « oui », « 219 patients ». */
export function valueText(indicator: Pick<IndicatorRow, 'valueType' | 'unit'>, value: number | null): string {
  if (value === null) return '—';
  const text = formatIndicatorValue(indicator.valueType, value);
  return indicator.valueType === 'nombre' && indicator.unit ? `${text}${NBSP}${indicator.unit}` : text;
}

/** The level a target aims at: its cible, or the top tier's threshold for paliers. */
export function targetLevelOf(target: Pick<TargetRow, 'paymentRule' | 'targetValue' | 'tiers'>): number | null {
  return target.paymentRule === 'paliers' ? (topTier(target.tiers)?.threshold ?? null) : target.targetValue;
}

/** The cible: its value, or the top tier's threshold for paliers (« ≤ 50 patients » for a target going down). */
export function targetText(
  indicator: Pick<IndicatorRow, 'valueType' | 'unit' | 'direction'>,
  target: TargetRow | null,
) {
  if (!target) return 'Pas de cible';
  const level = targetLevelOf(target);
  if (level === null) return '—';
  const sign = indicator.valueType === 'oui_non' ? '' : indicator.direction === 'baisse' ? `≤${NBSP}` : `≥${NBSP}`;
  return `${sign}${valueText(indicator, level)}`;
}

/** « 2 500 € / 3 500 € » */
export const earnedText = (earnedCents: number, maxCents: number) =>
  `${formatEurosFromCents(earnedCents)} / ${formatEurosFromCents(maxCents)}`;
