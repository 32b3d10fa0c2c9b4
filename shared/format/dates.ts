/** French dates and times: « 22 novembre 2026 », « mardi 10 mars 2026 », « 18 h 30 », « 1 h 30 ». */
import { format, parseISO, isValid } from 'date-fns';
import { fr } from 'date-fns/locale';
import { formatInteger } from './numbers';
import { NBSP } from './typography';

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

/** ISO date → "22 novembre 2026", "1er septembre 2026" ('' for a missing or invalid date). */
export const dateLong = formatDateLong;

/** "2026-03-10" → « mardi 10 mars 2026 », « dimanche 1er mars 2026 » ('' when missing or invalid). */
export function dayLong(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const date = parseISO(isoDate);
  if (!isValid(date)) return '';
  return format(date, 'EEEE d MMMM yyyy', { locale: fr }).replace(/^(\S+) 1 /, '$1 1er ');
}

/** "2025-12-31" → "31/12/2025" ('' when invalid). */
export function shortDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : '';
}

/** ISO date-time of an export → "23 novembre 2026 à 14 h 05" (local time), or '' when invalid. */
export function exportDateTime(isoDateTime: string): string {
  const date = new Date(isoDateTime);
  return Number.isNaN(date.getTime()) ? '' : formatDateTimeLong(date);
}

/** ISO date-time of an export → its local day, "23 novembre 2026", or '' when invalid. */
export function exportDate(isoDateTime: string): string {
  const date = new Date(isoDateTime);
  return Number.isNaN(date.getTime()) ? '' : dateLong(toIsoDate(date));
}

/** "18:30" → « 18 h 30 », "20:00" → « 20 h » (null when not a time). */
export function frenchTime(time: string | null | undefined): string | null {
  const match = /^(\d{1,2})[:h](\d{2})/.exec(time?.trim() ?? '');
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = match[2] ?? '00';
  return minutes === '00' ? `${hours}${NBSP}h` : `${hours}${NBSP}h${NBSP}${minutes}`;
}

/** « de 18 h 30 à 20 h », « à partir de 18 h 30 », « jusqu'à 20 h », or null. */
export function timeRange(start: string | null, end: string | null): string | null {
  const from = frenchTime(start);
  const to = frenchTime(end);
  if (from && to) return `de ${from} à ${to}`;
  if (from) return `à partir de ${from}`;
  if (to) return `jusqu'à ${to}`;
  return null;
}

/** 90 → « 1 h 30 », 45 → « 45 min », 120 → « 2 h » (« — » when unknown). */
export function duration(minutes: number | null): string {
  if (minutes === null || !Number.isFinite(minutes) || minutes < 0) return '—';
  const whole = Math.round(minutes);
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (hours === 0) return `${rest}${NBSP}min`;
  return rest === 0
    ? `${formatInteger(hours)}${NBSP}h`
    : `${formatInteger(hours)}${NBSP}h${NBSP}${String(rest).padStart(2, '0')}`;
}
