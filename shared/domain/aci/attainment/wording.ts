import { formatNumber, NBSP, pl } from '@shared/format';
import type { IndicatorDirection, IndicatorValueType, Tier } from './types';

/** A measured value, target or threshold as the annex writes it: « oui », « 69,7 % », « 219 », « 30 jours ». */
export function formatIndicatorValue(valueType: IndicatorValueType, value: number): string {
  switch (valueType) {
    case 'oui_non':
      return value === 1 ? 'oui' : value === 0 ? 'non' : formatNumber(value);
    case 'taux':
      return `${formatNumber(value)}${NBSP}%`;
    case 'delai':
      return `${formatNumber(value)}${NBSP}${pl(value, 'jour', 'jours')}`;
    case 'nombre':
      return formatNumber(value);
  }
}

/** « Palier 2 (intermédiaire) », or « Palier 2 » when the label adds nothing. */
export function tierName(tier: Pick<Tier, 'rank' | 'label'>): string {
  const label = tier.label.trim();
  return label === '' || label === String(tier.rank) ? `Palier ${tier.rank}` : `Palier ${tier.rank} (${label})`;
}

/** « pour un indicateur à la hausse » … used at the end of a sentence about the order of tiers. */
export const DIRECTION_WORDING: Record<IndicatorDirection, string> = {
  hausse: 'pour un indicateur à la hausse',
  atteindre: 'pour un niveau à atteindre',
  baisse: 'pour un indicateur à la baisse',
};
