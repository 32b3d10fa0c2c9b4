/** Meetings, their agenda, participants, documents and decisions. */
import { z } from '../zod-fr';
import { agendaSchema, decisionSchema, meetingSchema, participantsSchema, type MeetingData } from '../schemas/meetings';
import { channel, type ExportResult } from './common';
import { MEETING_TYPE_CODES } from '../domain/meetings';

export interface MeetingListRow {
  id: number;
  type: string;
  typeLabel: string;
  title: string;
  date: string;
  startTime: string | null;
  endTime: string | null;
  place: string | null;
  status: 'prevue' | 'tenue' | 'annulee';
  participantCount: number;
  presentCount: number;
  caseCount: number;
  openDecisions: number;
}

export interface MeetingParticipantRow {
  id: number;
  memberId: number | null;
  /** Member's display name, the guest's name, or for an RCP guest only their profession. */
  name: string;
  professionCode: string | null;
  professionLabel: string | null;
  guestQuality: string | null;
  attendance: 'present' | 'excuse' | 'absent' | 'represente' | null;
  minutesSpent: number | null;
}

export interface DecisionRow {
  id: number;
  meetingId: number;
  meetingTitle: string;
  meetingDate: string;
  agendaItemId: number | null;
  text: string;
  ownerMemberId: number | null;
  owner: string | null;
  dueOn: string | null;
  status: 'a_faire' | 'en_cours' | 'fait' | 'abandonnee';
  doneOn: string | null;
  overdue: boolean;
}

export interface RcpCaseRow {
  id: number;
  code: string;
  ageBand: string;
  sex: 'F' | 'M' | null;
  over75: boolean;
  ald: boolean;
  motifCode: string | null;
  motifLabel: string | null;
  motifText: string | null;
  summary: string | null;
  patientInformed: boolean;
  followUpOn: string | null;
  followUpStatus: 'a_faire' | 'fait' | 'sans_objet';
  decisions: {
    id: number;
    action: string;
    ownerParticipantId: number | null;
    owner: string | null;
    dueOn: string | null;
    status: 'a_faire' | 'en_cours' | 'fait' | 'abandonnee';
  }[];
}

export interface MeetingDetail {
  id: number;
  data: MeetingData;
  typeLabel: string;
  agenda: { id: number; position: number; title: string; minutes: string | null }[];
  participants: MeetingParticipantRow[];
  decisions: DecisionRow[];
  documents: { id: number; fileName: string; size: number; addedAt: string }[];
  cases: RcpCaseRow[];
  /** RCP only: different professions among participants present (or all participants before the session). */
  professionCount: number;
  /** French warnings, e.g. too few professions for an RCP. */
  warnings: string[];
}

/** Channels of the meetings and their decisions. */
export const meetingsChannels = {
  'meetings.list': channel<MeetingListRow[]>()(
    z.object({
      from: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .nullish(),
      to: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .nullish(),
    }),
  ),
  'meetings.get': channel<MeetingDetail>()(z.object({ id: z.number().int().positive() })),
  'meetings.create': channel<MeetingDetail>()(meetingSchema),
  'meetings.update': channel<MeetingDetail>()(z.object({ id: z.number().int().positive(), data: meetingSchema })),
  'meetings.delete': channel<{ deleted: true }>()(
    z.object({ id: z.number().int().positive(), confirm: z.literal(true, { error: 'Confirmez la suppression.' }) }),
  ),
  'meetings.saveAgenda': channel<MeetingDetail>()(agendaSchema),
  'meetings.saveParticipants': channel<MeetingDetail>()(participantsSchema),
  'meetings.addDocument': channel<MeetingDetail | { cancelled: true }>()(
    z.object({ meetingId: z.number().int().positive() }),
  ),
  'meetings.deleteDocument': channel<MeetingDetail>()(
    z.object({ meetingId: z.number().int().positive(), documentId: z.number().int().positive() }),
  ),
  'meetings.exportIcs': channel<ExportResult>()(
    z.union([
      z.object({ meetingId: z.number().int().positive() }),
      z.object({
        from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        /** Only the meetings of this type (the calendar's filter), when set. */
        type: z.enum(MEETING_TYPE_CODES).optional(),
      }),
    ]),
  ),
  'decisions.save': channel<MeetingDetail>()(decisionSchema),
  'decisions.delete': channel<MeetingDetail>()(z.object({ id: z.number().int().positive() })),
  'decisions.list': channel<DecisionRow[]>()(
    z.object({ status: z.enum(['ouvertes', 'en_retard', 'faites', 'toutes']).default('ouvertes') }),
  ),
} as const;
