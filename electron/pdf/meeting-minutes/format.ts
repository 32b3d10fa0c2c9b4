import { format, isValid, parseISO } from 'date-fns';
import { fr } from 'date-fns/locale';
import { formatInteger } from '@shared/format';

const NBSP = '\u00a0';

/** "2026-03-10" → « mardi 10 mars 2026 », « dimanche 1er mars 2026 » ('' when missing or invalid). */
export function dayLong(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const date = parseISO(isoDate);
  if (!isValid(date)) return '';
  return format(date, 'EEEE d MMMM yyyy', { locale: fr }).replace(/^(\S+) 1 /, '$1 1er ');
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

/**
 * Paragraphs of a free text: blank lines separate paragraphs, each remaining line is kept as its own line
 * (one <Text> each: a '\n' inside a Text makes react-pdf fall back to Helvetica).
 */
export function paragraphsOf(text: string | null | undefined): string[][] {
  if (!text) return [];
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.replace(/\t/g, ' ').replace(/\s+$/, ''))
        .filter((line) => line.trim() !== ''),
    )
    .filter((lines) => lines.length > 0);
}

const ATTENDANCE_GROUPS = [
  { test: /^pr[ée]sent/i, singular: 'présent', plural: 'présents' },
  { test: /^excus[ée]/i, singular: 'excusé', plural: 'excusés' },
  { test: /^repr[ée]sent[ée]/i, singular: 'représenté', plural: 'représentés' },
  { test: /^absent/i, singular: 'absent', plural: 'absents' },
] as const;

/** « 8 présents, 2 excusés, 1 absent » from the attendance labels (Présent·e, Excusé·e…); '' for nobody. */
export function attendanceSummary(labels: readonly (string | null)[]): string {
  const counts = new Map<string, { count: number; singular: string; plural: string }>();
  let unknown = 0;
  for (const label of labels) {
    const group = label ? ATTENDANCE_GROUPS.find((candidate) => candidate.test.test(label.trim())) : undefined;
    const key = group ? group.singular : label?.trim().toLowerCase() || null;
    if (!key) {
      unknown += 1;
      continue;
    }
    const entry = counts.get(key) ?? { count: 0, singular: group?.singular ?? key, plural: group?.plural ?? key };
    entry.count += 1;
    counts.set(key, entry);
  }
  const ordered = [
    ...ATTENDANCE_GROUPS.map((group) => counts.get(group.singular)).filter((entry) => entry !== undefined),
    ...[...counts.entries()].filter(([key]) => !ATTENDANCE_GROUPS.some((g) => g.singular === key)).map(([, e]) => e),
  ];
  const parts = ordered.map(
    (entry) => `${formatInteger(entry.count)} ${entry.count > 1 ? entry.plural : entry.singular}`,
  );
  if (unknown > 0) parts.push(`${formatInteger(unknown)} sans présence renseignée`);
  return parts.join(', ');
}
