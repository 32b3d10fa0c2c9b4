/**
 * The team of a protocol: who wrote it, who applies it, its référents, and for a cooperation protocol its délégants
 * and délégués (RPPS required, a national protocol's délégants are médecins). Each membership has its own period
 * (joined, left), so that the team at any date — the one declared to the ARS, the one that could apply the protocol
 * on the day of a use — can be told.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type {
  DeclaredTeamMember,
  ProtocolTeamAddData,
  ProtocolTeamRow,
  ProtocolTeamUpdateData,
} from '@shared/contract/protocol-team';
import { formatDateLong } from '@shared/format';
import { checkRpps } from '@shared/domain/identifiers';
import {
  isCooperation,
  protocolMemberRoleLabel,
  type ProtocolFamily,
  type ProtocolMemberRole,
} from '@shared/domain/protocol-labels';
import type { DB } from '../../db/schema';
import type { ProtocolTable } from '../../db/schema-protocols';
import { audit } from '../audit';
import { UserError } from '../errors';
import { displayNameOf, isActive, professionLabelOf } from '../members';
import { assertProtocol } from './library-queries';

export type Db = Kysely<DB> | Transaction<DB>;

const NOTHING_SAVED = 'Rien n’a été enregistré.';
/** Profession code of a médecin in the ANS nomenclature. */
export const MEDECIN = '10';
/** The roles a cooperation protocol declares to the ARS. */
export const COOPERATION_ROLES: readonly ProtocolMemberRole[] = ['delegant', 'delegue'];

/** A refusal naming the form field, nothing written. */
export function refuse(field: string, message: string, code: 'invalid_input' | 'conflict' = 'invalid_input'): never {
  throw new UserError(code, `${message} ${NOTHING_SAVED}`, { [field]: message });
}

/** Whether a membership (or a member of the CPTS) covers a day: joined on or before it, not yet left. */
export function activeOn(period: { joined_on: string | null; left_on: string | null }, day: string): boolean {
  return (!period.joined_on || period.joined_on <= day) && isActive(period.left_on, day);
}

/** The team's rows with what is needed to show and check them (member's name, profession, RPPS). */
function teamQuery(db: Db) {
  return db
    .selectFrom('protocol_member as pm')
    .innerJoin('member as m', 'm.id', 'pm.member_id')
    .select([
      'pm.id',
      'pm.protocol_id',
      'pm.member_id',
      'pm.role',
      'pm.joined_on',
      'pm.left_on',
      'pm.adhesion_signed_on',
      'm.kind',
      'm.last_name',
      'm.first_name',
      'm.structure_name',
      'm.erased_at',
      'm.profession_code',
      'm.rpps',
      'm.left_on as member_left_on',
    ]);
}
type TeamRecord = Awaited<ReturnType<ReturnType<typeof teamQuery>['executeTakeFirstOrThrow']>>;

function rppsProblem(rpps: string | null): string | null {
  if (!rpps) return 'Le numéro RPPS manque.';
  const result = checkRpps(rpps);
  return result.ok ? null : result.message;
}

function rowOf(record: TeamRecord, family: ProtocolFamily, today: string): ProtocolTeamRow {
  const warnings: string[] = [];
  const active = activeOn(record, today);
  const cooperationRole = COOPERATION_ROLES.includes(record.role);
  if (active && cooperationRole && isCooperation(family)) {
    const problem = rppsProblem(record.rpps);
    if (problem) warnings.push(`${problem} Complétez la fiche de l’adhérent.`);
    if (!record.adhesion_signed_on) warnings.push('Adhésion au protocole non signée.');
  }
  if (active && record.member_left_on && !isActive(record.member_left_on, today))
    warnings.push(`A quitté la CPTS le ${formatDateLong(record.member_left_on)} : indiquez sa sortie de l’équipe.`);
  return {
    id: record.id,
    protocolId: record.protocol_id,
    memberId: record.member_id,
    memberName: displayNameOf(record),
    professionCode: record.profession_code,
    professionLabel: professionLabelOf(record.profession_code),
    rpps: record.rpps,
    role: record.role,
    roleLabel: protocolMemberRoleLabel(record.role),
    joinedOn: record.joined_on,
    leftOn: record.left_on,
    adhesionSignedOn: record.adhesion_signed_on,
    active,
    warnings,
  };
}

/** The whole team, active members first, then by role and name. */
export async function listTeam(db: Db, protocolId: number, today: string): Promise<ProtocolTeamRow[]> {
  const protocol = await assertProtocol(db, protocolId);
  const records = await teamQuery(db).where('pm.protocol_id', '=', protocolId).execute();
  const roleRank = (role: ProtocolMemberRole) =>
    ['referent', 'delegant', 'delegue', 'redacteur', 'utilisateur'].indexOf(role);
  return records
    .map((record) => rowOf(record, protocol.family, today))
    .sort(
      (a, b) =>
        Number(b.active) - Number(a.active) ||
        roleRank(a.role) - roleRank(b.role) ||
        a.memberName.localeCompare(b.memberName, 'fr'),
    );
}

async function teamRow(db: Db, id: number, today: string): Promise<ProtocolTeamRow> {
  const record = await teamQuery(db).where('pm.id', '=', id).executeTakeFirst();
  if (!record) throw new UserError('not_found', 'Ce membre de l’équipe n’existe plus.');
  const protocol = await assertProtocol(db, record.protocol_id);
  return rowOf(record, protocol.family, today);
}

/** The délégants and délégués active on a day, as the ARS knows them. */
export async function cooperationTeamOn(db: Db, protocolId: number, day: string): Promise<DeclaredTeamMember[]> {
  const records = await teamQuery(db)
    .where('pm.protocol_id', '=', protocolId)
    .where('pm.role', 'in', COOPERATION_ROLES)
    .where('pm.joined_on', '<=', day)
    .where((eb) => eb.or([eb('pm.left_on', 'is', null), eb('pm.left_on', '>', day)]))
    .execute();
  return records
    .map((record) => declaredMemberOf(record, record.role))
    .sort((a, b) => a.role.localeCompare(b.role) || a.memberName.localeCompare(b.memberName, 'fr'));
}

export function declaredMemberOf(
  member: Pick<
    TeamRecord,
    'member_id' | 'kind' | 'last_name' | 'first_name' | 'structure_name' | 'erased_at' | 'profession_code' | 'rpps'
  >,
  role: ProtocolMemberRole,
): DeclaredTeamMember {
  return {
    memberId: member.member_id,
    memberName: displayNameOf(member),
    role,
    roleLabel: protocolMemberRoleLabel(role),
    professionCode: member.profession_code,
    professionLabel: professionLabelOf(member.profession_code),
    rpps: member.rpps,
  };
}

interface Membership {
  memberId: number;
  role: ProtocolMemberRole;
  joinedOn: string;
  leftOn: string | null;
}

/**
 * The rules of a membership: the member exists and is in the CPTS on the day they join; délégants and délégués
 * belong to cooperation protocols only and need a valid RPPS; a national protocol's délégants are médecins; the
 * period is in order; the same member does not hold the same role twice over the same days.
 */
async function assertMembership(
  db: Db,
  protocol: Selectable<ProtocolTable>,
  membership: Membership,
  exceptId: number | null,
): Promise<void> {
  const { memberId, role, joinedOn, leftOn } = membership;
  const member = await db
    .selectFrom('member')
    .select([
      'id',
      'kind',
      'last_name',
      'first_name',
      'structure_name',
      'erased_at',
      'left_on',
      'profession_code',
      'rpps',
    ])
    .where('id', '=', memberId)
    .executeTakeFirst();
  if (!member)
    throw new UserError('not_found', `Cet adhérent n’existe plus. ${NOTHING_SAVED}`, {
      memberId: 'Adhérent introuvable.',
    });
  if (member.erased_at) refuse('memberId', 'Un adhérent anonymisé ne peut pas rejoindre l’équipe d’un protocole.');
  const name = displayNameOf(member);
  if (!isActive(member.left_on, joinedOn))
    refuse(
      'joinedOn',
      `${name} a quitté la CPTS le ${formatDateLong(member.left_on)} : il ne peut pas rejoindre l’équipe le ${formatDateLong(joinedOn)}.`,
    );
  if (leftOn && leftOn < joinedOn)
    refuse('leftOn', `La sortie de l’équipe ne peut pas précéder l’entrée (le ${formatDateLong(joinedOn)}).`);

  const roleLabel = protocolMemberRoleLabel(role).toLocaleLowerCase('fr-FR');
  if (COOPERATION_ROLES.includes(role)) {
    if (!isCooperation(protocol.family))
      refuse(
        'role',
        'Les rôles de délégant et de délégué n’existent que dans un protocole de coopération : choisissez rédacteur, utilisateur ou référent.',
      );
    if (rppsProblem(member.rpps))
      refuse('memberId', `Un ${roleLabel} doit avoir un numéro RPPS valide : complétez la fiche de l’adhérent.`);
    if (role === 'delegant' && protocol.family === 'coop_nationale' && member.profession_code !== MEDECIN)
      refuse(
        'memberId',
        `Le délégant d’un protocole de coopération national est un médecin : ${name} est ${professionLabelOf(member.profession_code)?.toLocaleLowerCase('fr-FR') ?? 'sans profession renseignée'}.`,
      );
  }

  let overlapping = db
    .selectFrom('protocol_member')
    .select(['joined_on', 'left_on'])
    .where('protocol_id', '=', protocol.id)
    .where('member_id', '=', memberId)
    .where('role', '=', role)
    .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>', joinedOn)]));
  if (leftOn) overlapping = overlapping.where('joined_on', '<', leftOn);
  if (exceptId !== null) overlapping = overlapping.where('id', '!=', exceptId);
  const twice = await overlapping.executeTakeFirst();
  if (twice)
    refuse(
      'role',
      `${name} est déjà ${roleLabel} de ce protocole depuis le ${formatDateLong(twice.joined_on)}.`,
      'conflict',
    );
}

/**
 * Uses logged in this protocol from a day on under a role: the délégant's, or those of the professional who applied
 * it (délégué, utilisateur). A departure cannot precede them. Rédacteurs and référents apply nothing.
 */
async function usesAfter(db: Db, protocolId: number, memberId: number, role: ProtocolMemberRole, day: string) {
  if (role === 'redacteur' || role === 'referent') return { count: 0, last: null };
  const column = role === 'delegant' ? 'delegant_member_id' : 'professional_member_id';
  const row = await db
    .selectFrom('protocol_use')
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.max('used_on').as('last')])
    .where('protocol_id', '=', protocolId)
    .where(column, '=', memberId)
    .where('used_on', '>=', day)
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), last: row.last as string | null };
}

export async function addTeamMember(
  db: Kysely<DB>,
  data: ProtocolTeamAddData,
  today: string,
): Promise<ProtocolTeamRow> {
  const id = await db.transaction().execute(async (trx) => {
    const protocol = await assertProtocol(trx, data.protocolId);
    await assertMembership(trx, protocol, { ...data, leftOn: null }, null);
    const row = await trx
      .insertInto('protocol_member')
      .values({
        protocol_id: data.protocolId,
        member_id: data.memberId,
        role: data.role,
        joined_on: data.joinedOn,
        adhesion_signed_on: data.adhesionSignedOn,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, 'create', 'protocol_member', String(row.id), data.role);
    return row.id;
  });
  return teamRow(db, id, today);
}

async function assertTeamRow(db: Db, id: number) {
  const row = await db.selectFrom('protocol_member').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new UserError('not_found', 'Ce membre de l’équipe n’existe plus.');
  return row;
}

/** Uses already logged under a membership cannot be left after its end. */
async function assertLeftAfterUses(db: Db, protocolId: number, membership: Membership): Promise<void> {
  if (membership.leftOn) {
    const after = await usesAfter(db, protocolId, membership.memberId, membership.role, membership.leftOn);
    if (after.count)
      refuse(
        'leftOn',
        `${after.count} utilisation${after.count > 1 ? 's' : ''} du protocole ${after.count > 1 ? 'sont enregistrées' : 'est enregistrée'} à son nom jusqu’au ${formatDateLong(after.last)} : la sortie de l’équipe ne peut pas les précéder.`,
      );
  }
}

export async function updateTeamMember(
  db: Kysely<DB>,
  data: ProtocolTeamUpdateData,
  today: string,
): Promise<ProtocolTeamRow> {
  await db.transaction().execute(async (trx) => {
    const current = await assertTeamRow(trx, data.id);
    const protocol = await assertProtocol(trx, current.protocol_id);
    await assertMembership(trx, protocol, data, data.id);
    await assertLeftAfterUses(trx, protocol.id, data);
    await trx
      .updateTable('protocol_member')
      .set({
        member_id: data.memberId,
        role: data.role,
        joined_on: data.joinedOn,
        left_on: data.leftOn,
        adhesion_signed_on: data.adhesionSignedOn,
      })
      .where('id', '=', data.id)
      .execute();
    await audit(trx, 'update', 'protocol_member', String(data.id), data.role);
  });
  return teamRow(db, data.id, today);
}

export async function leaveTeam(db: Kysely<DB>, id: number, leftOn: string, today: string): Promise<ProtocolTeamRow> {
  await db.transaction().execute(async (trx) => {
    const current = await assertTeamRow(trx, id);
    if (current.left_on)
      refuse('leftOn', `Ce membre a déjà quitté l’équipe le ${formatDateLong(current.left_on)}.`, 'conflict');
    if (leftOn < current.joined_on)
      refuse(
        'leftOn',
        `La sortie de l’équipe ne peut pas précéder l’entrée (le ${formatDateLong(current.joined_on)}).`,
      );
    await assertLeftAfterUses(trx, current.protocol_id, {
      memberId: current.member_id,
      role: current.role,
      joinedOn: current.joined_on,
      leftOn,
    });
    await trx.updateTable('protocol_member').set({ left_on: leftOn }).where('id', '=', id).execute();
    await audit(trx, 'leave', 'protocol_member', String(id), leftOn);
  });
  return teamRow(db, id, today);
}

/**
 * Removing a membership is for a mistake: one already declared to the ARS, or under which uses were logged, is part
 * of the record — the member leaves the team instead.
 */
export async function removeTeamMember(db: Kysely<DB>, id: number): Promise<{ deleted: true }> {
  await db.transaction().execute(async (trx) => {
    const current = await assertTeamRow(trx, id);
    const uses = await usesAfter(trx, current.protocol_id, current.member_id, current.role, current.joined_on);
    if (uses.count)
      throw new UserError(
        'conflict',
        `Des utilisations du protocole sont enregistrées à son nom : indiquez sa date de sortie de l’équipe plutôt que de le retirer. ${NOTHING_SAVED}`,
      );
    if (COOPERATION_ROLES.includes(current.role)) {
      const declarations = await trx
        .selectFrom('protocol_declaration')
        .select('team_snapshot')
        .where('protocol_id', '=', current.protocol_id)
        .execute();
      const declared = declarations.some((declaration) =>
        parseSnapshot(declaration.team_snapshot).some(
          (entry) => entry.memberId === current.member_id && entry.role === current.role,
        ),
      );
      if (declared)
        throw new UserError(
          'conflict',
          `Ce membre a été déclaré à l’ARS : indiquez sa date de sortie de l’équipe plutôt que de le retirer. ${NOTHING_SAVED}`,
        );
    }
    await trx.deleteFrom('protocol_member').where('id', '=', id).execute();
    await audit(trx, 'delete', 'protocol_member', String(id), current.role);
  });
  return { deleted: true };
}

/** The team as declared: `[{ memberId, role }]` (tolerates a damaged value: nothing declared). */
export function parseSnapshot(json: string): { memberId: number; role: ProtocolMemberRole }[] {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value.filter(
      (entry): entry is { memberId: number; role: ProtocolMemberRole } =>
        typeof entry?.memberId === 'number' && COOPERATION_ROLES.includes(entry?.role),
    );
  } catch {
    return [];
  }
}
