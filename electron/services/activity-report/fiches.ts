/** The fiches actions of the report's year (budget, milestones as on 31 December) and the evidence lines of a mission. */
import type { Kysely } from 'kysely';
import type { FicheListRow } from '@shared/contract';
import type { EvidenceChecklistRow } from '@shared/contract';
import type { MissionEvidence, MissionFiche } from '@shared/reports/activity-report';
import type { DB } from '../../db/schema';
import { listFiches } from '../fiches';

type Db = Kysely<DB>;

/** Fiches of the year with their budget for it (one grouped query), by id. */
export async function fichesOfYear(db: Db, year: number, asOf: string) {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const [rows, dates, budgets] = await Promise.all([
    listFiches(db, {}, asOf),
    db.selectFrom('fiche_action').select(['id', 'starts_on', 'ends_on']).execute(),
    db
      .selectFrom('fiche_action_budget')
      .select((eb) => [
        'fiche_id',
        eb.fn.coalesce(eb.fn.sum<number>('planned_cents'), eb.val(0)).as('planned'),
        eb.fn.coalesce(eb.fn.sum<number>('actual_cents'), eb.val(0)).as('spent'),
      ])
      .where('year', '=', year)
      .groupBy('fiche_id')
      .execute(),
  ]);
  const milestones = await milestonesAsOf(
    db,
    rows.map((row) => row.id),
    asOf,
  );
  const dateOf = new Map(dates.map((row) => [row.id, row]));
  const budgetOf = new Map(
    budgets.map((row) => [row.fiche_id, { planned: Number(row.planned), spent: Number(row.spent) }]),
  );
  const fiches = rows.filter((row) => {
    const dated = dateOf.get(row.id);
    const overlaps = (!dated?.starts_on || dated.starts_on <= end) && (!dated?.ends_on || dated.ends_on >= start);
    return overlaps || budgetOf.has(row.id);
  });
  return { fiches, budgetOf, milestones };
}

export type MilestonesAsOf = Map<number, Pick<MissionFiche, 'lastDone' | 'nextDue'>>;

/**
 * The last milestone done and the next one due as they stood on `asOf` (31 December, today for the current year),
 * not today: a report on a past year does not show what was done after it. One query for every fiche.
 */
export async function milestonesAsOf(db: Db, ficheIds: readonly number[], asOf: string): Promise<MilestonesAsOf> {
  const result: MilestonesAsOf = new Map();
  if (ficheIds.length === 0) return result;
  const rows = await db
    .selectFrom('fiche_action_milestone')
    .select(['fiche_id', 'label', 'due_on', 'done_on'])
    .where('fiche_id', 'in', [...ficheIds])
    .orderBy('id')
    .execute();
  for (const row of rows) {
    const entry = result.get(row.fiche_id) ?? { lastDone: null, nextDue: null };
    if (row.done_on && row.done_on <= asOf) {
      if (!entry.lastDone || row.done_on >= entry.lastDone.doneOn)
        entry.lastDone = { label: row.label, doneOn: row.done_on };
    } else if (row.due_on && (!entry.nextDue || row.due_on < entry.nextDue.dueOn)) {
      entry.nextDue = { label: row.label, dueOn: row.due_on, late: row.due_on < asOf };
    }
    result.set(row.fiche_id, entry);
  }
  return result;
}

export function missionFiche(
  row: FicheListRow,
  budget: { planned: number; spent: number } | undefined,
  milestones: MilestonesAsOf,
): MissionFiche {
  const asOf = milestones.get(row.id);
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    statusLabel: row.statusLabel,
    cptsRoleLabel: row.cptsRoleLabel,
    porteur: row.cptsRole !== 'porteur' ? row.porteurOrg : null,
    lastDone: asOf?.lastDone ?? null,
    nextDue: asOf?.nextDue ?? null,
    budgetPlannedCents: budget?.planned ?? 0,
    budgetSpentCents: budget?.spent ?? 0,
  };
}

export function evidenceLine(row: EvidenceChecklistRow): MissionEvidence {
  const dates = row.evidence
    .map((evidence) => evidence.providedOn)
    .filter((date): date is string => date !== null)
    .sort();
  return {
    label: row.label,
    forLabel:
      row.owner === 'indicator'
        ? [row.indicatorCode, row.indicatorLabel].filter(Boolean).join(' — ')
        : [row.ficheCode, row.ficheTitle].filter(Boolean).join(' — '),
    provided: row.evidence.length > 0,
    providedOn: dates[dates.length - 1] ?? null,
  };
}
