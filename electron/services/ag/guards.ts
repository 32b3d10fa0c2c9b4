/**
 * When a session may still change: its PV is a draft, it was not convened again, and it is held (or confirmed).
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import { formatDateLong } from '@shared/format';
import type { DB, MeetingTable } from '../../db/schema';
import { UserError } from '../errors';

type Db = Kysely<DB> | Transaction<DB>;

export function assertDraft(meeting: Pick<Selectable<MeetingTable>, 'pv_status'>): void {
  if (meeting.pv_status === 'approuve') {
    throw new UserError(
      'conflict',
      'Le procès-verbal est approuvé : rouvrez-le en brouillon avant de modifier la séance.',
    );
  }
}

/** A session can change while its PV is a draft and it has not been convened again on a second convocation. */
export async function assertOpen(db: Db, meeting: Pick<Selectable<MeetingTable>, 'id' | 'pv_status'>): Promise<void> {
  assertDraft(meeting);
  const second = await db
    .selectFrom('meeting')
    .select('id')
    .where('first_round_meeting_id', '=', meeting.id)
    .executeTakeFirst();
  if (second) {
    throw new UserError(
      'conflict',
      'Cette assemblée a été convoquée à nouveau sur deuxième convocation : la séance se tient désormais sur la nouvelle réunion.',
    );
  }
}

/**
 * Before the day of the session, an arrival or a vote is most likely a mistake (wrong assembly open, wrong clock):
 * the screen asks first, and the service refuses unless the call says it was confirmed.
 */
export function assertHeldOrConfirmed(
  meeting: Pick<Selectable<MeetingTable>, 'date'>,
  today: string,
  confirmed: boolean | undefined,
  what: string,
): void {
  if (meeting.date <= today || confirmed) return;
  throw new UserError(
    'invalid_input',
    `La séance est prévue le ${formatDateLong(meeting.date)} : confirmez que vous voulez enregistrer ${what} dès aujourd’hui.`,
    {
      confirmedBeforeDate: 'Confirmation attendue.',
    },
  );
}
