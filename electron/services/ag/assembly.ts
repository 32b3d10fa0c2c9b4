/**
 * One assembly loaded for the governance maths: the meeting, its rules, the voting roll (members on the day; for
 * the CA and the bureau, the holders of a mandate), presence, pouvoirs and the quorum they give.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import {
  computeQuorum,
  MEETING_TYPES as GOVERNANCE_TYPES,
  votingRoll,
  type AgMember,
  type MeetingType,
  type StatutoryRules,
} from '@shared/domain/ag';
import type { DB, MeetingTable } from '../../db/schema';
import { UserError } from '../errors';
import { rollMembers, type RollMemberRow } from '../members';
import { frozenRules, rulesAt } from './rules';

type Db = Kysely<DB> | Transaction<DB>;

const CA_ROLES = new Set([
  'president',
  'vice_president',
  'tresorier',
  'tresorier_adjoint',
  'secretaire',
  'secretaire_adjoint',
  'membre_ca',
  'membre_bureau',
]);
const BUREAU_ROLES = new Set([
  'president',
  'vice_president',
  'tresorier',
  'tresorier_adjoint',
  'secretaire',
  'secretaire_adjoint',
  'membre_bureau',
]);

export function isAgMeetingType(type: string): type is MeetingType {
  return (GOVERNANCE_TYPES as readonly string[]).includes(type);
}

export async function assertAgMeeting(
  db: Db,
  meetingId: number,
): Promise<Selectable<MeetingTable> & { type: MeetingType }> {
  const meeting = await db.selectFrom('meeting').selectAll().where('id', '=', meetingId).executeTakeFirst();
  if (!meeting) throw new UserError('not_found', 'Cette réunion n’existe pas ou plus.');
  if (!isAgMeetingType(meeting.type)) {
    throw new UserError(
      'invalid_input',
      'Le quorum, les pouvoirs et les votes concernent les assemblées générales, le conseil d’administration et le bureau.',
    );
  }
  return meeting as Selectable<MeetingTable> & { type: MeetingType };
}

/**
 * Members of the association on `date` (joined, not left). A member anonymised since stays on the roll of past
 * assemblies as « Membre anonymisé » (anonymisation sets the leaving date, so later assemblies do not list them).
 */
function memberOn(member: RollMemberRow, date: string): boolean {
  if (member.joinedOn && member.joinedOn > date) return false;
  if (member.leftOn && member.leftOn <= date) return false;
  return true;
}

/** Loads everything the governance maths needs for one meeting. */
export async function loadAssembly(db: Db, meetingId: number, today: string) {
  const meeting = await assertAgMeeting(db, meetingId);
  const type = meeting.type;
  const round = meeting.convocation_round;
  const rulesInForce = meeting.rules_snapshot ? frozenRules(meeting.rules_snapshot) : await rulesAt(db, meeting.date);
  const rules = rulesInForce.rules;
  const year = Number(meeting.date.slice(0, 4));

  const [allMembers, colleges, presenceRows, proxyRows, mandates] = await Promise.all([
    rollMembers(db, year, meeting.date),
    db.selectFrom('college').select(['id', 'name', 'voting_right', 'vote_weight']).execute(),
    db.selectFrom('ag_presence').selectAll().where('meeting_id', '=', meetingId).execute(),
    db.selectFrom('ag_proxy').selectAll().where('meeting_id', '=', meetingId).orderBy('id').execute(),
    type === 'ca' || type === 'bureau'
      ? db
          .selectFrom('mandate')
          .select(['member_id', 'role'])
          .where('start_on', '<=', meeting.date)
          .where((eb) => eb.or([eb('end_on', 'is', null), eb('end_on', '>=', meeting.date)]))
          .execute()
      : Promise.resolve([]),
  ]);
  const collegeById = new Map(colleges.map((college) => [college.id, college]));
  let members = allMembers.filter((member) => memberOn(member, meeting.date));
  if (type === 'ca' || type === 'bureau') {
    const roles = type === 'ca' ? CA_ROLES : BUREAU_ROLES;
    const body = new Set(mandates.filter((mandate) => roles.has(mandate.role)).map((mandate) => mandate.member_id));
    members = members.filter((member) => body.has(member.id));
  }
  const byId = new Map(members.map((member) => [member.id, member]));
  const agMembers: AgMember[] = members.map((member) => {
    const college = member.collegeId === null ? undefined : collegeById.get(member.collegeId);
    return {
      id: member.id,
      name: member.displayName,
      collegeId: member.collegeId,
      collegeName: college?.name ?? null,
      votingRight: college?.voting_right ?? 'deliberative',
      voteWeight: college?.vote_weight ?? 1,
      upToDate: member.upToDate,
      active: true,
    };
  });
  const roll = votingRoll(agMembers, rules, { meetingType: type, year });
  const presence = new Map(presenceRows.map((row) => [row.member_id, row]));
  const attendance = presenceRows
    .filter((row) => row.present === 1)
    .map((row) => ({ memberId: row.member_id, status: 'present' as const }));
  const proxies = proxyRows.map((row) => ({
    id: row.id,
    mandantId: row.mandant_member_id,
    mandataireId: row.mandataire_member_id,
  }));
  const quorum = computeQuorum(
    { roll, attendance, proxies },
    rules,
    type,
    round === 2 && rules.meetings[type].quorum.second ? 2 : 1,
  );
  return {
    meeting,
    type,
    round,
    rulesInForce,
    rules,
    year,
    members,
    byId,
    roll,
    presence,
    attendance,
    proxies,
    proxyRows,
    quorum,
  };
}

export type Assembly = Awaited<ReturnType<typeof loadAssembly>>;

/** The rules of this meeting with the delay of its round (a second convocation has its own delay). */
export function rulesForRound(assembly: Pick<Assembly, 'rules' | 'type' | 'round'>): StatutoryRules {
  const second = assembly.rules.meetings[assembly.type].quorum.second;
  if (assembly.round !== 2 || !second) return assembly.rules;
  return {
    ...assembly.rules,
    meetings: {
      ...assembly.rules.meetings,
      [assembly.type]: { ...assembly.rules.meetings[assembly.type], convocationDelayDays: second.convocationDelayDays },
    },
  };
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
