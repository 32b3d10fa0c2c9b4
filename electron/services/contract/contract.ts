/**
 * Creating and updating a contract: its years are generated from anniversary to anniversary, the missions of its
 * ACI version added with their start and deployment deadlines (optional missions only when chosen).
 */
import type { Kysely, Transaction } from 'kysely';
import {
  aciMission,
  aciVersion,
  contractYears,
  missionDeadlines,
  missionsFor,
  type AciMissionCode,
  type AciVersionCode,
} from '@shared/domain/aci';
import { differenceInCalendarDays, parseISO } from 'date-fns';
import type { ContractCreate, ContractData, ContractDetail } from '@shared/contract';
import { dateLong } from '@shared/format';
import type { DB } from '../../db/schema';
import { audit } from '../audit';
import { UserError } from '../errors';
import { assertContract, checkDatesWithin, contractSpan, paymentBounds } from './guards';
import { missionShortLabel } from './payment-lines';
import { getContract } from './records';

type Db = Kysely<DB> | Transaction<DB>;

function refuse(field: string, message: string): never {
  throw new UserError('invalid_input', message, { [field]: message });
}

/** Checks of a contract's own fields and of its place among the other contracts. */
async function checkContractData(db: Db, data: ContractData, contractId: number | null): Promise<void> {
  if (
    data.anniversaryOn &&
    Math.abs(differenceInCalendarDays(parseISO(data.anniversaryOn), parseISO(data.signedOn))) > 366
  )
    refuse(
      'anniversaryOn',
      `La date anniversaire (${dateLong(data.anniversaryOn)}) doit tomber dans l’année qui suit ou précède la signature (${dateLong(data.signedOn)}).`,
    );
  if (data.status === 'actif') {
    let others = db.selectFrom('aci_contract').select(['id', 'number']).where('status', '=', 'actif');
    if (contractId !== null) others = others.where('id', '!=', contractId);
    const active = await others.executeTakeFirst();
    if (active)
      refuse(
        'status',
        `Un autre contrat est déjà actif${active.number ? ` (n° ${active.number})` : ''} : passez-le à « Échu », « Résilié » ou « Renouvelé » avant d’activer celui-ci.`,
      );
  }
  if (data.previousContractId !== null) {
    if (data.previousContractId === contractId)
      refuse('previousContractId', 'Un contrat ne peut pas se précéder lui-même.');
    const previous = await db
      .selectFrom('aci_contract')
      .select(['id', 'signed_on'])
      .where('id', '=', data.previousContractId)
      .executeTakeFirst();
    if (!previous) refuse('previousContractId', 'Le contrat précédent n’existe plus.');
    if (previous.signed_on >= data.signedOn)
      refuse('previousContractId', 'Le contrat précédent doit avoir été signé avant celui-ci.');
  }
}

/** The missions of a version a contract gets: the socle ones, and the optional ones chosen. */
function missionsToAdd(versionCode: AciVersionCode, chosen: readonly AciMissionCode[]): AciMissionCode[] {
  for (const code of chosen) {
    if (!aciMission(versionCode, code))
      refuse(
        'optionalMissions',
        `La mission « ${missionShortLabel(code)} » n’existe pas dans la version « ${aciVersion(versionCode).shortLabel} » de l’ACI.`,
      );
  }
  return missionsFor(versionCode)
    .filter((mission) => mission.category === 'socle' || chosen.includes(mission.code))
    .map((mission) => mission.code);
}

async function insertMission(trx: Transaction<DB>, contractId: number, data: ContractData, code: AciMissionCode) {
  const deadlines = missionDeadlines(data.signedOn, code, data.aciVersion);
  await trx
    .insertInto('aci_contract_mission')
    .values({
      contract_id: contractId,
      mission_code: code,
      start_deadline_on: deadlines?.startBy ?? null,
      deploy_deadline_on: deadlines?.deployBy ?? null,
    })
    .execute();
}

async function writeSignatories(trx: Transaction<DB>, contractId: number, data: ContractData) {
  await trx.deleteFrom('aci_contract_signatory').where('contract_id', '=', contractId).execute();
  if (!data.signatories.length) return;
  await trx
    .insertInto('aci_contract_signatory')
    .values(
      data.signatories.map((signatory) => ({
        contract_id: contractId,
        party: signatory.party,
        organisation: signatory.organisation,
        signatory_name: signatory.name,
        signatory_role: signatory.role,
        signed_on: signatory.signedOn,
      })),
    )
    .execute();
}

function contractValues(data: ContractData) {
  return {
    number: data.number,
    aci_version: data.aciVersion,
    signed_on: data.signedOn,
    anniversary_on: data.anniversaryOn,
    duration_years: data.durationYears,
    status: data.status,
    previous_contract_id: data.previousContractId,
    note: data.note,
  };
}

/**
 * The CPTS record keeps the signature date, number and date anniversaire of its contract in force (its fiche
 * d'identité and its life stages read them): an active contract writes them there, so both say the same.
 */
async function mirrorOnCptsRecord(trx: Transaction<DB>, data: ContractData): Promise<void> {
  if (data.status !== 'actif') return;
  await trx
    .updateTable('cpts')
    .set({
      aci_signed_on: data.signedOn,
      aci_contract_number: data.number,
      aci_anniversary_on: data.anniversaryOn,
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', 1)
    .execute();
}

export async function createContract(db: Kysely<DB>, input: ContractCreate, today: string): Promise<ContractDetail> {
  await checkContractData(db, input, null);
  const missions = missionsToAdd(input.aciVersion, input.optionalMissions);
  const years = contractYears(input.signedOn, input.anniversaryOn, input.durationYears);
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('aci_contract')
      .values(contractValues(input))
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeSignatories(trx, id, input);
    await mirrorOnCptsRecord(trx, input);
    await trx
      .insertInto('aci_contract_year')
      .values(
        years.map((year) => ({ contract_id: id, year_index: year.index, start_on: year.startOn, end_on: year.endOn })),
      )
      .execute();
    for (const code of missions) await insertMission(trx, id, input, code);
    await audit(
      trx,
      'create',
      'aci_contract',
      String(id),
      `contrat, ${years.length} années, ${missions.length} missions`,
    );
    return id;
  });
  return getContract(db, id, today);
}

/**
 * What contract years hold that a shorter duration would lose, in French (« 2 cibles, 1 mesure »), or null. Their
 * envelopes go with them: amounts the coordinator sees before changing the duration.
 */
async function heldBy(db: Db, yearIds: number[]): Promise<string | null> {
  if (!yearIds.length) return null;
  const count = async (
    table: 'indicator_target' | 'indicator_measure' | 'aci_payment' | 'aci_dialogue' | 'evidence' | 'document_link',
  ) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('contract_year_id', 'in', yearIds)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const [targets, measures, payments, dialogues, evidence, documents] = await Promise.all([
    count('indicator_target'),
    count('indicator_measure'),
    count('aci_payment'),
    count('aci_dialogue'),
    count('evidence'),
    count('document_link'),
  ]);
  const parts = [
    [targets, 'cible', 'cibles'],
    [measures, 'mesure', 'mesures'],
    [payments, 'versement', 'versements'],
    [dialogues, 'dialogue de gestion', 'dialogues de gestion'],
    [evidence, 'justificatif', 'justificatifs'],
    [documents, 'document joint', 'documents joints'],
  ] as const;
  const held = parts.filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n > 1 ? many : one}`);
  return held.length ? held.join(', ') : null;
}

export async function updateContract(
  db: Kysely<DB>,
  contractId: number,
  data: ContractData,
  today: string,
): Promise<ContractDetail> {
  const current = await assertContract(db, contractId);
  await checkContractData(db, data, contractId);
  const years = contractYears(data.signedOn, data.anniversaryOn, data.durationYears);
  const stored = await db
    .selectFrom('aci_contract_year')
    .select(['id', 'year_index'])
    .where('contract_id', '=', contractId)
    .execute();
  const dropped = stored.filter((year) => year.year_index > years.length);
  const held = await heldBy(
    db,
    dropped.map((year) => year.id),
  );
  if (held)
    refuse(
      'durationYears',
      `Le contrat ne peut pas passer à ${data.durationYears} ${data.durationYears > 1 ? 'ans' : 'an'} : les années retirées contiennent ${held}. Supprimez-les d’abord.`,
    );

  const missions = await db
    .selectFrom('aci_contract_mission')
    .selectAll()
    .where('contract_id', '=', contractId)
    .execute();
  if (data.aciVersion !== current.aci_version) {
    const orphan = missions.find((mission) => !aciMission(data.aciVersion, mission.mission_code));
    if (orphan)
      refuse(
        'aciVersion',
        `La mission « ${missionShortLabel(orphan.mission_code)} » n’existe pas dans la version « ${aciVersion(data.aciVersion).shortLabel} » de l’ACI : retirez-la d’abord.`,
      );
  }
  const span = contractSpan(data.signedOn, years);
  checkDatesWithin(
    missions.flatMap((mission) => [
      {
        field: 'signedOn',
        what: `date de démarrage de la mission « ${missionShortLabel(mission.mission_code)} »`,
        value: mission.started_on,
      },
      {
        field: 'signedOn',
        what: `date de déploiement de la mission « ${missionShortLabel(mission.mission_code)} »`,
        value: mission.deployed_on,
      },
    ]),
    span,
  );
  const payments = await db
    .selectFrom('aci_payment')
    .innerJoin('aci_contract_year', 'aci_contract_year.id', 'aci_payment.contract_year_id')
    .select(['aci_payment.expected_on', 'aci_payment.received_on'])
    .where('aci_contract_year.contract_id', '=', contractId)
    .execute();
  checkDatesWithin(
    payments.flatMap((payment) => [
      { field: 'signedOn', what: 'date attendue d’un versement enregistré', value: payment.expected_on },
      { field: 'signedOn', what: 'date de réception d’un versement enregistré', value: payment.received_on },
    ]),
    span,
    paymentBounds(span),
  );
  const socle = missionsToAdd(data.aciVersion, []).filter(
    (code) => !missions.some((mission) => mission.mission_code === code),
  );

  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('aci_contract')
      .set({ ...contractValues(data), updated_at: new Date().toISOString() })
      .where('id', '=', contractId)
      .execute();
    await writeSignatories(trx, contractId, data);
    await mirrorOnCptsRecord(trx, data);
    if (dropped.length)
      await trx
        .deleteFrom('aci_contract_year')
        .where(
          'id',
          'in',
          dropped.map((year) => year.id),
        )
        .execute();
    for (const year of years) {
      const existing = stored.find((row) => row.year_index === year.index);
      if (existing)
        await trx
          .updateTable('aci_contract_year')
          .set({ start_on: year.startOn, end_on: year.endOn })
          .where('id', '=', existing.id)
          .execute();
      else
        await trx
          .insertInto('aci_contract_year')
          .values({ contract_id: contractId, year_index: year.index, start_on: year.startOn, end_on: year.endOn })
          .execute();
    }
    for (const mission of missions) {
      const deadlines = missionDeadlines(data.signedOn, mission.mission_code, data.aciVersion);
      await trx
        .updateTable('aci_contract_mission')
        .set({ start_deadline_on: deadlines?.startBy ?? null, deploy_deadline_on: deadlines?.deployBy ?? null })
        .where('id', '=', mission.id)
        .execute();
    }
    for (const code of socle) await insertMission(trx, contractId, data, code);
    await audit(trx, 'update', 'aci_contract', String(contractId), 'contrat');
  });
  return getContract(db, contractId, today);
}
