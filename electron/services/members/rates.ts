/**
 * Cotisation rates per year and member type, and what « à jour de cotisation » means against them.
 */
import type { Kysely, Transaction } from 'kysely';
import type { CotisationRateRow } from '@shared/contract';
import type { MemberType } from '@shared/schemas/members';
import type { DB } from '../../db/schema';

type Db = Kysely<DB> | Transaction<DB>;

export async function cotisationRates(db: Db): Promise<CotisationRateRow[]> {
  const rows = await db
    .selectFrom('cotisation_rate')
    .selectAll()
    .orderBy('year', 'desc')
    .orderBy('member_type')
    .execute();
  return rows.map((row) => ({ year: row.year, memberType: row.member_type, amountCents: row.amount_cents }));
}

type RateTable = Map<string, number>;
export const rateKey = (year: number, type: MemberType) => `${year}:${type}`;

export async function rateTable(db: Db): Promise<RateTable> {
  return new Map((await cotisationRates(db)).map((rate) => [rateKey(rate.year, rate.memberType), rate.amountCents]));
}

/** « À jour de cotisation » for a year: paid (a payment date) at least the amount set for the member's type. */
export function isUpToDate(
  cotisation: { amount_cents: number; paid_on: string | null; mode?: string | null },
  expected: number | undefined,
): boolean {
  if (cotisation.mode === 'exoneration') return true;
  if (!cotisation.paid_on) return false;
  return expected === undefined || cotisation.amount_cents >= expected;
}

export async function setCotisationRate(db: Kysely<DB>, rate: CotisationRateRow): Promise<CotisationRateRow[]> {
  await db
    .insertInto('cotisation_rate')
    .values({ year: rate.year, member_type: rate.memberType, amount_cents: rate.amountCents })
    .onConflict((oc) => oc.columns(['year', 'member_type']).doUpdateSet({ amount_cents: rate.amountCents }))
    .execute();
  return cotisationRates(db);
}
