/**
 * The shapes the attainment maths reads: an indicator's traits, a contract year's target and its payment rule,
 * a measure, and the results. The string unions are the codes the database stores (CHECK constraints).
 */

/** hausse / baisse: from a baseline towards a target; atteindre: a level to reach, compared like hausse. */
export type IndicatorDirection = 'hausse' | 'baisse' | 'atteindre';
/** oui_non is stored 1 (oui) / 0 (non); taux is a percentage as a number (66.26); delai is in days. */
export type IndicatorValueType = 'oui_non' | 'nombre' | 'taux' | 'delai';
export type PaymentRule = 'tout_ou_rien' | 'paliers' | 'proportionnel';
export type MeasureStatus = 'brouillon' | 'declare' | 'valide';
export type TargetStatus = 'non_mesure' | 'atteint' | 'partiel' | 'non_atteint';

/** What the maths needs to know of an indicator. */
export interface IndicatorTraits {
  valueType: IndicatorValueType;
  direction: IndicatorDirection;
  /** The « valeur initiale » of the annex, null when the contract gives none. */
  baseline: number | null;
}

/**
 * One palier of a target. `label` is « socle », « intermédiaire », « objectif » or free text; `threshold` is the
 * value to reach in the indicator's direction (at least it for hausse/atteindre, at most it for baisse).
 */
export interface Tier {
  rank: number;
  label: string;
  threshold: number;
  amountCents: number;
}

/** The target of an indicator for one contract year, with its payment rule. */
export interface Target {
  rule: PaymentRule;
  /** The « cible »: required for tout_ou_rien and proportionnel; for paliers the top tier's threshold stands for it. */
  targetValue: number | null;
  /** The indicator's € value in the annex (its share of the mission's variable part); for paliers, the top tier's amount. */
  maxAmountCents: number;
  /** Empty unless the rule is paliers. */
  tiers: readonly Tier[];
}

export interface TargetResult {
  status: TargetStatus;
  /** The measured value the result was computed from, null when not measured. */
  value: number | null;
  /** paliers only: the best tier reached, null when none is. */
  tierReached: Tier | null;
  earnedCents: number;
  maxCents: number;
  /** earnedCents / maxCents (0..1), null when maxCents is 0. */
  attainmentRate: number | null;
  /** Share of the way from the baseline to the target (0..1), null when it cannot be told (see `progressTowards`). */
  progress: number | null;
}
