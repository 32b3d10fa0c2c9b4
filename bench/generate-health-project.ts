/**
 * Generates a plausible projet de santé for benchmarks, screenshots and report tests: a five-year ACI contract
 * (taille 3, signed 1 April 2022) with its years, missions, envelopes and payments, indicators per mission with a
 * target per year (all-or-nothing, tiers up and down, proportional), measures, evidence requirements, partnerships
 * and fiches actions with milestones, budget, communes and référents. Deterministic (seeded). The amounts are the
 * taille-3 sample envelopes of two signed contracts (test data, never the app's defaults).
 * Members and territory communes are taken from the database when there are some (run `generateCpts` first).
 */
import type { Kysely } from 'kysely';
import type { DB, MissionCode } from '../electron/db/schema';
import { contractYears, indicatorTemplatesFor, type IndicatorTemplate } from '@shared/domain/aci';
import { seededRandom } from './generate';

export interface HealthProjectOptions {
  /** Indicators per mission (the templates of the library are cycled through). */
  indicatorsPerMission?: number;
  fiches?: number;
  /** Contract years that have measures, from year 1 (the others only have targets). */
  measuredYears?: number;
  signedOn?: string;
  seed?: number;
}

export interface HealthProject {
  contractId: number;
  yearIds: number[];
  indicators: number;
  targets: number;
  measures: number;
  fiches: number;
}

const MISSIONS: MissionCode[] = ['acces', 'parcours', 'prevention', 'crise', 'qualite', 'accompagnement'];

/** Taille-3 envelopes observed in two signed contracts (euros): fixe, variable. */
const SAMPLE_ENVELOPES: Record<MissionCode, [number, number]> = {
  acces: [90_000, 35_000],
  parcours: [45_000, 45_000],
  prevention: [17_500, 17_500],
  crise: [22_500, 0],
  qualite: [15_000, 15_000],
  accompagnement: [10_000, 10_000],
};

const MISSION_PREFIX: Record<MissionCode, string> = {
  acces: 'ACC',
  parcours: 'PAR',
  prevention: 'PRE',
  crise: 'CRI',
  qualite: 'QUA',
  accompagnement: 'APS',
};

const FICHE_STATUSES = [
  'non_debutee',
  'en_cours',
  'en_cours',
  'deployee',
  'deployee',
  'realisee',
  'suspendue',
] as const;
const ROLES = ['porteur', 'porteur', 'co_porteur', 'participant'] as const;

/** Splits `total` cents into `parts` positive shares (multiples of 500 €) that add up exactly. */
function split(total: number, parts: number, random: () => number): number[] {
  if (parts === 0) return [];
  const unit = 50_000;
  const units = Math.round(total / unit);
  const weights = Array.from({ length: parts }, () => 1 + random() * 3);
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((weight) => Math.max(0, Math.floor((weight / sum) * units)));
  shares[0]! += units - shares.reduce((a, b) => a + b, 0);
  return shares.map((share) => share * unit);
}

const round2 = (value: number) => Math.round(value * 100) / 100;

export async function generateHealthProject(
  db: Kysely<DB>,
  options: HealthProjectOptions = {},
): Promise<HealthProject> {
  const random = seededRandom(options.seed ?? 7);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const perMission = options.indicatorsPerMission ?? 8;
  const ficheCount = options.fiches ?? 60;
  const signedOn = options.signedOn ?? '2022-04-01';
  const measuredYears = options.measuredYears ?? 4;
  const years = contractYears(signedOn);
  const memberIds = (await db.selectFrom('member').select('id').where('left_on', 'is', null).limit(200).execute()).map(
    (row) => row.id,
  );
  const communes = (await db.selectFrom('territory_commune').select('code_insee').execute()).map(
    (row) => row.code_insee,
  );
  const meetingIds = (await db.selectFrom('meeting').select('id').where('type', '!=', 'rcp').limit(300).execute()).map(
    (row) => row.id,
  );
  let indicators = 0;
  let targets = 0;
  let measures = 0;

  const result = await db.transaction().execute(async (trx) => {
    const { id: contractId } = await trx
      .insertInto('aci_contract')
      .values({ number: 'ACI-38-2022-017', aci_version: 'avenant_2', signed_on: signedOn, status: 'actif' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('aci_contract_signatory')
      .values([
        {
          contract_id: contractId,
          party: 'cpts',
          organisation: 'CPTS',
          signatory_name: 'Dr Claire Morel',
          signed_on: signedOn,
        },
        {
          contract_id: contractId,
          party: 'cpam',
          organisation: 'CPAM de l’Isère',
          signatory_name: 'M. Jean Vidal',
          signed_on: signedOn,
        },
        {
          contract_id: contractId,
          party: 'ars',
          organisation: 'ARS Auvergne-Rhône-Alpes',
          signatory_name: 'Mme Anne Roche',
          signed_on: signedOn,
        },
      ])
      .execute();
    const yearIds: number[] = [];
    for (const year of years) {
      const { id } = await trx
        .insertInto('aci_contract_year')
        .values({
          contract_id: contractId,
          year_index: year.index,
          start_on: year.startOn,
          end_on: year.endOn,
          taille: 3,
          population: 98_000 + year.index * 900,
          population_ref_year: Number(year.startOn.slice(0, 4)) - 1,
          fonctionnement_cents: 13_125_000,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      yearIds.push(id);
    }
    for (const mission of MISSIONS) {
      await trx
        .insertInto('aci_contract_mission')
        .values({ contract_id: contractId, mission_code: mission, started_on: '2022-10-01', deployed_on: '2023-09-15' })
        .execute();
      for (const yearId of yearIds) {
        const [fixed, variable] = SAMPLE_ENVELOPES[mission];
        await trx
          .insertInto('aci_envelope')
          .values({
            contract_year_id: yearId,
            mission_code: mission,
            fixed_cents: fixed * 100,
            variable_max_cents: variable * 100,
          })
          .execute();
      }
    }
    for (const [index, yearId] of yearIds.entries()) {
      if (index >= measuredYears) break;
      await trx
        .insertInto('aci_payment')
        .values([
          {
            contract_year_id: yearId,
            kind: 'fonctionnement',
            expected_on: years[index]!.startOn,
            expected_cents: 9_843_750,
            received_on: years[index]!.startOn,
            received_cents: 9_843_750,
          },
          {
            contract_year_id: yearId,
            mission_code: 'acces',
            kind: 'avance_fixe',
            expected_on: years[index]!.startOn,
            expected_cents: 6_750_000,
            received_on: years[index]!.startOn,
            received_cents: 6_750_000,
          },
        ])
        .execute();
    }

    const fiches: number[] = [];
    const partnerships: number[] = [];
    for (const [type, partner, title] of [
      ['cls', 'Ville', 'Contrat local de santé III'],
      ['hopital_proximite', 'Hôpital de proximité', 'Convention de partenariat'],
      ['dac', 'DAC 38', 'Convention DAC'],
      ['cpam', 'CPAM de l’Isère', 'Mission accompagnement santé'],
    ] as const) {
      const { id } = await trx
        .insertInto('partnership')
        .values({ type, partner, title, signed_on: '2023-12-15', fiches_total: type === 'cls' ? 25 : null })
        .returning('id')
        .executeTakeFirstOrThrow();
      partnerships.push(id);
    }
    for (let n = 1; n <= ficheCount; n += 1) {
      const mission = MISSIONS[n % MISSIONS.length]!;
      const role = pick(ROLES);
      const { id } = await trx
        .insertInto('fiche_action')
        .values({
          code: `FA-${String(n).padStart(2, '0')}`,
          title: `Action ${n} : ${pick(['repérage', 'parcours', 'prévention', 'formation', 'coordination'])} ${pick(['des personnes âgées', 'des patients diabétiques', 'des jeunes', 'des aidants', 'en soins non programmés'])}`,
          axis: pick(['Prévenir', 'Guérir', 'Informer et former', 'Coordonner']),
          mission_code: mission,
          partnership_id: n % 3 === 0 ? pick(partnerships) : null,
          external_ref: n % 3 === 0 ? `fiche ${n}` : null,
          cpts_role: role,
          porteur_org: role === 'participant' ? 'Ville' : null,
          general_objective: 'Améliorer la coordination des professionnels autour du patient.',
          operational_objectives: 'Recenser les professionnels\nFormaliser le parcours\nÉvaluer',
          pilot_member_id: memberIds.length > 0 ? pick(memberIds) : null,
          status: pick(FICHE_STATUSES),
          starts_on: '2023-01-15',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      fiches.push(id);
      await trx
        .insertInto('fiche_action_milestone')
        .values([
          { fiche_id: id, label: 'Groupe de travail constitué', due_on: '2023-03-01', done_on: '2023-02-20' },
          {
            fiche_id: id,
            label: 'Action déployée',
            due_on: '2024-06-30',
            done_on: random() < 0.6 ? '2024-05-14' : null,
          },
        ])
        .execute();
      for (const year of [2023, 2024, 2025]) {
        const planned = Math.round(2_000 + random() * 8_000) * 100;
        await trx
          .insertInto('fiche_action_budget')
          .values({
            fiche_id: id,
            year,
            source: pick(['aci', 'aci', 'fir', 'cls'] as const),
            planned_cents: planned,
            actual_cents: year < 2025 ? Math.round(planned * (0.6 + random() * 0.5)) : null,
          })
          .execute();
      }
      if (communes.length > 0)
        await trx
          .insertInto('fiche_action_commune')
          .values([...new Set([pick(communes), pick(communes)])].map((code) => ({ fiche_id: id, code_insee: code })))
          .execute();
      if (memberIds.length > 0)
        await trx
          .insertInto('fiche_action_member')
          .values(
            [...new Set([pick(memberIds), pick(memberIds)])].map((member) => ({
              fiche_id: id,
              member_id: member,
              role: 'référent',
            })),
          )
          .execute();
      if (meetingIds.length > 0)
        await trx
          .insertInto('fiche_action_meeting')
          .values({ fiche_id: id, meeting_id: pick(meetingIds) })
          .execute();
    }

    for (const mission of MISSIONS) {
      const templates = indicatorTemplatesFor(mission);
      const [, variable] = SAMPLE_ENVELOPES[mission];
      const amounts = split(variable * 100, perMission, random);
      for (let i = 0; i < perMission; i += 1) {
        const template: IndicatorTemplate = templates[i % templates.length]!;
        const shape =
          template.valueType === 'oui_non' ? 'binary' : pick(['tiers', 'tiers', 'proportional', 'binary'] as const);
        const direction = template.valueType === 'oui_non' ? 'atteindre' : template.direction;
        const baseline =
          template.valueType === 'oui_non'
            ? null
            : template.valueType === 'taux'
              ? round2(40 + random() * 30)
              : Math.round(50 + random() * 250);
        const { id: indicatorId } = await trx
          .insertInto('indicator')
          .values({
            contract_id: contractId,
            mission_code: mission,
            fiche_id: random() < 0.5 ? pick(fiches) : null,
            code: `${MISSION_PREFIX[mission]}-${i + 1}`,
            label:
              i < templates.length ? template.wording : `${template.wording} (${Math.floor(i / templates.length) + 1})`,
            kind: template.kind,
            value_type: template.valueType,
            unit: template.unit,
            direction,
            data_source: template.dataSource,
            baseline_value: baseline,
            baseline_on: baseline === null ? null : '2022-03-31',
            baseline_source: baseline === null ? null : 'Requête CPAM',
            position: i,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        indicators += 1;
        await trx
          .insertInto('evidence_requirement')
          .values(template.evidence.slice(0, 2).map((kind) => ({ indicator_id: indicatorId, label: kind })))
          .execute();
        const amount = amounts[i]!;
        const down = direction === 'baisse';
        for (const [index, yearId] of yearIds.entries()) {
          const step = (index + 1) * (baseline === null ? 0 : Math.max(1, Math.abs(baseline) * 0.03));
          const targetValue =
            shape === 'binary' && baseline === null
              ? 1
              : baseline === null
                ? 10
                : round2(down ? baseline - step : baseline + step);
          const rule =
            shape === 'binary' ? 'tout_ou_rien' : shape === 'tiers' && amount > 0 ? 'paliers' : 'proportionnel';
          const finalRule = rule === 'proportionnel' && down && baseline === null ? 'tout_ou_rien' : rule;
          const { id: targetId } = await trx
            .insertInto('indicator_target')
            .values({
              indicator_id: indicatorId,
              contract_year_id: yearId,
              target_value: finalRule === 'paliers' ? null : targetValue,
              payment_rule: finalRule,
              max_cents: amount,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          targets += 1;
          if (finalRule === 'paliers' && baseline !== null) {
            // Three tiers between the baseline and the target, paying 30 %, 70 % and 100 % of the amount.
            const tiers = [0.3, 0.7, 1].map((share, rank) => ({
              target_id: targetId,
              rank: rank + 1,
              label: ['socle', 'intermédiaire', 'objectif'][rank]!,
              threshold: round2(down ? baseline - (step * (rank + 1)) / 3 : baseline + (step * (rank + 1)) / 3),
              amount_cents: rank === 2 ? amount : Math.round((amount * share) / 100) * 100,
            }));
            await trx.insertInto('indicator_tier').values(tiers).execute();
          }
          if (index < measuredYears) {
            const reached = random();
            const value =
              template.valueType === 'oui_non'
                ? reached < 0.75
                  ? 1
                  : 0
                : baseline === null
                  ? Math.round(reached * 15)
                  : round2(down ? baseline - step * reached * 1.3 : baseline + step * reached * 1.3);
            await trx
              .insertInto('indicator_measure')
              .values({
                indicator_id: indicatorId,
                contract_year_id: yearId,
                value: template.valueType === 'taux' ? Math.min(100, Math.max(0, value)) : Math.max(0, value),
                period_start: years[index]!.startOn,
                period_end: years[index]!.endOn,
                measured_on: years[index]!.endOn,
                source: template.dataSource === 'cpam' ? 'Requête CPAM' : 'Déclaratif CPTS',
                status: index < measuredYears - 1 ? 'valide' : 'declare',
              })
              .execute();
            measures += 1;
          }
        }
      }
    }
    await trx
      .insertInto('crisis_plan_event')
      .values([
        { kind: 'redaction', occurred_on: '2023-01-20', referent_member_id: memberIds[0] ?? null },
        { kind: 'transmission_ars', occurred_on: '2023-02-10' },
        { kind: 'mise_a_jour', occurred_on: '2024-02-05' },
        { kind: 'exercice', occurred_on: '2024-11-18', note: 'Exercice canicule avec la mairie' },
      ])
      .execute();
    return { contractId, yearIds, fiches: fiches.length };
  });
  return { ...result, indicators, targets, measures };
}
