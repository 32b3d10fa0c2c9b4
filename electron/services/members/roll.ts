/**
 * What a meeting roll needs of each member, read once per roll version (fast at 10 000 members).
 */
import type { Kysely, Transaction } from 'kysely';
import { memberTypeOf } from '@shared/domain/members';
import type { DB } from '../../db/schema';
import { displayNameOf, professionLabelOf, structureTypeLabelOf } from './record';
import { rateTable, rateKey, isUpToDate } from './rates';

type Db = Kysely<DB> | Transaction<DB>;

/** What a meeting roll needs of each member, with the cotisation status of one year only (fast at 10 000). */
export interface RollMemberRow {
  id: number;
  displayName: string;
  quality: string | null;
  collegeId: number | null;
  email: string | null;
  joinedOn: string | null;
  leftOn: string | null;
  erased: boolean;
  upToDate: boolean;
}

/** Last roll read per database handle, reused while `roll_version` (bumped by triggers, migration 0005) is unchanged. */
const rollCache = new WeakMap<object, { key: string; rows: RollMemberRow[] }>();

/**
 * Members with their cotisation status for `year`; with `paidBy`, a cotisation only counts if it was paid on or
 * before that date (an assembly's roll does not change when a cotisation is paid afterwards).
 */

export async function rollMembers(db: Db, year: number, paidBy?: string): Promise<RollMemberRow[]> {
  const version = (
    await db.selectFrom('app_setting').select('value').where('key', '=', 'roll_version').executeTakeFirst()
  )?.value;
  const key = `${version}|${year}|${paidBy ?? ''}`;
  const cached = version === undefined ? undefined : rollCache.get(db);
  if (cached?.key === key) return cached.rows;
  const rows = await readRollMembers(db, year, paidBy);
  if (version !== undefined) rollCache.set(db, { key, rows });
  return rows;
}

async function readRollMembers(db: Db, year: number, paidBy?: string): Promise<RollMemberRow[]> {
  const [members, cotisations, rates] = await Promise.all([
    db
      .selectFrom('member')
      .select([
        'id',
        'kind',
        'last_name',
        'first_name',
        'structure_name',
        'structure_type',
        'erased_at',
        'profession_code',
        'college_id',
        'email',
        'joined_on',
        'left_on',
      ])
      .execute(),
    db
      .selectFrom('cotisation')
      .select(['member_id', 'amount_cents', 'paid_on', 'mode'])
      .where('year', '=', year)
      .execute(),
    rateTable(db),
  ]);
  const kinds = new Map(members.map((member) => [member.id, memberTypeOf(member.kind, member.profession_code)]));
  const upToDate = new Set<number>();
  for (const cotisation of cotisations) {
    if (paidBy && cotisation.mode !== 'exoneration' && (!cotisation.paid_on || cotisation.paid_on > paidBy)) continue;
    if (isUpToDate(cotisation, rates.get(rateKey(year, kinds.get(cotisation.member_id) ?? 'professionnel'))))
      upToDate.add(cotisation.member_id);
  }
  return members.map((member) => ({
    id: member.id,
    displayName: displayNameOf(member),
    quality: professionLabelOf(member.profession_code) ?? structureTypeLabelOf(member.structure_type),
    collegeId: member.college_id,
    email: member.email,
    joinedOn: member.joined_on,
    leftOn: member.left_on,
    erased: Boolean(member.erased_at),
    upToDate: upToDate.has(member.id),
  }));
}
