/**
 * Attainment maths of the ACI indicators: how much of a mission's variable part a contract year earns.
 *
 * As the signed annexes do it (domain notes part 2, §1.3): each mission's variable envelope is split over its
 * indicators, each indicator's target for the contract year carries a € amount and a payment rule:
 * - tout ou rien: the whole amount when the cible is reached in the indicator's direction, nothing otherwise
 *   (« Maintenir le partenariat en place avec la CPAM » → 2 000 €);
 * - paliers: the best tier reached pays its amount, tiers are not cumulative (« Cancer du sein, initial 66,26 % :
 *   69,70 % → 1 000 €, 72,40 % → 2 500 €, 75 % → 3 500 € »; « ALD sans MT, initial 219 : ≤ 50 → 9 000 € … »);
 * - proportionnel: the amount × the share of the way from the baseline to the cible, rounded half up to the cent.
 * The taux d’atteinte of a mission is Σ earned / its variable maximum; indicators not met in N−1 may be carried
 * into year N.
 *
 * Values are compared in units of 1/10 000 (`arithmetic`), money is integer cents throughout, prorata is exact.
 * Pure functions: no Node built-ins, no 'electron', no DOM; the services and the screens call the same code.
 *
 * Layout: `types` (the shapes and codes), `arithmetic` (value units, tiers order, exact prorata), `evaluate` (one
 * target's result), `validate` (a target's French problems), `measures` (which measure counts), `carry-over`,
 * `totals` (mission and contract year), `wording` (amounts and values in French). Import from
 * `@shared/domain/aci/attainment`, not from the modules.
 */
export type {
  IndicatorDirection,
  IndicatorTraits,
  IndicatorValueType,
  MeasureStatus,
  PaymentRule,
  Target,
  TargetResult,
  TargetStatus,
  Tier,
} from './types';
export { VALUE_SCALE, orderedTiers, reaches, topTier } from './arithmetic';
export { evaluateTarget, progressTowards, targetLevel, targetMaxCents, tierReachedBy } from './evaluate';
export { validateTarget } from './validate';
export { type MeasureForSelection, selectMeasure } from './measures';
export { type CarryOverResult, carryOverCandidates, isFullyMet, validateCarryOver } from './carry-over';
export {
  type AmountMismatch,
  amountMismatch,
  type MissionEnvelope,
  type MissionResult,
  missionResult,
  type YearResult,
  yearResult,
} from './totals';
export { formatIndicatorValue, tierName } from './wording';
