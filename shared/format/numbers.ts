/** French numbers: integers, decimals, euros, percentages and plurals, with non-breaking digit groups. */
import { NBSP, normaliseSpaces } from './typography';

const integerFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const euroFormat = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const decimalFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
const numberFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 3 });
const shareFormat = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 50361 → "50 361" */
export function formatInteger(value: number): string {
  return normaliseSpaces(integerFormat.format(value));
}

/** 1.5 → « 1,5 », 1250 → « 1 250 » (two decimals at most). */
export function formatDecimal(value: number): string {
  return normaliseSpaces(decimalFormat.format(value));
}

/** 1500 → « 1 500 », 12.5 → « 12,5 », 0.125 → « 0,125 » (three decimals at most: vote weights, quorum counts). */
export function formatNumber(value: number): string {
  return normaliseSpaces(numberFormat.format(value));
}

/**
 * An amount in cents, the same way on every screen and in every document: 3_500_000 → « 35 000 € » (whole euros
 * are written without cents, as contracts and annexes write them), 123_450 → « 1 234,50 € ».
 */
export function formatEurosFromCents(cents: number): string {
  return Number.isInteger(cents) && cents % 100 === 0
    ? `${formatInteger(cents / 100 || 0)}${NBSP}€` // -0 is written 0
    : normaliseSpaces(euroFormat.format(cents / 100));
}

/** 12 of 300 → « 4,0 % » (« — » when the total is zero). */
export function formatShare(count: number, total: number): string {
  return total > 0 ? `${shareFormat.format((count / total) * 100)}${NBSP}%` : '—';
}

/** French plural of a word: 0 and 1 are singular. */
export const pl = (count: number, singular: string, plural: string): string => (count >= 2 ? plural : singular);

/** "1 commune" / "3 communes" */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatInteger(count)} ${count > 1 ? pluralForm : singular}`;
}
