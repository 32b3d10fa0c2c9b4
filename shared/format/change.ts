/** Change of a count over a year, as the composition, the rapport d’activité (PDF, Word, screen) write it. */
import { shortDate } from './dates';
import { formatInteger } from './numbers';

const MINUS = '\u2212';

/** Change since the previous year: « +12 », « −3 » (minus sign), « = », or « — » when not comparable. */
export function formatChange(count: number, previous: number | null): string {
  if (previous === null) return '—';
  const change = count - previous;
  if (change === 0) return '=';
  return change > 0 ? `+${formatInteger(change)}` : `${MINUS}${formatInteger(-change)}`;
}

/** "2024-12-31" → « fin 2024 »; another date → « le 23/11/2026 ». */
export function sinceLabel(isoDate: string): string {
  const match = /^(\d{4})-12-31/.exec(isoDate);
  return match ? `fin ${match[1]}` : `le ${shortDate(isoDate)}`;
}

/** Sum of the previous counts, or null as soon as one of them is not comparable. */
export function sumPrevious(rows: readonly { previous: number | null }[]): number | null {
  let sum = 0;
  for (const row of rows) {
    if (row.previous === null) return null;
    sum += row.previous;
  }
  return sum;
}
