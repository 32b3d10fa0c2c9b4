/** Vote weights (« voix ») as the assembly documents print them. */
import { formatDecimal } from './numbers';

/**
 * 3 → « 3 », 1.5 → « 1,5 », 1250 → « 1 250 » (non-breaking spaces, two decimals at most): the voix of a member or
 * a collège on the attendance sheet and the procès-verbal. Quorum counts on screen use formatNumber (three decimals).
 */
export function formatVoix(weight: number): string {
  return formatDecimal(weight);
}
