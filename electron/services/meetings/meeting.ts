/**
 * A meeting created, updated or deleted (with its documents on disk).
 */
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { MeetingDetail } from '@shared/contract';
import type { MeetingData } from '@shared/schemas/meetings';
import type { DB } from '../../db/schema';
import { audit } from '../audit';
import { UserError } from '../errors';
import { assertNotApproved, assertMeeting, assertNoPatientIdentity, meetingTexts, assertCanBecomeRcp } from './guards';
import { getMeeting } from './queries';

function meetingValues(data: MeetingData) {
  const rcp = data.type === 'rcp';
  return {
    type: data.type,
    title: data.title,
    date: data.date!,
    start_time: data.startTime,
    end_time: data.endTime,
    place: data.place,
    visio_url: data.visioUrl,
    organiser_member_id: data.organiserMemberId,
    organiser_label: data.organiserLabel,
    status: data.status,
    summary: data.summary,
    rcp_kind: rcp ? data.rcpKind : null,
    theme: rcp ? data.theme : data.theme,
  };
}

export async function createMeeting(db: Kysely<DB>, data: MeetingData, today: string): Promise<MeetingDetail> {
  if (data.type === 'rcp') assertNoPatientIdentity(meetingTexts(data));
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('meeting').values(meetingValues(data)).returning('id').executeTakeFirstOrThrow();
    await audit(trx, 'create', 'meeting', String(row.id), data.type);
    return row.id;
  });
  return getMeeting(db, id, today);
}

export async function updateMeeting(
  db: Kysely<DB>,
  id: number,
  data: MeetingData,
  today: string,
): Promise<MeetingDetail> {
  await db.transaction().execute(async (trx) => {
    const existing = await assertMeeting(trx, id);
    assertNotApproved(existing);
    if (existing.type === 'rcp' && data.type !== 'rcp') {
      const cases = await trx.selectFrom('rcp_case').select('id').where('meeting_id', '=', id).executeTakeFirst();
      if (cases)
        throw new UserError('conflict', 'Cette RCP a des cas enregistrés : elle ne peut pas changer de type.', {
          type: 'Une RCP avec des cas reste une RCP.',
        });
    }
    if (data.type === 'rcp') assertNoPatientIdentity(meetingTexts(data));
    if (data.type === 'rcp' && existing.type !== 'rcp') await assertCanBecomeRcp(trx, id);
    await trx
      .updateTable('meeting')
      .set({ ...meetingValues(data), updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    await audit(trx, 'update', 'meeting', String(id), null);
  });
  return getMeeting(db, id, today);
}

export async function deleteMeeting(db: Kysely<DB>, id: number, documentsDir: string): Promise<{ deleted: true }> {
  const documents = await db.transaction().execute(async (trx) => {
    assertNotApproved(await assertMeeting(trx, id));
    const stored = await trx
      .selectFrom('meeting_document')
      .select('stored_name')
      .where('meeting_id', '=', id)
      .execute();
    await trx.deleteFrom('meeting').where('id', '=', id).execute();
    await audit(trx, 'delete', 'meeting', String(id), null);
    return stored;
  });
  await Promise.all(
    documents.map((document) => unlink(join(documentsDir, document.stored_name)).catch(() => undefined)),
  );
  return { deleted: true };
}
