/**
 * A member's cotisations, year by year.
 */
import type { Kysely } from 'kysely';
import type { MemberDetail } from '@shared/contract';
import type { DB } from '../../db/schema';
import { audit } from '../audit';
import { UserError } from '../errors';
import { getMember, assertNotErased } from './member';

export async function setCotisation(
  db: Kysely<DB>,
  cotisation: { memberId: number; year: number; amountCents: number; paidOn: string | null; mode: string | null },
  today: string,
): Promise<MemberDetail> {
  await db.transaction().execute(async (trx) => {
    await assertNotErased(trx, cotisation.memberId);
    await trx
      .insertInto('cotisation')
      .values({
        member_id: cotisation.memberId,
        year: cotisation.year,
        amount_cents: cotisation.amountCents,
        paid_on: cotisation.paidOn,
        mode: cotisation.mode,
      })
      .onConflict((oc) =>
        oc
          .columns(['member_id', 'year'])
          .doUpdateSet({ amount_cents: cotisation.amountCents, paid_on: cotisation.paidOn, mode: cotisation.mode }),
      )
      .execute();
    await audit(trx, 'cotisation', 'member', String(cotisation.memberId), String(cotisation.year));
  });
  return getMember(db, cotisation.memberId, today);
}

export async function deleteCotisation(
  db: Kysely<DB>,
  memberId: number,
  year: number,
  today: string,
): Promise<MemberDetail> {
  await db.transaction().execute(async (trx) => {
    await assertNotErased(trx, memberId);
    const result = await trx
      .deleteFrom('cotisation')
      .where('member_id', '=', memberId)
      .where('year', '=', year)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0)
      throw new UserError('not_found', `Aucune cotisation ${year} n’est enregistrée pour ce membre.`);
    await audit(trx, 'cotisation-delete', 'member', String(memberId), String(year));
  });
  return getMember(db, memberId, today);
}
