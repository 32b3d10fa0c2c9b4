/**
 * The data of the « Dossier du dialogue de gestion » of a contract year: the tableau de suivi, the evidence
 * checklist of the year mission by mission, the payments and the dialogue de gestion of the year (from the
 * contract), and the attached files numbered in order of appearance, each with where it sits on disk (for the zip).
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { EvidenceChecklistRow } from '@shared/contract';
import { ACI_MISSIONS, type AciMissionCode } from '@shared/domain/aci';
import { annexMissions, missionTitle } from '@shared/reports/indicators-tracking';
import {
  type DialogueEvidence,
  type DialogueMission,
  type DialoguePiece,
  type DialogueRequirement,
  type EvidenceCounts,
  type ManagementDialogueData,
  NO_MISSION_LABEL,
  pieceNumberText,
} from '@shared/reports/management-dialogue';
import type { ReportImage } from '@shared/reports/activity-report';
import type { DB } from '../../db/schema';
import { safeFileName } from '../ag/reports';
import { getContract } from '../contract';
import { getCptsProfile } from '../cpts';
import { UserError } from '../errors';
import { evidenceChecklist, trackingTable } from '../indicators';
import { MISSION_ORDER } from '../indicators/missions';

export interface DialogueDossier {
  data: ManagementDialogueData;
  /** Where each numbered piece is on disk; absent for a piece whose file is gone. */
  files: Map<number, string>;
}

const countsOf = (requirements: readonly DialogueRequirement[]): EvidenceCounts => {
  const required = requirements.filter((requirement) => requirement.required);
  const missing = required.filter((requirement) => requirement.missing).length;
  return { expected: required.length, provided: required.length - missing, missing };
};

const shortLabelOf = (code: AciMissionCode) =>
  ACI_MISSIONS.find((mission) => mission.code === code)?.shortLabel ?? code;

function ownerLabel(row: EvidenceChecklistRow): string {
  if (row.owner === 'indicator') return `${row.indicatorCode ? `${row.indicatorCode} — ` : ''}${row.indicatorLabel}`;
  return `Fiche ${row.ficheCode ? `${row.ficheCode} — ` : ''}${row.ficheTitle}`;
}

/** Stored names of the documents and meeting documents the checklist refers to. */
async function storedNames(db: Kysely<DB>, rows: readonly EvidenceChecklistRow[]) {
  const evidence = rows.flatMap((row) => row.evidence);
  const documentIds = [...new Set(evidence.flatMap((item) => (item.kind === 'document' ? [item.documentId!] : [])))];
  const meetingDocumentIds = [
    ...new Set(evidence.flatMap((item) => (item.kind === 'meeting_document' ? [item.meetingDocumentId!] : []))),
  ];
  const [documents, meetingDocuments] = await Promise.all([
    documentIds.length
      ? db.selectFrom('document').select(['id', 'file_name', 'stored_name']).where('id', 'in', documentIds).execute()
      : [],
    meetingDocumentIds.length
      ? db
          .selectFrom('meeting_document')
          .select(['id', 'file_name', 'stored_name'])
          .where('id', 'in', meetingDocumentIds)
          .execute()
      : [],
  ]);
  return {
    document: new Map(documents.map((row) => [row.id, row])),
    meeting_document: new Map(meetingDocuments.map((row) => [row.id, row])),
  };
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}

/** « 03 - Accès aux soins - Compte rendu SNP.pdf », safe on Windows and macOS, the extension kept. */
function entryName(number: string, missionLabel: string, fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const extension = dot > 0 && fileName.length - dot <= 10 ? safeFileName(fileName.slice(dot)).toLowerCase() : '';
  const base = safeFileName(dot > 0 && extension ? fileName.slice(0, dot) : fileName).slice(0, 80);
  return `${number} - ${safeFileName(missionLabel)} - ${base}${extension.startsWith('.') ? extension : ''}`;
}

/**
 * The dossier of a contract year. `documentsDir` is Maillage's documents folder: a file missing there keeps its
 * number and is listed as missing. `logo` is the CPTS logo already read, when there is one.
 */
export async function managementDialogueDossier(
  db: Kysely<DB>,
  contractYearId: number,
  options: { now: Date; today: string; documentsDir: string; logo?: ReportImage | null },
): Promise<DialogueDossier> {
  const table = await trackingTable(db, contractYearId);
  const [checklist, contract, profile] = await Promise.all([
    evidenceChecklist(db, contractYearId),
    getContract(db, table.contractId, options.today),
    getCptsProfile(db, options.today),
  ]);
  const year = contract.years.find((candidate) => candidate.id === contractYearId);
  if (!year) throw new UserError('not_found', 'Cette année de contrat n’existe pas ou plus.');
  const names = await storedNames(db, checklist);
  const { missions: tracked, untargeted } = annexMissions(table);

  // Missions in the accord's order: those of the tableau de suivi, and those only fiches' evidence names.
  const codes = MISSION_ORDER.filter(
    (code) =>
      tracked.some((mission) => mission.missionCode === code) || checklist.some((row) => row.missionCode === code),
  );
  const groups: (AciMissionCode | null)[] = [...codes];
  if (checklist.some((row) => row.missionCode === null)) groups.push(null);

  const pieces: DialoguePiece[] = [];
  const pieceOf = new Map<string, DialoguePiece>();
  const pending: { piece: DialoguePiece; path: string | null }[] = [];
  const missions: DialogueMission[] = groups.map((code) => {
    const tracking = tracked.find((mission) => mission.missionCode === code) ?? null;
    const shortLabel = code === null ? NO_MISSION_LABEL : shortLabelOf(code);
    const requirements = checklist
      .filter((row) => row.missionCode === code)
      .map((row): DialogueRequirement => {
        const justifies = `${ownerLabel(row)} — ${row.label}`;
        const evidence = row.evidence.map((item): DialogueEvidence => {
          const base = {
            kind: item.kind,
            label: item.label,
            meetingDate: item.meetingDate,
            providedOn: item.providedOn,
          };
          if (item.kind === 'meeting') return { ...base, pieceNumber: null, missingFile: false };
          const id = item.kind === 'document' ? item.documentId! : item.meetingDocumentId!;
          const key = `${item.kind}-${id}`;
          let piece = pieceOf.get(key);
          if (!piece) {
            const stored = names[item.kind].get(id);
            piece = {
              number: pieces.length + 1,
              fileName: stored?.file_name ?? item.label,
              entryName: '',
              missionLabel: shortLabel,
              justifies: [],
              providedOn: item.providedOn,
              missingFile: true,
            };
            pieces.push(piece);
            pieceOf.set(key, piece);
            pending.push({ piece, path: stored ? join(options.documentsDir, stored.stored_name) : null });
          }
          if (!piece.justifies.includes(justifies)) piece.justifies.push(justifies);
          return { ...base, pieceNumber: piece.number, missingFile: true };
        });
        return {
          owner: row.owner,
          ownerLabel: ownerLabel(row),
          label: row.label,
          required: row.required,
          missing: row.missing,
          evidence,
        };
      });
    return {
      missionCode: code,
      title: tracking
        ? missionTitle(tracking)
        : code === null
          ? 'Fiches actions hors mission'
          : missionTitle({ missionCode: code, label: shortLabel }),
      shortLabel,
      tracking,
      requirements,
      counts: countsOf(requirements),
    };
  });

  const files = new Map<number, string>();
  for (const { piece, path } of pending) {
    piece.entryName = entryName(pieceNumberText(piece.number, pieces.length), piece.missionLabel, piece.fileName);
    if (path && (await isFile(path))) {
      piece.missingFile = false;
      files.set(piece.number, path);
    }
  }
  for (const mission of missions) {
    for (const requirement of mission.requirements) {
      for (const item of requirement.evidence) {
        if (item.pieceNumber !== null) item.missingFile = pieces[item.pieceNumber - 1]!.missingFile;
      }
    }
  }

  const data: ManagementDialogueData = {
    generatedAt: options.now.toISOString(),
    cptsName: profile.identity.name || 'CPTS',
    ...(options.logo ? { logo: options.logo } : {}),
    table,
    missions,
    untargeted,
    evidence: countsOf(missions.flatMap((mission) => mission.requirements)),
    payments: year.payments,
    paymentTotals: year.paymentTotals,
    dialogues: year.dialogues.map((dialogue) => ({
      heldOn: dialogue.heldOn,
      participants: dialogue.participants,
      documentsSent: dialogue.documentsSent,
      outcome: dialogue.outcome,
      variableValidatedCents: dialogue.variableValidatedCents,
      targetsAmended: dialogue.targetsAmended,
      amendmentNote: dialogue.amendmentNote,
    })),
    pieces,
  };
  return { data, files };
}
