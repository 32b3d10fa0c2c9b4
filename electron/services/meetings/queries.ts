/**
 * Meetings as the screens read them: the list, the decisions to follow up, and one meeting in detail.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DecisionRow, MeetingDetail, MeetingListRow, MeetingParticipantRow, RcpCaseRow } from '@shared/contract';
import { meetingTypeLabel } from '@shared/domain/meetings';
import { PROFESSION_BY_CODE } from '@shared/domain/professions';
import type { MeetingData } from '@shared/schemas/meetings';
import type { DB, MeetingTable, RcpCaseDecisionTable, RcpCaseTable } from '../../db/schema';
import { displayNameOf } from '../members';
import { assertMeeting } from './guards';
import { rcpMotifs, rcpMinProfessions } from './motifs';

type Db = Kysely<DB> | Transaction<DB>;

function meetingDataOf(row: Selectable<MeetingTable>): MeetingData {
  return {
    type: row.type as MeetingData['type'],
    title: row.title,
    date: row.date,
    startTime: row.start_time,
    endTime: row.end_time,
    place: row.place,
    visioUrl: row.visio_url,
    organiserMemberId: row.organiser_member_id,
    organiserLabel: row.organiser_label,
    status: row.status,
    summary: row.summary,
    rcpKind: row.rcp_kind,
    theme: row.theme,
  };
}

const isOverdue = (dueOn: string | null, status: string, today: string) =>
  Boolean(dueOn && dueOn < today && (status === 'a_faire' || status === 'en_cours'));

export async function decisionRows(db: Db, today: string, meetingId?: number): Promise<DecisionRow[]> {
  const rows = await db
    .selectFrom('decision')
    .innerJoin('meeting', 'meeting.id', 'decision.meeting_id')
    .leftJoin('member', 'member.id', 'decision.owner_member_id')
    .select([
      'decision.id',
      'decision.meeting_id',
      'decision.agenda_item_id',
      'decision.text',
      'decision.owner_member_id',
      'decision.owner_label',
      'decision.due_on',
      'decision.status',
      'decision.done_on',
      'meeting.title as meeting_title',
      'meeting.date as meeting_date',
      'member.kind',
      'member.last_name',
      'member.first_name',
      'member.structure_name',
      'member.erased_at',
    ])
    .$if(meetingId !== undefined, (qb) => qb.where('decision.meeting_id', '=', meetingId!))
    .orderBy('decision.due_on')
    .orderBy('decision.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    meetingId: row.meeting_id,
    meetingTitle: row.meeting_title,
    meetingDate: row.meeting_date,
    agendaItemId: row.agenda_item_id,
    text: row.text,
    ownerMemberId: row.owner_member_id,
    owner: row.kind
      ? displayNameOf({
          kind: row.kind,
          last_name: row.last_name,
          first_name: row.first_name,
          structure_name: row.structure_name,
          erased_at: row.erased_at,
        })
      : row.owner_label,
    dueOn: row.due_on,
    status: row.status,
    doneOn: row.done_on,
    overdue: isOverdue(row.due_on, row.status, today),
  }));
}

export async function listDecisions(
  db: Db,
  status: 'ouvertes' | 'en_retard' | 'faites' | 'toutes',
  today: string,
): Promise<DecisionRow[]> {
  const rows = await decisionRows(db, today);
  switch (status) {
    case 'ouvertes':
      return rows.filter((row) => row.status === 'a_faire' || row.status === 'en_cours');
    case 'en_retard':
      return rows.filter((row) => row.overdue);
    case 'faites':
      return rows.filter((row) => row.status === 'fait');
    default:
      return rows;
  }
}

export async function listMeetings(
  db: Db,
  from: string | null,
  to: string | null,
  today: string,
): Promise<MeetingListRow[]> {
  const meetings = await db
    .selectFrom('meeting')
    .selectAll()
    .$if(from !== null, (qb) => qb.where('date', '>=', from!))
    .$if(to !== null, (qb) => qb.where('date', '<=', to!))
    .orderBy('date')
    .orderBy('start_time')
    .execute();
  const [participants, cases, decisions] = await Promise.all([
    db.selectFrom('meeting_participant').select(['meeting_id', 'attendance']).execute(),
    db.selectFrom('rcp_case').select(['meeting_id']).execute(),
    db.selectFrom('decision').select(['meeting_id', 'status']).execute(),
  ]);
  const count = <T extends { meeting_id: number }>(items: T[], keep: (item: T) => boolean = () => true) => {
    const counts = new Map<number, number>();
    for (const item of items) if (keep(item)) counts.set(item.meeting_id, (counts.get(item.meeting_id) ?? 0) + 1);
    return counts;
  };
  const participantCount = count(participants);
  const presentCount = count(participants, (p) => p.attendance === 'present');
  const caseCount = count(cases);
  const openDecisions = count(decisions, (d) => d.status === 'a_faire' || d.status === 'en_cours');
  void today;
  return meetings.map((meeting) => ({
    id: meeting.id,
    type: meeting.type,
    typeLabel: meetingTypeLabel(meeting.type),
    title: meeting.title,
    date: meeting.date,
    startTime: meeting.start_time,
    endTime: meeting.end_time,
    place: meeting.place,
    status: meeting.status,
    participantCount: participantCount.get(meeting.id) ?? 0,
    presentCount: presentCount.get(meeting.id) ?? 0,
    caseCount: caseCount.get(meeting.id) ?? 0,
    openDecisions: openDecisions.get(meeting.id) ?? 0,
  }));
}

function professionOf(code: string | null): string | null {
  return code ? (PROFESSION_BY_CODE.get(code)?.inclusive ?? code) : null;
}

export async function getMeeting(db: Db, id: number, today: string): Promise<MeetingDetail> {
  const meeting = await assertMeeting(db, id);
  const [agenda, participantRows, documents, caseRows, caseDecisions, motifs, minProfessions, decisions] =
    await Promise.all([
      db.selectFrom('agenda_item').selectAll().where('meeting_id', '=', id).orderBy('position').execute(),
      readParticipants(db, id),
      db.selectFrom('meeting_document').selectAll().where('meeting_id', '=', id).orderBy('added_at').execute(),
      db.selectFrom('rcp_case').selectAll().where('meeting_id', '=', id).orderBy('id').execute(),
      db
        .selectFrom('rcp_case_decision')
        .innerJoin('rcp_case', 'rcp_case.id', 'rcp_case_decision.case_id')
        .selectAll('rcp_case_decision')
        .where('rcp_case.meeting_id', '=', id)
        .orderBy('rcp_case_decision.id')
        .execute(),
      rcpMotifs(db),
      rcpMinProfessions(db),
      decisionRows(db, today, id),
    ]);
  const participants = participantRowsOf(participantRows);
  const cases = caseRowsOf(caseRows, caseDecisions, motifs, participants);
  const { professionCount, warnings } = professionCheck(meeting, participants, minProfessions);
  return {
    id: meeting.id,
    data: meetingDataOf(meeting),
    typeLabel: meetingTypeLabel(meeting.type),
    agenda: agenda.map((item) => ({ id: item.id, position: item.position, title: item.title, minutes: item.minutes })),
    participants,
    decisions,
    documents: documents.map((document) => ({
      id: document.id,
      fileName: document.file_name,
      size: document.size,
      addedAt: document.added_at,
    })),
    cases,
    professionCount,
    warnings,
  };
}

/** Participants as the screen lists them: a member by name, a guest by name or by profession. */
function participantRowsOf(rows: ParticipantQueryRow[]): MeetingParticipantRow[] {
  return rows.map((row) => {
    const professionCode = row.member_id ? row.member_profession : row.profession_code;
    const memberName = row.kind
      ? displayNameOf({
          kind: row.kind,
          last_name: row.last_name,
          first_name: row.first_name,
          structure_name: row.structure_name,
          erased_at: row.erased_at,
        })
      : null;
    return {
      id: row.id,
      memberId: row.member_id,
      name:
        memberName ??
        row.guest_name ??
        (professionOf(professionCode) ? `${professionOf(professionCode)} (invité·e)` : 'Invité·e'),
      professionCode: professionCode ?? null,
      professionLabel: professionOf(professionCode ?? null),
      guestQuality: row.guest_quality,
      attendance: row.attendance,
      minutesSpent: row.minutes_spent,
    };
  });
}

/** The RCP cases with their motif label and the actions decided for each, with the name of their owner. */
function caseRowsOf(
  caseRows: Selectable<RcpCaseTable>[],
  caseDecisions: Selectable<RcpCaseDecisionTable>[],
  motifs: { code: string; label: string }[],
  participants: MeetingParticipantRow[],
): RcpCaseRow[] {
  const participantName = new Map(participants.map((participant) => [participant.id, participant.name]));
  const motifLabel = new Map(motifs.map((motif) => [motif.code, motif.label]));
  return caseRows.map((row) => ({
    id: row.id,
    code: row.code,
    ageBand: row.age_band,
    sex: row.sex,
    over75: row.over_75 === 1,
    ald: row.ald === 1,
    motifCode: row.motif_code,
    motifLabel: row.motif_code ? (motifLabel.get(row.motif_code) ?? row.motif_code) : null,
    motifText: row.motif_text,
    summary: row.summary,
    patientInformed: row.patient_informed === 1,
    followUpOn: row.follow_up_on,
    followUpStatus: row.follow_up_status,
    decisions: caseDecisions
      .filter((decision) => decision.case_id === row.id)
      .map((decision) => ({
        id: decision.id,
        action: decision.action,
        ownerParticipantId: decision.owner_participant_id,
        owner: decision.owner_participant_id ? (participantName.get(decision.owner_participant_id) ?? null) : null,
        dueOn: decision.due_on,
        status: decision.status,
      })),
  }));
}

/** Professions among those present (or among all participants before the session is held), and the RCP warning. */
function professionCheck(
  meeting: Selectable<MeetingTable>,
  participants: MeetingParticipantRow[],
  minProfessions: number,
): { professionCount: number; warnings: string[] } {
  const counted = participants.some((participant) => participant.attendance)
    ? participants.filter((participant) => participant.attendance === 'present')
    : participants;
  const professionCount = new Set(
    counted
      .map((participant) => participant.professionCode)
      .filter((code): code is string => Boolean(code) && !code!.startsWith('X-')),
  ).size;
  const warnings: string[] = [];
  if (meeting.type === 'rcp' && professionCount < minProfessions) {
    warnings.push(
      `Cette RCP réunit ${professionCount} profession${professionCount > 1 ? 's' : ''} de santé ; la CPTS en demande au moins ${minProfessions} pour une concertation pluriprofessionnelle.`,
    );
  }
  return { professionCount, warnings };
}

/** Participants of a meeting with what the list needs of the member each one is (none for a guest). */
function readParticipants(db: Db, meetingId: number) {
  return db
    .selectFrom('meeting_participant')
    .leftJoin('member', 'member.id', 'meeting_participant.member_id')
    .select([
      'meeting_participant.id',
      'meeting_participant.member_id',
      'meeting_participant.guest_name',
      'meeting_participant.guest_quality',
      'meeting_participant.profession_code',
      'meeting_participant.attendance',
      'meeting_participant.minutes_spent',
      'member.kind',
      'member.last_name',
      'member.first_name',
      'member.structure_name',
      'member.erased_at',
      'member.profession_code as member_profession',
    ])
    .where('meeting_participant.meeting_id', '=', meetingId)
    .orderBy('meeting_participant.id')
    .execute();
}

type ParticipantQueryRow = Awaited<ReturnType<typeof readParticipants>>[number];
