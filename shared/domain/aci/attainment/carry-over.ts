import type { TargetResult } from './types';

/** What the carry-over reads of last year's result of a target. */
export type CarryOverResult = Pick<TargetResult, 'status' | 'earnedCents' | 'maxCents'>;

/**
 * Whether a target was fully met: its whole amount earned (earned = max), or, for a target worth nothing, its level
 * reached. A target not measured was not met.
 */
export function isFullyMet(result: CarryOverResult): boolean {
  return result.maxCents > 0 ? result.earnedCents >= result.maxCents : result.status === 'atteint';
}

/**
 * The targets of contract year N−1 that may be carried into year N (« indicateurs non atteints en N-1 »): those not
 * fully met (earned < max), tier reached below the top, prorata short of the cible, or not measured at all. Takes
 * any row carrying its `result` and keeps the caller's order.
 */
export function carryOverCandidates<R extends { result: CarryOverResult }>(previousYearResults: readonly R[]): R[] {
  return previousYearResults.filter((row) => !isFullyMet(row.result));
}

/**
 * The French error of carrying last year's target into this year, null when it may be carried: only a target
 * that was not fully met is carried over.
 */
export function validateCarryOver(previousResult: CarryOverResult | null): string | null {
  if (previousResult === null)
    return 'Cet indicateur n’avait pas de cible l’année précédente : il n’y a rien à reporter.';
  if (isFullyMet(previousResult)) {
    return 'Cet indicateur a été atteint l’année précédente : seul un indicateur non atteint se reporte sur l’année suivante.';
  }
  return null;
}
