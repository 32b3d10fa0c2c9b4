/**
 * Participants of a meeting: members and guests, their attendance and time spent.
 */
import type { Kysely } from 'kysely';
import type { MeetingDetail } from '@shared/contract';
import { PROFESSION_BY_CODE } from '@shared/domain/professions';
import type { DB } from '../../db/schema';
import { UserError } from '../errors';
import { assertNotApproved, assertMeeting, assertNoPatientIdentity, RCP_GUEST_NAME, type RcpText } from './guards';
import { getMeeting } from './queries';

type ParticipantInput = {
  id: number | null;
  memberId: number | null;
  guestName: string | null;
  guestQuality: string | null;
  professionCode: string | null;
  attendance: 'present' | 'excuse' | 'absent' | 'represente' | null;
  minutesSpent: number | null;
};

export async function saveParticipants(
  db: Kysely<DB>,
  meetingId: number,
  participants: ParticipantInput[],
  today: string,
): Promise<MeetingDetail> {
  await db.transaction().execute(async (trx) => {
    const meeting = await assertMeeting(trx, meetingId);
    assertNotApproved(meeting);
    const memberIds = participants.map((participant) => participant.memberId).filter((id): id is number => id !== null);
    if (new Set(memberIds).size !== memberIds.length)
      throw new UserError('invalid_input', 'Un même adhérent figure deux fois parmi les participants.');
    if (memberIds.length) {
      const found = await trx.selectFrom('member').select('id').where('id', 'in', memberIds).execute();
      if (found.length !== new Set(memberIds).size)
        throw new UserError('invalid_input', 'Un des adhérents choisis n’existe plus.');
    }
    for (const participant of participants) {
      if (participant.professionCode && !PROFESSION_BY_CODE.has(participant.professionCode)) {
        throw new UserError('invalid_input', `Profession inconnue (« ${participant.professionCode} »).`);
      }
      if (meeting.type === 'rcp' && participant.memberId === null && participant.guestName) {
        throw new UserError('invalid_input', RCP_GUEST_NAME);
      }
    }
    if (meeting.type === 'rcp') {
      assertNoPatientIdentity(
        participants.map(
          (participant, index): RcpText => [
            `participants.${index}.guestQuality`,
            'Qualité de l’invité',
            participant.memberId === null ? participant.guestQuality : null,
          ],
        ),
      );
    }
    const existing = new Set(
      (await trx.selectFrom('meeting_participant').select('id').where('meeting_id', '=', meetingId).execute()).map(
        (row) => row.id,
      ),
    );
    const kept = new Set<number>();
    for (const participant of participants) {
      const values = {
        member_id: participant.memberId,
        guest_name: participant.memberId ? null : participant.guestName,
        guest_quality: participant.memberId ? null : participant.guestQuality,
        profession_code: participant.memberId ? null : participant.professionCode,
        attendance: participant.attendance,
        minutes_spent: participant.minutesSpent,
      };
      if (participant.id !== null && existing.has(participant.id)) {
        await trx.updateTable('meeting_participant').set(values).where('id', '=', participant.id).execute();
        kept.add(participant.id);
      } else {
        await trx
          .insertInto('meeting_participant')
          .values({ meeting_id: meetingId, ...values })
          .execute();
      }
    }
    const removed = [...existing].filter((id) => !kept.has(id));
    if (removed.length) await trx.deleteFrom('meeting_participant').where('id', 'in', removed).execute();
  });
  return getMeeting(db, meetingId, today);
}
