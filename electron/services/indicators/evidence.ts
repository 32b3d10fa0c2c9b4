/**
 * Evidence of the indicators and of the fiches actions: what each one requires (feuilles d’émargement, comptes rendus,
 * données CPAM…), what was provided for a contract year (a document copied into Maillage's folder, a meeting's
 * document, or a meeting itself), checked or not, dated, with a remark. The checklist of what is still missing before
 * the dialogue de gestion lives in `evidence-checklist`.
 */
import type { Kysely } from 'kysely';
import type { EvidenceRow, RequirementData, SavedRequirement } from '@shared/contract';
import type { DB } from '../../db/schema';
import { audit } from '../audit';
import { removeDocument, storeDocument } from '../documents';
import { UserError } from '../errors';
import { assertContractYear, assertIndicator, type Db } from './rows';

const NOTHING_SAVED = 'Rien n’a été enregistré.';
const REQUIREMENT_GONE = 'Ce justificatif attendu n’existe pas ou plus.';

async function assertFicheExists(db: Db, ficheId: number): Promise<void> {
  const fiche = await db.selectFrom('fiche_action').select('id').where('id', '=', ficheId).executeTakeFirst();
  if (!fiche) {
    throw new UserError('not_found', `Cette fiche action n’existe pas ou plus. ${NOTHING_SAVED}`, {
      ficheId: 'Fiche action introuvable.',
    });
  }
}

/** Adds or renames what an indicator or a fiche action must prove; its owner never changes. */
export async function saveRequirement(db: Kysely<DB>, data: RequirementData): Promise<SavedRequirement> {
  return db.transaction().execute(async (trx) => {
    if (data.indicatorId !== null) await assertIndicator(trx, data.indicatorId);
    if (data.ficheId !== null) await assertFicheExists(trx, data.ficheId);
    const values = {
      indicator_id: data.indicatorId,
      fiche_id: data.ficheId,
      label: data.label,
      required: data.required ? 1 : 0,
    };
    let id: number;
    if (data.id === null) {
      id = (await trx.insertInto('evidence_requirement').values(values).returning('id').executeTakeFirstOrThrow()).id;
    } else {
      const { numUpdatedRows } = await trx
        .updateTable('evidence_requirement')
        .set({ label: values.label, required: values.required })
        .where('id', '=', data.id)
        .where(data.indicatorId !== null ? 'indicator_id' : 'fiche_id', '=', data.indicatorId ?? data.ficheId ?? 0)
        .executeTakeFirst();
      if (Number(numUpdatedRows) === 0) throw new UserError('not_found', REQUIREMENT_GONE);
      id = data.id;
    }
    await audit(trx, data.id === null ? 'create' : 'update', 'evidence_requirement', String(id), null);
    return { id, indicatorId: data.indicatorId, ficheId: data.ficheId, label: data.label, required: data.required };
  });
}

/** Documents Maillage stored for evidence and that nothing else refers to once `evidenceIds` are gone. */
async function orphanDocuments(db: Db, documentIds: readonly number[]): Promise<number[]> {
  if (documentIds.length === 0) return [];
  const [evidence, links] = await Promise.all([
    db.selectFrom('evidence').select('document_id').where('document_id', 'in', documentIds).execute(),
    db.selectFrom('document_link').select('document_id').where('document_id', 'in', documentIds).execute(),
  ]);
  const used = new Set([...evidence, ...links].map((row) => row.document_id));
  return [...new Set(documentIds)].filter((id) => !used.has(id));
}

export async function deleteRequirement(db: Kysely<DB>, id: number, documentsDir: string): Promise<{ deleted: true }> {
  const orphans = await db.transaction().execute(async (trx) => {
    const documents = await trx
      .selectFrom('evidence')
      .select('document_id')
      .where('requirement_id', '=', id)
      .where('document_id', 'is not', null)
      .execute();
    const { numDeletedRows } = await trx.deleteFrom('evidence_requirement').where('id', '=', id).executeTakeFirst();
    if (Number(numDeletedRows) === 0) throw new UserError('not_found', 'Ce justificatif attendu n’existe pas ou plus.');
    await audit(trx, 'delete', 'evidence_requirement', String(id), null);
    return orphanDocuments(
      trx,
      documents.map((row) => row.document_id!),
    );
  });
  for (const documentId of orphans) await removeDocument(db, documentId, documentsDir);
  return { deleted: true };
}

/** Evidence rows with what names them: the document, the meeting document and its meeting, or the meeting. */
export function evidenceQuery(db: Db) {
  return db
    .selectFrom('evidence')
    .leftJoin('document', 'document.id', 'evidence.document_id')
    .leftJoin('meeting_document', 'meeting_document.id', 'evidence.meeting_document_id')
    .leftJoin('meeting', (join) =>
      join.on((eb) =>
        eb.or([
          eb('meeting.id', '=', eb.ref('evidence.meeting_id')),
          eb('meeting.id', '=', eb.ref('meeting_document.meeting_id')),
        ]),
      ),
    )
    .selectAll('evidence')
    .select([
      'document.title as document_title',
      'document.file_name as document_file',
      'meeting_document.file_name as meeting_file',
      'meeting_document.meeting_id as document_meeting_id',
      'meeting.title as meeting_title',
      'meeting.date as meeting_date',
    ]);
}

type EvidenceQueryRow = Awaited<ReturnType<ReturnType<typeof evidenceQuery>['execute']>>[number];

export function toEvidenceRow(row: EvidenceQueryRow): EvidenceRow {
  const kind =
    row.document_id !== null ? 'document' : row.meeting_document_id !== null ? 'meeting_document' : 'meeting';
  const label =
    kind === 'document'
      ? (row.document_title ?? row.document_file ?? '')
      : kind === 'meeting_document'
        ? `${row.meeting_file ?? ''}${row.meeting_title ? ` (${row.meeting_title})` : ''}`
        : (row.meeting_title ?? '');
  return {
    id: row.id,
    requirementId: row.requirement_id,
    contractYearId: row.contract_year_id,
    kind,
    documentId: row.document_id,
    meetingDocumentId: row.meeting_document_id,
    meetingId: row.meeting_id ?? row.document_meeting_id,
    label,
    meetingDate: kind === 'document' ? null : row.meeting_date,
    providedOn: row.provided_on,
    checked: row.checked === 1,
    remark: row.remark,
  };
}

async function getEvidence(db: Db, id: number): Promise<EvidenceRow> {
  const row = await evidenceQuery(db).where('evidence.id', '=', id).executeTakeFirst();
  if (!row) throw new UserError('not_found', 'Ce justificatif n’existe pas ou plus.');
  return toEvidenceRow(row);
}

/**
 * The requirement and the year, refused when the year is not one of the indicator's contract. A fiche action is not
 * bound to one contract: any contract year will do.
 */
async function assertRequirementYear(db: Db, requirementId: number, contractYearId: number): Promise<void> {
  const requirement = await db
    .selectFrom('evidence_requirement')
    .leftJoin('indicator', 'indicator.id', 'evidence_requirement.indicator_id')
    .select(['evidence_requirement.indicator_id', 'indicator.contract_id'])
    .where('evidence_requirement.id', '=', requirementId)
    .executeTakeFirst();
  if (!requirement) {
    throw new UserError('not_found', REQUIREMENT_GONE, { requirementId: 'Justificatif attendu introuvable.' });
  }
  const year = await assertContractYear(db, contractYearId);
  if (requirement.indicator_id !== null && year.contract_id !== requirement.contract_id) {
    throw new UserError(
      'invalid_input',
      `Cette année appartient à un autre contrat que celui de l’indicateur. ${NOTHING_SAVED}`,
      { contractYearId: 'Choisissez une année du contrat de l’indicateur.' },
    );
  }
}

/** « Fourni le » may be left empty, never set after today. */
function assertProvidedOn(providedOn: string | null, today: string): void {
  if (providedOn !== null && providedOn > today) {
    throw new UserError('invalid_input', `La date « fourni le » ne peut pas être dans le futur. ${NOTHING_SAVED}`, {
      providedOn: 'Cette date est dans le futur.',
    });
  }
}

export interface EvidenceDetails {
  providedOn: string | null;
  remark: string | null;
}

/**
 * Asks for a file (once the requirement and year are known to fit), copies it into Maillage's documents folder and
 * records it as evidence in the same transaction; `cancelled` when the user closes the dialog.
 */
export async function attachEvidenceFile(
  db: Kysely<DB>,
  input: EvidenceDetails & { requirementId: number; contractYearId: number; title: string | null },
  documentsDir: string,
  today: string,
  chooseFile: () => Promise<string | null>,
): Promise<EvidenceRow | { cancelled: true }> {
  assertProvidedOn(input.providedOn, today);
  await assertRequirementYear(db, input.requirementId, input.contractYearId);
  const path = await chooseFile();
  if (!path) return { cancelled: true };
  let evidenceId = 0;
  await storeDocument(db, path, documentsDir, {
    title: input.title,
    link: async (trx, documentId) => {
      await assertRequirementYear(trx, input.requirementId, input.contractYearId);
      evidenceId = (
        await trx
          .insertInto('evidence')
          .values({
            requirement_id: input.requirementId,
            contract_year_id: input.contractYearId,
            document_id: documentId,
            provided_on: input.providedOn ?? today,
            remark: input.remark,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      await audit(trx, 'create', 'evidence', String(evidenceId), 'document');
    },
  });
  return getEvidence(db, evidenceId);
}

/** Records a meeting (its feuille d’émargement, its compte rendu) or one of its documents as evidence. */
export async function linkEvidence(
  db: Kysely<DB>,
  input: EvidenceDetails & {
    requirementId: number;
    contractYearId: number;
    source: { kind: 'meeting'; meetingId: number } | { kind: 'meeting_document'; meetingDocumentId: number };
  },
  today: string,
): Promise<EvidenceRow> {
  assertProvidedOn(input.providedOn, today);
  return db.transaction().execute(async (trx) => {
    await assertRequirementYear(trx, input.requirementId, input.contractYearId);
    const { source } = input;
    if (source.kind === 'meeting') {
      const meeting = await trx
        .selectFrom('meeting')
        .select('id')
        .where('id', '=', source.meetingId)
        .executeTakeFirst();
      if (!meeting)
        throw new UserError('not_found', 'Cette réunion n’existe pas ou plus.', {
          'source.meetingId': 'Réunion introuvable.',
        });
    } else {
      const document = await trx
        .selectFrom('meeting_document')
        .select('id')
        .where('id', '=', source.meetingDocumentId)
        .executeTakeFirst();
      if (!document) {
        throw new UserError('not_found', 'Ce document de réunion n’existe pas ou plus.', {
          'source.meetingDocumentId': 'Document introuvable.',
        });
      }
    }
    const { id } = await trx
      .insertInto('evidence')
      .values({
        requirement_id: input.requirementId,
        contract_year_id: input.contractYearId,
        meeting_id: source.kind === 'meeting' ? source.meetingId : null,
        meeting_document_id: source.kind === 'meeting_document' ? source.meetingDocumentId : null,
        provided_on: input.providedOn ?? today,
        remark: input.remark,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, 'create', 'evidence', String(id), source.kind);
    return getEvidence(trx, id);
  });
}

/** Checks or unchecks a piece of evidence, corrects its date « fourni le » and its remark. */
export async function updateEvidence(
  db: Kysely<DB>,
  input: EvidenceDetails & { id: number; checked: boolean },
  today: string,
): Promise<EvidenceRow> {
  assertProvidedOn(input.providedOn, today);
  return db.transaction().execute(async (trx) => {
    const { numUpdatedRows } = await trx
      .updateTable('evidence')
      .set({ checked: input.checked ? 1 : 0, provided_on: input.providedOn, remark: input.remark })
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (Number(numUpdatedRows) === 0) throw new UserError('not_found', 'Ce justificatif n’existe pas ou plus.');
    await audit(trx, 'update', 'evidence', String(input.id), input.checked ? 'vérifié' : null);
    return getEvidence(trx, input.id);
  });
}

/** Removes a piece of evidence, and the file Maillage kept for it when nothing else uses it. */
export async function deleteEvidence(db: Kysely<DB>, id: number, documentsDir: string): Promise<{ deleted: true }> {
  const orphans = await db.transaction().execute(async (trx) => {
    const evidence = await trx.selectFrom('evidence').select('document_id').where('id', '=', id).executeTakeFirst();
    if (!evidence) throw new UserError('not_found', 'Ce justificatif n’existe pas ou plus.');
    await trx.deleteFrom('evidence').where('id', '=', id).execute();
    await audit(trx, 'delete', 'evidence', String(id), null);
    return orphanDocuments(trx, evidence.document_id === null ? [] : [evidence.document_id]);
  });
  for (const documentId of orphans) await removeDocument(db, documentId, documentsDir);
  return { deleted: true };
}
