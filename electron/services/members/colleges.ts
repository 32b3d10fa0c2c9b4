/**
 * Collèges of the association, with their voting right, weight and number of members.
 */
import type { Kysely, Transaction } from 'kysely';
import type { CollegeRow } from '@shared/contract';
import type { DB } from '../../db/schema';
import { audit } from '../audit';
import { UserError } from '../errors';

type Db = Kysely<DB> | Transaction<DB>;

export async function listColleges(db: Db, today: string): Promise<CollegeRow[]> {
  const rows = await db
    .selectFrom('college')
    .leftJoin('member', (join) =>
      join
        .onRef('member.college_id', '=', 'college.id')
        .on('member.erased_at', 'is', null)
        .on((eb) => eb.or([eb('member.left_on', 'is', null), eb('member.left_on', '>', today)])),
    )
    .select([
      'college.id',
      'college.name',
      'college.voting_right',
      'college.seats',
      'college.vote_weight',
      'college.description',
      'college.position',
    ])
    .select((eb) => eb.fn.count<number>('member.id').as('member_count'))
    .groupBy('college.id')
    .orderBy('college.position')
    .orderBy('college.name')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    votingRight: row.voting_right,
    seats: row.seats,
    voteWeight: row.vote_weight,
    description: row.description,
    position: row.position,
    memberCount: Number(row.member_count),
  }));
}

export async function saveCollege(
  db: Kysely<DB>,
  college: {
    id: number | null;
    name: string;
    votingRight: 'deliberative' | 'consultative';
    seats: number | null;
    voteWeight: number;
    description: string | null;
  },
  today: string,
): Promise<CollegeRow[]> {
  const values = {
    name: college.name,
    voting_right: college.votingRight,
    seats: college.seats,
    vote_weight: college.voteWeight,
    description: college.description,
  };
  await db.transaction().execute(async (trx) => {
    const clash = await trx
      .selectFrom('college')
      .select('id')
      .where('name', '=', college.name)
      .$if(college.id !== null, (qb) => qb.where('id', '!=', college.id!))
      .executeTakeFirst();
    if (clash)
      throw new UserError('conflict', `Un collège s'appelle déjà « ${college.name} ».`, {
        name: 'Ce nom est déjà pris.',
      });
    if (college.id === null) {
      const last = await trx
        .selectFrom('college')
        .select((eb) => eb.fn.max('position').as('max'))
        .executeTakeFirst();
      await trx
        .insertInto('college')
        .values({ ...values, position: Number(last?.max ?? 0) + 1 })
        .execute();
      await audit(trx, 'create', 'college', null, college.name);
    } else {
      const result = await trx.updateTable('college').set(values).where('id', '=', college.id).executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new UserError('not_found', 'Ce collège n’existe plus.');
      await audit(trx, 'update', 'college', String(college.id), college.name);
    }
  });
  return listColleges(db, today);
}

export async function deleteCollege(db: Kysely<DB>, id: number, today: string): Promise<CollegeRow[]> {
  await db.transaction().execute(async (trx) => {
    const college = await trx.selectFrom('college').select('name').where('id', '=', id).executeTakeFirst();
    if (!college) throw new UserError('not_found', 'Ce collège n’existe plus.');
    const members = await trx
      .selectFrom('member')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('college_id', '=', id)
      .where('erased_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (Number(members.n) > 0) {
      throw new UserError(
        'conflict',
        `Le collège « ${college.name} » compte encore ${members.n} membre${Number(members.n) > 1 ? 's' : ''} (anciens compris) : rattachez-les à un autre collège avant de le supprimer.`,
      );
    }
    // Anonymised members cannot be moved by hand: they simply lose the collège that no longer exists.
    await trx
      .updateTable('member')
      .set({ college_id: null })
      .where('college_id', '=', id)
      .where('erased_at', 'is not', null)
      .execute();
    await trx.deleteFrom('college').where('id', '=', id).execute();
    await audit(trx, 'delete', 'college', String(id), college.name);
  });
  return listColleges(db, today);
}
