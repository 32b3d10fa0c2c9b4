/**
 * The evidence checklist of a contract year: every requirement of the contract's indicators and of the fiches actions
 * with what was provided for the year, mission by mission; and what is still missing before the dialogue de gestion.
 */
import type { Kysely } from 'kysely';
import type { EvidenceChecklistRow, EvidenceRow, FicheChecklistRow, IndicatorChecklistRow } from '@shared/contract';
import type { AciMissionCode } from '@shared/domain/aci';
import type { DB } from '../../db/schema';
import { evidenceQuery, toEvidenceRow } from './evidence';
import { missionRank } from './missions';
import { assertContractYear } from './rows';

/** Fiches without a mission come after every mission. */
const rankOf = (code: AciMissionCode | null): number => (code === null ? Number.MAX_SAFE_INTEGER : missionRank(code));
const byCode = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });

/**
 * Every requirement of the contract's current indicators (and of archived ones with a target this year) and of the
 * fiches actions (an abandoned fiche only when something was provided for it this year), with the evidence provided
 * for the year; per mission, the indicators by position then the fiches by code. `missing` when it is required and
 * nothing is provided.
 */
export async function evidenceChecklist(db: Kysely<DB>, contractYearId: number): Promise<EvidenceChecklistRow[]> {
  const year = await assertContractYear(db, contractYearId);
  const [indicatorRequirements, ficheRequirements, evidence] = await Promise.all([
    db
      .selectFrom('evidence_requirement as q')
      .innerJoin('indicator as i', 'i.id', 'q.indicator_id')
      .leftJoin('indicator_target as t', (join) =>
        join.onRef('t.indicator_id', '=', 'i.id').on('t.contract_year_id', '=', contractYearId),
      )
      .select([
        'q.id',
        'q.label',
        'q.required',
        'i.id as indicator_id',
        'i.code',
        'i.label as indicator_label',
        'i.mission_code',
        'i.position',
      ])
      .where('i.contract_id', '=', year.contract_id)
      .where((eb) => eb.or([eb('i.archived_at', 'is', null), eb('t.id', 'is not', null)]))
      .execute(),
    db
      .selectFrom('evidence_requirement as q')
      .innerJoin('fiche_action as f', 'f.id', 'q.fiche_id')
      .select(['q.id', 'q.label', 'q.required', 'f.id as fiche_id', 'f.code', 'f.title', 'f.mission_code'])
      .where((eb) =>
        eb.or([
          eb('f.status', '!=', 'abandonnee'),
          eb.exists(
            eb
              .selectFrom('evidence as v')
              .select('v.id')
              .whereRef('v.requirement_id', '=', 'q.id')
              .where('v.contract_year_id', '=', contractYearId),
          ),
        ]),
      )
      .execute(),
    evidenceQuery(db).where('evidence.contract_year_id', '=', contractYearId).orderBy('evidence.id').execute(),
  ]);
  const byRequirement = new Map<number, EvidenceRow[]>();
  for (const row of evidence) {
    const list = byRequirement.get(row.requirement_id) ?? [];
    list.push(toEvidenceRow(row));
    byRequirement.set(row.requirement_id, list);
  }
  const provided = (requirementId: number, required: number) => {
    const list = byRequirement.get(requirementId) ?? [];
    return { required: required === 1, evidence: list, missing: required === 1 && list.length === 0 };
  };
  const indicators = indicatorRequirements
    .sort(
      (a, b) =>
        missionRank(a.mission_code) - missionRank(b.mission_code) ||
        a.position - b.position ||
        a.indicator_id - b.indicator_id ||
        a.id - b.id,
    )
    .map(
      (row): IndicatorChecklistRow => ({
        requirementId: row.id,
        owner: 'indicator',
        indicatorId: row.indicator_id,
        indicatorCode: row.code,
        indicatorLabel: row.indicator_label,
        missionCode: row.mission_code,
        ficheId: null,
        ficheCode: null,
        ficheTitle: null,
        label: row.label,
        ...provided(row.id, row.required),
      }),
    );
  const fiches = ficheRequirements
    .sort(
      (a, b) =>
        rankOf(a.mission_code) - rankOf(b.mission_code) ||
        Number(a.code === null) - Number(b.code === null) ||
        byCode.compare(a.code ?? '', b.code ?? '') ||
        byCode.compare(a.title, b.title) ||
        a.fiche_id - b.fiche_id ||
        a.id - b.id,
    )
    .map(
      (row): FicheChecklistRow => ({
        requirementId: row.id,
        owner: 'fiche',
        indicatorId: null,
        indicatorCode: null,
        indicatorLabel: null,
        missionCode: row.mission_code,
        ficheId: row.fiche_id,
        ficheCode: row.code,
        ficheTitle: row.title,
        label: row.label,
        ...provided(row.id, row.required),
      }),
    );
  // A stable merge: within a mission, its indicators (already in order) before its fiches.
  const missionOf = (row: EvidenceChecklistRow) => rankOf(row.missionCode);
  const rows: EvidenceChecklistRow[] = [];
  let f = 0;
  for (const row of indicators) {
    while (f < fiches.length && missionOf(fiches[f]!) < missionOf(row)) rows.push(fiches[f++]!);
    rows.push(row);
  }
  return [...rows, ...fiches.slice(f)];
}

/** The required evidence still missing for the year: what to gather before the dialogue de gestion. */
export async function missingEvidence(db: Kysely<DB>, contractYearId: number): Promise<EvidenceChecklistRow[]> {
  return (await evidenceChecklist(db, contractYearId)).filter((row) => row.missing);
}
