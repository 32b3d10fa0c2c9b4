/**
 * One contract year's figures: taille and population (a CPTS can change taille during a contract), fonctionnement
 * (empty means the amount the ACI establishes for the taille, when there is one), and each mission's fixed
 * envelope and variable maximum as the coordinator's own contract states them.
 */
import type { Kysely } from 'kysely';
import type { ContractDetail, ContractYearInput } from '@shared/contract';
import type { DB } from '../../db/schema';
import { audit } from '../audit';
import { UserError } from '../errors';
import { assertYear } from './guards';
import { missionShortLabel } from './payment-lines';
import { getContract } from './records';

export async function saveContractYear(
  db: Kysely<DB>,
  input: ContractYearInput,
  today: string,
): Promise<ContractDetail> {
  const { year, contract } = await assertYear(db, input.yearId);
  const missions = await db
    .selectFrom('aci_contract_mission')
    .select('mission_code')
    .where('contract_id', '=', contract.id)
    .execute();
  const fields: Record<string, string> = {};
  const seen = new Set<string>();
  input.envelopes.forEach((envelope, index) => {
    const name = missionShortLabel(envelope.missionCode);
    if (!missions.some((mission) => mission.mission_code === envelope.missionCode))
      fields[`envelopes.${index}.missionCode`] =
        `La mission « ${name} » ne figure pas au contrat : ajoutez-la avant de saisir son enveloppe.`;
    else if (seen.has(envelope.missionCode))
      fields[`envelopes.${index}.missionCode`] = `L’enveloppe de la mission « ${name} » est saisie deux fois.`;
    seen.add(envelope.missionCode);
  });
  const messages = Object.values(fields);
  if (messages.length) throw new UserError('invalid_input', messages.join(' '), fields);

  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('aci_contract_year')
      .set({
        taille: input.taille,
        population: input.population,
        population_ref_year: input.populationRefYear,
        fonctionnement_cents: input.fonctionnementCents,
      })
      .where('id', '=', year.id)
      .execute();
    for (const envelope of input.envelopes) {
      const values = {
        fixed_cents: envelope.fixedCents,
        variable_max_cents: envelope.variableMaxCents,
        note: envelope.note,
      };
      await trx
        .insertInto('aci_envelope')
        .values({ contract_year_id: year.id, mission_code: envelope.missionCode, ...values })
        .onConflict((oc) => oc.columns(['contract_year_id', 'mission_code']).doUpdateSet(values))
        .execute();
    }
    await audit(trx, 'update', 'aci_contract_year', String(year.id), `année ${year.year_index}`);
  });
  return getContract(db, contract.id, today);
}
