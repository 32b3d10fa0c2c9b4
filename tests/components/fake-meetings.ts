/**
 * The meeting part of the fake `window.api`: meetings, agenda, participants, decisions, documents, RCP cases and
 * motifs, kept in memory and validated with the contract's own zod schemas, like the real handlers.
 */
import { vi } from 'vitest';
import {
  contract,
  type Api,
  type ApiError,
  type ApiResult,
  type Channel,
  type ChannelParsedInput,
  type DecisionRow,
  type ExportResult,
  type MeetingDetail,
  type MeetingListRow,
  type MeetingParticipantRow,
  type RcpCaseRow,
} from '@shared/contract';
import { BUILTIN_RCP_MOTIFS, DEFAULT_RCP_MIN_PROFESSIONS, MEETING_TYPES } from '@shared/domain/meetings';
import { PROFESSION_BY_CODE } from '@shared/domain/professions';
import type { MeetingData } from '@shared/schemas/meetings';

type DecisionStatus = DecisionRow['status'];

export interface FakeAgendaItem {
  id: number;
  title: string;
  minutes: string | null;
}

export interface FakeParticipant {
  id: number;
  memberId: number | null;
  guestName: string | null;
  guestQuality: string | null;
  professionCode: string | null;
  attendance: MeetingParticipantRow['attendance'];
  minutesSpent: number | null;
}

export interface FakeDecision {
  id: number;
  agendaItemId: number | null;
  text: string;
  ownerMemberId: number | null;
  ownerLabel: string | null;
  dueOn: string | null;
  status: DecisionStatus;
  doneOn: string | null;
}

export interface FakeCase {
  id: number;
  code: string;
  ageBand: string;
  sex: 'F' | 'M' | null;
  over75: boolean;
  ald: boolean;
  motifCode: string | null;
  motifText: string | null;
  summary: string | null;
  patientInformed: boolean;
  followUpOn: string | null;
  followUpStatus: RcpCaseRow['followUpStatus'];
  decisions: {
    id: number;
    action: string;
    ownerParticipantId: number | null;
    dueOn: string | null;
    status: DecisionStatus;
  }[];
}

export interface FakeMeeting {
  id: number;
  data: MeetingData;
  agenda: FakeAgendaItem[];
  participants: FakeParticipant[];
  decisions: FakeDecision[];
  documents: { id: number; fileName: string; size: number; addedAt: string }[];
  cases: FakeCase[];
}

export interface MeetingState {
  meetings: FakeMeeting[];
  motifs: { code: string; label: string; custom: boolean }[];
  /** What the file dialog of meetings.addDocument « picks » (null: cancelled). */
  documentFile: { fileName: string; size: number } | null;
}

export interface MeetingOptions {
  meetings?: FakeMeeting[];
}

export const EMPTY_MEETING: MeetingData = {
  type: 'ca',
  title: 'Réunion',
  date: '2026-05-20',
  startTime: null,
  endTime: null,
  place: null,
  visioUrl: null,
  organiserMemberId: null,
  organiserLabel: null,
  status: 'prevue',
  summary: null,
  rcpKind: null,
  theme: null,
};

/** A meeting record for the fake, from the few fields a test cares about. */
export function fakeMeeting(
  id: number,
  data: Partial<MeetingData>,
  extra: Partial<Omit<FakeMeeting, 'id' | 'data'>> = {},
): FakeMeeting {
  return {
    id,
    data: { ...EMPTY_MEETING, ...data },
    agenda: [],
    participants: [],
    decisions: [],
    documents: [],
    cases: [],
    ...extra,
  };
}

const ok = <T>(data: T): ApiResult<T> => ({ ok: true, data });
const fail = <T>(error: ApiError): ApiResult<T> => ({ ok: false, error });

function parse<C extends Channel>(
  channel: C,
  input: unknown,
): { ok: true; data: ChannelParsedInput<C> } | { ok: false; result: ApiResult<never> } {
  const parsed = contract[channel].input.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data as ChannelParsedInput<C> };
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.map(String).join('.');
    if (key && !fields[key]) fields[key] = issue.message;
  }
  return {
    ok: false,
    result: fail({ code: 'invalid_input', message: 'Certaines informations ne sont pas valides.', fields }),
  };
}

export function createMeetingStore(
  options: MeetingOptions,
  context: { today: () => string; member: (id: number) => { name: string; professionCode: string | null } | null },
) {
  const state: MeetingState = {
    meetings: [...(options.meetings ?? [])],
    motifs: BUILTIN_RCP_MOTIFS.map((m) => ({ code: m.code, label: m.label, custom: false })),
    documentFile: { fileName: 'ordre-du-jour.pdf', size: 52_340 },
  };
  const all = state.meetings;
  let nextId =
    1 +
    Math.max(
      0,
      ...all.flatMap((m) => [
        m.id,
        ...m.agenda.map((x) => x.id),
        ...m.participants.map((x) => x.id),
        ...m.decisions.map((x) => x.id),
        ...m.documents.map((x) => x.id),
        ...m.cases.flatMap((c) => [c.id, ...c.decisions.map((d) => d.id)]),
      ]),
    );
  const newId = () => nextId++;
  const today = context.today;
  const notFound = () => fail<never>({ code: 'not_found', message: 'Cette réunion est introuvable.' });
  const find = (id: number) => state.meetings.find((m) => m.id === id);

  const typeOf = (code: string) => MEETING_TYPES.find((t) => t.code === code);
  const participantName = (p: FakeParticipant) =>
    p.memberId !== null
      ? (context.member(p.memberId)?.name ?? 'Adhérent inconnu')
      : (p.guestName ??
        (p.professionCode ? (PROFESSION_BY_CODE.get(p.professionCode)?.label ?? p.professionCode) : 'Invité'));
  const professionOf = (p: FakeParticipant) =>
    p.memberId !== null ? (context.member(p.memberId)?.professionCode ?? null) : p.professionCode;

  const decisionRow = (m: FakeMeeting, d: FakeDecision): DecisionRow => ({
    id: d.id,
    meetingId: m.id,
    meetingTitle: m.data.title,
    meetingDate: m.data.date!,
    agendaItemId: d.agendaItemId,
    text: d.text,
    ownerMemberId: d.ownerMemberId,
    owner: d.ownerMemberId !== null ? (context.member(d.ownerMemberId)?.name ?? null) : d.ownerLabel,
    dueOn: d.dueOn,
    status: d.status,
    doneOn: d.doneOn,
    overdue: (d.status === 'a_faire' || d.status === 'en_cours') && d.dueOn !== null && d.dueOn < today(),
  });

  const caseRow = (m: FakeMeeting, c: FakeCase): RcpCaseRow => ({
    ...c,
    motifLabel: c.motifCode ? (state.motifs.find((x) => x.code === c.motifCode)?.label ?? c.motifCode) : null,
    decisions: c.decisions.map((d) => {
      const p = m.participants.find((x) => x.id === d.ownerParticipantId);
      return { ...d, owner: p ? participantName(p) : null };
    }),
  });

  const listRow = (m: FakeMeeting): MeetingListRow => ({
    id: m.id,
    type: m.data.type,
    typeLabel: typeOf(m.data.type)?.label ?? m.data.type,
    title: m.data.title,
    date: m.data.date!,
    startTime: m.data.startTime,
    endTime: m.data.endTime,
    place: m.data.place,
    status: m.data.status,
    participantCount: m.participants.length,
    presentCount: m.participants.filter((p) => p.attendance === 'present').length,
    caseCount: m.cases.length,
    openDecisions: m.decisions.filter((d) => d.status === 'a_faire' || d.status === 'en_cours').length,
  });

  const detail = (m: FakeMeeting): MeetingDetail => {
    const present = m.participants.filter((p) => p.attendance === 'present');
    const counted = present.length > 0 ? present : m.participants;
    const professionCount = new Set(counted.map(professionOf).filter(Boolean)).size;
    const warnings: string[] = [];
    if (m.data.type === 'rcp' && professionCount < DEFAULT_RCP_MIN_PROFESSIONS) {
      warnings.push(
        `Une RCP réunit au moins ${DEFAULT_RCP_MIN_PROFESSIONS} professions différentes : ${professionCount} pour l’instant.`,
      );
    }
    return {
      id: m.id,
      data: { ...m.data },
      typeLabel: typeOf(m.data.type)?.label ?? m.data.type,
      agenda: m.agenda.map((a, index) => ({ ...a, position: index + 1 })),
      participants: m.participants.map((p) => ({
        id: p.id,
        memberId: p.memberId,
        name: participantName(p),
        professionCode: professionOf(p),
        professionLabel: professionOf(p) ? (PROFESSION_BY_CODE.get(professionOf(p)!)?.label ?? null) : null,
        guestQuality: p.guestQuality,
        attendance: p.attendance,
        minutesSpent: p.minutesSpent,
      })),
      decisions: m.decisions.map((d) => decisionRow(m, d)),
      documents: m.documents.map((d) => ({ ...d })),
      cases: m.cases.map((c) => caseRow(m, c)),
      professionCount,
      warnings,
    };
  };

  const meetingOfDecision = (id: number) => state.meetings.find((m) => m.decisions.some((d) => d.id === id));
  const meetingOfCase = (id: number) => state.meetings.find((m) => m.cases.some((c) => c.id === id));

  const exported = (name: string): ApiResult<ExportResult> =>
    ok({ saved: true, path: `/home/coordination/Documents/${name}`, pages: 1, bytes: 4_096 });

  const api = {
    'meetings.list': vi.fn<Api['meetings.list']>(async (input) => {
      const p = parse('meetings.list', input);
      if (!p.ok) return p.result;
      const rows = state.meetings
        .filter((m) => (!p.data.from || m.data.date! >= p.data.from) && (!p.data.to || m.data.date! <= p.data.to))
        .sort(
          (a, b) =>
            a.data.date!.localeCompare(b.data.date!) || (a.data.startTime ?? '').localeCompare(b.data.startTime ?? ''),
        )
        .map(listRow);
      return ok(rows);
    }),
    'meetings.get': vi.fn<Api['meetings.get']>(async (input) => {
      const m = find(input.id);
      return m ? ok(detail(m)) : notFound();
    }),
    'meetings.create': vi.fn<Api['meetings.create']>(async (input) => {
      const p = parse('meetings.create', input);
      if (!p.ok) return p.result;
      const m = fakeMeeting(newId(), p.data);
      state.meetings.push(m);
      return ok(detail(m));
    }),
    'meetings.update': vi.fn<Api['meetings.update']>(async (input) => {
      const p = parse('meetings.update', input);
      if (!p.ok) return p.result;
      const m = find(p.data.id);
      if (!m) return notFound();
      m.data = p.data.data;
      return ok(detail(m));
    }),
    'meetings.delete': vi.fn<Api['meetings.delete']>(async (input) => {
      const p = parse('meetings.delete', input);
      if (!p.ok) return p.result;
      const index = state.meetings.findIndex((m) => m.id === p.data.id);
      if (index < 0) return notFound();
      state.meetings.splice(index, 1);
      return ok({ deleted: true as const });
    }),
    'meetings.saveAgenda': vi.fn<Api['meetings.saveAgenda']>(async (input) => {
      const p = parse('meetings.saveAgenda', input);
      if (!p.ok) return p.result;
      const m = find(p.data.meetingId);
      if (!m) return notFound();
      m.agenda = p.data.items.map((item) => ({ id: item.id ?? newId(), title: item.title, minutes: item.minutes }));
      return ok(detail(m));
    }),
    'meetings.saveParticipants': vi.fn<Api['meetings.saveParticipants']>(async (input) => {
      const p = parse('meetings.saveParticipants', input);
      if (!p.ok) return p.result;
      const m = find(p.data.meetingId);
      if (!m) return notFound();
      m.participants = p.data.participants.map((x) => ({
        id: x.id ?? newId(),
        memberId: x.memberId,
        guestName: m.data.type === 'rcp' ? null : x.guestName,
        guestQuality: x.guestQuality,
        professionCode: x.professionCode,
        attendance: x.attendance,
        minutesSpent: x.minutesSpent,
      }));
      return ok(detail(m));
    }),
    'meetings.addDocument': vi.fn<Api['meetings.addDocument']>(async (input) => {
      const m = find(input.meetingId);
      if (!m) return notFound();
      if (!state.documentFile) return ok({ cancelled: true as const });
      m.documents.push({ id: newId(), ...state.documentFile, addedAt: `${today()}T10:00:00.000Z` });
      return ok(detail(m));
    }),
    'meetings.deleteDocument': vi.fn<Api['meetings.deleteDocument']>(async (input) => {
      const m = find(input.meetingId);
      if (!m) return notFound();
      m.documents = m.documents.filter((d) => d.id !== input.documentId);
      return ok(detail(m));
    }),
    'meetings.exportIcs': vi.fn<Api['meetings.exportIcs']>(async () => exported('reunions.ics')),
    'decisions.save': vi.fn<Api['decisions.save']>(async (input) => {
      const p = parse('decisions.save', input);
      if (!p.ok) return p.result;
      const m = find(p.data.meetingId);
      if (!m) return notFound();
      const status = p.data.status as DecisionStatus;
      const values = {
        agendaItemId: p.data.agendaItemId,
        text: p.data.text,
        ownerMemberId: p.data.ownerMemberId,
        ownerLabel: p.data.ownerMemberId ? null : p.data.ownerLabel,
        dueOn: p.data.dueOn,
        status,
      };
      const existing = p.data.id ? m.decisions.find((d) => d.id === p.data.id) : undefined;
      if (p.data.id && !existing) return notFound();
      if (existing)
        Object.assign(existing, values, { doneOn: status === 'fait' ? (existing.doneOn ?? today()) : null });
      else m.decisions.push({ id: newId(), ...values, doneOn: status === 'fait' ? today() : null });
      return ok(detail(m));
    }),
    'decisions.delete': vi.fn<Api['decisions.delete']>(async (input) => {
      const m = meetingOfDecision(input.id);
      if (!m) return notFound();
      m.decisions = m.decisions.filter((d) => d.id !== input.id);
      return ok(detail(m));
    }),
    'decisions.list': vi.fn<Api['decisions.list']>(async (input) => {
      const status = input.status ?? 'ouvertes';
      const rows = state.meetings
        .flatMap((m) => m.decisions.map((d) => decisionRow(m, d)))
        .filter((d) =>
          status === 'toutes'
            ? true
            : status === 'faites'
              ? d.status === 'fait'
              : status === 'en_retard'
                ? d.overdue
                : d.status === 'a_faire' || d.status === 'en_cours',
        )
        .sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'));
      return ok(rows);
    }),
    'rcp.motifs': vi.fn<Api['rcp.motifs']>(async () => ok(state.motifs.map((m) => ({ ...m })))),
    'rcp.addMotif': vi.fn<Api['rcp.addMotif']>(async (input) => {
      const p = parse('rcp.addMotif', input);
      if (!p.ok) return p.result;
      const code = `perso_${state.motifs.filter((m) => m.custom).length + 1}`;
      state.motifs.push({ code, label: p.data.label, custom: true });
      return ok(state.motifs.map((m) => ({ ...m })));
    }),
    'rcp.saveCase': vi.fn<Api['rcp.saveCase']>(async (input) => {
      const p = parse('rcp.saveCase', input);
      if (!p.ok) return p.result;
      const m = find(p.data.meetingId);
      if (!m) return notFound();
      const { id, meetingId: _meetingId, decisions, ...rest } = p.data;
      const values = {
        ...rest,
        ageBand: rest.ageBand,
        decisions: decisions.map((d) => ({
          id: d.id ?? newId(),
          action: d.action!,
          ownerParticipantId: d.ownerParticipantId,
          dueOn: d.dueOn,
          status: d.status as DecisionStatus,
        })),
      };
      const existing = id ? m.cases.find((c) => c.id === id) : undefined;
      if (id && !existing) return notFound();
      if (existing) Object.assign(existing, values);
      else {
        const year = m.data.date!.slice(0, 4);
        const count = state.meetings.reduce((n, x) => n + x.cases.length, 0) + 1;
        m.cases.push({ id: newId(), code: `RCP-${year}-${String(count).padStart(3, '0')}`, ...values });
      }
      return ok(detail(m));
    }),
    'rcp.deleteCase': vi.fn<Api['rcp.deleteCase']>(async (input) => {
      const m = meetingOfCase(input.id);
      if (!m) return notFound();
      m.cases = m.cases.filter((c) => c.id !== input.id);
      return ok(detail(m));
    }),
    'reports.exportMeetingMinutes': vi.fn<Api['reports.exportMeetingMinutes']>(async (input) =>
      find(input.meetingId) ? exported('compte-rendu.pdf') : notFound(),
    ),
    'reports.exportRcpYear': vi.fn<Api['reports.exportRcpYear']>(async (input) =>
      exported(`bilan-rcp-${input.year}.pdf`),
    ),
  } satisfies Partial<Api>;

  return { api, state };
}
