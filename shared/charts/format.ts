/** How chart values are written, in French, from the formats of shared/format. */
import { formatDecimal, formatEurosFromCents, formatInteger, NBSP } from '@shared/format';
import type { ValueFormat } from './types';

/** A function writing a value: « 1 234 », « 12,5 », « 66,3 % », « 33 000 € » (from cents). */
export function valueFormatter(format: ValueFormat = 'integer'): (value: number) => string {
  if (typeof format === 'function') return format;
  switch (format) {
    case 'integer':
      return (value) => formatInteger(value);
    case 'decimal':
      return (value) => formatDecimal(value);
    case 'percent':
      return (value) => `${formatDecimal(Math.round(value * 10) / 10)}${NBSP}%`;
    case 'euros':
      return (value) => formatEurosFromCents(Math.round(value));
  }
}

/** Whether axis ticks must be whole units: counts are whole, and euro amounts (in cents) are whole euros. */
export function tickStep(format: ValueFormat = 'integer'): number | null {
  if (format === 'integer') return 1;
  if (format === 'euros') return 100;
  return null;
}
