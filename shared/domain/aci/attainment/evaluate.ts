import { orderedTiers, prorata, reaches, toUnits, topTier } from './arithmetic';
import type { IndicatorTraits, Target, TargetResult, TargetStatus, Tier } from './types';

/**
 * The level a target aims at: its cible for tout_ou_rien and proportionnel, the top tier's threshold for paliers.
 */
export function targetLevel(target: Target): number | null {
  if (target.rule === 'paliers') return topTier(target.tiers)?.threshold ?? null;
  return target.targetValue !== null && Number.isFinite(target.targetValue) ? target.targetValue : null;
}

/** The most the target can earn: the top tier's amount for paliers, the indicator's € value otherwise. */
export function targetMaxCents(target: Target): number {
  if (target.rule === 'paliers') return topTier(target.tiers)?.amountCents ?? 0;
  return target.maxAmountCents;
}

/** The baseline when the contract gives a usable one. */
export function baselineOf(indicator: IndicatorTraits): number | null {
  return indicator.baseline !== null && Number.isFinite(indicator.baseline) ? indicator.baseline : null;
}

interface Way {
  gained: number;
  span: number;
}

/**
 * The way from the starting point to the target, in value units:
 * - hausse: from the baseline (v − b over t − b), or from zero without a baseline (v over t);
 * - baisse: from the baseline (b − v over b − t); no way without a baseline (nothing says how far it started);
 * - atteindre: from the baseline like hausse when the contract gives one; no way without one (a level is reached
 *   or not).
 * Null also when the target is not beyond the start (t ≤ b for hausse, t ≥ b for baisse, t ≤ 0 without a baseline):
 * then only « reached or not » makes sense.
 */
function wayTowards(indicator: IndicatorTraits, level: number, value: number): Way | null {
  const { direction } = indicator;
  const baseline = baselineOf(indicator);
  const t = toUnits(level);
  const v = toUnits(value);
  if (baseline === null) {
    if (direction !== 'hausse' || t <= 0) return null;
    return { gained: v, span: t };
  }
  const b = toUnits(baseline);
  const way = direction === 'baisse' ? { gained: b - v, span: b - t } : { gained: v - b, span: t - b };
  return way.span > 0 ? way : null;
}

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

/**
 * Progress towards `level` (0..1): hausse (v − b) / (t − b), baisse (b − v) / (b − t), clamped, so an indicator
 * beyond its target counts 1 and one that went backwards counts 0. Without a baseline: v / t for hausse, null for
 * baisse and atteindre. When the target is not beyond the baseline (a level to keep), 1 if reached, else 0.
 */
export function progressTowards(indicator: IndicatorTraits, level: number, value: number): number | null {
  const way = wayTowards(indicator, level, value);
  if (way !== null) return clamp01(way.gained / way.span);
  if (baselineOf(indicator) === null && indicator.direction !== 'hausse') return null;
  return reaches(indicator.direction, value, level) ? 1 : 0;
}

/** The best tier `value` reaches in the direction (tiers are not cumulative: the best one pays), or null. */
export function tierReachedBy(indicator: IndicatorTraits, tiers: readonly Tier[], value: number): Tier | null {
  let best: Tier | null = null;
  for (const tier of orderedTiers(tiers)) {
    if (!reaches(indicator.direction, value, tier.threshold)) continue;
    if (best === null || tier.amountCents > best.amountCents) best = tier;
  }
  return best;
}

/**
 * Proportional payment: maxCents × the share of the way from the baseline to the target (from zero without a
 * baseline, for hausse and atteindre alike), rounded half up to the cent, never above max nor below 0. A baisse
 * target without a baseline has no way to measure: it pays all when reached, nothing otherwise (and
 * `validateTarget` asks for the baseline).
 */
function proportionalCents(indicator: IndicatorTraits, level: number, value: number, maxCents: number): number {
  const way =
    wayTowards(indicator, level, value) ??
    (indicator.direction === 'atteindre' && baselineOf(indicator) === null && toUnits(level) > 0
      ? { gained: toUnits(value), span: toUnits(level) }
      : null);
  if (way !== null) return prorata(maxCents, way.gained, way.span);
  return reaches(indicator.direction, value, level) ? maxCents : 0;
}

function statusOf(earnedCents: number, maxCents: number, reached: boolean, partly: boolean): TargetStatus {
  if (maxCents > 0 ? earnedCents >= maxCents : reached) return 'atteint';
  return partly ? 'partiel' : 'non_atteint';
}

/**
 * The result of a target for a measured value (null: not measured yet). A oui_non value is 1 (oui) or 0 (non).
 * - tout_ou_rien: met iff value ≥ target (hausse, atteindre) or ≤ target (baisse); pays the whole amount or nothing.
 * - paliers: the best tier whose threshold is reached pays its own amount (tiers are not cumulative); atteint at
 *   the top tier, partiel at a lower one.
 * - proportionnel: see `proportionalCents`; atteint when the whole amount is earned, partiel when part of it is.
 */
export function evaluateTarget(target: Target, indicator: IndicatorTraits, measuredValue: number | null): TargetResult {
  const maxCents = targetMaxCents(target);
  const rateOf = (earned: number): number | null => (maxCents > 0 ? earned / maxCents : null);
  const level = targetLevel(target);
  const value = measuredValue !== null && Number.isFinite(measuredValue) ? measuredValue : null;
  if (value === null || level === null) {
    // Without a level (no cible, no tier: a target `validateTarget` refuses) a measure earns nothing.
    const status: TargetStatus = value === null ? 'non_mesure' : 'non_atteint';
    return { status, value, tierReached: null, earnedCents: 0, maxCents, attainmentRate: rateOf(0), progress: null };
  }
  const progress = progressTowards(indicator, level, value);
  const reached = reaches(indicator.direction, value, level);
  let tierReached: Tier | null = null;
  let earnedCents: number;
  let partly: boolean;
  switch (target.rule) {
    case 'tout_ou_rien':
      earnedCents = reached ? maxCents : 0;
      partly = false;
      break;
    case 'paliers':
      tierReached = tierReachedBy(indicator, target.tiers, value);
      earnedCents = tierReached?.amountCents ?? 0;
      partly = tierReached !== null;
      break;
    case 'proportionnel':
      earnedCents = proportionalCents(indicator, level, value, maxCents);
      partly = earnedCents > 0;
      break;
  }
  return {
    status: statusOf(earnedCents, maxCents, reached, partly),
    value,
    tierReached,
    earnedCents,
    maxCents,
    attainmentRate: rateOf(earnedCents),
    progress,
  };
}
