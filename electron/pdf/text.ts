import { formatDateLong, formatDateTimeLong, toIsoDate } from '@shared/format';

const NBSP = '\u00a0';

/** Placeholder shown for a missing value. */
export const NOT_PROVIDED = 'Non renseigné';
/** Placeholder shown for a date not reached yet. */
export const NO_DATE = '—';

/** Keeps "40 000" on one line: a plain space between digit groups becomes a non-breaking one. */
export function keepNumbersTogether(text: string): string {
  return text.replace(/(\d) (?=\d{3}\b)/g, `$1${NBSP}`);
}

/**
 * French typographic non-breaking spaces for generated sentences: digit groups ("40 000") and a short number
 * after its word ("taille 2", "avenant 2") stay on one line.
 */
export function nonBreaking(text: string): string {
  return keepNumbersTogether(text).replace(/ (\d{1,2})(?=[\s).,;:]|$)/g, `${NBSP}$1`);
}

/** ISO date → "22 novembre 2026", "1er septembre 2026" ('' for a missing or invalid date). */
export const dateLong = formatDateLong;

/** ISO date-time of an export → "23 novembre 2026 à 14 h 05" (local time), or '' when invalid. */
export function exportDateTime(isoDateTime: string): string {
  const date = new Date(isoDateTime);
  return Number.isNaN(date.getTime()) ? '' : formatDateTimeLong(date);
}

/** The footer's left part: « Fiche d'identité de la CPTS — exporté le 23 novembre 2026 à 14 h 05 ». */
export function footerLabel(reportTitle: string, generatedAt: string): string {
  const when = exportDateTime(generatedAt);
  return when ? `${reportTitle} — exporté le ${when}` : reportTitle;
}

/** ISO date-time of an export → its local day, "23 novembre 2026", or '' when invalid. */
export function exportDate(isoDateTime: string): string {
  const date = new Date(isoDateTime);
  return Number.isNaN(date.getTime()) ? '' : dateLong(toIsoDate(date));
}
