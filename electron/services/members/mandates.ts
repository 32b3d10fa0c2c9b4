/**
 * A member's mandates (président, trésorier, membre du CA…).
 */
import type { Kysely } from 'kysely';
import type { MemberDetail } from '@shared/contract';
import type { DB } from '../../db/schema';
import { audit } from '../audit';
import { UserError } from '../errors';
import { getMember, assertNotErased } from './member';

export async function addMandate(
  db: Kysely<DB>,
  mandate: { memberId: number; role: string; label: string | null; startOn: string | null; endOn: string | null },
  today: string,
): Promise<MemberDetail> {
  await db.transaction().execute(async (trx) => {
    await assertNotErased(trx, mandate.memberId);
    await trx
      .insertInto('mandate')
      .values({
        member_id: mandate.memberId,
        role: mandate.role,
        label: mandate.label,
        start_on: mandate.startOn ?? today,
        end_on: mandate.endOn,
      })
      .execute();
    await audit(trx, 'mandate', 'member', String(mandate.memberId), mandate.role);
  });
  return getMember(db, mandate.memberId, today);
}

export async function deleteMandate(
  db: Kysely<DB>,
  memberId: number,
  mandateId: number,
  today: string,
): Promise<MemberDetail> {
  await db.transaction().execute(async (trx) => {
    await assertNotErased(trx, memberId);
    const result = await trx
      .deleteFrom('mandate')
      .where('id', '=', mandateId)
      .where('member_id', '=', memberId)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw new UserError('not_found', 'Ce mandat n’existe plus.');
    await audit(trx, 'mandate-delete', 'member', String(memberId), null);
  });
  return getMember(db, memberId, today);
}
