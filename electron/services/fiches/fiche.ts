/**
 * A fiche action created, updated or deleted, with everything entered on its form (communes, pilot and référents,
 * partner organisations, milestones, budget lines, linked meetings) written in one transaction.
 */
import type { Kysely, Transaction } from 'kysely';
import type { FicheData, FicheDetail } from '@shared/contract';
import type { DB } from '../../db/schema';
import { audit } from '../audit';
import { UserError } from '../errors';
import { chooseAndLinkDocument, linkedDocumentIds, releaseDocuments, unlinkDocument } from './documents';
import { getFiche } from './fiche-queries';
import {
  assertFiche,
  assertLinkableMembers,
  assertMeetings,
  assertPartnership,
  assertTerritoryCommunes,
} from './guards';

function ficheValues(data: FicheData) {
  return {
    code: data.code,
    title: data.title,
    axis: data.axis,
    mission_code: data.missionCode,
    partnership_id: data.partnershipId,
    external_ref: data.externalRef,
    cpts_role: data.cptsRole,
    // The CPTS itself carries a fiche it is porteuse of: no other organisation to name.
    porteur_org: data.cptsRole === 'porteur' ? null : data.porteurOrg,
    context: data.context,
    general_objective: data.generalObjective,
    operational_objectives: data.operationalObjectives.length ? data.operationalObjectives.join('\n') : null,
    description: data.description,
    target_public: data.targetPublic,
    pilot_member_id: data.pilotMemberId,
    status: data.status,
    starts_on: data.startsOn,
    ends_on: data.endsOn,
    difficulties: data.difficulties,
    next_steps: data.nextSteps,
  };
}

/** A code is unique among fiches, whatever its case (« FA-03 », « fa-03 »): said in French before saving. */
async function assertCodeFree(trx: Transaction<DB>, code: string | null, exceptId: number | null): Promise<void> {
  if (!code) return;
  const other = await trx
    .selectFrom('fiche_action')
    .select(['id', 'title'])
    .where((eb) => eb(eb.fn('lower', ['code']), '=', eb.fn('lower', [eb.val(code)])))
    .$if(exceptId !== null, (qb) => qb.where('id', '!=', exceptId!))
    .executeTakeFirst();
  if (other) {
    const message = `Le code ${code} est déjà celui de la fiche « ${other.title} ».`;
    throw new UserError('conflict', `${message} Rien n’a été enregistré.`, { code: message });
  }
}

/** Checks what the fiche points to; members already on the fiche may stay even if they have since left. */
async function assertReferences(trx: Transaction<DB>, data: FicheData, today: string, ficheId: number | null) {
  if (data.partnershipId !== null) await assertPartnership(trx, data.partnershipId, 'partnershipId');
  await assertTerritoryCommunes(trx, data.communes);
  await assertMeetings(trx, data.meetingIds);
  const already = new Set<number>();
  if (ficheId !== null) {
    const current = await trx
      .selectFrom('fiche_action')
      .select('pilot_member_id')
      .where('id', '=', ficheId)
      .executeTakeFirst();
    if (current?.pilot_member_id) already.add(current.pilot_member_id);
    const referents = await trx
      .selectFrom('fiche_action_member')
      .select('member_id')
      .where('fiche_id', '=', ficheId)
      .execute();
    for (const referent of referents) already.add(referent.member_id);
  }
  await assertLinkableMembers(
    trx,
    [
      ...(data.pilotMemberId !== null ? [{ memberId: data.pilotMemberId, field: 'pilotMemberId' }] : []),
      ...data.referents.map((referent, index) => ({
        memberId: referent.memberId,
        field: `referents.${index}.memberId`,
      })),
    ],
    today,
    already,
  );
}

/** Replaces the lists of the fiche by those of the form. */
async function writeLists(trx: Transaction<DB>, ficheId: number, data: FicheData): Promise<void> {
  for (const table of [
    'fiche_action_commune',
    'fiche_action_member',
    'fiche_action_partner',
    'fiche_action_milestone',
    'fiche_action_budget',
    'fiche_action_meeting',
  ] as const)
    await trx.deleteFrom(table).where('fiche_id', '=', ficheId).execute();
  const communes = [...new Set(data.communes)];
  if (communes.length)
    await trx
      .insertInto('fiche_action_commune')
      .values(communes.map((code) => ({ fiche_id: ficheId, code_insee: code })))
      .execute();
  if (data.referents.length)
    await trx
      .insertInto('fiche_action_member')
      .values(
        data.referents.map((referent) => ({ fiche_id: ficheId, member_id: referent.memberId, role: referent.role })),
      )
      .execute();
  if (data.partners.length)
    await trx
      .insertInto('fiche_action_partner')
      .values(
        data.partners.map((partner) => ({ fiche_id: ficheId, organisation: partner.organisation, role: partner.role })),
      )
      .execute();
  if (data.milestones.length)
    await trx
      .insertInto('fiche_action_milestone')
      .values(
        data.milestones.map((milestone) => ({
          fiche_id: ficheId,
          label: milestone.label,
          due_on: milestone.dueOn,
          done_on: milestone.doneOn,
          note: milestone.note,
        })),
      )
      .execute();
  if (data.budget.length)
    await trx
      .insertInto('fiche_action_budget')
      .values(
        data.budget.map((line) => ({
          fiche_id: ficheId,
          year: line.year,
          source: line.source,
          planned_cents: line.plannedCents,
          actual_cents: line.actualCents,
        })),
      )
      .execute();
  const meetings = [...new Set(data.meetingIds)];
  if (meetings.length)
    await trx
      .insertInto('fiche_action_meeting')
      .values(meetings.map((meetingId) => ({ fiche_id: ficheId, meeting_id: meetingId })))
      .execute();
}

export async function createFiche(db: Kysely<DB>, data: FicheData, today: string): Promise<FicheDetail> {
  const id = await db.transaction().execute(async (trx) => {
    await assertCodeFree(trx, data.code, null);
    await assertReferences(trx, data, today, null);
    const row = await trx
      .insertInto('fiche_action')
      .values(ficheValues(data))
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeLists(trx, row.id, data);
    await audit(trx, 'create', 'fiche_action', String(row.id), data.status);
    return row.id;
  });
  return getFiche(db, id, today);
}

export async function updateFiche(db: Kysely<DB>, id: number, data: FicheData, today: string): Promise<FicheDetail> {
  await db.transaction().execute(async (trx) => {
    await assertFiche(trx, id);
    await assertCodeFree(trx, data.code, id);
    await assertReferences(trx, data, today, id);
    await trx
      .updateTable('fiche_action')
      .set({ ...ficheValues(data), updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    await writeLists(trx, id, data);
    await audit(trx, 'update', 'fiche_action', String(id), data.status);
  });
  return getFiche(db, id, today);
}

/**
 * Deletes a fiche, its lists, its documents and what it had to prove (justificatifs attendus and those provided, with
 * their documents). Indicators of the contract that pointed to it stay, attached to their mission only. The result
 * says how many indicators were detached and how many justificatifs attendus went with the fiche.
 */
export async function deleteFiche(
  db: Kysely<DB>,
  id: number,
  documentsDir: string,
): Promise<{ deleted: true; indicatorsDetached: number; requirementsRemoved: number }> {
  const { indicatorsDetached, requirementsRemoved, documentIds } = await db.transaction().execute(async (trx) => {
    await assertFiche(trx, id);
    const indicators = await trx
      .selectFrom('indicator')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('fiche_id', '=', id)
      .executeTakeFirstOrThrow();
    const requirements = await trx.selectFrom('evidence_requirement').select('id').where('fiche_id', '=', id).execute();
    const evidenceDocuments = requirements.length
      ? await trx
          .selectFrom('evidence')
          .select('document_id')
          .where(
            'requirement_id',
            'in',
            requirements.map((requirement) => requirement.id),
          )
          .where('document_id', 'is not', null)
          .execute()
      : [];
    const documentIds = [
      ...(await linkedDocumentIds(trx, { ficheId: id })),
      ...evidenceDocuments.map((evidence) => evidence.document_id!),
    ];
    await trx.deleteFrom('fiche_action').where('id', '=', id).execute();
    await audit(trx, 'delete', 'fiche_action', String(id), null);
    return {
      indicatorsDetached: Number(indicators.count),
      requirementsRemoved: requirements.length,
      documentIds,
    };
  });
  await releaseDocuments(db, documentIds, documentsDir);
  return { deleted: true, indicatorsDetached, requirementsRemoved };
}

/** Attaches a document chosen by the user to a fiche; `cancelled` when the dialog is closed. */
export async function addFicheDocument(
  db: Kysely<DB>,
  ficheId: number,
  documentsDir: string,
  today: string,
  chooseFile: () => Promise<string | null>,
): Promise<FicheDetail | { cancelled: true }> {
  await assertFiche(db, ficheId);
  const documentId = await chooseAndLinkDocument(db, { ficheId }, 'autre', documentsDir, chooseFile);
  if (documentId === null) return { cancelled: true };
  return getFiche(db, ficheId, today);
}

export async function deleteFicheDocument(
  db: Kysely<DB>,
  ficheId: number,
  documentId: number,
  documentsDir: string,
  today: string,
): Promise<FicheDetail> {
  await unlinkDocument(db, { ficheId }, documentId, documentsDir);
  return getFiche(db, ficheId, today);
}
