/**
 * The session itself: arrivals and departures (émargement) and its officers (président and secrétaire de séance).
 */
import { sql, type Kysely } from 'kysely';
import type { AgState } from '@shared/contract';
import type { DB } from '../../db/schema';
import { audit } from '../audit';
import { UserError } from '../errors';
import { assertAgMeeting } from './assembly';
import { assertDraft, assertHeldOrConfirmed, assertOpen } from './guards';
import { getAgState } from './state';

/**
 * Marks an arrival (present) or a departure (not present), with the time. Each arrival and departure is also kept
 * as an event: the PV states who left the session, when, and before which vote.
 */
export async function setPresence(
  db: Kysely<DB>,
  input: { meetingId: number; memberId: number; present: boolean; confirmedBeforeDate?: boolean },
  now: Date,
  today: string,
): Promise<AgState> {
  await db.transaction().execute(async (trx) => {
    const meeting = await assertAgMeeting(trx, input.meetingId);
    await assertOpen(trx, meeting);
    if (input.present) assertHeldOrConfirmed(meeting, today, input.confirmedBeforeDate, 'une arrivée');
    const member = await trx
      .selectFrom('member')
      .select(['id', 'erased_at'])
      .where('id', '=', input.memberId)
      .executeTakeFirst();
    if (!member || member.erased_at) throw new UserError('not_found', 'Ce membre n’existe pas ou plus.');
    const at = now.toISOString();
    const before = await trx
      .selectFrom('ag_presence')
      .select('present')
      .where('meeting_id', '=', input.meetingId)
      .where('member_id', '=', input.memberId)
      .executeTakeFirst();
    await trx
      .insertInto('ag_presence')
      .values({
        meeting_id: input.meetingId,
        member_id: input.memberId,
        present: input.present ? 1 : 0,
        arrived_at: input.present ? at : null,
        left_at: input.present ? null : at,
      })
      .onConflict((conflict) =>
        conflict.columns(['meeting_id', 'member_id']).doUpdateSet(
          input.present
            ? // An arrival recorded twice keeps the first time; a return after a departure is a new arrival.
              {
                present: 1,
                arrived_at: sql<string>`case when present = 1 then arrived_at else ${at} end`,
                left_at: null,
              }
            : { present: 0, left_at: at },
        ),
      )
      .execute();
    // An event only when the member's state changes (a second click on « arrivé » is not a new arrival).
    const wasPresent = before?.present === 1;
    if (input.present !== wasPresent && (input.present || before)) {
      await trx
        .insertInto('ag_presence_event')
        .values({
          meeting_id: input.meetingId,
          member_id: input.memberId,
          kind: input.present ? 'arrivee' : 'depart',
          at,
        })
        .execute();
    }
  });
  return getAgState(db, input.meetingId, today);
}

export async function setOfficers(
  db: Kysely<DB>,
  input: { meetingId: number; presidentMemberId: number | null; secretaireMemberId: number | null },
  today: string,
): Promise<AgState> {
  const meeting = await assertAgMeeting(db, input.meetingId);
  assertDraft(meeting);
  for (const id of [input.presidentMemberId, input.secretaireMemberId]) {
    if (id === null) continue;
    const member = await db.selectFrom('member').select(['id', 'erased_at']).where('id', '=', id).executeTakeFirst();
    if (!member || member.erased_at)
      throw new UserError('invalid_input', 'Choisissez le président et le secrétaire de séance parmi les membres.');
  }
  await db
    .updateTable('meeting')
    .set({ president_member_id: input.presidentMemberId, secretaire_member_id: input.secretaireMemberId })
    .where('id', '=', input.meetingId)
    .execute();
  await audit(db, 'officers', 'meeting', String(input.meetingId), null);
  return getAgState(db, input.meetingId, today);
}
