import type { IndicatorDirection, Tier } from './types';

/**
 * Indicator values are compared and divided in integer units of 1/10 000 (four decimals: a taux is given to the
 * hundredth), so 69.7 reaches a 69,70 % tier even when it was computed as 69.69999999999999, and the prorata of
 * a proportional target is an exact fraction of integers.
 */
export const VALUE_SCALE = 10_000;

export const toUnits = (value: number): number => Math.round(value * VALUE_SCALE);

/** Whether `value` reaches `level` in the direction: at least it for hausse and atteindre, at most it for baisse. */
export function reaches(direction: IndicatorDirection, value: number, level: number): boolean {
  const v = toUnits(value);
  const l = toUnits(level);
  return direction === 'baisse' ? v <= l : v >= l;
}

/** The tiers in rank order (the first is the easiest to reach, the last is the objective). */
export function orderedTiers(tiers: readonly Tier[]): Tier[] {
  return [...tiers].sort((a, b) => a.rank - b.rank);
}

/** The tier with the highest rank, null when there is none. */
export function topTier(tiers: readonly Tier[]): Tier | null {
  return orderedTiers(tiers).at(-1) ?? null;
}

/**
 * `maxCents × gained / span`, rounded half up to the cent (0,5 centime → 1 centime), exactly: the product is taken
 * in BigInt, so no floating-point error can move a half cent. `gained` and `span` are value units, span > 0;
 * the result stays within 0..maxCents.
 */
export function prorata(maxCents: number, gained: number, span: number): number {
  if (gained <= 0) return 0;
  if (gained >= span) return maxCents;
  const numerator = 2n * BigInt(maxCents) * BigInt(gained) + BigInt(span);
  return Number(numerator / (2n * BigInt(span)));
}
