/**
 * Declarations of a cooperation protocol's team to the ARS: the initial one, then one for every change of délégants
 * or délégués (CSP L4011-1; décret 2021-1512). Each declaration keeps the team as declared (`team_snapshot`), so the
 * app tells when a new one is owed: délégants or délégués active today who were not declared (arrivals), or declared
 * ones who are no longer active (departures).
 */
import type { Kysely } from 'kysely';
import type {
  DeclaredTeamMember,
  ProtocolDeclarationOwed,
  ProtocolDeclarationRow,
  ProtocolDeclarationStatus,
  ProtocolDeclareData,
} from '@shared/contract/protocol-team';
import { formatDateLong } from '@shared/format';
import { checkRpps } from '@shared/domain/identifiers';
import {
  isCooperation,
  PROTOCOL_FAMILIES,
  protocolDeclarationKindLabel,
  type ProtocolDeclarationKind,
  type ProtocolMemberRole,
} from '@shared/domain/protocol-labels';
import type { DB } from '../../db/schema';
import { audit } from '../audit';
import { UserError } from '../errors';
import { displayNameOf } from '../members';
import { assertProtocol } from './library-queries';
import {
  COOPERATION_ROLES,
  cooperationTeamOn,
  type Db,
  declaredMemberOf,
  MEDECIN,
  parseSnapshot,
  refuse,
} from './team';

type SnapshotEntry = { memberId: number; role: ProtocolMemberRole };
const keyOf = (entry: SnapshotEntry) => `${entry.memberId}/${entry.role}`;

/** Members named by a snapshot, as they are known today (names, profession, RPPS). */
async function declaredMembers(db: Db, entries: readonly SnapshotEntry[]): Promise<DeclaredTeamMember[]> {
  if (!entries.length) return [];
  const rows = await db
    .selectFrom('member')
    .select(['id', 'kind', 'last_name', 'first_name', 'structure_name', 'erased_at', 'profession_code', 'rpps'])
    .where('id', 'in', [...new Set(entries.map((entry) => entry.memberId))])
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return entries.flatMap((entry) => {
    const row = byId.get(entry.memberId);
    return row ? [declaredMemberOf({ ...row, member_id: row.id }, entry.role)] : [];
  });
}

/** Arrivals and departures between the team of today and the last declared one. */
function changes(team: readonly DeclaredTeamMember[], declared: readonly SnapshotEntry[]) {
  const teamKeys = new Set(team.map(keyOf));
  const declaredKeys = new Set(declared.map(keyOf));
  return {
    arrivals: team.filter((member) => !declaredKeys.has(keyOf(member))),
    departed: declared.filter((entry) => !teamKeys.has(keyOf(entry))),
  };
}

function lastDeclarationQuery(db: Db) {
  return db
    .selectFrom('protocol_declaration')
    .select(['id', 'protocol_id', 'declared_on', 'team_snapshot'])
    .orderBy('declared_on', 'desc')
    .orderBy('id', 'desc');
}

function owedKind(hasDeclaration: boolean, teamSize: number, changed: number): ProtocolDeclarationKind | null {
  if (!hasDeclaration) return teamSize > 0 ? 'initiale' : null;
  return changed > 0 ? 'modification_equipe' : null;
}

export async function declarationStatus(db: Db, protocolId: number, today: string): Promise<ProtocolDeclarationStatus> {
  const protocol = await assertProtocol(db, protocolId);
  const last = await lastDeclarationQuery(db).where('protocol_id', '=', protocolId).executeTakeFirst();
  const cooperation = isCooperation(protocol.family);
  if (!cooperation || protocol.archived_on)
    return {
      protocolId,
      cooperation,
      owed: false,
      kind: null,
      kindLabel: null,
      arrivals: [],
      departures: [],
      lastDeclaredOn: last?.declared_on ?? null,
    };
  const team = await cooperationTeamOn(db, protocolId, today);
  const { arrivals, departed } = changes(team, last ? parseSnapshot(last.team_snapshot) : []);
  const kind = owedKind(Boolean(last), team.length, arrivals.length + departed.length);
  return {
    protocolId,
    cooperation,
    owed: kind !== null,
    kind,
    kindLabel: kind ? protocolDeclarationKindLabel(kind) : null,
    arrivals: last ? arrivals : team,
    departures: await declaredMembers(db, departed),
    lastDeclaredOn: last?.declared_on ?? null,
  };
}

/** Every cooperation protocol (not archived) that owes the ARS a declaration, by code then title. */
export async function declarationsOwed(db: Db, today: string): Promise<ProtocolDeclarationOwed[]> {
  const cooperationFamilies = PROTOCOL_FAMILIES.filter((family) => family.cooperation).map((family) => family.code);
  const protocols = await db
    .selectFrom('protocol')
    .select(['id', 'code', 'title', 'family'])
    .where('family', 'in', cooperationFamilies)
    .where('archived_on', 'is', null)
    .execute();
  if (!protocols.length) return [];
  const ids = protocols.map((protocol) => protocol.id);
  const [members, declarations] = await Promise.all([
    db
      .selectFrom('protocol_member')
      .select(['protocol_id', 'member_id', 'role'])
      .where('protocol_id', 'in', ids)
      .where('role', 'in', COOPERATION_ROLES)
      .where('joined_on', '<=', today)
      .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>', today)]))
      .execute(),
    lastDeclarationQuery(db).where('protocol_id', 'in', ids).execute(),
  ]);
  const lastOf = new Map<number, (typeof declarations)[number]>();
  for (const declaration of declarations)
    if (!lastOf.has(declaration.protocol_id)) lastOf.set(declaration.protocol_id, declaration);
  const owed: ProtocolDeclarationOwed[] = [];
  for (const protocol of protocols) {
    const team = members
      .filter((member) => member.protocol_id === protocol.id)
      .map((member) => ({ memberId: member.member_id, role: member.role }));
    const last = lastOf.get(protocol.id);
    const declared = last ? parseSnapshot(last.team_snapshot) : [];
    const teamKeys = new Set(team.map(keyOf));
    const declaredKeys = new Set(declared.map(keyOf));
    const arrivals = team.filter((entry) => !declaredKeys.has(keyOf(entry))).length;
    const departures = declared.filter((entry) => !teamKeys.has(keyOf(entry))).length;
    const kind = owedKind(Boolean(last), team.length, arrivals + departures);
    if (kind)
      owed.push({
        protocolId: protocol.id,
        code: protocol.code,
        title: protocol.title,
        family: protocol.family,
        kind,
        kindLabel: protocolDeclarationKindLabel(kind),
        arrivals,
        departures,
        lastDeclaredOn: last?.declared_on ?? null,
      });
  }
  return owed.sort(
    (a, b) => (a.code ?? '\uffff').localeCompare(b.code ?? '\uffff', 'fr') || a.title.localeCompare(b.title, 'fr'),
  );
}

export async function listDeclarations(db: Db, protocolId: number): Promise<ProtocolDeclarationRow[]> {
  await assertProtocol(db, protocolId);
  const rows = await db
    .selectFrom('protocol_declaration as d')
    .leftJoin('member as r', 'r.id', 'd.referent_member_id')
    .selectAll('d')
    .select(['r.kind as r_kind', 'r.last_name', 'r.first_name', 'r.structure_name', 'r.erased_at'])
    .where('d.protocol_id', '=', protocolId)
    .orderBy('d.declared_on', 'desc')
    .orderBy('d.id', 'desc')
    .execute();
  return Promise.all(
    rows.map(
      async (row): Promise<ProtocolDeclarationRow> => ({
        id: row.id,
        protocolId: row.protocol_id,
        kind: row.kind,
        kindLabel: protocolDeclarationKindLabel(row.kind),
        declaredOn: row.declared_on,
        channel: row.channel,
        reference: row.reference,
        referentMemberId: row.referent_member_id,
        referentName: row.r_kind ? displayNameOf({ ...row, kind: row.r_kind }) : null,
        projectAttestedOn: row.project_attested_on,
        note: row.note,
        team: await declaredMembers(db, parseSnapshot(row.team_snapshot)),
      }),
    ),
  );
}

/**
 * Records a declaration made to the ARS: the team declared is the one active on the day of the declaration (at
 * least one médecin délégant and one délégué, each with a valid RPPS). The first declaration is the initial one;
 * later ones declare a change of team, and are refused when the team has not changed.
 */
export async function declareTeam(
  db: Kysely<DB>,
  data: ProtocolDeclareData,
  today: string,
): Promise<ProtocolDeclarationRow> {
  await db.transaction().execute(async (trx) => {
    const protocol = await assertProtocol(trx, data.protocolId);
    if (!isCooperation(protocol.family)) refuse('protocolId', 'Seul un protocole de coopération se déclare à l’ARS.');
    if (data.declaredOn > today)
      refuse(
        'declaredOn',
        `Une déclaration se note une fois faite : le ${formatDateLong(data.declaredOn)} est à venir.`,
      );
    const last = await lastDeclarationQuery(trx).where('protocol_id', '=', protocol.id).executeTakeFirst();
    if (last && data.declaredOn < last.declared_on)
      refuse(
        'declaredOn',
        `La dernière déclaration date du ${formatDateLong(last.declared_on)} : une nouvelle déclaration ne peut pas la précéder.`,
      );
    const team = await cooperationTeamOn(trx, protocol.id, data.declaredOn);
    const on = formatDateLong(data.declaredOn);
    if (!team.some((member) => member.role === 'delegant' && member.professionCode === MEDECIN))
      refuse(
        'declaredOn',
        `Le ${on}, l’équipe n’a aucun médecin délégant : ajoutez-le à l’équipe avant de la déclarer.`,
      );
    if (!team.some((member) => member.role === 'delegue'))
      refuse('declaredOn', `Le ${on}, l’équipe n’a aucun délégué : ajoutez-les à l’équipe avant de la déclarer.`);
    const withoutRpps = team.find((member) => !member.rpps || !checkRpps(member.rpps).ok);
    if (withoutRpps)
      refuse(
        'declaredOn',
        `${withoutRpps.memberName} n’a pas de numéro RPPS valide : complétez la fiche de l’adhérent avant de déclarer l’équipe.`,
      );
    if (last) {
      const { arrivals, departed } = changes(team, parseSnapshot(last.team_snapshot));
      if (!arrivals.length && !departed.length)
        refuse(
          'declaredOn',
          `L’équipe n’a pas changé depuis la déclaration du ${formatDateLong(last.declared_on)} : il n’y a rien à déclarer.`,
          'conflict',
        );
    }
    if (data.referentMemberId !== null) {
      const referent = await trx
        .selectFrom('member')
        .select('id')
        .where('id', '=', data.referentMemberId)
        .executeTakeFirst();
      if (!referent) refuse('referentMemberId', 'Ce référent n’existe plus : choisissez un adhérent de la liste.');
    }
    const kind: ProtocolDeclarationKind = last ? 'modification_equipe' : 'initiale';
    const snapshot: SnapshotEntry[] = team.map((member) => ({ memberId: member.memberId, role: member.role }));
    const row = await trx
      .insertInto('protocol_declaration')
      .values({
        protocol_id: protocol.id,
        kind,
        declared_on: data.declaredOn,
        channel: data.channel,
        reference: data.reference,
        referent_member_id: data.referentMemberId,
        project_attested_on: data.projectAttestedOn,
        team_snapshot: JSON.stringify(snapshot),
        note: data.note,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, 'declare', 'protocol_declaration', String(row.id), kind);
  });
  const [latest] = await listDeclarations(db, data.protocolId);
  if (!latest) throw new UserError('internal', 'La déclaration n’a pas été retrouvée après son enregistrement.');
  return latest;
}

export async function deleteDeclaration(db: Kysely<DB>, id: number): Promise<{ deleted: true }> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('protocol_declaration').select('id').where('id', '=', id).executeTakeFirst();
    if (!row) throw new UserError('not_found', 'Cette déclaration n’existe plus.');
    await trx.deleteFrom('protocol_declaration').where('id', '=', id).execute();
    await audit(trx, 'delete', 'protocol_declaration', String(id), null);
  });
  return { deleted: true };
}
