/**
 * The anonymous log of a protocol's uses: a date, who applied it (the délégué of a cooperation protocol) and for whom
 * — an age band, a sex, whether the patient has a médecin traitant, never a name or a birth date —, the outcome and
 * any adverse event. The free texts go through the same direct-identifier guard as an RCP case's. A use is logged
 * only on a day when a version of the protocol was in force, and for a cooperation protocol by a délégué (under a
 * délégant) of the team on that day.
 */
import type { Kysely, Selectable } from 'kysely';
import type { ProtocolUseData, ProtocolUseRow } from '@shared/contract/protocol-team';
import { formatDateLong } from '@shared/format';
import {
  ageBandLabel,
  isCooperation,
  patientSexLabel,
  outcomeLabel as outcomeLabelOf,
  type ProtocolMemberRole,
} from '@shared/domain/protocol-labels';
import type { DB } from '../../db/schema';
import type { ProtocolTable } from '../../db/schema-protocols';
import { audit } from '../audit';
import { rcpTextProblem } from '@shared/domain/rcp-guard';
import { UserError } from '../errors';
import { displayNameOf } from '../members';
import { assertProtocol } from './library-queries';
import { type Db, refuse } from './team';

/** The guard's reason speaks of RCP cases; the use log is anonymous for the same reason. */
const RCP_REASON = 'les cas de RCP sont pseudonymisés';
const USE_LOG_REASON = 'le journal des utilisations d’un protocole est anonyme';

/** Every free text of a use goes through the RCP direct-identifier guard; nothing is written when one is refused. */
function assertAnonymous(texts: readonly (readonly [field: string, label: string, value: string | null])[]): void {
  const fields: Record<string, string> = {};
  for (const [field, label, value] of texts) {
    const problem = value ? rcpTextProblem(value, label) : null;
    if (problem) fields[field] = problem.replace(RCP_REASON, USE_LOG_REASON);
  }
  const messages = Object.values(fields);
  if (messages.length) throw new UserError('invalid_input', messages.join(' '), fields);
}

/** The first day of a calendar year and the first day of the next one (ISO), for `used_on >= from and < to`. */
export function yearRange(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year + 1}-01-01` };
}

/**
 * The periods when a version was in force: from `in_force_on`, until `ended_on` (excluded). A version in force
 * today may have no end; one superseded, suspended or archived counts only when its end is known.
 */
export async function inForcePeriods(db: Db, protocolId: number) {
  const rows = await db
    .selectFrom('protocol_version')
    .select(['number', 'status', 'in_force_on', 'ended_on'])
    .where('protocol_id', '=', protocolId)
    .where('in_force_on', 'is not', null)
    .where('status', 'in', ['en_vigueur', 'remplace', 'suspendu', 'archive'])
    .orderBy('in_force_on')
    .execute();
  return rows
    .filter((row) => row.status === 'en_vigueur' || row.ended_on !== null)
    .map((row) => ({ number: row.number, from: row.in_force_on as string, until: row.ended_on }));
}

function describePeriods(periods: { number: number; from: string; until: string | null }[]): string {
  return periods
    .map((period) =>
      period.until
        ? `du ${formatDateLong(period.from)} au ${formatDateLong(period.until)} exclu (version ${period.number})`
        : `depuis le ${formatDateLong(period.from)} (version ${period.number})`,
    )
    .join(', ');
}

async function assertInForce(db: Db, protocolId: number, day: string): Promise<void> {
  const periods = await inForcePeriods(db, protocolId);
  if (periods.some((period) => period.from <= day && (period.until === null || day < period.until))) return;
  refuse(
    'usedOn',
    periods.length
      ? `Le protocole n’était pas en vigueur le ${formatDateLong(day)} : il l’a été ${describePeriods(periods)}.`
      : 'Ce protocole n’a encore jamais été en vigueur : aucune utilisation ne peut être enregistrée.',
  );
}

/** For a cooperation protocol: the member held `role` in the team on that day. */
async function assertRoleOn(
  db: Db,
  protocol: Selectable<ProtocolTable>,
  memberId: number,
  role: ProtocolMemberRole,
  day: string,
  field: string,
): Promise<void> {
  const held = await db
    .selectFrom('protocol_member')
    .select('id')
    .where('protocol_id', '=', protocol.id)
    .where('member_id', '=', memberId)
    .where('role', '=', role)
    .where('joined_on', '<=', day)
    .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>', day)]))
    .executeTakeFirst();
  if (held) return;
  const member = await db
    .selectFrom('member')
    .select(['kind', 'last_name', 'first_name', 'structure_name', 'erased_at'])
    .where('id', '=', memberId)
    .executeTakeFirst();
  if (!member) refuse(field, 'Cet adhérent n’existe plus.');
  refuse(
    field,
    role === 'delegue'
      ? `${displayNameOf(member)} n’était pas délégué de ce protocole le ${formatDateLong(day)} : seul un délégué de l’équipe peut l’appliquer.`
      : `${displayNameOf(member)} n’était pas délégant de ce protocole le ${formatDateLong(day)} : choisissez un délégant de l’équipe.`,
  );
}

async function assertMemberExists(db: Db, memberId: number, field: string): Promise<void> {
  const row = await db.selectFrom('member').select('id').where('id', '=', memberId).executeTakeFirst();
  if (!row) refuse(field, 'Cet adhérent n’existe plus.');
}

function usesQuery(db: Db) {
  return db
    .selectFrom('protocol_use as u')
    .leftJoin('member as p', 'p.id', 'u.professional_member_id')
    .leftJoin('member as d', 'd.id', 'u.delegant_member_id')
    .select([
      'u.id',
      'u.protocol_id',
      'u.used_on',
      'u.professional_member_id',
      'u.delegant_member_id',
      'u.age_band',
      'u.sex',
      'u.has_mt',
      'u.outcome',
      'u.adverse_event',
      'u.adverse_event_text',
      'u.note',
      'p.kind as p_kind',
      'p.last_name as p_last_name',
      'p.first_name as p_first_name',
      'p.structure_name as p_structure_name',
      'p.erased_at as p_erased_at',
      'd.kind as d_kind',
      'd.last_name as d_last_name',
      'd.first_name as d_first_name',
      'd.structure_name as d_structure_name',
      'd.erased_at as d_erased_at',
    ]);
}
type UseRecord = Awaited<ReturnType<ReturnType<typeof usesQuery>['executeTakeFirstOrThrow']>>;

function rowOf(record: UseRecord): ProtocolUseRow {
  const name = (prefix: 'p' | 'd') => {
    const kind = record[`${prefix}_kind`];
    return kind
      ? displayNameOf({
          kind,
          last_name: record[`${prefix}_last_name`],
          first_name: record[`${prefix}_first_name`],
          structure_name: record[`${prefix}_structure_name`],
          erased_at: record[`${prefix}_erased_at`],
        })
      : null;
  };
  return {
    id: record.id,
    protocolId: record.protocol_id,
    usedOn: record.used_on,
    professionalMemberId: record.professional_member_id,
    professionalName: name('p'),
    delegantMemberId: record.delegant_member_id,
    delegantName: name('d'),
    ageBand: record.age_band,
    ageBandLabel: record.age_band ? ageBandLabel(record.age_band) : null,
    sex: record.sex,
    sexLabel: record.sex ? patientSexLabel(record.sex) : null,
    hasMt: record.has_mt === null ? null : record.has_mt === 1,
    outcome: record.outcome,
    outcomeLabel: outcomeLabelOf(record.outcome),
    adverseEvent: record.adverse_event === 1,
    adverseEventText: record.adverse_event_text,
    note: record.note,
  };
}

/** The uses of one calendar year, the latest first. */
export async function listUses(db: Db, protocolId: number, year: number): Promise<ProtocolUseRow[]> {
  await assertProtocol(db, protocolId);
  const { from, to } = yearRange(year);
  const records = await usesQuery(db)
    .where('u.protocol_id', '=', protocolId)
    .where('u.used_on', '>=', from)
    .where('u.used_on', '<', to)
    .orderBy('u.used_on', 'desc')
    .orderBy('u.id', 'desc')
    .execute();
  return records.map(rowOf);
}

export async function logUse(db: Kysely<DB>, data: ProtocolUseData, today: string): Promise<ProtocolUseRow> {
  assertAnonymous([
    ['adverseEventText', 'Événement indésirable', data.adverseEventText],
    ['note', 'Note', data.note],
  ]);
  const id = await db.transaction().execute(async (trx) => {
    const protocol = await assertProtocol(trx, data.protocolId);
    if (data.usedOn > today)
      refuse('usedOn', `Une utilisation se note une fois faite : le ${formatDateLong(data.usedOn)} est à venir.`);
    await assertInForce(trx, protocol.id, data.usedOn);
    if (isCooperation(protocol.family)) {
      await assertRoleOn(trx, protocol, data.professionalMemberId, 'delegue', data.usedOn, 'professionalMemberId');
      if (data.delegantMemberId !== null)
        await assertRoleOn(trx, protocol, data.delegantMemberId, 'delegant', data.usedOn, 'delegantMemberId');
    } else {
      await assertMemberExists(trx, data.professionalMemberId, 'professionalMemberId');
      if (data.delegantMemberId !== null)
        refuse('delegantMemberId', 'Un délégant n’intervient que dans un protocole de coopération.');
    }
    const row = await trx
      .insertInto('protocol_use')
      .values({
        protocol_id: protocol.id,
        used_on: data.usedOn,
        professional_member_id: data.professionalMemberId,
        delegant_member_id: data.delegantMemberId,
        age_band: data.ageBand,
        sex: data.sex,
        has_mt: data.hasMt ? 1 : 0,
        outcome: data.outcome,
        adverse_event: data.adverseEvent ? 1 : 0,
        adverse_event_text: data.adverseEventText,
        note: data.note,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, 'create', 'protocol_use', String(row.id), data.outcome);
    return row.id;
  });
  return rowOf(await usesQuery(db).where('u.id', '=', id).executeTakeFirstOrThrow());
}

export async function deleteUse(db: Kysely<DB>, id: number): Promise<{ deleted: true }> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('protocol_use').select('id').where('id', '=', id).executeTakeFirst();
    if (!row) throw new UserError('not_found', 'Cette utilisation n’existe plus.');
    await trx.deleteFrom('protocol_use').where('id', '=', id).execute();
    await audit(trx, 'delete', 'protocol_use', String(id), null);
  });
  return { deleted: true };
}
