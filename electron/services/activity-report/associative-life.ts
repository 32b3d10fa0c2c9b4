/**
 * The associative life of a calendar year: governance meetings with their quorum, commissions and working groups,
 * meetings per month, attendance by type, active members over the years and the staff. Meetings are read once
 * through the meetings service (`listMeetings`), the quorum through what the AG services recorded.
 */
import type { Kysely } from 'kysely';
import type { MeetingListRow } from '@shared/contract';
import { staffEmploymentLabel } from '@shared/domain/report-labels';
import type { ActivityReportAnnexes, GovernanceMeeting, StaffLine } from '@shared/reports/activity-report';
import type { DB } from '../../db/schema';
import { getAgState, isAgMeetingType } from '../ag';
import type { StoredQuorum } from '../ag/stored-quorum';
import { listMembers } from '../members';

/**
 * A meeting of the list (up to today) counts as held when it is not cancelled, as the « Bilan annuel des RCP »
 * counts its sessions: a meeting left « prévue » after its date was most often held and not updated.
 */
export const isHeld = (meeting: Pick<MeetingListRow, 'status'>): boolean => meeting.status !== 'annulee';

/** Meeting types that make up the governance of the association. */
const GOVERNANCE = new Set(['ago', 'age', 'constitutive', 'ca', 'bureau']);
/** Meeting types that are commissions or working groups. */
const WORKING_GROUPS = new Set(['commission', 'copil']);

/**
 * AG, CA and bureau held during the year, by date, with the quorum of those that had a check-in: the quorum
 * recorded with the first vote (what the PV states), else the one the roll and the presences give now.
 */
export async function governanceMeetings(
  db: Kysely<DB>,
  meetings: readonly MeetingListRow[],
  today: string,
): Promise<GovernanceMeeting[]> {
  const held = meetings.filter((meeting) => GOVERNANCE.has(meeting.type) && isHeld(meeting));
  const ids = held.map((meeting) => meeting.id);
  if (ids.length === 0) return [];
  const [presences, resolutions, decisions] = await Promise.all([
    db.selectFrom('ag_presence').select('meeting_id').distinct().where('meeting_id', 'in', ids).execute(),
    db
      .selectFrom('resolution')
      .select(['meeting_id', 'adopted', 'quorum_json', 'voted_at', 'position'])
      .where('meeting_id', 'in', ids)
      .orderBy('meeting_id')
      .orderBy('voted_at')
      .orderBy('position')
      .execute(),
    db
      .selectFrom('decision')
      .select(['meeting_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('meeting_id', 'in', ids)
      .groupBy('meeting_id')
      .execute(),
  ]);
  const checkedIn = new Set(presences.map((row) => row.meeting_id));
  const decisionCount = new Map(decisions.map((row) => [row.meeting_id, Number(row.n)]));
  const adopted = new Map<number, number>();
  const storedQuorum = new Map<number, string>();
  for (const row of resolutions) {
    if (row.adopted === 1) adopted.set(row.meeting_id, (adopted.get(row.meeting_id) ?? 0) + 1);
    if (row.quorum_json && !storedQuorum.has(row.meeting_id))
      storedQuorum.set(row.meeting_id, (JSON.parse(row.quorum_json) as StoredQuorum).sentence);
  }
  const result: GovernanceMeeting[] = [];
  for (const meeting of held) {
    let quorum: string | null = null;
    if (checkedIn.has(meeting.id) && isAgMeetingType(meeting.type)) {
      quorum = storedQuorum.get(meeting.id) ?? (await getAgState(db, meeting.id, today)).quorum.sentence;
    }
    result.push({
      id: meeting.id,
      date: meeting.date,
      typeLabel: meeting.typeLabel,
      title: meeting.title,
      quorum,
      decisions: (decisionCount.get(meeting.id) ?? 0) + (adopted.get(meeting.id) ?? 0),
    });
  }
  return result;
}

/**
 * Commissions and working groups held during the year, grouped by their theme (else their title): meetings held
 * and distinct participants — those marked present, or everyone invited to a meeting whose attendance was not
 * taken, as the RCP summary counts.
 */
export async function workingGroups(
  db: Kysely<DB>,
  meetings: readonly MeetingListRow[],
): Promise<{ name: string; typeLabel: string; meetings: number; participants: number }[]> {
  const held = meetings.filter((meeting) => WORKING_GROUPS.has(meeting.type) && isHeld(meeting));
  if (held.length === 0) return [];
  const [participants, themes] = await Promise.all([
    db
      .selectFrom('meeting_participant')
      .select(['meeting_id', 'member_id', 'guest_name', 'attendance'])
      .where(
        'meeting_id',
        'in',
        held.map((meeting) => meeting.id),
      )
      .execute(),
    db
      .selectFrom('meeting')
      .select(['id', 'theme'])
      .where(
        'id',
        'in',
        held.map((meeting) => meeting.id),
      )
      .execute(),
  ]);
  const themeOf = new Map(themes.map((row) => [row.id, row.theme]));
  const byMeeting = new Map<number, typeof participants>();
  for (const row of participants) byMeeting.set(row.meeting_id, [...(byMeeting.get(row.meeting_id) ?? []), row]);
  const groups = new Map<string, { name: string; typeLabel: string; meetings: number; people: Set<string> }>();
  for (const meeting of held) {
    const name = themeOf.get(meeting.id)?.trim() || meeting.title;
    const key = `${meeting.type}|${name}`;
    const group = groups.get(key) ?? { name, typeLabel: meeting.typeLabel, meetings: 0, people: new Set<string>() };
    group.meetings += 1;
    const rows = byMeeting.get(meeting.id) ?? [];
    const taken = rows.some((row) => row.attendance !== null);
    for (const row of rows) {
      if (taken && row.attendance !== 'present') continue;
      group.people.add(row.member_id !== null ? `m${row.member_id}` : `g${row.guest_name ?? ''}`);
    }
    groups.set(key, group);
  }
  return [...groups.values()]
    .map(({ people, ...group }) => ({ ...group, participants: people.size }))
    .sort((a, b) => b.meetings - a.meetings || a.name.localeCompare(b.name, 'fr'));
}

/** Meetings held in each month (January first), every type but RCP. */
export function meetingsPerMonth(meetings: readonly MeetingListRow[]): number[] {
  const counts = Array.from({ length: 12 }, () => 0);
  for (const meeting of meetings) {
    if (meeting.type === 'rcp' || !isHeld(meeting)) continue;
    counts[Number(meeting.date.slice(5, 7)) - 1]! += 1;
  }
  return counts;
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/** Per meeting type, meetings held with the average present and invited (attendance annex), by count. */
export function attendanceByType(
  meetings: readonly MeetingListRow[],
): NonNullable<ActivityReportAnnexes['attendance']> {
  const types = new Map<string, { typeLabel: string; meetings: number; present: number; invited: number }>();
  for (const meeting of meetings) {
    if (!isHeld(meeting)) continue;
    const row = types.get(meeting.type) ?? { typeLabel: meeting.typeLabel, meetings: 0, present: 0, invited: 0 };
    row.meetings += 1;
    row.present += meeting.presentCount;
    row.invited += meeting.participantCount;
    types.set(meeting.type, row);
  }
  return [...types.values()]
    .sort((a, b) => b.meetings - a.meetings || a.typeLabel.localeCompare(b.typeLabel, 'fr'))
    .map((row) => ({
      typeLabel: row.typeLabel,
      meetings: row.meetings,
      averagePresent: oneDecimal(row.present / row.meetings),
      averageInvited: oneDecimal(row.invited / row.meetings),
    }));
}

/**
 * Active members on 31 December of the last five years up to `year` (its own point on `asOf`, today for the
 * current year), as « Composition de la CPTS » counts them; years before the first member are left out.
 */
export async function membersOverYears(
  db: Kysely<DB>,
  year: number,
  asOf: string,
  today: string,
): Promise<{ year: number; count: number }[]> {
  const rows = await listMembers(db, today);
  const points: { year: number; count: number }[] = [];
  for (let at = year - 4; at <= year; at++) {
    const date = at === year ? asOf : `${at}-12-31`;
    const count = rows.filter(
      (row) => (!row.joinedOn || row.joinedOn <= date) && (!row.leftOn || row.leftOn > date),
    ).length;
    // Years before the first member are left out, not drawn as zeros.
    if (count > 0 || points.length > 0) points.push({ year: at, count });
  }
  return points;
}

/** Staff at work at some time during the year (started before its end, not gone before its start). */
export async function staffOfYear(db: Kysely<DB>, year: number): Promise<StaffLine[]> {
  const rows = await db
    .selectFrom('staff_member')
    .selectAll()
    .where('started_on', '<=', `${year}-12-31`)
    .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>=', `${year}-01-01`)]))
    .orderBy('started_on')
    .orderBy('full_name')
    .execute();
  return rows.map((row) => ({
    fullName: row.full_name,
    role: row.role,
    employmentLabel: staffEmploymentLabel(row.employment),
    fte: row.fte,
    startedOn: row.started_on,
    endedOn: row.ended_on,
  }));
}
