/**
 * Decisions taken at a meeting, with their owner, due date and status.
 */
import type { Kysely } from 'kysely';
import type { DecisionRow, MeetingDetail } from '@shared/contract';
import type { DB } from '../../db/schema';
import { UserError } from '../errors';
import { assertNotApproved, assertMeeting, assertNoPatientIdentity, decisionTexts } from './guards';
import { getMeeting } from './queries';

export async function saveDecision(
  db: Kysely<DB>,
  decision: {
    id: number | null;
    meetingId: number;
    agendaItemId: number | null;
    text: string;
    ownerMemberId: number | null;
    ownerLabel: string | null;
    dueOn: string | null;
    status: string;
  },
  today: string,
): Promise<MeetingDetail> {
  await db.transaction().execute(async (trx) => {
    const meeting = await assertMeeting(trx, decision.meetingId);
    if (meeting.type === 'rcp')
      assertNoPatientIdentity(
        decisionTexts({ text: decision.text, ownerLabel: decision.ownerMemberId ? null : decision.ownerLabel }),
      );
    const values = {
      agenda_item_id: decision.agendaItemId,
      text: decision.text,
      owner_member_id: decision.ownerMemberId,
      owner_label: decision.ownerMemberId ? null : decision.ownerLabel,
      due_on: decision.dueOn,
      status: decision.status as DecisionRow['status'],
      done_on: decision.status === 'fait' ? today : null,
    };
    if (decision.id === null) {
      assertNotApproved(meeting);
      await trx
        .insertInto('decision')
        .values({ meeting_id: decision.meetingId, ...values })
        .execute();
    } else {
      const previous = await trx.selectFrom('decision').selectAll().where('id', '=', decision.id).executeTakeFirst();
      if (!previous || previous.meeting_id !== decision.meetingId)
        throw new UserError('not_found', 'Cette décision n’existe plus.');
      // An approved PV fixes what was decided; following the decision up (its status) goes on.
      const reworded =
        previous.text !== values.text ||
        previous.agenda_item_id !== values.agenda_item_id ||
        previous.owner_member_id !== values.owner_member_id ||
        previous.owner_label !== values.owner_label ||
        previous.due_on !== values.due_on;
      if (reworded) assertNotApproved(meeting);
      await trx
        .updateTable('decision')
        .set({
          ...values,
          done_on: decision.status === 'fait' ? (previous.status === 'fait' ? previous.done_on : today) : null,
        })
        .where('id', '=', decision.id)
        .execute();
    }
  });
  return getMeeting(db, decision.meetingId, today);
}

export async function deleteDecision(db: Kysely<DB>, id: number, today: string): Promise<MeetingDetail> {
  const row = await db.selectFrom('decision').select('meeting_id').where('id', '=', id).executeTakeFirst();
  if (!row) throw new UserError('not_found', 'Cette décision n’existe plus.');
  assertNotApproved(await assertMeeting(db, row.meeting_id));
  await db.deleteFrom('decision').where('id', '=', id).execute();
  return getMeeting(db, row.meeting_id, today);
}
