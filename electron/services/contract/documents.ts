/**
 * Documents attached to a contract (signed contract, avenant), to one of its years (« annexe indicateurs ») or to
 * a dialogue de gestion (its minutes): copied into the app's documents folder.
 */
import type { Kysely } from 'kysely';
import type { ContractDetail, ContractDocumentInput } from '@shared/contract';
import type { DB } from '../../db/schema';
import { audit } from '../audit';
import { removeDocument, storeDocument } from '../documents';
import { UserError } from '../errors';
import { assertContract } from './guards';
import { getContract } from './records';

/** Checks where the document goes before the file dialog opens; returns the year the dialogue belongs to. */
async function checkTarget(db: Kysely<DB>, input: ContractDocumentInput): Promise<number | null> {
  await assertContract(db, input.contractId);
  let yearId = input.yearId;
  if (input.dialogueId !== null) {
    const dialogue = await db
      .selectFrom('aci_dialogue')
      .innerJoin('aci_contract_year', 'aci_contract_year.id', 'aci_dialogue.contract_year_id')
      .select(['aci_dialogue.contract_year_id', 'aci_dialogue.minutes_document_id', 'aci_contract_year.contract_id'])
      .where('aci_dialogue.id', '=', input.dialogueId)
      .executeTakeFirst();
    if (!dialogue || dialogue.contract_id !== input.contractId)
      throw new UserError('not_found', 'Ce dialogue de gestion n’existe plus.');
    if (dialogue.minutes_document_id !== null)
      throw new UserError(
        'conflict',
        'Ce dialogue de gestion a déjà son compte rendu : supprimez-le avant d’en joindre un autre.',
      );
    if (yearId !== null && yearId !== dialogue.contract_year_id)
      throw new UserError('invalid_input', 'Ce dialogue de gestion relève d’une autre année du contrat.');
    yearId = dialogue.contract_year_id;
  }
  if (yearId !== null) {
    const year = await db
      .selectFrom('aci_contract_year')
      .select('contract_id')
      .where('id', '=', yearId)
      .executeTakeFirst();
    if (!year || year.contract_id !== input.contractId)
      throw new UserError('not_found', 'Cette année de contrat n’existe plus.');
  }
  if (input.kind === 'annexe_indicateurs' && yearId === null) {
    const message = 'Une annexe indicateurs se rattache à une année du contrat : choisissez-la.';
    throw new UserError('invalid_input', message, { yearId: message });
  }
  return yearId;
}

/** Asks for the file (once the target is known to exist), then copies it in; `cancelled` when the dialog is closed. */
export async function chooseAndAddContractDocument(
  db: Kysely<DB>,
  input: ContractDocumentInput,
  documentsDir: string,
  today: string,
  chooseFile: () => Promise<string | null>,
): Promise<ContractDetail | { cancelled: true }> {
  await checkTarget(db, input);
  const path = await chooseFile();
  if (!path) return { cancelled: true };
  return addContractDocument(db, input, path, documentsDir, today);
}

export async function addContractDocument(
  db: Kysely<DB>,
  input: ContractDocumentInput,
  sourcePath: string,
  documentsDir: string,
  today: string,
): Promise<ContractDetail> {
  const yearId = await checkTarget(db, input);
  await storeDocument(db, sourcePath, documentsDir, {
    title: input.title,
    link: async (trx, documentId) => {
      await trx
        .insertInto('document_link')
        .values({ document_id: documentId, contract_id: input.contractId, contract_year_id: yearId, kind: input.kind })
        .execute();
      if (input.dialogueId !== null) {
        const previous = await trx
          .selectFrom('aci_dialogue')
          .select('minutes_document_id')
          .where('id', '=', input.dialogueId)
          .executeTakeFirstOrThrow();
        if (previous.minutes_document_id !== null)
          throw new UserError(
            'conflict',
            'Ce dialogue de gestion a déjà son compte rendu : supprimez-le avant d’en joindre un autre.',
          );
        await trx
          .updateTable('aci_dialogue')
          .set({ minutes_document_id: documentId })
          .where('id', '=', input.dialogueId)
          .execute();
      }
      await audit(trx, 'create', 'document', String(documentId), `contrat ${input.contractId}, ${input.kind}`);
    },
  });
  return getContract(db, input.contractId, today);
}

export async function deleteContractDocument(
  db: Kysely<DB>,
  contractId: number,
  documentId: number,
  documentsDir: string,
  today: string,
): Promise<ContractDetail> {
  await assertContract(db, contractId);
  const link = await db
    .selectFrom('document_link')
    .select('id')
    .where('document_id', '=', documentId)
    .where('contract_id', '=', contractId)
    .executeTakeFirst();
  if (!link) throw new UserError('not_found', 'Ce document n’existe plus.');
  await db.transaction().execute(async (trx) => {
    await removeDocument(trx, documentId, documentsDir);
    await audit(trx, 'delete', 'document', String(documentId), `contrat ${contractId}`);
  });
  return getContract(db, contractId, today);
}
