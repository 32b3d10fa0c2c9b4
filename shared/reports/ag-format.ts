import { dateLong, dayLong, frenchTime, NBSP, timeRange } from '@shared/format';
import type { AgAssociation, AgMeetingHead } from '@shared/reports/ag';

/**
 * French wording shared by the general-assembly documents (convocation, procès-verbal) and by the sentences the
 * assembly service writes for them: the organ with its article, the association, when and where the meeting is held.
 */

/** « Assemblée générale ordinaire » → « assemblée générale ordinaire » (acronyms such as « AGE » are kept). */
export function lowerFirst(label: string): string {
  const trimmed = label.trim();
  if (/^\p{Lu}{2,}\b/u.test(trimmed)) return trimmed;
  return trimmed.charAt(0).toLocaleLowerCase('fr-FR') + trimmed.slice(1);
}

const FEMININE = /^(assembl|commission|réunion|séance|instance|AG\b)/i;
const ELIDED = /^[aeiouyhàâäéèêëîïôöùûüœ]/i;

type Preposition = '' | 'de' | 'à';

/**
 * The organ with its article after a preposition: « de l'assemblée générale ordinaire », « à l'assemblée… »,
 * « du conseil d'administration », « au bureau », « de la commission ».
 */
export function organWith(preposition: Preposition, organLabel: string): string {
  const organ = lowerFirst(organLabel);
  if (ELIDED.test(organ)) return `${preposition ? `${preposition} ` : ''}l'${organ}`;
  if (FEMININE.test(organ)) return `${preposition ? `${preposition} ` : ''}la ${organ}`;
  const article = preposition === 'de' ? 'du' : preposition === 'à' ? 'au' : 'le';
  return `${article} ${organ}`;
}

/** « la CPTS Sud-Est Grenoblois » when the name starts with CPTS, else « l'association Les Soignants du Grésivaudan ». */
export function associationNamed(association: Pick<AgAssociation, 'name'>): string {
  const name = association.name.trim();
  return /^CPTS\b/i.test(name) ? `la ${name}` : `l'association ${name}`;
}

/** « de la CPTS Sud-Est Grenoblois », « de l'association … ». */
export function ofAssociation(association: Pick<AgAssociation, 'name'>): string {
  return `de ${associationNamed(association)}`;
}

/** « jeudi 11 juin 2026 de 18 h 30 à 20 h 30 », « jeudi 24 septembre 2026 à 19 h », or the day alone. */
export function meetingWhen(meeting: Pick<AgMeetingHead, 'date' | 'startTime' | 'endTime'>): string {
  const day = dayLong(meeting.date) || 'date à préciser';
  const start = frenchTime(meeting.startTime);
  const times = start && !frenchTime(meeting.endTime) ? `à ${start}` : timeRange(meeting.startTime, meeting.endTime);
  return times ? `${day} ${times}` : day;
}

/** « Majorité simple des suffrages exprimés » → « Majorité requise : majorité simple des suffrages exprimés. » */
export function majorityLine(label: string): string {
  const text = label.trim().replace(/\.$/, '');
  const lowered = /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLocaleLowerCase('fr-FR') + text.slice(1) : text;
  return `Majorité requise : ${lowered}.`;
}

/** « Assemblée générale ordinaire du 11 juin 2026 », used in running headers and footers. */
export function meetingHeading(meeting: Pick<AgMeetingHead, 'organLabel' | 'date'>): string {
  const day = dateLong(meeting.date);
  return day ? `${meeting.organLabel} du ${day}` : meeting.organLabel;
}

/** « AGO », « AGE », « AG », else the organ as given: short enough for the running header. */
export function organShort(organLabel: string): string {
  const label = organLabel.trim();
  if (!/^assembl[ée]e g[ée]n[ée]rale\b/i.test(label)) return label;
  if (/extraordinaire/i.test(label)) return 'AGE';
  if (/ordinaire/i.test(label)) return 'AGO';
  return 'AG';
}

/** « Convocation — AGO du 11 juin 2026 », for the running header (the footer has the full organ). */
export function runningTitle(documentTitle: string, meeting: Pick<AgMeetingHead, 'organLabel' | 'date'>): string {
  const day = dateLong(meeting.date);
  return `${documentTitle} — ${organShort(meeting.organLabel)}${day ? ` du ${day}` : ''}`;
}

/** « sur deuxième convocation » on the second round, else ''. */
export function roundLabel(meeting: Pick<AgMeetingHead, 'round'>): string {
  return meeting.round === 2 ? 'sur deuxième convocation' : '';
}

/**
 * Where the meeting is held, as the end of a sentence: « à l'adresse suivante : Maison de santé…, et en
 * visioconférence (https://…) », « en visioconférence (https://…) », or « (lieu communiqué ultérieurement) ».
 */
export function meetingWhere(meeting: Pick<AgMeetingHead, 'place' | 'visioUrl'>): string {
  const place = meeting.place?.trim() || null;
  const visio = meeting.visioUrl?.trim() || null;
  if (place && visio) return `à l'adresse suivante : ${place}, et en visioconférence (${visio})`;
  if (place) return `à l'adresse suivante : ${place}`;
  if (visio) return `en visioconférence (${visio})`;
  return '(lieu communiqué ultérieurement)';
}

/** The commune of a one-line address: « 12 avenue Ambroise-Croizat, 38400 Saint-Martin-d'Hères » → « Saint-Martin-d'Hères ». */
export function communeOf(address: string | null): string | null {
  const text = address?.trim();
  if (!text) return null;
  const postcode = /\b\d{5}\s+([^,]+?)\s*(?:,.*)?$/.exec(text);
  if (postcode?.[1]) return postcode[1].replace(/\s+cedex(\s+\d+)?$/i, '').trim() || null;
  const parts = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const last = parts.length > 1 ? parts[parts.length - 1] : null;
  return last && !/\d/.test(last) ? last : null;
}

/** « Résolution 2 : Approbation des comptes de l'exercice 2025 ». */
export function resolutionHeading(resolution: { number: number; title: string }): string {
  return `Résolution${NBSP}${resolution.number} : ${resolution.title}`;
}

/** « Le président, Dr Paul Martin » → [« Le président, », « Dr Paul Martin »]; null → [« Le bureau »]. */
export function signatureLines(convener: string | null): string[] {
  const text = convener?.trim();
  if (!text) return ['Le bureau'];
  const comma = text.indexOf(', ');
  if (comma <= 0) return [text];
  return [text.slice(0, comma + 1), text.slice(comma + 2)];
}
