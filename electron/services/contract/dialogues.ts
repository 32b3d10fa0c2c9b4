/** The dialogues de gestion of a contract year, with their minutes. */
import type { Kysely } from 'kysely';
import type { ContractDetail, DialogueInput } from '@shared/contract';
import type { DB } from '../../db/schema';
import { audit } from '../audit';
import { removeDocument } from '../documents';
import { UserError } from '../errors';
import { assertYear, checkDatesWithin, plusYears, spanOfContract } from './guards';
import { getContract } from './records';

/**
 * A dialogue de gestion of a contract year: it is held during the year or after it (usually around the next
 * anniversary), up to a year after its end.
 */
export async function saveDialogue(db: Kysely<DB>, input: DialogueInput, today: string): Promise<ContractDetail> {
  const { year, contract } = await assertYear(db, input.yearId);
  if (input.id !== null) {
    const existing = await db
      .selectFrom('aci_dialogue')
      .innerJoin('aci_contract_year', 'aci_contract_year.id', 'aci_dialogue.contract_year_id')
      .select('aci_contract_year.contract_id')
      .where('aci_dialogue.id', '=', input.id)
      .executeTakeFirst();
    if (!existing || existing.contract_id !== contract.id)
      throw new UserError('not_found', 'Ce dialogue de gestion n’existe plus.');
  }
  const span = spanOfContract(contract);
  checkDatesWithin([{ field: 'heldOn', what: 'date du dialogue de gestion', value: input.heldOn }], span, {
    from: year.start_on,
    to: plusYears(year.end_on, 1),
  });
  const values = {
    contract_year_id: year.id,
    held_on: input.heldOn,
    participants: input.participants,
    documents_sent: input.documentsSent,
    outcome: input.outcome,
    variable_validated_cents: input.variableValidatedCents,
    targets_amended: input.targetsAmended ? 1 : 0,
    amendment_note: input.amendmentNote,
  };
  await db.transaction().execute(async (trx) => {
    let id = input.id;
    if (id === null)
      id = (await trx.insertInto('aci_dialogue').values(values).returning('id').executeTakeFirstOrThrow()).id;
    else await trx.updateTable('aci_dialogue').set(values).where('id', '=', id).execute();
    await audit(trx, input.id === null ? 'create' : 'update', 'aci_dialogue', String(id), `année ${year.year_index}`);
  });
  return getContract(db, contract.id, today);
}

export async function deleteDialogue(
  db: Kysely<DB>,
  dialogueId: number,
  documentsDir: string,
  today: string,
): Promise<ContractDetail> {
  const dialogue = await db
    .selectFrom('aci_dialogue')
    .select(['id', 'contract_year_id', 'minutes_document_id'])
    .where('id', '=', dialogueId)
    .executeTakeFirst();
  if (!dialogue) throw new UserError('not_found', 'Ce dialogue de gestion n’existe plus.');
  const { contract } = await assertYear(db, dialogue.contract_year_id);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('aci_dialogue').where('id', '=', dialogueId).execute();
    if (dialogue.minutes_document_id !== null) await removeDocument(trx, dialogue.minutes_document_id, documentsDir);
    await audit(trx, 'delete', 'aci_dialogue', String(dialogueId), null);
  });
  return getContract(db, contract.id, today);
}
