/**
 * Cache policy and query hooks of the rapport d’activité editor. Every write of the draft answers with the whole
 * fresh draft, stored at once.
 */
import type { ActivityDraft, ChannelOutput } from '@shared/contract';
import { createWriteHook, defineCachePolicy, type FreshEntry, queryKey, useApiQuery } from '../../api';

const draftEntry = (draft: ActivityDraft): FreshEntry[] => [
  { key: queryKey('reportDrafts.getActivity', { year: draft.year }), data: draft },
];

const draftWrite = { fresh: draftEntry } as const;

export const annualReportPolicy = defineCachePolicy({
  'reportDrafts.saveActivity': draftWrite,
  'reportDrafts.saveSection': draftWrite,
  'reportDrafts.saveHighlight': draftWrite,
  'reportDrafts.deleteHighlight': draftWrite,
  'reportDrafts.moveHighlight': draftWrite,
  // Answers « cancelled » when the coordinator closed the image dialog: nothing to store then.
  'reportDrafts.addPhoto': {
    fresh: (data: ChannelOutput<'reportDrafts.addPhoto'>) => ('cancelled' in data ? [] : draftEntry(data)),
  },
  'reportDrafts.updatePhoto': draftWrite,
  'reportDrafts.deletePhoto': draftWrite,
});

/** Writes of the rapport d’activité editor: `useAnnualReportWrite('reportDrafts.saveSection')`. */
export const useAnnualReportWrite = createWriteHook(annualReportPolicy);

export const useActivityDraft = (year: number) => useApiQuery('reportDrafts.getActivity', [{ year }]);
