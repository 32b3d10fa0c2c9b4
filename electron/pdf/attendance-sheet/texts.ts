/** The wording of the feuille d'émargement: titles, headings, the session line and the closing line. */
import type { AttendanceSheetData, AttendanceSheetVoter } from '@shared/reports/ag';
import { dateLong, dayLong, keepNumbersTogether, plural, timeRange } from '@shared/format';

export const ATTENDANCE_SHEET_TITLE = "Feuille d'émargement";
export const NON_VOTERS_TITLE = 'Participants sans voix délibérative';
export const VOTERS_TITLE = 'Membres votants';
export const RECAP_TITLE = 'Récapitulatif et clôture';

type Voter = AttendanceSheetVoter;
export type NonVoter = AttendanceSheetData['nonVoters'][number];
type College = AttendanceSheetData['colleges'][number];
type Meeting = AttendanceSheetData['meeting'];
/** A voter with their number on the whole sheet (to count signatures). */
export type NumberedVoter = Voter & { number: number };
export const BLANK = '………………';

/** « Collège des libéraux — 1 voix par membre — 612 membres votants », « … (suite) » on the following pages. */
export function collegeHeading(
  college: Pick<College, 'name' | 'votingRightLabel'> & { count: number },
  continued = false,
): string {
  const parts = [
    college.name,
    college.votingRightLabel.trim(),
    plural(college.count, 'membre votant', 'membres votants'),
  ];
  return keepNumbersTogether(`${parts.filter(Boolean).join(' — ')}${continued ? ' (suite)' : ''}`);
}

export function nonVotersHeading(count: number, continued = false): string {
  const counted = count > 0 ? ` — ${plural(count, 'participant', 'participants')}` : '';
  return keepNumbersTogether(`${NON_VOTERS_TITLE}${counted}${continued ? ' (suite)' : ''}`);
}

/** « Séance du mardi 16 juin 2026, de 18 h 30 à 21 h, sur deuxième convocation ». */
export function sessionLine(meeting: Pick<Meeting, 'date' | 'startTime' | 'endTime' | 'round'>): string {
  const day = dayLong(meeting.date);
  const parts = [day ? `Séance du ${day}` : 'Séance', timeRange(meeting.startTime, meeting.endTime)];
  if (meeting.round === 2) parts.push('sur deuxième convocation');
  return parts.filter(Boolean).join(', ');
}

/** « Arrêtée à ………… membres présents et ………… représentés » (and the voix when votes are weighted). */
export function closingLine(weighted: boolean): string {
  const voix = weighted ? `, soit ${BLANK} voix` : '';
  return `Arrêtée à ${BLANK} membres présents et ${BLANK} représentés${voix}.`;
}

export function representedLabel(mandataire: string): string {
  return `Représenté·e par ${mandataire}`;
}

export const INSTRUCTIONS =
  "Chaque membre présent signe en face de son nom. Un membre représenté ne signe pas : son mandataire signe sur sa propre ligne, où figurent les pouvoirs qu'il détient.";
export const COTISATION_NOTE = 'Les cotisations qui ne sont pas à jour apparaissent en gras et en couleur.';

export function runningTitle(meeting: Meeting): string {
  const day = dateLong(meeting.date);
  return day ? `${ATTENDANCE_SHEET_TITLE} — ${meeting.organLabel} du ${day}` : ATTENDANCE_SHEET_TITLE;
}
