/**
 * What the indicator services share: loading an indicator or a contract year (with French « not found »
 * messages), and turning database rows into the contract's camelCase rows.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { IndicatorTraits, Target, Tier } from '@shared/domain/aci/attainment';
import type { IndicatorRow, MeasureRow, TargetRow } from '@shared/contract';
import type {
  AciContractYearTable,
  DB,
  IndicatorMeasureTable,
  IndicatorTable,
  IndicatorTargetTable,
} from '../../db/schema';
import { UserError } from '../errors';

export type Db = Kysely<DB> | Transaction<DB>;

export async function assertIndicator(db: Db, id: number): Promise<Selectable<IndicatorTable>> {
  const row = await db.selectFrom('indicator').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new UserError('not_found', 'Cet indicateur n’existe pas ou plus.');
  return row;
}

export async function assertContractYear(db: Db, id: number): Promise<Selectable<AciContractYearTable>> {
  const row = await db.selectFrom('aci_contract_year').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row)
    throw new UserError('not_found', 'Cette année de contrat n’existe pas ou plus.', {
      contractYearId: 'Année de contrat introuvable.',
    });
  return row;
}

/** The contract year, refused when it belongs to another contract than the indicator's. */
export async function yearOfIndicator(
  db: Db,
  indicator: Selectable<IndicatorTable>,
  contractYearId: number,
): Promise<Selectable<AciContractYearTable>> {
  const year = await assertContractYear(db, contractYearId);
  if (year.contract_id !== indicator.contract_id) {
    throw new UserError(
      'invalid_input',
      'Cette année appartient à un autre contrat que celui de l’indicateur. Rien n’a été enregistré.',
      { contractYearId: 'Choisissez une année du contrat de l’indicateur.' },
    );
  }
  return year;
}

/** « « Patients en ALD sans médecin traitant » » with its code when it has one, for messages. */
export function indicatorName(indicator: Pick<IndicatorTable, 'code' | 'label'>): string {
  return indicator.code ? `${indicator.code} « ${indicator.label} »` : `« ${indicator.label} »`;
}

export function toIndicatorRow(
  row: Selectable<IndicatorTable>,
  extra: { ficheTitle: string | null; measureCount: number },
): IndicatorRow {
  return {
    id: row.id,
    contractId: row.contract_id,
    missionCode: row.mission_code,
    ficheId: row.fiche_id,
    ficheTitle: extra.ficheTitle,
    code: row.code,
    label: row.label,
    kind: row.kind,
    valueType: row.value_type,
    unit: row.unit,
    direction: row.direction,
    definition: row.definition,
    dataSource: row.data_source,
    autoMeasure: row.auto_measure,
    baselineValue: row.baseline_value,
    baselineOn: row.baseline_on,
    baselineSource: row.baseline_source,
    position: row.position,
    archived: row.archived_at !== null,
    measureCount: Number(extra.measureCount),
  };
}

export interface TierRecord {
  rank: number;
  label: string | null;
  threshold: number;
  amount_cents: number;
}

export const toTier = (tier: TierRecord): Tier => ({
  rank: tier.rank,
  label: tier.label ?? '',
  threshold: tier.threshold,
  amountCents: tier.amount_cents,
});

export function toTargetRow(
  row: Selectable<IndicatorTargetTable>,
  yearIndex: number,
  tiers: readonly TierRecord[],
): TargetRow {
  return {
    id: row.id,
    indicatorId: row.indicator_id,
    contractYearId: row.contract_year_id,
    yearIndex,
    paymentRule: row.payment_rule,
    targetValue: row.target_value,
    maxCents: row.max_cents,
    tiers: [...tiers].sort((a, b) => a.rank - b.rank).map(toTier),
    carriedOverFromId: row.carried_over_from_id,
    note: row.note,
  };
}

export function toMeasureRow(row: Selectable<IndicatorMeasureTable>, yearIndex: number): MeasureRow {
  return {
    id: row.id,
    indicatorId: row.indicator_id,
    contractYearId: row.contract_year_id,
    yearIndex,
    value: row.value,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    measuredOn: row.measured_on,
    source: row.source,
    status: row.status,
    comment: row.comment,
    computedFrom: row.computed_from,
  };
}

/** What the attainment maths reads of an indicator. */
export const traitsOf = (
  indicator: Pick<IndicatorRow, 'valueType' | 'direction' | 'baselineValue'>,
): IndicatorTraits => ({
  valueType: indicator.valueType,
  direction: indicator.direction,
  baseline: indicator.baselineValue,
});

/** What the attainment maths reads of a target. */
export const targetOf = (target: Pick<TargetRow, 'paymentRule' | 'targetValue' | 'maxCents' | 'tiers'>): Target => ({
  rule: target.paymentRule,
  targetValue: target.targetValue,
  maxAmountCents: target.maxCents,
  tiers: target.tiers,
});
