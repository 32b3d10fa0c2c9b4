/**
 * The missions of a contract: their start and deployment dates (within the contract), an optional mission chosen
 * later, or removed while nothing hangs on it.
 */
import type { Kysely } from 'kysely';
import { aciMission, aciVersion, missionDeadlines, type AciMissionCode } from '@shared/domain/aci';
import type { ContractDetail } from '@shared/contract';
import type { DB } from '../../db/schema';
import { audit } from '../audit';
import { UserError } from '../errors';
import { assertContract, checkDatesWithin, spanOfContract, versionCode } from './guards';
import { getContract } from './records';

export interface MissionInput {
  contractId: number;
  missionCode: AciMissionCode;
  startedOn: string | null;
  deployedOn: string | null;
  note: string | null;
}

/** Records a mission's start and deployment; adds the mission when it is an optional one not chosen yet. */
export async function saveMission(db: Kysely<DB>, input: MissionInput, today: string): Promise<ContractDetail> {
  const contract = await assertContract(db, input.contractId);
  const version = versionCode(contract.aci_version);
  const reference = aciMission(version, input.missionCode);
  if (!reference) {
    const message = `Cette mission n’existe pas dans la version « ${aciVersion(version).shortLabel} » de l’ACI.`;
    throw new UserError('invalid_input', message, { missionCode: message });
  }
  const span = spanOfContract(contract);
  const name = reference.shortLabel;
  checkDatesWithin(
    [
      { field: 'startedOn', what: `date de démarrage de la mission « ${name} »`, value: input.startedOn },
      { field: 'deployedOn', what: `date de déploiement de la mission « ${name} »`, value: input.deployedOn },
    ],
    span,
  );
  if (input.deployedOn && input.startedOn && input.deployedOn < input.startedOn) {
    const message = 'Une mission ne peut pas être déployée avant d’avoir démarré.';
    throw new UserError('invalid_input', message, { deployedOn: message });
  }
  if (input.deployedOn && !input.startedOn) {
    const message = 'Renseignez la date de démarrage de la mission avant sa date de déploiement.';
    throw new UserError('invalid_input', message, { startedOn: message });
  }
  const deadlines = missionDeadlines(contract.signed_on, input.missionCode, version);
  await db.transaction().execute(async (trx) => {
    const values = { started_on: input.startedOn, deployed_on: input.deployedOn, note: input.note };
    await trx
      .insertInto('aci_contract_mission')
      .values({
        contract_id: contract.id,
        mission_code: input.missionCode,
        start_deadline_on: deadlines?.startBy ?? null,
        deploy_deadline_on: deadlines?.deployBy ?? null,
        ...values,
      })
      .onConflict((oc) => oc.columns(['contract_id', 'mission_code']).doUpdateSet(values))
      .execute();
    await audit(trx, 'update', 'aci_contract_mission', String(contract.id), input.missionCode);
  });
  return getContract(db, contract.id, today);
}

/** Removes an optional mission that has no indicator, envelope or payment yet; socle missions stay. */
export async function removeMission(
  db: Kysely<DB>,
  contractId: number,
  missionCode: AciMissionCode,
  today: string,
): Promise<ContractDetail> {
  const contract = await assertContract(db, contractId);
  const mission = await db
    .selectFrom('aci_contract_mission')
    .select('id')
    .where('contract_id', '=', contractId)
    .where('mission_code', '=', missionCode)
    .executeTakeFirst();
  if (!mission) throw new UserError('not_found', 'Cette mission ne figure plus au contrat.');
  const reference = aciMission(versionCode(contract.aci_version), missionCode);
  if (reference?.category === 'socle')
    throw new UserError(
      'invalid_input',
      `La mission « ${reference.shortLabel} » est une mission socle : elle reste au contrat.`,
    );
  const yearIds = db.selectFrom('aci_contract_year').select('id').where('contract_id', '=', contractId);
  const [indicators, envelopes, payments] = await Promise.all([
    db
      .selectFrom('indicator')
      .select('id')
      .where('contract_id', '=', contractId)
      .where('mission_code', '=', missionCode)
      .executeTakeFirst(),
    db
      .selectFrom('aci_envelope')
      .select('id')
      .where('contract_year_id', 'in', yearIds)
      .where('mission_code', '=', missionCode)
      .where((eb) => eb.or([eb('fixed_cents', '>', 0), eb('variable_max_cents', '>', 0)]))
      .executeTakeFirst(),
    db
      .selectFrom('aci_payment')
      .select('id')
      .where('contract_year_id', 'in', yearIds)
      .where('mission_code', '=', missionCode)
      .executeTakeFirst(),
  ]);
  if (indicators || envelopes || payments)
    throw new UserError(
      'conflict',
      'Cette mission a déjà des indicateurs, des enveloppes ou des versements : retirez-les avant de la retirer du contrat.',
    );
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('aci_envelope')
      .where(
        'contract_year_id',
        'in',
        trx.selectFrom('aci_contract_year').select('id').where('contract_id', '=', contractId),
      )
      .where('mission_code', '=', missionCode)
      .execute();
    await trx.deleteFrom('aci_contract_mission').where('id', '=', mission.id).execute();
    await audit(trx, 'delete', 'aci_contract_mission', String(contractId), missionCode);
  });
  return getContract(db, contractId, today);
}
