import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, stat, unlink } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DecisionRow, MeetingDetail, MeetingListRow, MeetingParticipantRow, RcpCaseRow } from '@shared/contract';
import { AGE_BANDS, BUILTIN_RCP_MOTIFS, meetingTypeLabel } from '@shared/domain/meetings';
import { PROFESSION_BY_CODE } from '@shared/domain/professions';
import { rcpTextProblem } from '@shared/domain/rcp-guard';
import type { MeetingData, RcpCaseData } from '@shared/schemas/meetings';
import type { DB, MeetingTable } from '../db/schema';
import { audit } from './audit';
import { UserError } from './errors';
import { displayNameOf } from './members';
import { getRcpMinProfessions } from './settings';

type Db = Kysely<DB> | Transaction<DB>;

function meetingValues(data: MeetingData) {
  const rcp = data.type === 'rcp';
  return {
    type: data.type,
    title: data.title,
    date: data.date!,
    start_time: data.startTime,
    end_time: data.endTime,
    place: data.place,
    visio_url: data.visioUrl,
    organiser_member_id: data.organiserMemberId,
    organiser_label: data.organiserLabel,
    status: data.status,
    summary: data.summary,
    rcp_kind: rcp ? data.rcpKind : null,
    theme: rcp ? data.theme : data.theme,
  };
}

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

/** Minimum number of professions expected at an RCP (a setting of the CPTS). */
export const rcpMinProfessions = getRcpMinProfessions;

export async function rcpMotifs(db: Db): Promise<{ code: string; label: string; custom: boolean }[]> {
  const custom = await db.selectFrom('rcp_motif').selectAll().orderBy('label').execute();
  return [
    ...BUILTIN_RCP_MOTIFS.map((motif) => ({ code: motif.code, label: motif.label, custom: false })),
    ...custom.map((motif) => ({ code: motif.code, label: motif.label, custom: true })),
  ];
}

export async function addRcpMotif(db: Kysely<DB>, label: string) {
  assertNoPatientIdentity([['label', 'Motif', label]]);
  const existing = await rcpMotifs(db);
  if (existing.some((motif) => motif.label.localeCompare(label, 'fr', { sensitivity: 'base' }) === 0)) {
    throw new UserError('conflict', `Le motif « ${label} » existe déjà.`);
  }
  await db
    .insertInto('rcp_motif')
    .values({ code: `perso-${randomBytes(4).toString('hex')}`, label })
    .execute();
  return rcpMotifs(db);
}

/** An assembly whose procès-verbal is approved is a record: reopen the PV in draft to change it. */
function assertNotApproved(meeting: Selectable<MeetingTable>): void {
  if (meeting.pv_status === 'approuve') {
    throw new UserError(
      'conflict',
      'Le procès-verbal de cette séance est approuvé : rouvrez-le en brouillon (onglet « Procès-verbal ») avant de la modifier ou de la supprimer.',
    );
  }
}

async function assertMeeting(db: Db, id: number): Promise<Selectable<MeetingTable>> {
  const row = await db.selectFrom('meeting').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new UserError('not_found', 'Cette réunion n’existe pas ou plus.');
  return row;
}

/** A free text of an RCP meeting: the key of its field (as the forms name it), its French label and its value. */
type RcpText = readonly [field: string, label: string, value: string | null | undefined];

/**
 * An RCP meeting is pseudonymised like its cases: every free text it holds (title, place, compte rendu, agenda,
 * decisions, guests) goes through the same direct-identifier guard, with the same French messages. Nothing is
 * written when one of them is refused.
 */
function assertNoPatientIdentity(texts: readonly RcpText[], intro = ''): void {
  const fields: Record<string, string> = {};
  for (const [field, label, value] of texts) {
    const problem = value ? rcpTextProblem(value, label) : null;
    if (problem && !fields[field]) fields[field] = problem;
  }
  const messages = Object.values(fields);
  if (messages.length) throw new UserError('invalid_input', `${intro}${messages.join(' ')}`, fields);
}

const meetingTexts = (data: MeetingData): RcpText[] => [
  ['title', 'Titre', data.title],
  ['place', 'Lieu', data.place],
  ['organiserLabel', 'Organisateur', data.organiserLabel],
  ['theme', 'Thème', data.theme],
  ['summary', 'Compte rendu', data.summary],
];

const agendaTexts = (items: readonly { title: string; minutes: string | null }[]): RcpText[] =>
  items.flatMap((item, index): RcpText[] => [
    [`items.${index}.title`, `Point ${index + 1} de l’ordre du jour`, item.title],
    [`items.${index}.minutes`, `Relevé du point ${index + 1}`, item.minutes],
  ]);

const decisionTexts = (decision: { text: string; ownerLabel: string | null }): RcpText[] => [
  ['text', 'Décision', decision.text],
  ['ownerLabel', 'Responsable', decision.ownerLabel],
];

const RCP_GUEST_NAME = 'En RCP, un professionnel extérieur est noté par sa seule profession, sans son nom.';

/** Before a meeting becomes an RCP, what it already holds must be as pseudonymised as an RCP's own texts. */
async function assertCanBecomeRcp(trx: Transaction<DB>, meetingId: number): Promise<void> {
  const intro = 'Cette réunion ne peut pas devenir une RCP tant que ses textes identifient un patient. ';
  const [agenda, decisions, guests] = await Promise.all([
    trx
      .selectFrom('agenda_item')
      .select(['title', 'minutes'])
      .where('meeting_id', '=', meetingId)
      .orderBy('position')
      .execute(),
    trx
      .selectFrom('decision')
      .select(['text', 'owner_label'])
      .where('meeting_id', '=', meetingId)
      .orderBy('id')
      .execute(),
    trx
      .selectFrom('meeting_participant')
      .select(['guest_name', 'guest_quality'])
      .where('meeting_id', '=', meetingId)
      .where('member_id', 'is', null)
      .execute(),
  ]);
  if (guests.some((guest) => guest.guest_name))
    throw new UserError(
      'invalid_input',
      `Cette réunion ne peut pas devenir une RCP : ${RCP_GUEST_NAME.charAt(0).toLowerCase()}${RCP_GUEST_NAME.slice(1)} Retirez d’abord le nom des invités.`,
    );
  assertNoPatientIdentity(
    [
      ...agendaTexts(agenda),
      ...decisions.flatMap((decision, index): RcpText[] => [
        [`decisions.${index}.text`, `Décision ${index + 1}`, decision.text],
        [`decisions.${index}.ownerLabel`, `Responsable de la décision ${index + 1}`, decision.owner_label],
      ]),
      ...guests.map(
        (guest, index): RcpText => [`participants.${index}.guestQuality`, 'Qualité de l’invité', guest.guest_quality],
      ),
    ],
    intro,
  );
}

const isOverdue = (dueOn: string | null, status: string, today: string) =>
  Boolean(dueOn && dueOn < today && (status === 'a_faire' || status === 'en_cours'));

async function decisionRows(db: Db, today: string, meetingId?: number): Promise<DecisionRow[]> {
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
      db
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
        .where('meeting_participant.meeting_id', '=', id)
        .orderBy('meeting_participant.id')
        .execute(),
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
  const participants: MeetingParticipantRow[] = participantRows.map((row) => {
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
  const participantName = new Map(participants.map((participant) => [participant.id, participant.name]));
  const motifLabel = new Map(motifs.map((motif) => [motif.code, motif.label]));
  const cases: RcpCaseRow[] = caseRows.map((row) => ({
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

  // Professions among those present (or among all participants before the session is held).
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

export async function createMeeting(db: Kysely<DB>, data: MeetingData, today: string): Promise<MeetingDetail> {
  if (data.type === 'rcp') assertNoPatientIdentity(meetingTexts(data));
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('meeting').values(meetingValues(data)).returning('id').executeTakeFirstOrThrow();
    await audit(trx, 'create', 'meeting', String(row.id), data.type);
    return row.id;
  });
  return getMeeting(db, id, today);
}

export async function updateMeeting(
  db: Kysely<DB>,
  id: number,
  data: MeetingData,
  today: string,
): Promise<MeetingDetail> {
  await db.transaction().execute(async (trx) => {
    const existing = await assertMeeting(trx, id);
    assertNotApproved(existing);
    if (existing.type === 'rcp' && data.type !== 'rcp') {
      const cases = await trx.selectFrom('rcp_case').select('id').where('meeting_id', '=', id).executeTakeFirst();
      if (cases)
        throw new UserError('conflict', 'Cette RCP a des cas enregistrés : elle ne peut pas changer de type.', {
          type: 'Une RCP avec des cas reste une RCP.',
        });
    }
    if (data.type === 'rcp') assertNoPatientIdentity(meetingTexts(data));
    if (data.type === 'rcp' && existing.type !== 'rcp') await assertCanBecomeRcp(trx, id);
    await trx
      .updateTable('meeting')
      .set({ ...meetingValues(data), updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    await audit(trx, 'update', 'meeting', String(id), null);
  });
  return getMeeting(db, id, today);
}

export async function deleteMeeting(db: Kysely<DB>, id: number, documentsDir: string): Promise<{ deleted: true }> {
  const documents = await db.transaction().execute(async (trx) => {
    assertNotApproved(await assertMeeting(trx, id));
    const stored = await trx
      .selectFrom('meeting_document')
      .select('stored_name')
      .where('meeting_id', '=', id)
      .execute();
    await trx.deleteFrom('meeting').where('id', '=', id).execute();
    await audit(trx, 'delete', 'meeting', String(id), null);
    return stored;
  });
  await Promise.all(
    documents.map((document) => unlink(join(documentsDir, document.stored_name)).catch(() => undefined)),
  );
  return { deleted: true };
}

export async function saveAgenda(
  db: Kysely<DB>,
  meetingId: number,
  items: { id: number | null; title: string; minutes: string | null }[],
  today: string,
): Promise<MeetingDetail> {
  await db.transaction().execute(async (trx) => {
    const meeting = await assertMeeting(trx, meetingId);
    assertNotApproved(meeting);
    if (meeting.type === 'rcp') assertNoPatientIdentity(agendaTexts(items));
    const existing = new Set(
      (await trx.selectFrom('agenda_item').select('id').where('meeting_id', '=', meetingId).execute()).map(
        (row) => row.id,
      ),
    );
    const kept = new Set<number>();
    for (const [index, item] of items.entries()) {
      if (item.id !== null && existing.has(item.id)) {
        await trx
          .updateTable('agenda_item')
          .set({ position: index + 1, title: item.title, minutes: item.minutes })
          .where('id', '=', item.id)
          .execute();
        kept.add(item.id);
      } else {
        await trx
          .insertInto('agenda_item')
          .values({ meeting_id: meetingId, position: index + 1, title: item.title, minutes: item.minutes })
          .execute();
      }
    }
    const removed = [...existing].filter((id) => !kept.has(id));
    if (removed.length) await trx.deleteFrom('agenda_item').where('id', 'in', removed).execute();
  });
  return getMeeting(db, meetingId, today);
}

type ParticipantInput = {
  id: number | null;
  memberId: number | null;
  guestName: string | null;
  guestQuality: string | null;
  professionCode: string | null;
  attendance: 'present' | 'excuse' | 'absent' | 'represente' | null;
  minutesSpent: number | null;
};

export async function saveParticipants(
  db: Kysely<DB>,
  meetingId: number,
  participants: ParticipantInput[],
  today: string,
): Promise<MeetingDetail> {
  await db.transaction().execute(async (trx) => {
    const meeting = await assertMeeting(trx, meetingId);
    assertNotApproved(meeting);
    const memberIds = participants.map((participant) => participant.memberId).filter((id): id is number => id !== null);
    if (new Set(memberIds).size !== memberIds.length)
      throw new UserError('invalid_input', 'Un même adhérent figure deux fois parmi les participants.');
    if (memberIds.length) {
      const found = await trx.selectFrom('member').select('id').where('id', 'in', memberIds).execute();
      if (found.length !== new Set(memberIds).size)
        throw new UserError('invalid_input', 'Un des adhérents choisis n’existe plus.');
    }
    for (const participant of participants) {
      if (participant.professionCode && !PROFESSION_BY_CODE.has(participant.professionCode)) {
        throw new UserError('invalid_input', `Profession inconnue (« ${participant.professionCode} »).`);
      }
      if (meeting.type === 'rcp' && participant.memberId === null && participant.guestName) {
        throw new UserError('invalid_input', RCP_GUEST_NAME);
      }
    }
    if (meeting.type === 'rcp') {
      assertNoPatientIdentity(
        participants.map(
          (participant, index): RcpText => [
            `participants.${index}.guestQuality`,
            'Qualité de l’invité',
            participant.memberId === null ? participant.guestQuality : null,
          ],
        ),
      );
    }
    const existing = new Set(
      (await trx.selectFrom('meeting_participant').select('id').where('meeting_id', '=', meetingId).execute()).map(
        (row) => row.id,
      ),
    );
    const kept = new Set<number>();
    for (const participant of participants) {
      const values = {
        member_id: participant.memberId,
        guest_name: participant.memberId ? null : participant.guestName,
        guest_quality: participant.memberId ? null : participant.guestQuality,
        profession_code: participant.memberId ? null : participant.professionCode,
        attendance: participant.attendance,
        minutes_spent: participant.minutesSpent,
      };
      if (participant.id !== null && existing.has(participant.id)) {
        await trx.updateTable('meeting_participant').set(values).where('id', '=', participant.id).execute();
        kept.add(participant.id);
      } else {
        await trx
          .insertInto('meeting_participant')
          .values({ meeting_id: meetingId, ...values })
          .execute();
      }
    }
    const removed = [...existing].filter((id) => !kept.has(id));
    if (removed.length) await trx.deleteFrom('meeting_participant').where('id', 'in', removed).execute();
  });
  return getMeeting(db, meetingId, today);
}

export async function saveDecision(
  db: Kysely<DB>,
  decision: {
    id: number | null;
    meetingId: number;
    agendaItemId: number | null;
    text: string;
    ownerMemberId: number | null;
    ownerLabel: string | null;
    dueOn: string | null;
    status: string;
  },
  today: string,
): Promise<MeetingDetail> {
  await db.transaction().execute(async (trx) => {
    const meeting = await assertMeeting(trx, decision.meetingId);
    if (meeting.type === 'rcp')
      assertNoPatientIdentity(
        decisionTexts({ text: decision.text, ownerLabel: decision.ownerMemberId ? null : decision.ownerLabel }),
      );
    const values = {
      agenda_item_id: decision.agendaItemId,
      text: decision.text,
      owner_member_id: decision.ownerMemberId,
      owner_label: decision.ownerMemberId ? null : decision.ownerLabel,
      due_on: decision.dueOn,
      status: decision.status as DecisionRow['status'],
      done_on: decision.status === 'fait' ? today : null,
    };
    if (decision.id === null) {
      assertNotApproved(meeting);
      await trx
        .insertInto('decision')
        .values({ meeting_id: decision.meetingId, ...values })
        .execute();
    } else {
      const previous = await trx.selectFrom('decision').selectAll().where('id', '=', decision.id).executeTakeFirst();
      if (!previous || previous.meeting_id !== decision.meetingId)
        throw new UserError('not_found', 'Cette décision n’existe plus.');
      // An approved PV fixes what was decided; following the decision up (its status) goes on.
      const reworded =
        previous.text !== values.text ||
        previous.agenda_item_id !== values.agenda_item_id ||
        previous.owner_member_id !== values.owner_member_id ||
        previous.owner_label !== values.owner_label ||
        previous.due_on !== values.due_on;
      if (reworded) assertNotApproved(meeting);
      await trx
        .updateTable('decision')
        .set({
          ...values,
          done_on: decision.status === 'fait' ? (previous.status === 'fait' ? previous.done_on : today) : null,
        })
        .where('id', '=', decision.id)
        .execute();
    }
  });
  return getMeeting(db, decision.meetingId, today);
}

export async function deleteDecision(db: Kysely<DB>, id: number, today: string): Promise<MeetingDetail> {
  const row = await db.selectFrom('decision').select('meeting_id').where('id', '=', id).executeTakeFirst();
  if (!row) throw new UserError('not_found', 'Cette décision n’existe plus.');
  assertNotApproved(await assertMeeting(db, row.meeting_id));
  await db.deleteFrom('decision').where('id', '=', id).execute();
  return getMeeting(db, row.meeting_id, today);
}

export const RCP_DOCUMENT_REFUSED =
  'Aucun document ne peut être joint à une RCP : Maillage ne peut pas vérifier qu’un fichier ne contient pas l’identité ' +
  'd’un patient, alors que tout ce qui concerne une RCP doit rester pseudonymisé. Les pièces justificatives (feuille ' +
  'd’émargement, support de présentation…) se joignent à une autre réunion, par exemple la réunion d’équipe qui prépare la RCP.';

/**
 * Documents can be attached to any meeting but an RCP, and not to a session whose PV is approved (checked before
 * the file dialog opens, and again on copy).
 */
export async function assertDocumentsAllowed(db: Db, meetingId: number): Promise<void> {
  const meeting = await assertMeeting(db, meetingId);
  if (meeting.type === 'rcp') throw new UserError('invalid_input', RCP_DOCUMENT_REFUSED);
  assertNotApproved(meeting);
}

/** Copies a document into the app's data folder (not a link: it stays with the meeting). */
export async function addDocument(
  db: Kysely<DB>,
  meetingId: number,
  sourcePath: string,
  documentsDir: string,
  today: string,
): Promise<MeetingDetail> {
  await assertDocumentsAllowed(db, meetingId);
  const info = await stat(sourcePath).catch(() => null);
  if (!info?.isFile()) throw new UserError('io', `Le fichier « ${basename(sourcePath)} » est introuvable.`);
  if (info.size > 50 * 1024 * 1024)
    throw new UserError('invalid_input', `Le fichier « ${basename(sourcePath)} » dépasse 50 Mo.`);
  await mkdir(documentsDir, { recursive: true });
  const storedName = `${randomBytes(8).toString('hex')}${extname(sourcePath).toLowerCase()}`;
  try {
    await copyFile(sourcePath, join(documentsDir, storedName));
    await db
      .insertInto('meeting_document')
      .values({ meeting_id: meetingId, file_name: basename(sourcePath), stored_name: storedName, size: info.size })
      .execute();
  } catch (error) {
    await unlink(join(documentsDir, storedName)).catch(() => undefined);
    if (error instanceof UserError) throw error;
    throw new UserError('io', `Impossible de copier « ${basename(sourcePath)} » dans le dossier de Maillage.`);
  }
  return getMeeting(db, meetingId, today);
}

export async function deleteDocument(
  db: Kysely<DB>,
  meetingId: number,
  documentId: number,
  documentsDir: string,
  today: string,
): Promise<MeetingDetail> {
  assertNotApproved(await assertMeeting(db, meetingId));
  const document = await db
    .selectFrom('meeting_document')
    .select('stored_name')
    .where('id', '=', documentId)
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  if (!document) throw new UserError('not_found', 'Ce document n’existe plus.');
  await db.deleteFrom('meeting_document').where('id', '=', documentId).execute();
  await unlink(join(documentsDir, document.stored_name)).catch(() => undefined);
  return getMeeting(db, meetingId, today);
}

// ---------- RCP cases ----------

/** A case code that says nothing about the patient: year + random letters (ambiguous ones left out). */
function newCaseCode(date: string): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(5);
  const suffix = [...bytes].map((byte) => alphabet[byte % alphabet.length]).join('');
  return `RCP${date.slice(2, 4)}-${suffix}`;
}

export async function saveRcpCase(db: Kysely<DB>, rcpCase: RcpCaseData, today: string): Promise<MeetingDetail> {
  await db.transaction().execute(async (trx) => {
    const meeting = await assertMeeting(trx, rcpCase.meetingId);
    if (meeting.type !== 'rcp') throw new UserError('invalid_input', 'Des cas ne peuvent être présentés qu’en RCP.');
    assertNoPatientIdentity([
      ['motifText', 'Précision du motif', rcpCase.motifText],
      ['summary', 'Situation', rcpCase.summary],
      ...rcpCase.decisions.map(
        (decision, index): RcpText => [`decisions.${index}.action`, 'Décision', decision.action],
      ),
    ]);
    if (rcpCase.motifCode && !(await rcpMotifs(trx)).some((motif) => motif.code === rcpCase.motifCode)) {
      throw new UserError('invalid_input', 'Motif inconnu : choisissez-le dans la liste.', {
        motifCode: 'Motif inconnu.',
      });
    }
    const participants = new Set(
      (
        await trx.selectFrom('meeting_participant').select('id').where('meeting_id', '=', rcpCase.meetingId).execute()
      ).map((row) => row.id),
    );
    for (const decision of rcpCase.decisions) {
      if (decision.ownerParticipantId !== null && !participants.has(decision.ownerParticipantId)) {
        throw new UserError('invalid_input', 'Le responsable d’une décision doit être un participant de la RCP.');
      }
    }
    if (!AGE_BANDS.some((band) => band.code === rcpCase.ageBand))
      throw new UserError('invalid_input', 'Tranche d’âge inconnue.');
    const values = {
      age_band: rcpCase.ageBand,
      sex: rcpCase.sex,
      over_75: rcpCase.over75 ? 1 : 0,
      ald: rcpCase.ald ? 1 : 0,
      motif_code: rcpCase.motifCode,
      motif_text: rcpCase.motifText,
      summary: rcpCase.summary,
      patient_informed: rcpCase.patientInformed ? 1 : 0,
      follow_up_on: rcpCase.followUpOn,
      follow_up_status: rcpCase.followUpStatus as 'a_faire' | 'fait' | 'sans_objet',
    };
    let caseId: number;
    if (rcpCase.id === null) {
      let code = newCaseCode(meeting.date);
      while (await trx.selectFrom('rcp_case').select('id').where('code', '=', code).executeTakeFirst())
        code = newCaseCode(meeting.date);
      caseId = (
        await trx
          .insertInto('rcp_case')
          .values({ meeting_id: rcpCase.meetingId, code, ...values })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    } else {
      const existing = await trx
        .selectFrom('rcp_case')
        .select('meeting_id')
        .where('id', '=', rcpCase.id)
        .executeTakeFirst();
      if (!existing || existing.meeting_id !== rcpCase.meetingId)
        throw new UserError('not_found', 'Ce cas n’existe plus.');
      await trx.updateTable('rcp_case').set(values).where('id', '=', rcpCase.id).execute();
      caseId = rcpCase.id;
      await trx.deleteFrom('rcp_case_decision').where('case_id', '=', caseId).execute();
    }
    if (rcpCase.decisions.length) {
      await trx
        .insertInto('rcp_case_decision')
        .values(
          rcpCase.decisions.map((decision) => ({
            case_id: caseId,
            action: decision.action!,
            owner_participant_id: decision.ownerParticipantId,
            due_on: decision.dueOn,
            status: decision.status as 'a_faire' | 'en_cours' | 'fait' | 'abandonnee',
          })),
        )
        .execute();
    }
    await audit(trx, rcpCase.id === null ? 'create' : 'update', 'rcp_case', String(caseId), null);
  });
  return getMeeting(db, rcpCase.meetingId, today);
}

export async function deleteRcpCase(db: Kysely<DB>, id: number, today: string): Promise<MeetingDetail> {
  const row = await db.selectFrom('rcp_case').select('meeting_id').where('id', '=', id).executeTakeFirst();
  if (!row) throw new UserError('not_found', 'Ce cas n’existe plus.');
  // The case and its audit entry together, or neither.
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('rcp_case').where('id', '=', id).execute();
    await audit(trx, 'delete', 'rcp_case', String(id), null);
  });
  return getMeeting(db, row.meeting_id, today);
}
