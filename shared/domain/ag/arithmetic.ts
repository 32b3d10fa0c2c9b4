import type { Fraction } from './rules';
import { VOTE_UNIT } from './vocabulary';

// ---------------------------------------------------------------------------------------------------------------
// Arithmetic helpers (exact, integer units)
// ---------------------------------------------------------------------------------------------------------------

/** Tally in both dimensions: heads (number of members) and weight (sum of vote weights, in voix). */
export interface Tally {
  heads: number;
  weight: number;
}

/** Voix → integer units (three decimals kept). */
export const toUnits = (voix: number): number => Math.round(voix * VOTE_UNIT);
/** Integer units → voix. */
export const fromUnits = (units: number): number => units / VOTE_UNIT;

export function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y) [x, y] = [y, x % y];
  return x;
}

/**
 * The smallest multiple of `step` that satisfies the rule, in the units of `base`:
 * - not strict (« au moins f »): the smallest multiple ≥ base × f, i.e. `ceil(base × f)` when step = 1 voix;
 * - strict (« plus de f »): the smallest multiple > base × f, i.e. `floor(base × f) + 1` when step = 1 voix
 *   (majorité absolue: `floor(base / 2) + 1`).
 * Computed with integer quotient and remainder (`%` is exact on integers below 2^53), never with `Math.ceil` of a
 * float division. A count that is a multiple of `step` meets the rule exactly when it is ≥ the returned value.
 */
export function threshold(base: number, fraction: Fraction, strict: boolean, step = 1): number {
  const numerator = base * fraction.numerator;
  const denominator = fraction.denominator * step;
  const remainder = numerator % denominator;
  const quotient = (numerator - remainder) / denominator;
  const multiples = strict ? quotient + 1 : remainder === 0 ? quotient : quotient + 1;
  return multiples * step;
}
