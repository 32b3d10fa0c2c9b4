/**
 * The ordre du jour of a meeting and the relevé of each point.
 */
import type { Kysely } from 'kysely';
import type { MeetingDetail } from '@shared/contract';
import type { DB } from '../../db/schema';
import { assertNotApproved, assertMeeting, assertNoPatientIdentity, agendaTexts } from './guards';
import { getMeeting } from './queries';

export async function saveAgenda(
  db: Kysely<DB>,
  meetingId: number,
  items: { id: number | null; title: string; minutes: string | null }[],
  today: string,
): Promise<MeetingDetail> {
  await db.transaction().execute(async (trx) => {
    const meeting = await assertMeeting(trx, meetingId);
    assertNotApproved(meeting);
    if (meeting.type === 'rcp') assertNoPatientIdentity(agendaTexts(items));
    const existing = new Set(
      (await trx.selectFrom('agenda_item').select('id').where('meeting_id', '=', meetingId).execute()).map(
        (row) => row.id,
      ),
    );
    const kept = new Set<number>();
    for (const [index, item] of items.entries()) {
      if (item.id !== null && existing.has(item.id)) {
        await trx
          .updateTable('agenda_item')
          .set({ position: index + 1, title: item.title, minutes: item.minutes })
          .where('id', '=', item.id)
          .execute();
        kept.add(item.id);
      } else {
        await trx
          .insertInto('agenda_item')
          .values({ meeting_id: meetingId, position: index + 1, title: item.title, minutes: item.minutes })
          .execute();
      }
    }
    const removed = [...existing].filter((id) => !kept.has(id));
    if (removed.length) await trx.deleteFrom('agenda_item').where('id', 'in', removed).execute();
  });
  return getMeeting(db, meetingId, today);
}
