/**
 * Payments recorded against a contract year (fonctionnement, advances and balances of the fixed part, variable
 * part…): what was expected and what came in, dated within the contract.
 */
import type { Kysely } from 'kysely';
import type { ContractDetail, PaymentInput } from '@shared/contract';
import type { DB } from '../../db/schema';
import { audit } from '../audit';
import { UserError } from '../errors';
import { assertYear, checkDatesWithin, paymentBounds, spanOfContract } from './guards';
import { getContract } from './records';

async function assertMissionOfContract(db: Kysely<DB>, contractId: number, missionCode: string | null) {
  if (missionCode === null) return;
  const mission = await db
    .selectFrom('aci_contract_mission')
    .select('id')
    .where('contract_id', '=', contractId)
    .where('mission_code', '=', missionCode as never)
    .executeTakeFirst();
  if (!mission) {
    const message = 'Cette mission ne figure pas au contrat.';
    throw new UserError('invalid_input', message, { missionCode: message });
  }
}

export async function savePayment(db: Kysely<DB>, input: PaymentInput, today: string): Promise<ContractDetail> {
  const { year, contract } = await assertYear(db, input.yearId);
  if (input.id !== null) {
    const existing = await db
      .selectFrom('aci_payment')
      .innerJoin('aci_contract_year', 'aci_contract_year.id', 'aci_payment.contract_year_id')
      .select('aci_contract_year.contract_id')
      .where('aci_payment.id', '=', input.id)
      .executeTakeFirst();
    if (!existing || existing.contract_id !== contract.id)
      throw new UserError('not_found', 'Ce versement n’existe plus.');
  }
  if (['avance_fixe', 'solde_fixe'].includes(input.kind) && input.missionCode === null) {
    const message = 'Une avance ou un solde de part fixe se rapporte à une mission : choisissez-la.';
    throw new UserError('invalid_input', message, { missionCode: message });
  }
  await assertMissionOfContract(db, contract.id, input.missionCode);
  if (
    input.expectedOn === null &&
    input.receivedOn === null &&
    input.expectedCents === null &&
    input.receivedCents === null
  ) {
    const message = 'Renseignez au moins la date ou le montant attendu, ou la date ou le montant reçu.';
    throw new UserError('invalid_input', message, { receivedOn: message });
  }
  const span = spanOfContract(contract);
  checkDatesWithin(
    [
      { field: 'expectedOn', what: 'date attendue du versement', value: input.expectedOn },
      { field: 'receivedOn', what: 'date de réception du versement', value: input.receivedOn },
    ],
    span,
    paymentBounds(span),
  );
  const values = {
    contract_year_id: year.id,
    kind: input.kind,
    mission_code: input.missionCode,
    payer: input.payer,
    label: input.label,
    expected_on: input.expectedOn,
    expected_cents: input.expectedCents,
    received_on: input.receivedOn,
    received_cents: input.receivedCents,
    reference: input.reference,
    note: input.note,
  };
  await db.transaction().execute(async (trx) => {
    let id = input.id;
    if (id === null)
      id = (await trx.insertInto('aci_payment').values(values).returning('id').executeTakeFirstOrThrow()).id;
    else await trx.updateTable('aci_payment').set(values).where('id', '=', id).execute();
    await audit(trx, input.id === null ? 'create' : 'update', 'aci_payment', String(id), input.kind);
  });
  return getContract(db, contract.id, today);
}

export async function deletePayment(db: Kysely<DB>, paymentId: number, today: string): Promise<ContractDetail> {
  const payment = await db
    .selectFrom('aci_payment')
    .select(['id', 'contract_year_id'])
    .where('id', '=', paymentId)
    .executeTakeFirst();
  if (!payment) throw new UserError('not_found', 'Ce versement n’existe plus.');
  const { contract } = await assertYear(db, payment.contract_year_id);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('aci_payment').where('id', '=', paymentId).execute();
    await audit(trx, 'delete', 'aci_payment', String(paymentId), null);
  });
  return getContract(db, contract.id, today);
}
