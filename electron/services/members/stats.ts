/**
 * Dashboard figures on members: counts by type, collège, territory and cotisation status.
 */
import type { Kysely, Transaction } from 'kysely';
import type { MemberStats } from '@shared/contract';
import { memberTypeOf, type MemberListRow } from '@shared/domain/members';
import type { DB } from '../../db/schema';
import { professionLabelOf, structureTypeLabelOf } from './record';
import { rateTable, rateKey, isUpToDate } from './rates';
import { listMembers } from './list';

type Db = Kysely<DB> | Transaction<DB>;

export async function memberStats(db: Db, year: number, today: string): Promise<MemberStats> {
  const [rows, colleges, territory, cotisations, rates] = await Promise.all([
    listMembers(db, today),
    db.selectFrom('college').select(['id', 'name', 'voting_right', 'position']).orderBy('position').execute(),
    db.selectFrom('territory_commune').select('code_insee').execute(),
    db
      .selectFrom('cotisation')
      .select(['member_id', 'amount_cents', 'paid_on', 'mode'])
      .where('year', '=', year)
      .execute(),
    rateTable(db),
  ]);
  const active = rows.filter((row) => row.active);
  const count = <K>(items: MemberListRow[], key: (row: MemberListRow) => K | null) => {
    const counts = new Map<K, number>();
    for (const item of items) {
      const value = key(item);
      if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    return counts;
  };
  const byProfession = [...count(active, (row) => row.professionCode)].map(([code, n]) => ({
    code,
    label: professionLabelOf(code) ?? code,
    count: n,
  }));
  const byStructure = [...count(active, (row) => row.structureType)].map(([code, n]) => ({
    code,
    label: structureTypeLabelOf(code) ?? code,
    count: n,
  }));
  const collegeCounts = count(active, (row) => row.collegeId ?? -1);
  const byCollege: MemberStats['byCollege'] = colleges.map((college) => ({
    id: college.id,
    name: college.name,
    votingRight: college.voting_right,
    count: collegeCounts.get(college.id) ?? 0,
  }));
  if (collegeCounts.get(-1))
    byCollege.push({ id: null, name: 'Sans collège', votingRight: null, count: collegeCounts.get(-1)! });

  const territoryCodes = new Set(territory.map((row) => row.code_insee));
  const covered = new Set(
    active.map((row) => row.communeCode).filter((code): code is string => code !== null && territoryCodes.has(code)),
  );

  const paid = new Map(cotisations.map((cotisation) => [cotisation.member_id, cotisation]));
  let upToDate = 0;
  let outstanding = 0;
  let outstandingCents = 0;
  // Money collected for the year, members who have left since included.
  const collectedCents = cotisations.reduce(
    (sum, cotisation) => sum + (cotisation.paid_on ? cotisation.amount_cents : 0),
    0,
  );
  for (const row of active) {
    const expected = rates.get(rateKey(year, memberTypeOf(row.kind, row.professionCode)));
    const cotisation = paid.get(row.id);
    if (cotisation && isUpToDate(cotisation, expected)) upToDate += 1;
    else {
      outstanding += 1;
      if (expected !== undefined)
        outstandingCents += Math.max(0, expected - (cotisation?.paid_on ? cotisation.amount_cents : 0));
    }
  }
  const byCount = (a: { count: number; label: string }, b: { count: number; label: string }) =>
    b.count - a.count || a.label.localeCompare(b.label, 'fr');
  return {
    year,
    activeCount: active.length,
    personCount: active.filter((row) => row.kind === 'person').length,
    structureCount: active.filter((row) => row.kind === 'structure').length,
    byProfession: byProfession.sort(byCount),
    byStructureType: byStructure.sort(byCount),
    byCollege,
    communesCovered: covered.size,
    territoryCommunes: territoryCodes.size,
    coveredShare: territoryCodes.size ? covered.size / territoryCodes.size : null,
    cotisations: { upToDate, outstanding, collectedCents, outstandingCents },
  };
}
