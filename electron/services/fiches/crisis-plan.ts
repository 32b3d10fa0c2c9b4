/**
 * The crisis plan of the mission « réponse aux crises sanitaires graves »: its dated steps (rédaction, mises à jour,
 * transmission à l’ARS, partage aux membres, exercices, activations), each with its référent, document and note,
 * and where the plan stands on a given day (written? updated within the year? sent to the ARS in its current
 * version? exercised?).
 */
import { addDays, addMonths, parseISO } from 'date-fns';
import type { Kysely } from 'kysely';
import type { CrisisPlan, CrisisPlanEventData, CrisisPlanEventRow } from '@shared/contract';
import { CRISIS_PLAN_UPDATE_MONTHS, type CrisisPlanEventKind, crisisPlanEventLabel } from '@shared/domain/fiche-labels';
import { formatDateLong, toIsoDate } from '@shared/format';
import type { DB } from '../../db/schema';
import { audit } from '../audit';
import { storeDocument } from '../documents';
import { UserError } from '../errors';
import { displayNameOf } from '../members';
import { releaseDocuments } from './documents';
import { assertLinkableMembers, type Db } from './guards';

/** Days before the yearly update falls due from which it is announced. */
const UPDATE_NOTICE_DAYS = 60;

const STATE_LABELS: Record<CrisisPlan['state'], string> = {
  absent: 'Plan de crise non rédigé',
  a_jour: 'Plan de crise à jour',
  a_mettre_a_jour: 'Plan de crise à mettre à jour',
};

const latest = (events: CrisisPlanEventRow[], kinds: CrisisPlanEventKind[]): string | null =>
  events
    .filter((event) => kinds.includes(event.kind))
    .reduce<string | null>((max, event) => (max === null || event.occurredOn > max ? event.occurredOn : max), null);

/** Where the plan stands on `today`, from its steps. */
export function crisisPlanStatus(events: CrisisPlanEventRow[], today: string): Omit<CrisisPlan, 'events'> {
  const writtenOn = events
    .filter((event) => event.kind === 'redaction')
    .reduce<string | null>((min, event) => (min === null || event.occurredOn < min ? event.occurredOn : min), null);
  const lastUpdatedOn = latest(events, ['redaction', 'mise_a_jour']);
  const updateDueOn = lastUpdatedOn ? toIsoDate(addMonths(parseISO(lastUpdatedOn), CRISIS_PLAN_UPDATE_MONTHS)) : null;
  const updateOverdue = updateDueOn !== null && today > updateDueOn;
  const sentToArsOn = latest(events, ['transmission_ars']);
  const arsHasCurrentVersion = Boolean(sentToArsOn && lastUpdatedOn && sentToArsOn >= lastUpdatedOn);
  const sharedWithMembersOn = latest(events, ['partage_membres']);
  const state: CrisisPlan['state'] = !lastUpdatedOn ? 'absent' : updateOverdue ? 'a_mettre_a_jour' : 'a_jour';

  const warnings: string[] = [];
  if (!lastUpdatedOn) {
    warnings.push('Le plan de crise n’est pas encore rédigé : notez sa rédaction quand elle est faite.');
  } else {
    if (updateOverdue)
      warnings.push(
        `La dernière mise à jour du plan date du ${formatDateLong(lastUpdatedOn)} : plus de ${CRISIS_PLAN_UPDATE_MONTHS} mois, le plan est à mettre à jour.`,
      );
    else if (updateDueOn && toIsoDate(addDays(parseISO(today), UPDATE_NOTICE_DAYS)) >= updateDueOn)
      warnings.push(`La mise à jour annuelle du plan est à faire avant le ${formatDateLong(updateDueOn)}.`);
    if (!sentToArsOn) warnings.push('Le plan n’a pas été transmis à l’ARS.');
    else if (!arsHasCurrentVersion)
      warnings.push(
        `La version du ${formatDateLong(lastUpdatedOn)} n’a pas été transmise à l’ARS (dernier envoi le ${formatDateLong(sentToArsOn)}).`,
      );
    if (!sharedWithMembersOn) warnings.push('Le plan n’a pas été partagé avec les membres de la CPTS.');
  }

  return {
    writtenOn,
    lastUpdatedOn,
    updateDueOn,
    updateOverdue,
    sentToArsOn,
    arsHasCurrentVersion,
    sharedWithMembersOn,
    lastExerciseOn: latest(events, ['exercice']),
    lastActivationOn: latest(events, ['activation']),
    state,
    stateLabel: STATE_LABELS[state],
    warnings,
  };
}

async function eventRows(db: Db): Promise<CrisisPlanEventRow[]> {
  const rows = await db
    .selectFrom('crisis_plan_event')
    .leftJoin('member', 'member.id', 'crisis_plan_event.referent_member_id')
    .leftJoin('document', 'document.id', 'crisis_plan_event.document_id')
    .select([
      'crisis_plan_event.id',
      'crisis_plan_event.kind',
      'crisis_plan_event.occurred_on',
      'crisis_plan_event.referent_member_id',
      'crisis_plan_event.note',
      'crisis_plan_event.document_id',
      'member.kind as member_kind',
      'member.last_name',
      'member.first_name',
      'member.structure_name',
      'member.erased_at',
      'document.title as document_title',
      'document.file_name',
      'document.size',
      'document.added_at',
    ])
    .orderBy('crisis_plan_event.occurred_on', 'desc')
    .orderBy('crisis_plan_event.id', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    kindLabel: crisisPlanEventLabel(row.kind),
    occurredOn: row.occurred_on,
    referentMemberId: row.referent_member_id,
    referent: row.member_kind ? displayNameOf({ ...row, kind: row.member_kind }) : null,
    note: row.note,
    document:
      row.document_id !== null && row.file_name !== null
        ? {
            id: row.document_id,
            title: row.document_title,
            fileName: row.file_name,
            size: row.size ?? 0,
            addedAt: row.added_at ?? '',
          }
        : null,
  }));
}

export async function getCrisisPlan(db: Db, today: string): Promise<CrisisPlan> {
  const events = await eventRows(db);
  return { events, ...crisisPlanStatus(events, today) };
}

/** The « plan de crise » link of a document a step no longer holds (the document may still serve as evidence). */
async function dropPlanLink(db: Db, documentId: number): Promise<void> {
  await db
    .deleteFrom('document_link')
    .where('document_id', '=', documentId)
    .where('kind', '=', 'plan_crise')
    .where('contract_id', 'is', null)
    .where('contract_year_id', 'is', null)
    .where('partnership_id', 'is', null)
    .where('fiche_id', 'is', null)
    .execute();
}

async function assertEvent(db: Db, id: number) {
  const row = await db.selectFrom('crisis_plan_event').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new UserError('not_found', 'Cette étape du plan de crise n’existe plus.');
  return row;
}

/** Records a step of the plan (or corrects one): a step is noted once done, never ahead of time. */
export async function saveCrisisPlanEvent(
  db: Kysely<DB>,
  data: CrisisPlanEventData,
  today: string,
): Promise<CrisisPlan> {
  const occurredOn = data.occurredOn!;
  if (occurredOn > today) {
    const message = `Une étape se note une fois faite : le ${formatDateLong(occurredOn)} n’est pas encore passé.`;
    throw new UserError('invalid_input', `${message} Rien n’a été enregistré.`, { occurredOn: message });
  }
  await db.transaction().execute(async (trx) => {
    const existing = data.id !== null ? await assertEvent(trx, data.id) : null;
    if (data.referentMemberId !== null)
      await assertLinkableMembers(
        trx,
        [{ memberId: data.referentMemberId, field: 'referentMemberId' }],
        today,
        new Set(existing?.referent_member_id ? [existing.referent_member_id] : []),
      );
    const values = {
      kind: data.kind,
      occurred_on: occurredOn,
      referent_member_id: data.referentMemberId,
      note: data.note,
    };
    if (existing) {
      await trx.updateTable('crisis_plan_event').set(values).where('id', '=', existing.id).execute();
      await audit(trx, 'update', 'crisis_plan_event', String(existing.id), data.kind);
    } else {
      const row = await trx.insertInto('crisis_plan_event').values(values).returning('id').executeTakeFirstOrThrow();
      await audit(trx, 'create', 'crisis_plan_event', String(row.id), data.kind);
    }
  });
  return getCrisisPlan(db, today);
}

/** Deletes a step, and its document unless it is kept elsewhere (as a justificatif). */
export async function deleteCrisisPlanEvent(
  db: Kysely<DB>,
  id: number,
  documentsDir: string,
  today: string,
): Promise<CrisisPlan> {
  const documentId = await db.transaction().execute(async (trx) => {
    const event = await assertEvent(trx, id);
    await trx.deleteFrom('crisis_plan_event').where('id', '=', id).execute();
    if (event.document_id !== null) await dropPlanLink(trx, event.document_id);
    await audit(trx, 'delete', 'crisis_plan_event', String(id), event.kind);
    return event.document_id;
  });
  if (documentId !== null) await releaseDocuments(db, [documentId], documentsDir);
  return getCrisisPlan(db, today);
}

/** Attaches the plan's document to a step (replacing the one it had); `cancelled` when the dialog is closed. */
export async function attachCrisisPlanDocument(
  db: Kysely<DB>,
  eventId: number,
  documentsDir: string,
  today: string,
  chooseFile: () => Promise<string | null>,
): Promise<CrisisPlan | { cancelled: true }> {
  const event = await assertEvent(db, eventId);
  const path = await chooseFile();
  if (!path) return { cancelled: true };
  await storeDocument(db, path, documentsDir, {
    title: `${crisisPlanEventLabel(event.kind)} du ${formatDateLong(event.occurred_on)}`,
    link: async (trx, documentId) => {
      const updated = await trx
        .updateTable('crisis_plan_event')
        .set({ document_id: documentId })
        .where('id', '=', eventId)
        .executeTakeFirst();
      if (!updated.numUpdatedRows) throw new UserError('not_found', 'Cette étape du plan de crise n’existe plus.');
      await trx.insertInto('document_link').values({ document_id: documentId, kind: 'plan_crise' }).execute();
      if (event.document_id !== null) await dropPlanLink(trx, event.document_id);
      await audit(trx, 'attach', 'crisis_plan_event', String(eventId), null);
    },
  });
  if (event.document_id !== null) await releaseDocuments(db, [event.document_id], documentsDir);
  return getCrisisPlan(db, today);
}

/** Removes the document of a step (the step stays; the document too if it is kept as a justificatif). */
export async function detachCrisisPlanDocument(
  db: Kysely<DB>,
  eventId: number,
  documentsDir: string,
  today: string,
): Promise<CrisisPlan> {
  const documentId = await db.transaction().execute(async (trx) => {
    const event = await assertEvent(trx, eventId);
    if (event.document_id === null) throw new UserError('not_found', 'Cette étape n’a pas de document.');
    await trx.updateTable('crisis_plan_event').set({ document_id: null }).where('id', '=', eventId).execute();
    await dropPlanLink(trx, event.document_id);
    await audit(trx, 'detach', 'crisis_plan_event', String(eventId), null);
    return event.document_id;
  });
  await releaseDocuments(db, [documentId], documentsDir);
  return getCrisisPlan(db, today);
}
