import { orderedTiers, toUnits, topTier } from './arithmetic';
import { baselineOf } from './evaluate';
import type { IndicatorTraits, Target, Tier } from './types';
import { formatEurosFromCents } from '@shared/format';
import { DIRECTION_WORDING, formatIndicatorValue, tierName } from './wording';

const isCents = (amount: number): boolean => Number.isSafeInteger(amount) && amount >= 0;

const RULE_WORDING = {
  tout_ou_rien: 'payé en tout ou rien',
  paliers: 'payé par paliers',
  proportionnel: 'payé au prorata',
} as const;

/** The French problems of each tier taken alone: rank, threshold, amount. */
function tierProblems(tiers: readonly Tier[]): string[] {
  const errors: string[] = [];
  const seen = new Set<number>();
  for (const tier of tiers) {
    const name = tierName(tier);
    if (!Number.isInteger(tier.rank) || tier.rank < 1) {
      errors.push(`${name} : le rang doit être un entier à partir de 1.`);
    } else if (seen.has(tier.rank)) {
      errors.push(`${name} : un autre palier a déjà ce rang.`);
    }
    seen.add(tier.rank);
    if (!Number.isFinite(tier.threshold)) errors.push(`${name} : le seuil doit être un nombre.`);
    if (!isCents(tier.amountCents)) errors.push(`${name} : le montant doit être positif ou nul, en euros et centimes.`);
  }
  return errors;
}

/**
 * Tiers in rank order must get harder and pay more: thresholds strictly increasing (hausse, atteindre) or strictly
 * decreasing (baisse), amounts strictly increasing. « Patients en ALD sans MT (initial 219) : ≤ 50 → 9 000 €,
 * 51–100 → 6 000 €, 101–219 → 3 000 € » is palier 1 ≤ 219 → 3 000 €, palier 2 ≤ 100 → 6 000 €, palier 3 ≤ 50 →
 * 9 000 €.
 */
function tierOrderProblems(indicator: IndicatorTraits, tiers: readonly Tier[]): string[] {
  const errors: string[] = [];
  const ordered = orderedTiers(tiers);
  const down = indicator.direction === 'baisse';
  const show = (value: number) => formatIndicatorValue(indicator.valueType, value);
  for (let i = 1; i < ordered.length; i++) {
    const previous = ordered[i - 1]!;
    const tier = ordered[i]!;
    const name = tierName(tier);
    if (Number.isFinite(previous.threshold) && Number.isFinite(tier.threshold)) {
      const harder = down
        ? toUnits(tier.threshold) < toUnits(previous.threshold)
        : toUnits(tier.threshold) > toUnits(previous.threshold);
      if (!harder) {
        errors.push(
          `${name} : le seuil (${show(tier.threshold)}) doit être plus ${down ? 'bas' : 'haut'} que celui du palier ${previous.rank} (${show(previous.threshold)}) ${DIRECTION_WORDING[indicator.direction]}.`,
        );
      }
    }
    if (isCents(previous.amountCents) && isCents(tier.amountCents) && tier.amountCents <= previous.amountCents) {
      errors.push(
        `${name} : le montant (${formatEurosFromCents(tier.amountCents)}) doit être plus élevé que celui du palier ${previous.rank} (${formatEurosFromCents(previous.amountCents)}).`,
      );
    }
  }
  return errors;
}

/**
 * Every French problem of a target for its indicator (empty: the target is valid). Checks: the indicator's
 * amount and each tier's are ≥ 0 integer cents; paliers has at least one tier, ordered in the indicator's direction
 * (see `tierOrderProblems`), and its amount is the top tier's; the other rules have no tier and need a cible; a
 * oui/non indicator is paid all or nothing, its cible oui (1) or non (0); a proportional target needs a way to
 * prorate: a cible beyond the baseline, or above zero without a baseline, and a baseline when it must go down.
 */
export function validateTarget(target: Target, indicator: IndicatorTraits): string[] {
  const errors: string[] = [];
  const show = (value: number) => formatIndicatorValue(indicator.valueType, value);
  const amountOk = isCents(target.maxAmountCents);
  if (!amountOk) errors.push('Le montant de l’indicateur doit être positif ou nul, en euros et centimes.');
  if (indicator.valueType === 'oui_non' && target.rule !== 'tout_ou_rien') {
    errors.push('Un indicateur oui/non se paie en tout ou rien : ni paliers ni prorata.');
  }

  if (target.rule === 'paliers') {
    if (target.tiers.length === 0) {
      errors.push('Un indicateur payé par paliers a besoin d’au moins un palier.');
      return errors;
    }
    errors.push(...tierProblems(target.tiers), ...tierOrderProblems(indicator, target.tiers));
    const top = topTier(target.tiers)!;
    if (amountOk && isCents(top.amountCents) && top.amountCents !== target.maxAmountCents) {
      errors.push(
        `Le montant de l’indicateur (${formatEurosFromCents(target.maxAmountCents)}) doit être celui du palier le plus haut (${formatEurosFromCents(top.amountCents)}).`,
      );
    }
    return errors;
  }

  if (target.tiers.length > 0) {
    errors.push(
      `Un indicateur ${RULE_WORDING[target.rule]} n’a pas de paliers : retirez-les ou choisissez les paliers.`,
    );
  }
  const level = target.targetValue;
  if (level === null || !Number.isFinite(level)) {
    errors.push(`Une cible est nécessaire pour un indicateur ${RULE_WORDING[target.rule]}.`);
    return errors;
  }
  if (indicator.valueType === 'oui_non' && level !== 0 && level !== 1) {
    errors.push('La cible d’un indicateur oui/non est oui ou non.');
  }
  if (target.rule === 'proportionnel' && indicator.valueType !== 'oui_non') {
    errors.push(...proportionalProblems(indicator, level, show));
  }
  return errors;
}

function proportionalProblems(indicator: IndicatorTraits, level: number, show: (value: number) => string): string[] {
  const baseline = baselineOf(indicator);
  if (baseline === null) {
    if (indicator.direction === 'baisse') {
      return [
        'Un indicateur à la baisse payé au prorata a besoin d’une valeur initiale : elle mesure le chemin parcouru.',
      ];
    }
    return toUnits(level) > 0 ? [] : ['La cible d’un indicateur payé au prorata doit être plus grande que zéro.'];
  }
  const down = indicator.direction === 'baisse';
  const beyond = down ? toUnits(level) < toUnits(baseline) : toUnits(level) > toUnits(baseline);
  if (beyond) return [];
  return [
    `La cible (${show(level)}) doit être plus ${down ? 'basse' : 'haute'} que la valeur initiale (${show(baseline)}) pour un paiement au prorata.`,
  ];
}
