/** Values typed in the indicator forms (« 66,26 », « 1 200 ») ↔ numbers, and what an input shows for a value type. */
import type { IndicatorValueType } from '@shared/domain/aci/attainment';

export type DecimalParse = { ok: true; value: number } | { ok: false; message: string };

/** Parses a number typed the French way; an empty text is `null` (no value). */
export function parseDecimal(text: string): DecimalParse | null {
  const cleaned = text.replace(/[\s\u00a0\u202f%]/g, '').replace(',', '.');
  if (cleaned === '') return null;
  if (!/^-?\d+(?:\.\d+)?$/.test(cleaned)) {
    return { ok: false, message: `« ${text.trim()} » n’est pas un nombre (exemples : 12 ou 66,26).` };
  }
  return { ok: true, value: Number(cleaned) };
}

/** 66.26 → « 66,26 » (what to put back in an input). */
export function decimalToInput(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value).replace('.', ',');
}

/** The unit written after a value's input. */
export const VALUE_SUFFIX: Record<IndicatorValueType, string | null> = {
  oui_non: null,
  nombre: null,
  taux: '%',
  delai: 'jours',
};
