/**
 * Cache policy and query hooks of the rapport d’activité editor. Every write of the draft answers with the whole
 * fresh draft, stored at once; what the report will print (`reportDrafts.data`) is read again, since the sections
 * left out, the texts and the contract year change it.
 */
import type { ActivityDraft, ChannelOutput } from '@shared/contract';
import { createWriteHook, defineCachePolicy, type FreshEntry, queryKey, useApiQuery } from '../../api';

const draftEntry = (draft: ActivityDraft): FreshEntry[] => [
  { key: queryKey('reportDrafts.getActivity', { year: draft.year }), data: draft },
];

const draftWrite = { stale: ['reportDrafts.data'], fresh: draftEntry } as const;

export const annualReportPolicy = defineCachePolicy({
  'reportDrafts.saveActivity': draftWrite,
  'reportDrafts.saveSection': draftWrite,
  'reportDrafts.saveHighlight': draftWrite,
  'reportDrafts.deleteHighlight': draftWrite,
  'reportDrafts.moveHighlight': draftWrite,
  // Answers « cancelled » when the coordinator closed the image dialog: nothing to store then.
  'reportDrafts.addPhoto': {
    stale: ['reportDrafts.data'],
    fresh: (data: ChannelOutput<'reportDrafts.addPhoto'>) => ('cancelled' in data ? [] : draftEntry(data)),
  },
  'reportDrafts.updatePhoto': draftWrite,
  'reportDrafts.deletePhoto': draftWrite,
  // Exports and the preview: nothing to refresh.
  'reports.exportActivityReport': {},
  'reports.previewActivityReport': {},
});

/** Writes of the rapport d’activité editor: `useAnnualReportWrite('reportDrafts.saveSection')`. */
export const useAnnualReportWrite = createWriteHook(annualReportPolicy);

export const useActivityDraft = (year: number) => useApiQuery('reportDrafts.getActivity', [{ year }]);
/** What the report will print: the figures and chart series shown next to the sections. */
export const useActivityReportData = (year: number) => useApiQuery('reportDrafts.data', [{ year }]);
