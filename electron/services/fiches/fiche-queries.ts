/**
 * Fiches actions as the screens read them: the filtered list, and one fiche with everything about it (communes,
 * people, partners, milestones, budget, meetings and their decisions, indicators, documents).
 */
import type { Selectable } from 'kysely';
import type { FicheData, FicheDetail, FicheFilters, FicheListRow, FicheMilestoneRow } from '@shared/contract';
import { ACI_MISSIONS } from '@shared/domain/aci';
import { cptsRoleLabel, ficheStatusLabel, fundingSourceLabel, type FundingSource } from '@shared/domain/fiche-labels';
import { meetingTypeLabel } from '@shared/domain/meetings';
import { formatDateLong } from '@shared/format';
import { searchKey } from '@shared/text';
import type { FicheActionMilestoneTable, FicheActionTable } from '../../db/schema';
import { UserError } from '../errors';
import { displayNameOf, isActive } from '../members';
import { linkedDocuments } from './documents';
import { communeName, type Db } from './guards';
import { partnershipLabel } from './partnerships';

/** The label of a mission code (the wording of the latest version of the accord that sets it). */
export function missionLabelOf(code: string | null): string | null {
  if (!code) return null;
  const missions = ACI_MISSIONS.filter((mission) => mission.code === code);
  return missions[missions.length - 1]?.label ?? code;
}

type FicheRow = Selectable<FicheActionTable> & {
  partnership_type: string | null;
  partnership_partner: string | null;
  partnership_title: string | null;
  pilot_kind: 'person' | 'structure' | null;
  pilot_last_name: string | null;
  pilot_first_name: string | null;
  pilot_structure_name: string | null;
  pilot_erased_at: string | null;
  pilot_left_on: string | null;
};

function ficheQuery(db: Db) {
  return db
    .selectFrom('fiche_action')
    .leftJoin('partnership', 'partnership.id', 'fiche_action.partnership_id')
    .leftJoin('member', 'member.id', 'fiche_action.pilot_member_id')
    .selectAll('fiche_action')
    .select([
      'partnership.type as partnership_type',
      'partnership.partner as partnership_partner',
      'partnership.title as partnership_title',
      'member.kind as pilot_kind',
      'member.last_name as pilot_last_name',
      'member.first_name as pilot_first_name',
      'member.structure_name as pilot_structure_name',
      'member.erased_at as pilot_erased_at',
      'member.left_on as pilot_left_on',
    ]);
}

function milestoneRow(row: Selectable<FicheActionMilestoneTable>, today: string): FicheMilestoneRow {
  return {
    id: row.id,
    label: row.label,
    dueOn: row.due_on,
    doneOn: row.done_on,
    note: row.note,
    late: !row.done_on && Boolean(row.due_on && row.due_on < today),
  };
}

function listRow(row: FicheRow, milestones: FicheMilestoneRow[], indicatorCount: number): FicheListRow {
  const done = milestones
    .filter((milestone) => milestone.doneOn)
    .sort((a, b) => (a.doneOn! < b.doneOn! ? -1 : a.doneOn! > b.doneOn! ? 1 : 0));
  const pending = milestones
    .filter((milestone) => !milestone.doneOn && milestone.dueOn)
    .sort((a, b) => (a.dueOn! < b.dueOn! ? -1 : a.dueOn! > b.dueOn! ? 1 : 0));
  const lastDone = done[done.length - 1];
  const nextDue = pending[0];
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    axis: row.axis,
    missionCode: row.mission_code,
    missionLabel: missionLabelOf(row.mission_code),
    partnershipId: row.partnership_id,
    partnershipLabel:
      row.partnership_type && row.partnership_partner
        ? partnershipLabel({
            type: row.partnership_type,
            partner: row.partnership_partner,
            title: row.partnership_title,
          })
        : null,
    externalRef: row.external_ref,
    cptsRole: row.cpts_role,
    cptsRoleLabel: cptsRoleLabel(row.cpts_role),
    porteurOrg: row.porteur_org,
    status: row.status,
    statusLabel: ficheStatusLabel(row.status),
    pilot: row.pilot_kind
      ? displayNameOf({
          kind: row.pilot_kind,
          last_name: row.pilot_last_name,
          first_name: row.pilot_first_name,
          structure_name: row.pilot_structure_name,
          erased_at: row.pilot_erased_at,
        })
      : null,
    lastDone: lastDone ? { label: lastDone.label, doneOn: lastDone.doneOn! } : null,
    nextDue: nextDue ? { label: nextDue.label, dueOn: nextDue.dueOn!, late: nextDue.late } : null,
    indicatorCount,
  };
}

const byCodeThenTitle = (a: FicheListRow, b: FicheListRow) =>
  (a.code === null ? 1 : 0) - (b.code === null ? 1 : 0) ||
  (a.code ?? '').localeCompare(b.code ?? '', 'fr', { numeric: true }) ||
  a.title.localeCompare(b.title, 'fr');

async function milestonesOf(db: Db, ficheIds: number[], today: string): Promise<Map<number, FicheMilestoneRow[]>> {
  const byFiche = new Map<number, FicheMilestoneRow[]>();
  if (!ficheIds.length) return byFiche;
  const rows = await db
    .selectFrom('fiche_action_milestone')
    .selectAll()
    .where('fiche_id', 'in', ficheIds)
    .orderBy((eb) => eb.fn.coalesce('done_on', 'due_on'))
    .orderBy('id')
    .execute();
  for (const row of rows) {
    const list = byFiche.get(row.fiche_id) ?? [];
    list.push(milestoneRow(row, today));
    byFiche.set(row.fiche_id, list);
  }
  return byFiche;
}

async function indicatorCounts(db: Db, ficheIds: number[]): Promise<Map<number, number>> {
  if (!ficheIds.length) return new Map();
  const rows = await db
    .selectFrom('indicator')
    .select(['fiche_id', (eb) => eb.fn.countAll<number>().as('count')])
    .where('fiche_id', 'in', ficheIds)
    .where('archived_at', 'is', null)
    .groupBy('fiche_id')
    .execute();
  return new Map(rows.map((row) => [row.fiche_id!, Number(row.count)]));
}

/** The fiches matching the filters (all of them without), by code then title. */
export async function listFiches(db: Db, filters: FicheFilters, today: string): Promise<FicheListRow[]> {
  const rows = (await ficheQuery(db)
    .$if(Boolean(filters.missionCode), (qb) => qb.where('fiche_action.mission_code', '=', filters.missionCode!))
    .$if(Boolean(filters.status), (qb) => qb.where('fiche_action.status', '=', filters.status!))
    .$if(Boolean(filters.cptsRole), (qb) => qb.where('fiche_action.cpts_role', '=', filters.cptsRole!))
    .$if(Boolean(filters.partnershipId), (qb) => qb.where('fiche_action.partnership_id', '=', filters.partnershipId!))
    .execute()) as FicheRow[];
  const words = filters.search ? searchKey(filters.search).split(' ').filter(Boolean) : [];
  const matching = words.length
    ? rows.filter((row) => {
        const key = ` ${searchKey(
          [
            row.code,
            row.title,
            row.axis,
            row.external_ref,
            row.porteur_org,
            row.partnership_partner,
            row.partnership_title,
          ]
            .filter(Boolean)
            .join(' '),
        )}`;
        return words.every((word) => key.includes(` ${word}`));
      })
    : rows;
  const ids = matching.map((row) => row.id);
  const [milestones, indicators] = await Promise.all([milestonesOf(db, ids, today), indicatorCounts(db, ids)]);
  return matching
    .map((row) => listRow(row, milestones.get(row.id) ?? [], indicators.get(row.id) ?? 0))
    .sort(byCodeThenTitle);
}

/** One fiche with everything about it. */
export async function getFiche(db: Db, id: number, today: string): Promise<FicheDetail> {
  const row = (await ficheQuery(db).where('fiche_action.id', '=', id).executeTakeFirst()) as FicheRow | undefined;
  if (!row) throw new UserError('not_found', 'Cette fiche action n’existe plus.');
  const [milestoneMap, communes, referents, partners, budget, meetings, indicators, documents] = await Promise.all([
    milestonesOf(db, [id], today),
    db.selectFrom('fiche_action_commune').select('code_insee').where('fiche_id', '=', id).execute(),
    db
      .selectFrom('fiche_action_member')
      .innerJoin('member', 'member.id', 'fiche_action_member.member_id')
      .select([
        'fiche_action_member.member_id',
        'fiche_action_member.role',
        'member.kind',
        'member.last_name',
        'member.first_name',
        'member.structure_name',
        'member.erased_at',
        'member.left_on',
      ])
      .where('fiche_action_member.fiche_id', '=', id)
      .orderBy('member.last_name')
      .orderBy('member.first_name')
      .execute(),
    db
      .selectFrom('fiche_action_partner')
      .select(['organisation', 'role'])
      .where('fiche_id', '=', id)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('fiche_action_budget')
      .selectAll()
      .where('fiche_id', '=', id)
      .orderBy('year')
      .orderBy('source')
      .execute(),
    db
      .selectFrom('fiche_action_meeting')
      .innerJoin('meeting', 'meeting.id', 'fiche_action_meeting.meeting_id')
      .select(['meeting.id', 'meeting.title', 'meeting.date', 'meeting.type', 'meeting.status'])
      .where('fiche_action_meeting.fiche_id', '=', id)
      .orderBy('meeting.date', 'desc')
      .execute(),
    db
      .selectFrom('indicator')
      .select(['id', 'code', 'label', 'mission_code'])
      .where('fiche_id', '=', id)
      .where('archived_at', 'is', null)
      .orderBy('mission_code')
      .orderBy('position')
      .orderBy('id')
      .execute(),
    linkedDocuments(db, { ficheId: id }),
  ]);
  const milestones = milestoneMap.get(id) ?? [];
  const decisions = meetings.length
    ? await db
        .selectFrom('decision')
        .leftJoin('member', 'member.id', 'decision.owner_member_id')
        .select([
          'decision.id',
          'decision.meeting_id',
          'decision.text',
          'decision.owner_label',
          'decision.due_on',
          'decision.status',
          'decision.done_on',
          'member.kind',
          'member.last_name',
          'member.first_name',
          'member.structure_name',
          'member.erased_at',
        ])
        .where(
          'decision.meeting_id',
          'in',
          meetings.map((meeting) => meeting.id),
        )
        .orderBy('decision.id')
        .execute()
    : [];

  const budgetRows = budget.map((line) => ({
    year: line.year,
    source: line.source,
    sourceLabel: fundingSourceLabel(line.source),
    plannedCents: line.planned_cents,
    actualCents: line.actual_cents,
  }));
  const years = [...new Set(budgetRows.map((line) => line.year))];
  const budgetByYear = years.map((year) => {
    const lines = budgetRows.filter((line) => line.year === year);
    return {
      year,
      plannedCents: lines.reduce((sum, line) => sum + (line.plannedCents ?? 0), 0),
      actualCents: lines.reduce((sum, line) => sum + (line.actualCents ?? 0), 0),
    };
  });

  const referentRows = referents.map((referent) => ({
    memberId: referent.member_id,
    name: displayNameOf(referent),
    role: referent.role,
    active: !referent.erased_at && isActive(referent.left_on, today),
  }));

  const warnings: string[] = [];
  const list = listRow(row, milestones, indicators.length);
  if (row.pilot_member_id && (row.pilot_erased_at || !isActive(row.pilot_left_on, today)))
    warnings.push(`Le pilote de la fiche (${list.pilot}) n’est plus membre de la CPTS : désignez-en un autre.`);
  for (const referent of referentRows.filter((entry) => !entry.active))
    warnings.push(`${referent.name} n’est plus membre de la CPTS : retirez-le des référents ou remplacez-le.`);
  for (const milestone of milestones.filter((entry) => entry.late))
    warnings.push(`Étape en retard : « ${milestone.label} », prévue le ${formatDateLong(milestone.dueOn)}.`);
  if ((row.status === 'deployee' || row.status === 'realisee') && !milestones.some((entry) => entry.doneOn))
    warnings.push(
      `La fiche est « ${list.statusLabel.toLocaleLowerCase('fr-FR')} » sans étape datée : notez depuis quand (une étape faite le…).`,
    );

  const data: FicheData = {
    code: row.code,
    title: row.title,
    axis: row.axis,
    missionCode: row.mission_code,
    partnershipId: row.partnership_id,
    externalRef: row.external_ref,
    cptsRole: row.cpts_role,
    porteurOrg: row.porteur_org,
    context: row.context,
    generalObjective: row.general_objective,
    operationalObjectives: row.operational_objectives ? row.operational_objectives.split('\n') : [],
    description: row.description,
    targetPublic: row.target_public,
    communes: communes.map((commune) => commune.code_insee),
    pilotMemberId: row.pilot_member_id,
    referents: referentRows.map((referent) => ({ memberId: referent.memberId, role: referent.role })),
    partners: partners.map((partner) => ({ organisation: partner.organisation, role: partner.role })),
    status: row.status,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    milestones: milestones.map((milestone) => ({
      label: milestone.label,
      dueOn: milestone.dueOn,
      doneOn: milestone.doneOn,
      note: milestone.note,
    })),
    budget: budgetRows.map((line) => ({
      year: line.year,
      source: line.source as FundingSource,
      plannedCents: line.plannedCents,
      actualCents: line.actualCents,
    })),
    difficulties: row.difficulties,
    nextSteps: row.next_steps,
    meetingIds: meetings.map((meeting) => meeting.id),
  };

  return {
    ...list,
    data,
    communes: communes
      .map((commune) => ({ codeInsee: commune.code_insee, name: communeName(commune.code_insee) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
    pilotMemberId: row.pilot_member_id,
    referents: referentRows,
    partners: data.partners,
    milestones,
    budget: budgetRows,
    budgetByYear,
    meetings: meetings.map((meeting) => ({
      id: meeting.id,
      title: meeting.title,
      date: meeting.date,
      typeLabel: meetingTypeLabel(meeting.type),
      status: meeting.status,
      decisions: decisions
        .filter((decision) => decision.meeting_id === meeting.id)
        .map((decision) => ({
          id: decision.id,
          text: decision.text,
          owner: decision.kind ? displayNameOf({ ...decision, kind: decision.kind }) : decision.owner_label,
          dueOn: decision.due_on,
          status: decision.status,
          doneOn: decision.done_on,
        })),
    })),
    indicators: indicators.map((indicator) => ({
      id: indicator.id,
      code: indicator.code,
      label: indicator.label,
      missionCode: indicator.mission_code,
      missionLabel: missionLabelOf(indicator.mission_code) ?? indicator.mission_code,
    })),
    documents,
    warnings,
  };
}
