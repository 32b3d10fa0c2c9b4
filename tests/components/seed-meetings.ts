/**
 * Meetings written into the test database through the real handlers, with their agenda, participants and
 * decisions, for the component tests of the meeting screens.
 */
import type { ChannelInput, MeetingDetail } from '@shared/contract';
import type { RealBackend } from './real-api';

type MeetingInput = ChannelInput<'meetings.create'>;
type AgendaItem = Omit<ChannelInput<'meetings.saveAgenda'>['items'][number], 'id'>;
type Participant = Omit<ChannelInput<'meetings.saveParticipants'>['participants'][number], 'id'>;
type Decision = Omit<ChannelInput<'decisions.save'>, 'id' | 'meetingId'>;

export const CA_DE_MAI = {
  type: 'ca',
  title: 'CA de mai',
  date: '2026-05-20',
  startTime: '18:30',
  endTime: '20:00',
  place: 'Maison de santé',
} satisfies MeetingInput;

export const RCP_CHUTES = {
  type: 'rcp',
  title: 'RCP chutes',
  date: '2026-05-22',
  startTime: '12:30',
  rcpKind: 'clinique',
} satisfies MeetingInput;

export interface SeedMeetingExtra {
  agenda?: AgendaItem[];
  participants?: Participant[];
  decisions?: Decision[];
}

/** Creates the meeting, then saves its agenda, participants and decisions in that order; returns its detail. */
export async function seedMeeting(
  { ok }: Pick<RealBackend, 'ok'>,
  data: MeetingInput,
  extra: SeedMeetingExtra = {},
): Promise<MeetingDetail> {
  let detail = await ok('meetings.create', data);
  const meetingId = detail.id;
  if (extra.agenda)
    detail = await ok('meetings.saveAgenda', { meetingId, items: extra.agenda.map((item) => ({ id: null, ...item })) });
  if (extra.participants)
    detail = await ok('meetings.saveParticipants', {
      meetingId,
      participants: extra.participants.map((participant) => ({ id: null, ...participant })),
    });
  for (const decision of extra.decisions ?? []) detail = await ok('decisions.save', { meetingId, ...decision });
  return detail;
}
