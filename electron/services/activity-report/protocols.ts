/**
 * The « Protocoles pluriprofessionnels » section: the register of the year (as its own PDF has it), the versions
 * validated during the year, the reviews due at its end, the teams of the cooperation protocols on 31 December and
 * the uses of the year.
 */
import { type Kysely, sql } from 'kysely';
import { isCooperation } from '@shared/domain/protocol-labels';
import type { ProtocolsData } from '@shared/reports/activity-report';
import type { DB } from '../../db/schema';
import { listProtocols } from '../protocols/library-queries';
import { yearlyUseStats } from '../protocols/stats';
import { protocolRegisterReportData } from '../report-exports-protocols';

/** « PCO-01 Cystite », or the title alone. */
const nameOf = (row: { code: string | null; title: string }) => (row.code ? `${row.code} ${row.title}` : row.title);

export async function protocolsData(
  db: Kysely<DB>,
  year: number,
  asOf: string,
  now: Date,
  today: string,
): Promise<ProtocolsData> {
  const [register, protocols, stats, versions, team] = await Promise.all([
    protocolRegisterReportData(db, year, now, today),
    listProtocols(db, {}, asOf),
    yearlyUseStats(db, year),
    db
      .selectFrom('protocol_version as v')
      .innerJoin('protocol as p', 'p.id', 'v.protocol_id')
      .select(['p.code', 'p.title', 'v.number', 'v.validated_on', 'v.validated_by'])
      .where('v.validated_on', '>=', `${year}-01-01`)
      .where('v.validated_on', '<=', `${year}-12-31`)
      .orderBy('v.validated_on')
      .orderBy('p.code')
      .execute(),
    db
      .selectFrom('protocol_member as m')
      .innerJoin('protocol as p', 'p.id', 'm.protocol_id')
      .select([
        'p.id',
        'p.code',
        'p.title',
        'p.family',
        sql<number>`sum(case when m.role = 'delegant' then 1 else 0 end)`.as('delegants'),
        sql<number>`sum(case when m.role = 'delegue' then 1 else 0 end)`.as('delegues'),
      ])
      .where('m.role', 'in', ['delegant', 'delegue'])
      .where('m.joined_on', '<=', asOf)
      .where((eb) => eb.or([eb('m.left_on', 'is', null), eb('m.left_on', '>', asOf)]))
      .groupBy('p.id')
      .orderBy(sql`p.code is null`)
      .orderBy('p.code')
      .orderBy('p.title')
      .execute(),
  ]);
  return {
    register,
    versionsValidated: versions.map((row) => ({
      protocol: nameOf(row),
      version: row.number,
      validatedOn: row.validated_on!,
      instance: row.validated_by,
    })),
    reviewsDue: protocols
      .filter(
        (row) =>
          (row.archivedOn === null || row.archivedOn > asOf) &&
          row.nextReviewOn !== null &&
          (row.review === 'depassee' || row.review === 'bientot'),
      )
      .sort((a, b) => a.nextReviewOn!.localeCompare(b.nextReviewOn!))
      .map((row) => ({ protocol: nameOf(row), dueOn: row.nextReviewOn!, overdue: row.review === 'depassee' })),
    teams: team
      .filter((row) => isCooperation(row.family))
      .map((row) => ({ protocol: nameOf(row), delegants: Number(row.delegants), delegues: Number(row.delegues) })),
    uses: stats.protocols
      .filter((row) => row.uses > 0)
      .map((row) => ({ protocol: nameOf(row), uses: row.uses, professionals: row.activeProfessionals })),
  };
}
