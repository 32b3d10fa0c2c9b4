import { formatInteger } from '@shared/format';

const MINUS = '\u2212';
const NBSP = '\u00a0';

/** Change since the previous year: « +12 », « −3 » (minus sign), « = », or « — » when not comparable. */
export function formatChange(count: number, previous: number | null): string {
  if (previous === null) return '—';
  const change = count - previous;
  if (change === 0) return '=';
  return change > 0 ? `+${formatInteger(change)}` : `${MINUS}${formatInteger(-change)}`;
}

/** "2025-12-31" → "31/12/2025" ('' when invalid). */
export function shortDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : '';
}

/** "2024-12-31" → « fin 2024 »; another date → « le 23/11/2026 ». */
export function sinceLabel(isoDate: string): string {
  const match = /^(\d{4})-12-31/.exec(isoDate);
  return match ? `fin ${match[1]}` : `le ${shortDate(isoDate)}`;
}

const shareFormat = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const decimalFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });

/** 12 of 300 → « 4,0 % » (« — » when the total is zero). */
export function formatShare(count: number, total: number): string {
  return total > 0 ? `${shareFormat.format((count / total) * 100)}${NBSP}%` : '—';
}

/** 1.5 → « 1,5 ». */
export function formatDecimal(value: number): string {
  return decimalFormat.format(value).replace(/[\u202f\u00a0]/g, NBSP);
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
