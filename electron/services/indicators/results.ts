/**
 * « Le tableau de suivi » of a contract year: for each mission its envelope, and for each indicator its target,
 * the measure that counts, its result (tier reached, euros earned, taux d’atteinte) and where its evidence stands;
 * per mission Σ earned / variable maximum with a warning when the indicators' amounts do not add up to it; the
 * year's totals. One read that the screen, the PDF and the XLSX export all use: two queries whatever the number of
 * indicators (tiers, measures and evidence counts come back as JSON columns of the indicator query).
 */
import { sql, type Kysely } from 'kysely';
import type { MeasureRow, TrackingIndicator, TrackingMission, TrackingTable } from '@shared/contract';
import {
  carryOverCandidates,
  evaluateTarget,
  missionResult,
  selectMeasure,
  yearResult,
  type AciMissionCode,
} from '@shared/domain/aci';
import type { DB, IndicatorMeasureTable } from '../../db/schema';
import { UserError } from '../errors';
import { MISSION_ORDER, missionOf } from './missions';
import { targetOf, type TierRecord, toIndicatorRow, toMeasureRow, toTargetRow, traitsOf } from './rows';

interface EnvelopeRecord {
  mission_code: AciMissionCode;
  fixed_cents: number;
  variable_max_cents: number;
}

type MeasureRecord = Omit<IndicatorMeasureTable, 'id' | 'created_at' | 'status'> & {
  id: number;
  status: MeasureRow['status'];
};

const parse = <T>(json: string | null): T[] => (json ? (JSON.parse(json) as T[]) : []);

export async function trackingTable(db: Kysely<DB>, contractYearId: number): Promise<TrackingTable> {
  const year = await db
    .selectFrom('aci_contract_year as y')
    .innerJoin('aci_contract as c', 'c.id', 'y.contract_id')
    .select(['y.id', 'y.contract_id', 'y.year_index', 'y.start_on', 'y.end_on', 'c.number', 'c.aci_version'])
    .select(
      sql<string>`(select json_group_array(json_object('mission_code', e.mission_code, 'fixed_cents', e.fixed_cents, 'variable_max_cents', e.variable_max_cents)) from aci_envelope e where e.contract_year_id = y.id)`.as(
        'envelopes',
      ),
    )
    .where('y.id', '=', contractYearId)
    .executeTakeFirst();
  if (!year) throw new UserError('not_found', 'Cette année de contrat n’existe pas ou plus.');

  const rows = await db
    .selectFrom('indicator')
    .leftJoin('fiche_action', 'fiche_action.id', 'indicator.fiche_id')
    .leftJoin('indicator_target as t', (join) =>
      join.onRef('t.indicator_id', '=', 'indicator.id').on('t.contract_year_id', '=', contractYearId),
    )
    .selectAll('indicator')
    .select([
      'fiche_action.title as fiche_title',
      't.id as target_id',
      't.payment_rule',
      't.target_value',
      't.max_cents',
      't.carried_over_from_id',
      't.note as target_note',
    ])
    .select(
      sql<string>`(select json_group_array(json_object('rank', r.rank, 'label', r.label, 'threshold', r.threshold, 'amount_cents', r.amount_cents)) from indicator_tier r where r.target_id = t.id)`.as(
        'tiers',
      ),
    )
    .select(
      sql<string>`(select json_group_array(json_object('id', m.id, 'indicator_id', m.indicator_id, 'contract_year_id', m.contract_year_id, 'value', m.value, 'period_start', m.period_start, 'period_end', m.period_end, 'measured_on', m.measured_on, 'source', m.source, 'status', m.status, 'comment', m.comment, 'computed_from', m.computed_from)) from indicator_measure m where m.indicator_id = indicator.id and m.contract_year_id = ${contractYearId})`.as(
        'measures',
      ),
    )
    .select(
      sql<number>`(select count(*) from indicator_measure m where m.indicator_id = indicator.id)`.as('measure_count'),
    )
    .select(
      sql<number>`(select count(*) from evidence_requirement q where q.indicator_id = indicator.id and q.required = 1)`.as(
        'required_count',
      ),
    )
    .select(
      sql<number>`(select count(*) from evidence_requirement q where q.indicator_id = indicator.id and q.required = 1 and exists (select 1 from evidence v where v.requirement_id = q.id and v.contract_year_id = ${contractYearId}))`.as(
        'provided_count',
      ),
    )
    .where('indicator.contract_id', '=', year.contract_id)
    .where((eb) => eb.or([eb('indicator.archived_at', 'is', null), eb('t.id', 'is not', null)]))
    .execute();

  const byMission = new Map<AciMissionCode, TrackingIndicator[]>();
  for (const row of rows) {
    const indicator = toIndicatorRow(row, { ficheTitle: row.fiche_title, measureCount: Number(row.measure_count) });
    const target =
      row.target_id === null
        ? null
        : toTargetRow(
            {
              id: row.target_id,
              indicator_id: row.id,
              contract_year_id: contractYearId,
              payment_rule: row.payment_rule!,
              target_value: row.target_value,
              max_cents: row.max_cents!,
              carried_over_from_id: row.carried_over_from_id,
              note: row.target_note,
            },
            year.year_index,
            parse<TierRecord>(row.tiers),
          );
    const measures = parse<MeasureRecord>(row.measures).map((measure) =>
      toMeasureRow({ ...measure, created_at: '' }, year.year_index),
    );
    const measure = selectMeasure(measures);
    const required = Number(row.required_count);
    const provided = Number(row.provided_count);
    const line: TrackingIndicator = {
      indicator,
      target,
      measure,
      measureCount: measures.length,
      result: target ? evaluateTarget(targetOf(target), traitsOf(indicator), measure?.value ?? null) : null,
      evidence: { required, provided, missing: required - provided },
    };
    const list = byMission.get(indicator.missionCode) ?? [];
    list.push(line);
    byMission.set(indicator.missionCode, list);
  }

  const envelopes = new Map(parse<EnvelopeRecord>(year.envelopes).map((e) => [e.mission_code, e]));
  const missions: TrackingMission[] = MISSION_ORDER.filter((code) => envelopes.has(code) || byMission.has(code)).map(
    (code) => {
      const envelope = envelopes.get(code);
      const indicators = (byMission.get(code) ?? []).sort(
        (a, b) => a.indicator.position - b.indicator.position || a.indicator.id - b.indicator.id,
      );
      const mission = missionOf(year.aci_version, code);
      return {
        missionCode: code,
        label: mission.label,
        shortLabel: mission.shortLabel,
        envelope: envelope ? { fixedCents: envelope.fixed_cents, variableMaxCents: envelope.variable_max_cents } : null,
        indicators,
        result: missionResult(
          {
            label: mission.shortLabel,
            fixedCents: envelope?.fixed_cents ?? 0,
            variableMaxCents: envelope?.variable_max_cents ?? 0,
          },
          indicators.flatMap((line) => (line.result ? [line.result] : [])),
        ),
      };
    },
  );
  const result = yearResult(missions.map((mission) => mission.result));
  return {
    contractId: year.contract_id,
    contractNumber: year.number,
    contractYearId: year.id,
    yearIndex: year.year_index,
    startOn: year.start_on,
    endOn: year.end_on,
    missions,
    result,
    warnings: result.mismatches.map((mismatch) => mismatch.message),
  };
}

/**
 * The targets of the previous contract year that were not fully met (tier below the top, prorata short of the cible,
 * not measured), in the order of the tableau de suivi: what may be carried into this year. Empty for year 1.
 */
export async function carryOverCandidatesFor(db: Kysely<DB>, contractYearId: number): Promise<TrackingIndicator[]> {
  const year = await db
    .selectFrom('aci_contract_year')
    .select(['contract_id', 'year_index'])
    .where('id', '=', contractYearId)
    .executeTakeFirst();
  if (!year) throw new UserError('not_found', 'Cette année de contrat n’existe pas ou plus.');
  const previous = await db
    .selectFrom('aci_contract_year')
    .select('id')
    .where('contract_id', '=', year.contract_id)
    .where('year_index', '=', year.year_index - 1)
    .executeTakeFirst();
  if (!previous) return [];
  const table = await trackingTable(db, previous.id);
  const lines = table.missions.flatMap((mission) => mission.indicators);
  return carryOverCandidates(
    lines.flatMap((line) => (line.result && !line.indicator.archived ? [{ ...line, result: line.result }] : [])),
  );
}
