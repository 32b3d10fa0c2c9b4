/**
 * The draft of a contract's renewal dossier (`report_draft` of kind « renouvellement »): the coordinator's texts, the
 * sections printed, the AG or CA deliberation, and the indicator annex proposed for the next contract. Nothing is
 * stored until the first save; a refused write leaves the database as it was.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type {
  RenewalDraft,
  RenewalDraftData,
  RenewalMeetingChoice,
  RenewalProposal,
  RenewalProposalData,
  RenewalSectionData,
} from '@shared/contract/renewal';
import { ACI_MISSIONS, type AciMissionCode } from '@shared/domain/aci';
import { meetingTypeLabel } from '@shared/domain/meetings';
import { RENEWAL_SECTIONS } from '@shared/domain/report-labels';
import { targetText } from '@shared/reports/indicators-tracking';
import type { DB } from '../../db/schema';
import { assertContract } from '../contract/guards';
import { UserError } from '../errors';
import { trackingTable } from '../indicators/results';

type Db = Kysely<DB> | Transaction<DB>;

const now = sql<string>`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/** The meetings that can deliberate on the renewal: an AG (through a resolution) or a CA (through a decision). */
export const AG_TYPES = ['ago', 'age'] as const;
export const CA_TYPES = ['ca'] as const;
const DELIBERATING_TYPES = [...AG_TYPES, ...CA_TYPES];

export const missionLabel = (code: AciMissionCode): string =>
  ACI_MISSIONS.find((mission) => mission.code === code)?.label ?? code;

async function draftRow(db: Db, contractId: number) {
  return db
    .selectFrom('report_draft')
    .selectAll()
    .where('kind', '=', 'renouvellement')
    .where('contract_id', '=', contractId)
    .executeTakeFirst();
}

/** The draft's id, creating it on the first write. */
async function ensureDraft(trx: Transaction<DB>, contractId: number): Promise<number> {
  const existing = await draftRow(trx, contractId);
  if (existing) return existing.id;
  const { id } = await trx
    .insertInto('report_draft')
    .values({ kind: 'renouvellement', contract_id: contractId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

const touch = (trx: Transaction<DB>, draftId: number) =>
  trx.updateTable('report_draft').set({ updated_at: now }).where('id', '=', draftId).execute();

async function meetingChoices(db: Db): Promise<RenewalMeetingChoice[]> {
  const meetings = await db
    .selectFrom('meeting')
    .select(['id', 'date', 'type', 'title'])
    .where('type', 'in', DELIBERATING_TYPES)
    .where('status', '!=', 'annulee')
    .orderBy('date', 'desc')
    .orderBy('id', 'desc')
    .execute();
  if (meetings.length === 0) return [];
  const ids = meetings.map((meeting) => meeting.id);
  const [resolutions, decisions] = await Promise.all([
    db
      .selectFrom('resolution')
      .select(['id', 'meeting_id', 'title'])
      .where('meeting_id', 'in', ids)
      .orderBy('position')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('decision')
      .select(['id', 'meeting_id', 'text'])
      .where('meeting_id', 'in', ids)
      .orderBy('id')
      .execute(),
  ]);
  return meetings.map((meeting) => {
    const isAg = (AG_TYPES as readonly string[]).includes(meeting.type);
    return {
      id: meeting.id,
      date: meeting.date,
      typeLabel: meetingTypeLabel(meeting.type),
      title: meeting.title,
      resolutions: isAg
        ? resolutions.filter((r) => r.meeting_id === meeting.id).map(({ id, title }) => ({ id, title }))
        : [],
      decisions: isAg ? [] : decisions.filter((d) => d.meeting_id === meeting.id).map(({ id, text }) => ({ id, text })),
    };
  });
}

async function proposalsOf(db: Db, draftId: number): Promise<RenewalProposal[]> {
  const rows = await db
    .selectFrom('renewal_indicator_proposal')
    .selectAll()
    .where('draft_id', '=', draftId)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    indicatorId: row.indicator_id,
    missionCode: row.mission_code,
    missionLabel: missionLabel(row.mission_code),
    label: row.label,
    targetText: row.target_text,
    comment: row.comment,
  }));
}

export async function getRenewalDraft(db: Db, contractId: number): Promise<RenewalDraft> {
  await assertContract(db, contractId);
  const draft = await draftRow(db, contractId);
  const sections = draft
    ? await db.selectFrom('report_draft_section').selectAll().where('draft_id', '=', draft.id).execute()
    : [];
  return {
    id: draft?.id ?? null,
    contractId,
    introduction: draft?.introduction ?? null,
    sections: RENEWAL_SECTIONS.map((section) => {
      const saved = sections.find((row) => row.section_key === section.key);
      return {
        key: section.key,
        title: section.label,
        included: saved ? saved.included === 1 : true,
        body: saved?.body ?? null,
      };
    }),
    approvalMeetingId: draft?.approval_meeting_id ?? null,
    approvalResolutionId: draft?.approval_resolution_id ?? null,
    approvalDecisionId: draft?.approval_decision_id ?? null,
    proposals: draft ? await proposalsOf(db, draft.id) : [],
    choices: { meetings: await meetingChoices(db) },
    updatedAt: draft?.updated_at ?? null,
  };
}

/**
 * The deliberation must hold together: an AG with one of its resolutions, or a CA with one of its decisions (or the
 * meeting alone, while the vote is to come).
 */
async function checkDeliberation(
  db: Db,
  meetingId: number | null,
  resolutionId: number | null,
  decisionId: number | null,
): Promise<void> {
  if (meetingId === null) {
    if (resolutionId !== null || decisionId !== null)
      throw new UserError('invalid_input', 'Choisissez d’abord la réunion qui a délibéré.');
    return;
  }
  if (resolutionId !== null && decisionId !== null)
    throw new UserError(
      'invalid_input',
      'La délibération est une résolution d’AG ou une décision du CA, pas les deux.',
    );
  const meeting = await db
    .selectFrom('meeting')
    .select(['id', 'type', 'status'])
    .where('id', '=', meetingId)
    .executeTakeFirst();
  if (!meeting) throw new UserError('not_found', 'Cette réunion n’existe plus.');
  if (!(DELIBERATING_TYPES as readonly string[]).includes(meeting.type))
    throw new UserError(
      'invalid_input',
      'La délibération sur le renouvellement est celle d’une assemblée générale ou d’un conseil d’administration.',
    );
  if (meeting.status === 'annulee') throw new UserError('invalid_input', 'Cette réunion a été annulée.');
  const isAg = (AG_TYPES as readonly string[]).includes(meeting.type);
  if (resolutionId !== null) {
    if (!isAg)
      throw new UserError(
        'invalid_input',
        'Un conseil d’administration délibère par une décision, pas par une résolution.',
      );
    const resolution = await db
      .selectFrom('resolution')
      .select('meeting_id')
      .where('id', '=', resolutionId)
      .executeTakeFirst();
    if (!resolution) throw new UserError('not_found', 'Cette résolution n’existe plus.');
    if (resolution.meeting_id !== meetingId)
      throw new UserError('invalid_input', 'Cette résolution n’a pas été votée à l’assemblée choisie.');
  }
  if (decisionId !== null) {
    if (isAg)
      throw new UserError('invalid_input', 'Une assemblée générale délibère par une résolution : choisissez-la.');
    const decision = await db
      .selectFrom('decision')
      .select('meeting_id')
      .where('id', '=', decisionId)
      .executeTakeFirst();
    if (!decision) throw new UserError('not_found', 'Cette décision n’existe plus.');
    if (decision.meeting_id !== meetingId)
      throw new UserError('invalid_input', 'Cette décision n’a pas été prise au conseil d’administration choisi.');
  }
}

export async function saveRenewalDraft(db: Kysely<DB>, input: RenewalDraftData): Promise<RenewalDraft> {
  const { contractId } = input;
  await db.transaction().execute(async (trx) => {
    await assertContract(trx, contractId);
    const meetingId = input.approvalMeetingId;
    const resolutionId = input.approvalResolutionId;
    const decisionId = input.approvalDecisionId;
    await checkDeliberation(trx, meetingId, resolutionId, decisionId);
    const draftId = await ensureDraft(trx, contractId);
    await trx
      .updateTable('report_draft')
      .set({
        introduction: input.introduction,
        approval_meeting_id: meetingId,
        approval_resolution_id: resolutionId,
        approval_decision_id: decisionId,
        updated_at: now,
      })
      .where('id', '=', draftId)
      .execute();
  });
  return getRenewalDraft(db, contractId);
}

export async function saveRenewalSection(db: Kysely<DB>, input: RenewalSectionData): Promise<RenewalDraft> {
  await db.transaction().execute(async (trx) => {
    await assertContract(trx, input.contractId);
    const draftId = await ensureDraft(trx, input.contractId);
    const values = { included: input.included ? 1 : 0, body: input.body };
    await trx
      .insertInto('report_draft_section')
      .values({ draft_id: draftId, section_key: input.key, ...values })
      .onConflict((oc) => oc.columns(['draft_id', 'section_key']).doUpdateSet(values))
      .execute();
    await touch(trx, draftId);
  });
  return getRenewalDraft(db, input.contractId);
}

/**
 * One proposal per current indicator of the contract (archived ones left out), in the order of the tableau de suivi,
 * with its last cible as the annex wrote it. Refused when the annex already has proposals: seeding never overwrites.
 */
export async function seedRenewalProposals(db: Kysely<DB>, contractId: number): Promise<RenewalDraft> {
  await assertContract(db, contractId);
  const years = await db
    .selectFrom('aci_contract_year')
    .select('id')
    .where('contract_id', '=', contractId)
    .orderBy('year_index', 'desc')
    .execute();
  const tables = [];
  for (const year of years) tables.push(await trackingTable(db, year.id));
  const lastTarget = new Map<number, string>();
  for (const table of tables)
    for (const mission of table.missions)
      for (const line of mission.indicators)
        if (line.target && !lastTarget.has(line.indicator.id)) lastTarget.set(line.indicator.id, targetText(line));

  const indicators = await db
    .selectFrom('indicator')
    .select(['id', 'mission_code', 'code', 'label'])
    .where('contract_id', '=', contractId)
    .where('archived_at', 'is', null)
    .orderBy('position')
    .orderBy('id')
    .execute();
  const missionOrder = ACI_MISSIONS.map((mission) => mission.code);
  indicators.sort((a, b) => missionOrder.indexOf(a.mission_code) - missionOrder.indexOf(b.mission_code));
  if (indicators.length === 0)
    throw new UserError(
      'invalid_input',
      'Ce contrat n’a aucun indicateur à reprendre : ajoutez les propositions une à une.',
    );

  await db.transaction().execute(async (trx) => {
    const draftId = await ensureDraft(trx, contractId);
    const existing = await trx
      .selectFrom('renewal_indicator_proposal')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('draft_id', '=', draftId)
      .executeTakeFirstOrThrow();
    if (Number(existing.count) > 0)
      throw new UserError(
        'conflict',
        'L’annexe proposée contient déjà des indicateurs : retirez-les avant de la reprendre du contrat en cours.',
      );
    await trx
      .insertInto('renewal_indicator_proposal')
      .values(
        indicators.map((indicator, index) => ({
          draft_id: draftId,
          indicator_id: indicator.id,
          mission_code: indicator.mission_code,
          label: indicator.code ? `${indicator.code} — ${indicator.label}` : indicator.label,
          target_text: lastTarget.get(indicator.id) ?? null,
          position: index + 1,
        })),
      )
      .execute();
    await touch(trx, draftId);
  });
  return getRenewalDraft(db, contractId);
}

export async function saveRenewalProposal(db: Kysely<DB>, input: RenewalProposalData): Promise<RenewalDraft> {
  await db.transaction().execute(async (trx) => {
    await assertContract(trx, input.contractId);
    if (input.indicatorId !== null) {
      const indicator = await trx
        .selectFrom('indicator')
        .select('contract_id')
        .where('id', '=', input.indicatorId)
        .executeTakeFirst();
      if (!indicator) throw new UserError('not_found', 'Cet indicateur n’existe plus.');
      if (indicator.contract_id !== input.contractId)
        throw new UserError('invalid_input', 'Cet indicateur n’appartient pas au contrat renouvelé.');
    }
    const draftId = await ensureDraft(trx, input.contractId);
    const values = {
      mission_code: input.missionCode,
      label: input.label,
      target_text: input.targetText,
      comment: input.comment,
      indicator_id: input.indicatorId,
    };
    if (input.id !== null) {
      const row = await trx
        .selectFrom('renewal_indicator_proposal')
        .select('draft_id')
        .where('id', '=', input.id)
        .executeTakeFirst();
      if (!row || row.draft_id !== draftId)
        throw new UserError('not_found', 'Cette proposition n’existe plus dans l’annexe de ce contrat.');
      await trx.updateTable('renewal_indicator_proposal').set(values).where('id', '=', input.id).execute();
    } else {
      const last = await trx
        .selectFrom('renewal_indicator_proposal')
        .select((eb) => eb.fn.max('position').as('position'))
        .where('draft_id', '=', draftId)
        .executeTakeFirst();
      await trx
        .insertInto('renewal_indicator_proposal')
        .values({ draft_id: draftId, position: Number(last?.position ?? 0) + 1, ...values })
        .execute();
    }
    await touch(trx, draftId);
  });
  return getRenewalDraft(db, input.contractId);
}

async function proposalContract(db: Db, id: number): Promise<{ draftId: number; contractId: number }> {
  const row = await db
    .selectFrom('renewal_indicator_proposal as p')
    .innerJoin('report_draft as d', 'd.id', 'p.draft_id')
    .select(['p.draft_id', 'd.contract_id'])
    .where('p.id', '=', id)
    .executeTakeFirst();
  if (!row || row.contract_id === null) throw new UserError('not_found', 'Cette proposition n’existe plus.');
  return { draftId: row.draft_id, contractId: row.contract_id };
}

export async function deleteRenewalProposal(db: Kysely<DB>, id: number): Promise<RenewalDraft> {
  const { draftId, contractId } = await proposalContract(db, id);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('renewal_indicator_proposal').where('id', '=', id).execute();
    await touch(trx, draftId);
  });
  return getRenewalDraft(db, contractId);
}

/** Swaps the proposal with its neighbour; at the top (or bottom) already, nothing moves. */
export async function moveRenewalProposal(db: Kysely<DB>, id: number, direction: 'up' | 'down'): Promise<RenewalDraft> {
  const { draftId, contractId } = await proposalContract(db, id);
  await db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('renewal_indicator_proposal')
      .select(['id'])
      .where('draft_id', '=', draftId)
      .orderBy('position')
      .orderBy('id')
      .execute();
    const index = rows.findIndex((row) => row.id === id);
    const other = direction === 'up' ? index - 1 : index + 1;
    if (other < 0 || other >= rows.length) return;
    const order = rows.map((row) => row.id);
    [order[index], order[other]] = [order[other]!, order[index]!];
    for (const [position, rowId] of order.entries())
      await trx
        .updateTable('renewal_indicator_proposal')
        .set({ position: position + 1 })
        .where('id', '=', rowId)
        .execute();
    await touch(trx, draftId);
  });
  return getRenewalDraft(db, contractId);
}
