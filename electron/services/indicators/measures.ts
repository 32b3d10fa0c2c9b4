/**
 * Measures of an indicator for a contract year: value, period, date, source, status (brouillon, déclaré, validé par
 * la CPAM), comment. A measure needs the year's target, a value of the indicator's type and dates inside the year.
 */
import type { Kysely, Selectable } from 'kysely';
import type { MeasureData, MeasureRow } from '@shared/contract';
import { formatIndicatorValue } from '@shared/domain/aci/attainment';
import { formatDateLong } from '@shared/format';
import type { AciContractYearTable, DB, IndicatorTable } from '../../db/schema';
import { audit } from '../audit';
import { UserError } from '../errors';
import { assertIndicator, type Db, indicatorName, toMeasureRow, yearOfIndicator } from './rows';

/** The French problem of a value for an indicator's value type, null when it fits. */
export function valueProblem(valueType: Selectable<IndicatorTable>['value_type'], value: number): string | null {
  switch (valueType) {
    case 'oui_non':
      return value === 0 || value === 1 ? null : 'Un indicateur oui/non vaut oui (1) ou non (0).';
    case 'taux':
      return value >= 0 && value <= 100 ? null : 'Un taux est un pourcentage entre 0 et 100.';
    case 'nombre':
      return value >= 0 ? null : 'Un nombre mesuré ne peut pas être négatif.';
    case 'delai':
      return value >= 0 ? null : 'Un délai ne peut pas être négatif.';
  }
}

/** Refuses a measure for a year without a target, or whose value does not fit the indicator's type. */
export async function assertMeasurable(
  db: Db,
  indicator: Selectable<IndicatorTable>,
  year: Selectable<AciContractYearTable>,
  value: number,
): Promise<void> {
  const target = await db
    .selectFrom('indicator_target')
    .select('id')
    .where('indicator_id', '=', indicator.id)
    .where('contract_year_id', '=', year.id)
    .executeTakeFirst();
  if (!target) {
    throw new UserError(
      'invalid_input',
      `Aucune cible n’est fixée pour ${indicatorName(indicator)} en année ${year.year_index} : fixez d’abord la cible.`,
      { contractYearId: 'Pas de cible pour cette année.' },
    );
  }
  const problem = valueProblem(indicator.value_type, value);
  if (problem) {
    throw new UserError('invalid_input', `${problem} Rien n’a été enregistré.`, { value: problem });
  }
}

/** Period and measure date inside the contract year (a measure may be taken after the year ends, not before it starts). */
function dateProblems(data: MeasureData, year: Selectable<AciContractYearTable>): Record<string, string> {
  const fields: Record<string, string> = {};
  const span = `l’année ${year.year_index} du contrat (du ${formatDateLong(year.start_on)} au ${formatDateLong(year.end_on)})`;
  for (const key of ['periodStart', 'periodEnd'] as const) {
    const date = data[key];
    if (date !== null && (date < year.start_on || date > year.end_on)) {
      fields[key] = `La période mesurée doit être dans ${span}.`;
    }
  }
  if (data.periodStart !== null && data.periodEnd !== null && data.periodEnd < data.periodStart && !fields.periodEnd) {
    fields.periodEnd = 'La fin de la période ne peut pas précéder son début.';
  }
  if (data.measuredOn < year.start_on) {
    fields.measuredOn = `Une mesure ne peut pas être datée d’avant le début de ${span}.`;
  }
  return fields;
}

/** Creates or updates a measure (with `id`); returns it. */
export async function saveMeasure(db: Kysely<DB>, data: MeasureData): Promise<MeasureRow> {
  return db.transaction().execute(async (trx) => {
    const indicator = await assertIndicator(trx, data.indicatorId);
    const year = await yearOfIndicator(trx, indicator, data.contractYearId);
    await assertMeasurable(trx, indicator, year, data.value);
    const fields = dateProblems(data, year);
    if (Object.keys(fields).length) {
      throw new UserError('invalid_input', `${Object.values(fields).join(' ')} Rien n’a été enregistré.`, fields);
    }
    const values = {
      indicator_id: indicator.id,
      contract_year_id: year.id,
      value: data.value,
      period_start: data.periodStart,
      period_end: data.periodEnd,
      measured_on: data.measuredOn,
      source: data.source,
      status: data.status,
      comment: data.comment,
    };
    let id: number;
    if (data.id === null) {
      id = (await trx.insertInto('indicator_measure').values(values).returning('id').executeTakeFirstOrThrow()).id;
    } else {
      const existing = await trx
        .selectFrom('indicator_measure')
        .select(['id', 'indicator_id', 'value', 'computed_from'])
        .where('id', '=', data.id)
        .executeTakeFirst();
      if (!existing || existing.indicator_id !== indicator.id) {
        throw new UserError('not_found', 'Cette mesure n’existe pas ou plus.');
      }
      // A frozen value keeps its explanation only while its value is the one Maillage computed.
      const computedFrom = existing.value === data.value ? existing.computed_from : null;
      await trx
        .updateTable('indicator_measure')
        .set({ ...values, computed_from: computedFrom })
        .where('id', '=', data.id)
        .execute();
      id = data.id;
    }
    await audit(
      trx,
      data.id === null ? 'create' : 'update',
      'indicator_measure',
      String(id),
      `${data.status} ${formatIndicatorValue(indicator.value_type, data.value)}`,
    );
    const row = await trx.selectFrom('indicator_measure').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return toMeasureRow(row, year.year_index);
  });
}

export async function deleteMeasure(db: Kysely<DB>, id: number): Promise<{ deleted: true }> {
  await db.transaction().execute(async (trx) => {
    const { numDeletedRows } = await trx.deleteFrom('indicator_measure').where('id', '=', id).executeTakeFirst();
    if (Number(numDeletedRows) === 0) throw new UserError('not_found', 'Cette mesure n’existe pas ou plus.');
    await audit(trx, 'delete', 'indicator_measure', String(id), null);
  });
  return { deleted: true };
}
