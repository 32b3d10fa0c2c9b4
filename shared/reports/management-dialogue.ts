/**
 * « Dossier du dialogue de gestion » of a contract year, as the PDF prints it and the zip of justificatifs bundles
 * it: the tableau de suivi of the year, per mission its evidence checklist (what was provided, what is missing), the
 * payments expected against received, the dialogue de gestion already held if any, and the numbered list of the
 * attached files. A file gets its number the first time the dossier names it (mission by mission, in the order of
 * the checklist); the same number prefixes its name in the zip. Built by electron/services/management-dialogue/,
 * rendered by electron/pdf/management-dialogue.
 */
import type { PaymentLine } from '@shared/contract/contract';
import type { TrackingMission, TrackingTable } from '@shared/contract/indicators';
import type { AciMissionCode } from '@shared/domain/aci';
import { formatEurosFromCents, NBSP, pl, shortDate } from '@shared/format';
import type { ReportImage } from './activity-report';

export const MANAGEMENT_DIALOGUE_TITLE = 'Dossier du dialogue de gestion';

/** The name of the list of pieces inside the zip. */
export const PIECES_LIST_ENTRY = '00 - Liste des pièces.txt';

/** How a mission's pieces are filed when a fiche action has no mission yet. */
export const NO_MISSION_LABEL = 'Hors mission';

/** One file attached to the dossier, numbered in order of appearance. */
export interface DialoguePiece {
  number: number;
  /** The file's name as it was attached (« Compte rendu SNP.pdf »). */
  fileName: string;
  /** Its name in the zip: « 03 - Accès aux soins - Compte rendu SNP.pdf ». */
  entryName: string;
  /** Short label of the mission where it first appears (« Accès aux soins »), or « Hors mission ». */
  missionLabel: string;
  /** Every requirement it answers: « ACC-1 Patients en ALD sans médecin traitant — Données statistiques CPAM ». */
  justifies: string[];
  /** Date it was provided (the first one when it answers several requirements). */
  providedOn: string | null;
  /** The file is no longer in Maillage's documents folder: listed, but not in the zip. */
  missingFile: boolean;
}

/** One piece of evidence provided for a requirement: a file (numbered) or a meeting (not a file). */
export interface DialogueEvidence {
  kind: 'document' | 'meeting_document' | 'meeting';
  /** Document title or file name, « fichier.pdf (Titre de la réunion) », or the meeting's title. */
  label: string;
  /** The meeting's date for a meeting or its document. */
  meetingDate: string | null;
  providedOn: string | null;
  /** The piece's number for a file, null for a meeting. */
  pieceNumber: number | null;
  missingFile: boolean;
}

/** What an indicator or a fiche action must prove, and what was provided for the year. */
export interface DialogueRequirement {
  owner: 'indicator' | 'fiche';
  /** « ACC-1 — Patients en ALD sans médecin traitant », « Fiche FA-03 — Soins non programmés ». */
  ownerLabel: string;
  label: string;
  required: boolean;
  /** Required and nothing provided for the year. */
  missing: boolean;
  evidence: DialogueEvidence[];
}

export interface EvidenceCounts {
  /** Required pieces (requirements marked required). */
  expected: number;
  /** Required pieces with at least one piece of evidence for the year. */
  provided: number;
  missing: number;
}

export interface DialogueMission {
  /** null for the fiches actions not filed under a mission. */
  missionCode: AciMissionCode | null;
  /** « Amélioration de l’accès aux soins ». */
  title: string;
  shortLabel: string;
  /** The mission's lines of the tableau de suivi (indicators with a cible this year), null without any. */
  tracking: TrackingMission | null;
  requirements: DialogueRequirement[];
  counts: EvidenceCounts;
}

/** The dialogue de gestion of the year, as recorded on the contract. */
export interface DialogueRecord {
  heldOn: string;
  participants: string | null;
  documentsSent: string | null;
  outcome: string | null;
  variableValidatedCents: number | null;
  targetsAmended: boolean;
  amendmentNote: string | null;
}

export interface ManagementDialogueData {
  generatedAt: string;
  cptsName: string;
  /** The CPTS logo, when one is set and could be read. */
  logo?: ReportImage | null;
  /** The tableau de suivi of the contract year. */
  table: TrackingTable;
  /** Missions in the order of the accord, then the fiches without a mission. */
  missions: DialogueMission[];
  /** Indicators of the contract without a cible this year (not in the tables). */
  untargeted: number;
  evidence: EvidenceCounts;
  payments: PaymentLine[];
  paymentTotals: { expectedCents: number; receivedCents: number; dueCents: number; gapCents: number };
  dialogues: DialogueRecord[];
  pieces: DialoguePiece[];
}

/** « Pièce 03 ». */
export function pieceLabel(number: number, count: number): string {
  return `Pièce${NBSP}${pieceNumberText(number, count)}`;
}

/** The number on two digits at least, on as many as the largest number needs. */
export function pieceNumberText(number: number, count: number): string {
  return String(number).padStart(Math.max(2, String(count).length), '0');
}

/** « 3 justificatifs fournis sur 5 attendus ». */
export function evidenceCountsText(counts: EvidenceCounts): string {
  if (counts.expected === 0) return 'Aucun justificatif attendu';
  return `${counts.provided} ${pl(counts.provided, 'justificatif fourni', 'justificatifs fournis')} sur ${counts.expected} ${pl(counts.expected, 'attendu', 'attendus')}`;
}

/** « Réunion du 12/03/2026 », « fourni le 02/04/2026 », joined. */
export function evidenceDateText(evidence: Pick<DialogueEvidence, 'meetingDate' | 'providedOn'>): string {
  const parts: string[] = [];
  if (evidence.meetingDate) parts.push(`réunion du ${shortDate(evidence.meetingDate)}`);
  if (evidence.providedOn) parts.push(`fourni le ${shortDate(evidence.providedOn)}`);
  return parts.join(', ');
}

/** « 12 000 € » or « — ». */
export function centsOrDash(cents: number | null): string {
  return cents === null ? '—' : formatEurosFromCents(cents);
}

/** The list of pieces as `00 - Liste des pièces.txt` writes it: one line per piece, what it justifies under it. */
export function piecesListText(data: Pick<ManagementDialogueData, 'cptsName' | 'table' | 'pieces'>): string {
  const { table, pieces } = data;
  const contract = table.contractNumber ? ` du contrat n° ${table.contractNumber}` : ' du contrat ACI';
  const lines = [
    `${MANAGEMENT_DIALOGUE_TITLE} — ${data.cptsName}`,
    `Année ${table.yearIndex}${contract}, du ${shortDate(table.startOn)} au ${shortDate(table.endOn)}`,
    '',
  ];
  if (pieces.length === 0) lines.push('Aucune pièce jointe.');
  for (const piece of pieces) {
    const number = pieceNumberText(piece.number, pieces.length);
    const state = piece.missingFile ? ' — MANQUANTE : le fichier n’est plus dans le dossier de Maillage' : '';
    lines.push(`Pièce ${number} — ${piece.missionLabel} — ${piece.fileName}${state}`);
    for (const what of piece.justifies) lines.push(`    justifie : ${what}`);
  }
  return `${lines.join('\r\n').replace(/[\u00a0\u202f]/g, ' ')}\r\n`;
}
