/**
 * Cache policy and query hooks of the meetings, their decisions and their RCP cases. A write of a meeting answers
 * with its fresh detail, stored at once; the calendar, the decisions, the RCP motifs and the assembly of the
 * meeting (its agenda and participants) are read again.
 */
import type { ChannelInput, ChannelOutput } from '@shared/contract';
import { createWriteHook, defineCachePolicy, type FreshEntry, queryKey, useApiQuery } from '../../api';

/**
 * What a write of a meeting, a decision or an RCP case may change (a fiche action shows its meetings and their
 * open decisions).
 */
const MEETING_READS = [
  'meetings.list',
  'meetings.get',
  'decisions.list',
  'rcp.motifs',
  'ag.get',
  'fiches.get',
] as const;

/** The meeting's fresh detail, as a write answers it. */
const detail = (meeting: ChannelOutput<'meetings.get'>): FreshEntry[] => [
  { key: queryKey('meetings.get', { id: meeting.id }), data: meeting },
];

const meetingWrite = { stale: MEETING_READS, fresh: detail };

/** Deleting a meeting or one of its documents also deletes the justificatifs that pointed at it. */
const EVIDENCE_READS = ['indicators.evidence', 'indicators.missingEvidence', 'indicators.results'] as const;

export const meetingsPolicy = defineCachePolicy({
  'meetings.create': meetingWrite,
  'meetings.update': meetingWrite,
  'meetings.saveAgenda': meetingWrite,
  'meetings.saveParticipants': meetingWrite,
  // Answers « cancelled » when the coordinator closed the file dialog: nothing fresh to store then.
  'meetings.addDocument': {
    stale: MEETING_READS,
    fresh: (data) => ('cancelled' in data ? [] : detail(data)),
  },
  'meetings.deleteDocument': { stale: [...MEETING_READS, ...EVIDENCE_READS], fresh: detail },
  'meetings.delete': { stale: [...MEETING_READS, ...EVIDENCE_READS] },
  'decisions.save': meetingWrite,
  'decisions.delete': meetingWrite,
  'rcp.saveCase': meetingWrite,
  'rcp.deleteCase': meetingWrite,
  'rcp.addMotif': { stale: MEETING_READS, fresh: (data) => [{ key: queryKey('rcp.motifs'), data }] },
  // Exports: nothing to refresh.
  'meetings.exportIcs': {},
  'reports.exportMeetingMinutes': {},
});

/** Writes of the meetings screens: `useMeetingsWrite('meetings.update', { onSuccess })`. */
export const useMeetingsWrite = createWriteHook(meetingsPolicy);

/** Meetings of a period (`{}`: all of them). */
export const useMeetings = (range: { from?: string; to?: string }) => useApiQuery('meetings.list', [range]);
export const useMeeting = (id: number) => useApiQuery('meetings.get', [{ id }]);
export const useDecisions = (status: ChannelInput<'decisions.list'>['status']) =>
  useApiQuery('decisions.list', [{ status }]);
export const useRcpMotifs = () => useApiQuery('rcp.motifs', []);
