/**
 * Yearly statistics of the use log (calendar year), per protocol and for all protocols together: what the ARS asks
 * for in the yearly follow-up of a cooperation protocol, and what the indicators of the ACI contract measure. One
 * grouped query for the protocols, whose figures add up to the totals, and one count of the professionals (a
 * professional applying several protocols counts once).
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type {
  ProtocolUseFigures,
  ProtocolUseStats,
  ProtocolUseStatsRow,
  ProtocolYearlyReportRow,
} from '@shared/contract/protocol-team';
import { formatDateLong } from '@shared/format';
import { AGE_BAND_CODES, PATIENT_SEX_CODES, isCooperation } from '@shared/domain/protocol-labels';
import type { DB } from '../../db/schema';
import { audit } from '../audit';
import { assertProtocol } from './library-queries';
import { type Db, refuse } from './team';
import { yearRange } from './uses';

/** The aggregated columns, over `protocol_use` aliased `u` (a left join gives zeros, never nulls). */
function figureColumns() {
  const count = (condition: RawBuilder<unknown>) =>
    sql<number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`;
  return {
    uses: sql<number>`count(u.id)`,
    prisEnCharge: count(sql`u.outcome = 'pris_en_charge'`),
    reorientations: count(sql`u.outcome = 'reoriente_delegant'`),
    urgences: count(sql`u.outcome = 'oriente_urgences'`),
    adverseEvents: count(sql`u.adverse_event = 1`),
    activeProfessionals: sql<number>`count(distinct u.professional_member_id)`,
    withMt: count(sql`u.has_mt = 1`),
    ...Object.fromEntries(AGE_BAND_CODES.map((band) => [`age_${band}`, count(sql`u.age_band = ${band}`)])),
    ...Object.fromEntries(PATIENT_SEX_CODES.map((sex) => [`sex_${sex}`, count(sql`u.sex = ${sex}`)])),
  };
}

function selections() {
  return Object.entries(figureColumns()).map(([alias, expression]) => expression.as(alias));
}

function figuresOf(row: Record<string, unknown>): ProtocolUseFigures {
  const number = (key: string) => Number(row[key] ?? 0);
  return {
    uses: number('uses'),
    prisEnCharge: number('prisEnCharge'),
    reorientations: number('reorientations'),
    urgences: number('urgences'),
    adverseEvents: number('adverseEvents'),
    activeProfessionals: number('activeProfessionals'),
    byAgeBand: Object.fromEntries(
      AGE_BAND_CODES.map((band) => [band, number(`age_${band}`)]),
    ) as ProtocolUseFigures['byAgeBand'],
    bySex: Object.fromEntries(
      PATIENT_SEX_CODES.map((sex) => [sex, number(`sex_${sex}`)]),
    ) as ProtocolUseFigures['bySex'],
    withMt: number('withMt'),
  };
}

/**
 * The figures of a calendar year: every protocol with a use that year or a version in force at some time during it
 * (or only `protocolId`), by code then title, and the totals.
 */
export async function yearlyUseStats(
  db: Db,
  year: number,
  protocolId: number | null = null,
): Promise<ProtocolUseStats> {
  if (protocolId !== null) await assertProtocol(db, protocolId);
  const { from, to } = yearRange(year);
  // The year's uses aggregated per protocol in one pass, then joined to every protocol (zeros for the unused).
  let aggregated = db
    .selectFrom('protocol_use as u')
    .select('u.protocol_id')
    .select(selections())
    .where('u.used_on', '>=', from)
    .where('u.used_on', '<', to)
    .groupBy('u.protocol_id');
  if (protocolId !== null) aggregated = aggregated.where('u.protocol_id', '=', protocolId);
  let perProtocol = db
    .selectFrom('protocol as p')
    .leftJoin(aggregated.as('s'), 's.protocol_id', 'p.id')
    .leftJoin('protocol_yearly_report as r', (join) => join.onRef('r.protocol_id', '=', 'p.id').on('r.year', '=', year))
    .selectAll('s')
    .select(['p.id', 'p.code', 'p.title', 'p.family', 'r.sent_on'])
    .orderBy(sql`p.code is null`)
    .orderBy('p.code')
    .orderBy('p.title');
  if (protocolId !== null) perProtocol = perProtocol.where('p.id', '=', protocolId);
  else
    perProtocol = perProtocol.where((eb) =>
      eb.or([
        eb('s.protocol_id', 'is not', null),
        eb.exists(
          eb
            .selectFrom('protocol_version as v')
            .select('v.id')
            .whereRef('v.protocol_id', '=', 'p.id')
            .where('v.in_force_on', 'is not', null)
            .where('v.in_force_on', '<', to)
            .where((inner) => inner.or([inner('v.ended_on', 'is', null), inner('v.ended_on', '>=', from)])),
        ),
      ]),
    );

  // Totals add the protocols' figures up; only the professionals are counted again, once each.
  let professionals = db
    .selectFrom('protocol_use as u')
    .select(sql<number>`count(distinct u.professional_member_id)`.as('n'))
    .where('u.used_on', '>=', from)
    .where('u.used_on', '<', to);
  if (protocolId !== null) professionals = professionals.where('u.protocol_id', '=', protocolId);

  const [rows, distinctProfessionals] = await Promise.all([
    perProtocol.execute(),
    professionals.executeTakeFirstOrThrow(),
  ]);
  const protocols = rows.map(
    (row): ProtocolUseStatsRow => ({
      protocolId: row.id,
      code: row.code,
      title: row.title,
      family: row.family,
      reportSentOn: row.sent_on,
      ...figuresOf(row),
    }),
  );
  return { year, protocols, totals: sumOf(protocols, Number(distinctProfessionals.n)) };
}

/** The figures of several protocols added up, with the distinct professionals counted apart. */
function sumOf(rows: readonly ProtocolUseFigures[], activeProfessionals: number): ProtocolUseFigures {
  const total = figuresOf({});
  for (const row of rows) {
    total.uses += row.uses;
    total.prisEnCharge += row.prisEnCharge;
    total.reorientations += row.reorientations;
    total.urgences += row.urgences;
    total.adverseEvents += row.adverseEvents;
    total.withMt += row.withMt;
    for (const band of AGE_BAND_CODES) total.byAgeBand[band] += row.byAgeBand[band];
    for (const sex of PATIENT_SEX_CODES) total.bySex[sex] += row.bySex[sex];
  }
  return { ...total, activeProfessionals };
}

/** Records the yearly follow-up of a cooperation protocol as sent to the ARS (once per year; sending again updates). */
export async function markReportSent(
  db: Kysely<DB>,
  data: { protocolId: number; year: number; sentOn: string; note: string | null },
  today: string,
): Promise<ProtocolYearlyReportRow> {
  return db.transaction().execute(async (trx) => {
    const protocol = await assertProtocol(trx, data.protocolId);
    if (!isCooperation(protocol.family))
      refuse('protocolId', 'Seul un protocole de coopération transmet un suivi annuel à l’ARS.');
    if (data.sentOn > today)
      refuse('sentOn', `Le suivi se note une fois envoyé : le ${formatDateLong(data.sentOn)} est à venir.`);
    if (data.sentOn < yearRange(data.year).from)
      refuse('sentOn', `Le suivi de l’année ${data.year} ne peut pas avoir été envoyé avant cette année-là.`);
    await trx
      .insertInto('protocol_yearly_report')
      .values({ protocol_id: data.protocolId, year: data.year, sent_on: data.sentOn, note: data.note })
      .onConflict((conflict) =>
        conflict.columns(['protocol_id', 'year']).doUpdateSet({ sent_on: data.sentOn, note: data.note }),
      )
      .execute();
    await audit(trx, 'report_sent', 'protocol_yearly_report', `${data.protocolId}/${data.year}`, data.sentOn);
    return { protocolId: data.protocolId, year: data.year, sentOn: data.sentOn, note: data.note };
  });
}

// ---------- Automatic measures of indicators ----------

/**
 * Protocols with a version in force at the end of the day `on` (not archived by then): a version in force since that
 * day or before, not yet ended — one superseded, suspended or archived counts until its known end.
 */
export async function countProtocolsInForce(db: Db, on: string): Promise<number> {
  const row = await db
    .selectFrom('protocol as p')
    .select(sql<number>`count(*)`.as('n'))
    .where((eb) => eb.or([eb('p.archived_on', 'is', null), eb('p.archived_on', '>', on)]))
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('protocol_version as v')
          .select('v.id')
          .whereRef('v.protocol_id', '=', 'p.id')
          .where('v.in_force_on', '<=', on)
          .where((eb) =>
            eb.or([
              eb.and([eb('v.status', '=', 'en_vigueur'), eb('v.ended_on', 'is', null)]),
              eb.and([
                eb('v.status', 'in', ['en_vigueur', 'remplace', 'suspendu', 'archive']),
                eb('v.ended_on', '>', on),
              ]),
            ]),
          ),
      ),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Uses logged over a period (ISO dates, inclusive), all protocols together. */
export async function countUses(db: Db, from: string, to: string): Promise<number> {
  const row = await db
    .selectFrom('protocol_use')
    .select(sql<number>`count(*)`.as('n'))
    .where('used_on', '>=', from)
    .where('used_on', '<=', to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Distinct professionals who applied a protocol at least once over a period (ISO dates, inclusive). */
export async function countProfessionalsWithUse(db: Db, from: string, to: string): Promise<number> {
  const row = await db
    .selectFrom('protocol_use')
    .select(sql<number>`count(distinct professional_member_id)`.as('n'))
    .where('used_on', '>=', from)
    .where('used_on', '<=', to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
