import type { MeasureStatus } from './types';

/** What `selectMeasure` reads of a measure; dates are ISO `YYYY-MM-DD`. */
export interface MeasureForSelection {
  status: MeasureStatus;
  /** Last day of the period measured, null when the measure gives none. */
  periodEnd: string | null;
  /** Day the value was measured (or frozen, for a value the app computes), null when unknown. */
  measuredOn: string | null;
}

const STATUS_WEIGHT: Record<MeasureStatus, number> = { brouillon: 0, declare: 1, valide: 2 };

/** ISO dates compare as text; a missing date comes before any date. */
const compareDates = (a: string | null, b: string | null): number => (a ?? '').localeCompare(b ?? '');

/**
 * The measure that counts for a target, null when there is none: the most official one (validé par la CPAM, then
 * déclaré, then brouillon), then the one whose period ends last, then the one measured last. On a full tie the
 * first in the list is kept.
 */
export function selectMeasure<M extends MeasureForSelection>(measures: readonly M[]): M | null {
  let best: M | null = null;
  for (const measure of measures) {
    if (best === null) {
      best = measure;
      continue;
    }
    const order =
      STATUS_WEIGHT[measure.status] - STATUS_WEIGHT[best.status] ||
      compareDates(measure.periodEnd, best.periodEnd) ||
      compareDates(measure.measuredOn, best.measuredOn);
    if (order > 0) best = measure;
  }
  return best;
}
