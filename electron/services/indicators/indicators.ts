/**
 * Indicators of a contract: created, updated, listed by mission with their fiche action's title, archived
 * (readable, out of the current lists) or deleted (refused while they have measures: archive them instead).
 */
import type { Kysely } from 'kysely';
import type { IndicatorData, IndicatorDetail, IndicatorRow } from '@shared/contract';
import type { AciMissionCode } from '@shared/domain/aci';
import { evaluateTarget, selectMeasure, validateTarget } from '@shared/domain/aci/attainment';
import { pl } from '@shared/format';
import type { DB } from '../../db/schema';
import { audit } from '../audit';
import { removeDocument } from '../documents';
import { UserError } from '../errors';
import { autoMeasureProblem } from './auto-measures';
import { valueProblem } from './measures';
import { missionRank } from './missions';
import { assertIndicator, type Db, targetOf, toIndicatorRow, toMeasureRow, toTargetRow, traitsOf } from './rows';

const NOTHING_SAVED = 'Rien n’a été enregistré.';

function indicatorQuery(db: Db) {
  return db
    .selectFrom('indicator')
    .leftJoin('fiche_action', 'fiche_action.id', 'indicator.fiche_id')
    .selectAll('indicator')
    .select('fiche_action.title as fiche_title')
    .select((eb) =>
      eb
        .selectFrom('indicator_measure')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('indicator_measure.indicator_id', '=', 'indicator.id')
        .as('measure_count'),
    );
}

type IndicatorQueryRow = Awaited<ReturnType<ReturnType<typeof indicatorQuery>['execute']>>[number];

const rowOf = (row: IndicatorQueryRow): IndicatorRow =>
  toIndicatorRow(row, { ficheTitle: row.fiche_title, measureCount: Number(row.measure_count ?? 0) });

const byMission = (a: IndicatorRow, b: IndicatorRow): number =>
  missionRank(a.missionCode) - missionRank(b.missionCode) || a.position - b.position || a.id - b.id;

/** The indicators of a contract (of one mission when given), mission by mission, archived ones only on demand. */
export async function listIndicators(
  db: Kysely<DB>,
  contractId: number,
  options: { missionCode?: AciMissionCode | null; includeArchived?: boolean } = {},
): Promise<IndicatorRow[]> {
  let query = indicatorQuery(db).where('indicator.contract_id', '=', contractId);
  if (options.missionCode) query = query.where('indicator.mission_code', '=', options.missionCode);
  if (!options.includeArchived) query = query.where('indicator.archived_at', 'is', null);
  return (await query.execute()).map(rowOf).sort(byMission);
}

export async function getIndicatorRow(db: Db, id: number): Promise<IndicatorRow> {
  const row = await indicatorQuery(db).where('indicator.id', '=', id).executeTakeFirst();
  if (!row) throw new UserError('not_found', 'Cet indicateur n’existe pas ou plus.');
  return rowOf(row);
}

/** An indicator with its targets and measures of every year (in year order) and the evidence it requires. */
export async function getIndicator(db: Kysely<DB>, id: number): Promise<IndicatorDetail> {
  const indicator = await getIndicatorRow(db, id);
  const [targets, tiers, measures, requirements] = await Promise.all([
    db
      .selectFrom('indicator_target')
      .innerJoin('aci_contract_year', 'aci_contract_year.id', 'indicator_target.contract_year_id')
      .selectAll('indicator_target')
      .select('aci_contract_year.year_index')
      .where('indicator_target.indicator_id', '=', id)
      .orderBy('aci_contract_year.year_index')
      .execute(),
    db
      .selectFrom('indicator_tier')
      .innerJoin('indicator_target', 'indicator_target.id', 'indicator_tier.target_id')
      .selectAll('indicator_tier')
      .where('indicator_target.indicator_id', '=', id)
      .execute(),
    db
      .selectFrom('indicator_measure')
      .innerJoin('aci_contract_year', 'aci_contract_year.id', 'indicator_measure.contract_year_id')
      .selectAll('indicator_measure')
      .select('aci_contract_year.year_index')
      .where('indicator_measure.indicator_id', '=', id)
      .orderBy('aci_contract_year.year_index')
      .orderBy('indicator_measure.measured_on')
      .orderBy('indicator_measure.id')
      .execute(),
    db.selectFrom('evidence_requirement').selectAll().where('indicator_id', '=', id).orderBy('id').execute(),
  ]);
  const targetRows = targets.map((target) =>
    toTargetRow(
      target,
      target.year_index,
      tiers.filter((tier) => tier.target_id === target.id),
    ),
  );
  const measureRows = measures.map((measure) => toMeasureRow(measure, measure.year_index));
  const history = targetRows.map((target) => {
    const measure = selectMeasure(measureRows.filter((row) => row.contractYearId === target.contractYearId));
    return {
      contractYearId: target.contractYearId,
      yearIndex: target.yearIndex,
      target,
      measure,
      result: evaluateTarget(targetOf(target), traitsOf(indicator), measure?.value ?? null),
    };
  });
  return {
    ...indicator,
    targets: targetRows,
    history,
    measures: measureRows,
    requirements: requirements.map((requirement) => ({
      id: requirement.id,
      indicatorId: id,
      label: requirement.label,
      required: requirement.required === 1,
    })),
  };
}

/** Checks what the database cannot: the contract and fiche exist, the automatic measure is known. */
async function assertReferences(db: Db, data: IndicatorData): Promise<void> {
  const contract = await db
    .selectFrom('aci_contract')
    .select('id')
    .where('id', '=', data.contractId)
    .executeTakeFirst();
  if (!contract) {
    throw new UserError('not_found', 'Ce contrat n’existe pas ou plus.', { contractId: 'Contrat introuvable.' });
  }
  if (data.ficheId !== null) {
    const fiche = await db.selectFrom('fiche_action').select('id').where('id', '=', data.ficheId).executeTakeFirst();
    if (!fiche) {
      throw new UserError('not_found', 'Cette fiche action n’existe pas ou plus.', { ficheId: 'Fiche introuvable.' });
    }
  }
  if (data.autoMeasure !== null) {
    const problem = autoMeasureProblem(data.autoMeasure, data.ficheId, data.valueType);
    if (problem) throw new UserError('invalid_input', `${problem} ${NOTHING_SAVED}`, { autoMeasure: problem });
  }
}

function indicatorValues(data: IndicatorData) {
  return {
    mission_code: data.missionCode,
    fiche_id: data.ficheId,
    code: data.code,
    label: data.label,
    kind: data.kind,
    value_type: data.valueType,
    unit: data.unit,
    direction: data.direction,
    definition: data.definition,
    data_source: data.dataSource,
    auto_measure: data.autoMeasure,
    baseline_value: data.baselineValue,
    baseline_on: data.baselineOn,
    baseline_source: data.baselineSource,
  };
}

export async function createIndicator(db: Kysely<DB>, data: IndicatorData): Promise<IndicatorRow> {
  return db.transaction().execute(async (trx) => {
    await assertReferences(trx, data);
    const last = await trx
      .selectFrom('indicator')
      .select((eb) => eb.fn.max('position').as('position'))
      .where('contract_id', '=', data.contractId)
      .where('mission_code', '=', data.missionCode)
      .executeTakeFirst();
    const { id } = await trx
      .insertInto('indicator')
      .values({ ...indicatorValues(data), contract_id: data.contractId, position: (last?.position ?? 0) + 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, 'create', 'indicator', String(id), data.missionCode);
    return getIndicatorRow(trx, id);
  });
}

/**
 * Updates an indicator (its contract does not change). Refused when the new traits make one of its targets invalid
 * (a oui/non indicator paid by tiers, tiers now in the wrong direction…) or a measure's value out of its new type.
 */
export async function updateIndicator(db: Kysely<DB>, id: number, data: IndicatorData): Promise<IndicatorRow> {
  return db.transaction().execute(async (trx) => {
    const existing = await assertIndicator(trx, id);
    if (existing.contract_id !== data.contractId) {
      throw new UserError('invalid_input', 'Un indicateur ne change pas de contrat.', {
        contractId: 'Un indicateur ne change pas de contrat.',
      });
    }
    await assertReferences(trx, data);
    const targets = await trx
      .selectFrom('indicator_target')
      .innerJoin('aci_contract_year', 'aci_contract_year.id', 'indicator_target.contract_year_id')
      .selectAll('indicator_target')
      .select('aci_contract_year.year_index')
      .where('indicator_target.indicator_id', '=', id)
      .orderBy('aci_contract_year.year_index')
      .execute();
    const tiers = targets.length
      ? await trx
          .selectFrom('indicator_tier')
          .selectAll()
          .where(
            'target_id',
            'in',
            targets.map((target) => target.id),
          )
          .execute()
      : [];
    const traits = traitsOf(data);
    for (const target of targets) {
      const row = toTargetRow(
        target,
        target.year_index,
        tiers.filter((tier) => tier.target_id === target.id),
      );
      const problems = validateTarget(targetOf(row), traits);
      if (problems.length) {
        throw new UserError(
          'invalid_input',
          `Avec ces caractéristiques, la cible de l’année ${target.year_index} ne tient plus : ${problems.join(' ')} Modifiez d’abord la cible. ${NOTHING_SAVED}`,
        );
      }
    }
    if (data.valueType !== existing.value_type) {
      const measures = await trx
        .selectFrom('indicator_measure')
        .select('value')
        .where('indicator_id', '=', id)
        .execute();
      const problem = measures.map((measure) => valueProblem(data.valueType, measure.value)).find(Boolean);
      if (problem) {
        throw new UserError(
          'invalid_input',
          `Des mesures déjà saisies ne correspondent pas à ce type de valeur : ${problem} ${NOTHING_SAVED}`,
          { valueType: problem },
        );
      }
    }
    await trx.updateTable('indicator').set(indicatorValues(data)).where('id', '=', id).execute();
    await audit(trx, 'update', 'indicator', String(id), null);
    return getIndicatorRow(trx, id);
  });
}

/**
 * Puts the given indicators of a mission in this order (the order of the tableau de suivi, its PDF and its workbook).
 * The list may be the mission's whole list or the part a screen shows (the indicators of one contract year): the
 * given indicators swap their places among themselves, the others keep theirs. Refused, with nothing written, when
 * an indicator is unknown, listed twice, or belongs to another mission or contract.
 */
export async function reorderIndicators(
  db: Kysely<DB>,
  contractId: number,
  missionCode: AciMissionCode,
  ids: readonly number[],
): Promise<IndicatorRow[]> {
  return db.transaction().execute(async (trx) => {
    if (new Set(ids).size !== ids.length) {
      throw new UserError('invalid_input', `Un indicateur figure deux fois dans le nouvel ordre. ${NOTHING_SAVED}`);
    }
    const mission = (
      await trx
        .selectFrom('indicator')
        .select(['id', 'position'])
        .where('contract_id', '=', contractId)
        .where('mission_code', '=', missionCode)
        .execute()
    ).sort((a, b) => a.position - b.position || a.id - b.id);
    const ofMission = new Set(mission.map((row) => row.id));
    const stranger = ids.find((id) => !ofMission.has(id));
    if (stranger !== undefined) {
      const other = await trx.selectFrom('indicator').select('label').where('id', '=', stranger).executeTakeFirst();
      throw new UserError(
        'invalid_input',
        other
          ? `L’indicateur « ${other.label} » n’appartient pas à cette mission du contrat : il ne peut pas y changer de place. ${NOTHING_SAVED}`
          : `Un indicateur de la liste n’existe pas ou plus. ${NOTHING_SAVED}`,
      );
    }
    const moved = new Set(ids);
    const next = [...ids];
    const order = mission.map((row) => (moved.has(row.id) ? next.shift()! : row.id));
    const positionOf = new Map(mission.map((row) => [row.id, row.position]));
    for (const [index, id] of order.entries()) {
      if (positionOf.get(id) !== index + 1) {
        await trx
          .updateTable('indicator')
          .set({ position: index + 1 })
          .where('id', '=', id)
          .execute();
      }
    }
    await audit(trx, 'reorder', 'indicator', null, missionCode);
    return listIndicators(trx, contractId, { missionCode, includeArchived: true });
  });
}

/** Archives an indicator (kept, readable, out of the current lists) or brings it back. */
export async function archiveIndicator(
  db: Kysely<DB>,
  id: number,
  archived: boolean,
  now: string,
): Promise<IndicatorRow> {
  return db.transaction().execute(async (trx) => {
    await assertIndicator(trx, id);
    await trx
      .updateTable('indicator')
      .set({ archived_at: archived ? now : null })
      .where('id', '=', id)
      .execute();
    await audit(trx, archived ? 'archive' : 'unarchive', 'indicator', String(id), null);
    return getIndicatorRow(trx, id);
  });
}

/**
 * Deletes an indicator with its targets, requirements and evidence (and the evidence files kept by Maillage).
 * Refused while it has measures: they are the history of the contract, the indicator is archived instead.
 */
export async function deleteIndicator(db: Kysely<DB>, id: number, documentsDir: string): Promise<{ deleted: true }> {
  const documentIds = await db.transaction().execute(async (trx) => {
    const indicator = await assertIndicator(trx, id);
    const measures = await trx
      .selectFrom('indicator_measure')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('indicator_id', '=', id)
      .executeTakeFirstOrThrow();
    const count = Number(measures.n);
    if (count > 0) {
      throw new UserError(
        'conflict',
        `L’indicateur « ${indicator.label} » a ${count} ${pl(count, 'mesure', 'mesures')} : le supprimer ${pl(count, 'l’effacerait', 'les effacerait')}. Archivez-le plutôt : il restera lisible, hors des listes en cours. ${NOTHING_SAVED}`,
      );
    }
    const documents = await trx
      .selectFrom('evidence')
      .innerJoin('evidence_requirement', 'evidence_requirement.id', 'evidence.requirement_id')
      .select('evidence.document_id')
      .where('evidence_requirement.indicator_id', '=', id)
      .where('evidence.document_id', 'is not', null)
      .execute();
    await trx.deleteFrom('indicator').where('id', '=', id).execute();
    await audit(trx, 'delete', 'indicator', String(id), null);
    return documents.map((document) => document.document_id!);
  });
  for (const documentId of new Set(documentIds)) await removeDocument(db, documentId, documentsDir);
  return { deleted: true };
}
