/**
 * The target of an indicator for one contract year: payment rule, cible, amount, tiers, carry-over of last year's
 * target when it was not met, note. Saved whole in one transaction (the tiers are replaced), after the attainment
 * rules (`validateTarget`, `validateCarryOver`) found nothing to say; their French messages name the form field.
 */
import type { Kysely, Selectable } from 'kysely';
import type { TargetData, TargetRow } from '@shared/contract';
import {
  evaluateTarget,
  selectMeasure,
  topTier,
  validateCarryOver,
  validateTarget,
  type CarryOverResult,
} from '@shared/domain/aci/attainment';
import type { AciContractYearTable, DB, IndicatorTable } from '../../db/schema';
import { audit } from '../audit';
import { UserError } from '../errors';
import {
  assertIndicator,
  type Db,
  targetOf,
  toIndicatorRow,
  toMeasureRow,
  toTargetRow,
  traitsOf,
  yearOfIndicator,
} from './rows';

const NOTHING_SAVED = 'Rien n’a été enregistré.';

/**
 * The form field a problem of `validateTarget` is about: `tiers.<index>.threshold|amountCents|rank` for a tier's
 * (« Palier 2 (intermédiaire) : le seuil… »), otherwise the target's own field.
 */
export function targetProblemField(message: string, tiers: readonly { rank: number }[]): string {
  const tier = /^Palier (\d+)\b[^:]*: (.*)$/.exec(message);
  if (tier) {
    const index = tiers.findIndex((candidate) => candidate.rank === Number(tier[1]));
    const detail = tier[2]!;
    const part = detail.startsWith('le seuil') ? 'threshold' : detail.startsWith('le montant') ? 'amountCents' : 'rank';
    return index >= 0 ? `tiers.${index}.${part}` : 'tiers';
  }
  if (message.startsWith('Le montant de l’indicateur')) return 'maxCents';
  if (message.startsWith('Un indicateur oui/non')) return 'paymentRule';
  if (/palier/i.test(message)) return 'tiers';
  if (message.includes('valeur initiale') && !message.startsWith('La cible')) return 'paymentRule';
  return 'targetValue';
}

/** Every problem of a target by field (the first message of each field), empty when it is valid. */
export function targetProblems(
  data: Pick<TargetData, 'paymentRule' | 'targetValue' | 'maxCents' | 'tiers'>,
  indicator: Selectable<IndicatorTable>,
): { messages: string[]; fields: Record<string, string> } {
  const maxCents = data.maxCents ?? (data.paymentRule === 'paliers' ? (topTier(data.tiers)?.amountCents ?? 0) : null);
  const messages: string[] = [];
  const fields: Record<string, string> = {};
  if (maxCents === null) {
    const message = 'Saisissez le montant de l’indicateur (0 € s’il n’est pas rémunéré).';
    messages.push(message);
    fields.maxCents = message;
  }
  const target = targetOf({ ...data, maxCents: maxCents ?? 0 });
  const row = toIndicatorRow(indicator, { ficheTitle: null, measureCount: 0 });
  for (const message of validateTarget(target, traitsOf(row))) {
    messages.push(message);
    const field = targetProblemField(message, data.tiers);
    fields[field] ??= message;
  }
  return { messages, fields };
}

/** Last year's result of the same indicator, null when it had no target then. */
async function previousResult(
  db: Db,
  indicator: Selectable<IndicatorTable>,
  year: Selectable<AciContractYearTable>,
): Promise<{ targetId: number; result: CarryOverResult } | null> {
  const previous = await db
    .selectFrom('indicator_target as t')
    .innerJoin('aci_contract_year as y', 'y.id', 't.contract_year_id')
    .selectAll('t')
    .select('y.year_index')
    .where('t.indicator_id', '=', indicator.id)
    .where('y.contract_id', '=', year.contract_id)
    .where('y.year_index', '=', year.year_index - 1)
    .executeTakeFirst();
  if (!previous) return null;
  const [tiers, measures] = await Promise.all([
    db.selectFrom('indicator_tier').selectAll().where('target_id', '=', previous.id).execute(),
    db
      .selectFrom('indicator_measure')
      .selectAll()
      .where('indicator_id', '=', indicator.id)
      .where('contract_year_id', '=', previous.contract_year_id)
      .execute(),
  ]);
  const target = toTargetRow(previous, previous.year_index, tiers);
  const measure = selectMeasure(measures.map((m) => toMeasureRow(m, previous.year_index)));
  const traits = traitsOf(toIndicatorRow(indicator, { ficheTitle: null, measureCount: 0 }));
  return { targetId: previous.id, result: evaluateTarget(targetOf(target), traits, measure?.value ?? null) };
}

/** Creates or replaces the target of an indicator for a contract year, with its tiers. */
export async function saveTarget(db: Kysely<DB>, data: TargetData): Promise<TargetRow> {
  return db.transaction().execute(async (trx) => {
    const indicator = await assertIndicator(trx, data.indicatorId);
    const year = await yearOfIndicator(trx, indicator, data.contractYearId);
    const { messages, fields } = targetProblems(data, indicator);
    let carriedOverFromId: number | null = null;
    if (data.carryOver) {
      const previous = await previousResult(trx, indicator, year);
      const problem = validateCarryOver(previous?.result ?? null);
      if (problem) {
        messages.push(problem);
        fields.carryOver = problem;
      } else carriedOverFromId = previous!.targetId;
    }
    if (messages.length) throw new UserError('invalid_input', `${messages.join(' ')} ${NOTHING_SAVED}`, fields);

    const maxCents = data.maxCents ?? topTier(data.tiers)?.amountCents ?? 0;
    const tiers = data.paymentRule === 'paliers' ? data.tiers : [];
    const values = {
      payment_rule: data.paymentRule,
      // For paliers the top tier's threshold is the cible; a value typed beside the tiers would contradict them.
      target_value: data.paymentRule === 'paliers' ? (topTier(tiers)?.threshold ?? null) : data.targetValue,
      max_cents: maxCents,
      carried_over_from_id: carriedOverFromId,
      note: data.note,
    };
    const existing = await trx
      .selectFrom('indicator_target')
      .select('id')
      .where('indicator_id', '=', indicator.id)
      .where('contract_year_id', '=', year.id)
      .executeTakeFirst();
    let id: number;
    if (existing) {
      id = existing.id;
      await trx.updateTable('indicator_target').set(values).where('id', '=', id).execute();
      await trx.deleteFrom('indicator_tier').where('target_id', '=', id).execute();
    } else {
      id = (
        await trx
          .insertInto('indicator_target')
          .values({ ...values, indicator_id: indicator.id, contract_year_id: year.id })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    }
    const tierRecords = tiers.map((tier) => ({
      rank: tier.rank,
      label: tier.label || null,
      threshold: tier.threshold,
      amount_cents: tier.amountCents,
    }));
    if (tierRecords.length) {
      await trx
        .insertInto('indicator_tier')
        .values(tierRecords.map((tier) => ({ ...tier, target_id: id })))
        .execute();
    }
    await audit(trx, existing ? 'update' : 'create', 'indicator_target', String(id), `année ${year.year_index}`);
    const row = await trx.selectFrom('indicator_target').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return toTargetRow(row, year.year_index, tierRecords);
  });
}

/** Removes a target and its tiers; refused while the year has measures of the indicator (they need a target). */
export async function deleteTarget(db: Kysely<DB>, id: number): Promise<{ deleted: true }> {
  await db.transaction().execute(async (trx) => {
    const target = await trx.selectFrom('indicator_target').selectAll().where('id', '=', id).executeTakeFirst();
    if (!target) throw new UserError('not_found', 'Cette cible n’existe pas ou plus.');
    const measures = await trx
      .selectFrom('indicator_measure')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('indicator_id', '=', target.indicator_id)
      .where('contract_year_id', '=', target.contract_year_id)
      .executeTakeFirstOrThrow();
    if (Number(measures.n) > 0) {
      throw new UserError(
        'conflict',
        `Des mesures sont saisies pour cette cible (${Number(measures.n)}) : supprimez-les d’abord, une mesure a besoin de sa cible. ${NOTHING_SAVED}`,
      );
    }
    await trx.deleteFrom('indicator_target').where('id', '=', id).execute();
    await audit(trx, 'delete', 'indicator_target', String(id), null);
  });
  return { deleted: true };
}
