import { format, parseISO } from 'date-fns';
import { fr } from 'date-fns/locale';
import { ATTENDANCE, DECISION_STATUSES, MEETING_TYPES } from '@shared/domain/meetings';

export const MEETING_STATUS_LABEL: Record<'prevue' | 'tenue' | 'annulee', string> = {
  prevue: 'Prévue',
  tenue: 'Tenue',
  annulee: 'Annulée',
};

export function typeShort(code: string): string {
  return MEETING_TYPES.find((type) => type.code === code)?.short ?? code;
}

export function typeLabel(code: string): string {
  return MEETING_TYPES.find((type) => type.code === code)?.label ?? code;
}

export function attendanceLabel(code: string | null): string {
  return ATTENDANCE.find((a) => a.code === code)?.label ?? '—';
}

export function decisionStatusLabel(code: string): string {
  return DECISION_STATUSES.find((s) => s.code === code)?.label ?? code;
}

export const FOLLOW_UP_STATUS: { code: 'a_faire' | 'fait' | 'sans_objet'; label: string }[] = [
  { code: 'a_faire', label: 'À faire' },
  { code: 'fait', label: 'Fait' },
  { code: 'sans_objet', label: 'Sans objet' },
];

/** « 2026-05-20 » → « mercredi 20 mai 2026 » */
export function formatDay(iso: string): string {
  return format(parseISO(iso), 'EEEE d MMMM yyyy', { locale: fr }).replace(/ 1 /, ' 1er ');
}

/** « 18:30 » → « 18 h 30 », « 18:00 » → « 18 h » */
export function formatTime(time: string | null | undefined): string {
  if (!time) return '';
  const [h, m] = time.split(':');
  return m && m !== '00' ? `${Number(h)} h ${m}` : `${Number(h)} h`;
}

export function timeRange(start: string | null, end: string | null): string {
  if (start && end) return `${formatTime(start)} – ${formatTime(end)}`;
  return formatTime(start);
}

/** 52340 → « 51 Ko » */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} o`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} Ko`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} Mo`;
}

/** Server field errors of `meetings.update` are keyed `data.title`: drop the prefix (also used by the PV tab). */
export { withoutFieldPrefix as withoutPrefix } from '../../components/useContractForm';

/** Said in every RCP case form: what a case may not hold. */
export const RCP_HINT =
  'Aucune donnée identifiante : ni nom, ni date de naissance, ni NIR, ni adresse. Le code du cas est généré par Maillage.';

/** Said once on an RCP's screen and once in the case form: what the identifier guard can and cannot do. */
export const RCP_GUARD_NOTE =
  'Maillage refuse ce qu’il reconnaît (nom précédé de Mme ou M., date de naissance, NIR, adresse, téléphone, courriel), ' +
  'mais ce n’est qu’un filet de sécurité : un nom de famille écrit seul ne peut pas être détecté. Relisez avant d’enregistrer.';
