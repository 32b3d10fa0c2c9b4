/**
 * A member's departure from the association, and reinstatement.
 */
import type { Kysely } from 'kysely';
import type { MemberDetail } from '@shared/contract';
import type { DB } from '../../db/schema';
import { audit } from '../audit';
import { UserError } from '../errors';
import { getMember, assertNotErased } from './member';

export async function departMember(
  db: Kysely<DB>,
  id: number,
  leftOn: string,
  leftReason: string | null,
  today: string,
): Promise<MemberDetail> {
  await db.transaction().execute(async (trx) => {
    const row = await assertNotErased(trx, id);
    if (row.joined_on && leftOn < row.joined_on) {
      throw new UserError('invalid_input', 'La date de sortie ne peut pas précéder la date d’adhésion.', {
        leftOn: 'La date de sortie précède la date d’adhésion.',
      });
    }
    await trx
      .updateTable('member')
      .set({ left_on: leftOn, left_reason: leftReason, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    await audit(trx, 'depart', 'member', String(id), null);
  });
  return getMember(db, id, today);
}

export async function reinstateMember(db: Kysely<DB>, id: number, today: string): Promise<MemberDetail> {
  await db.transaction().execute(async (trx) => {
    await assertNotErased(trx, id);
    await trx
      .updateTable('member')
      .set({ left_on: null, left_reason: null, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    await audit(trx, 'reinstate', 'member', String(id), null);
  });
  return getMember(db, id, today);
}
