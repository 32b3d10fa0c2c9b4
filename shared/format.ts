import { format, parseISO, isValid } from 'date-fns';
import { fr } from 'date-fns/locale';

/** Non-breaking space used as the French thousands separator (safe in every font we ship). */
const NBSP = '\u00a0';

const integerFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const euroFormat = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

function normaliseSpaces(text: string): string {
  // Intl uses U+202F (narrow no-break space) for fr-FR; keep one kind of space everywhere.
  return text.replace(/[\u202f\u00a0]/g, NBSP);
}

/** 50361 → "50 361" */
export function formatInteger(value: number): string {
  return normaliseSpaces(integerFormat.format(value));
}

/** 123450 (cents) → "1 234,50 €" */
export function formatEurosFromCents(cents: number): string {
  return normaliseSpaces(euroFormat.format(cents / 100));
}

/** French ordinal for the first day of a month: « 1er septembre ». */
const firstOfMonth = (text: string) => text.replace(/^1 /, '1er ');

/** "2026-11-22" → "22 novembre 2026", "2026-09-01" → "1er septembre 2026" ('' for a missing or invalid date). */
export function formatDateLong(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const date = parseISO(isoDate);
  return isValid(date) ? firstOfMonth(format(date, 'd MMMM yyyy', { locale: fr })) : '';
}

/** A Date → "22 novembre 2026 à 14 h 05" */
export function formatDateTimeLong(date: Date): string {
  return firstOfMonth(format(date, "d MMMM yyyy 'à' H 'h' mm", { locale: fr }));
}

/** Date → "2026-11-22" in local time. */
export function toIsoDate(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

/** "1 commune" / "3 communes" */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatInteger(count)} ${count > 1 ? pluralForm : singular}`;
}
