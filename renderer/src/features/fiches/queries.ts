/**
 * Cache policy and query hooks of the fiches actions, the partnerships and the crisis plan. A write of a fiche
 * answers with its fresh detail, stored at once; the list, the partnerships (their fiches by role) are read again.
 * A write of a partnership changes the fiches' partnership labels; a crisis plan write answers the whole plan.
 */
import type { ChannelInput, ChannelOutput } from '@shared/contract';
import { createWriteHook, defineCachePolicy, type FreshEntry, queryKey, useApiQuery } from '../../api';

/**
 * What a write of a fiche or of a partnership may change: indicators show the title of their fiche, and deleting a
 * fiche detaches its indicators; the evidence checklists show the fiche's code, title and mission, and lose its
 * justificatifs when it is deleted.
 */
const FICHE_READS = [
  'fiches.list',
  'fiches.get',
  'partnerships.list',
  'indicators.list',
  'indicators.get',
  'indicators.results',
  'indicators.evidence',
  'indicators.missingEvidence',
] as const;

const ficheDetail = (fiche: ChannelOutput<'fiches.get'>): FreshEntry[] => [
  { key: queryKey('fiches.get', { id: fiche.id }), data: fiche },
];
const ficheWrite = { stale: FICHE_READS, fresh: ficheDetail };

const crisisPlan = (plan: ChannelOutput<'crisisPlan.get'>): FreshEntry[] => [
  { key: queryKey('crisisPlan.get'), data: plan },
];

export const fichesPolicy = defineCachePolicy({
  'fiches.create': ficheWrite,
  'fiches.update': ficheWrite,
  'fiches.delete': { stale: FICHE_READS },
  // Answers « cancelled » when the coordinator closed the file dialog: nothing fresh to store then.
  'fiches.addDocument': { stale: FICHE_READS, fresh: (data) => ('cancelled' in data ? [] : ficheDetail(data)) },
  'fiches.deleteDocument': ficheWrite,
  'partnerships.create': { stale: FICHE_READS },
  'partnerships.update': { stale: FICHE_READS },
  'partnerships.delete': { stale: FICHE_READS },
  'partnerships.addDocument': { stale: ['partnerships.list'] },
  'partnerships.deleteDocument': { stale: ['partnerships.list'] },
  'crisisPlan.saveEvent': { stale: ['crisisPlan.get'], fresh: crisisPlan },
  'crisisPlan.deleteEvent': { stale: ['crisisPlan.get'], fresh: crisisPlan },
  'crisisPlan.attachDocument': {
    stale: ['crisisPlan.get'],
    fresh: (data) => ('cancelled' in data ? [] : crisisPlan(data)),
  },
  'crisisPlan.detachDocument': { stale: ['crisisPlan.get'], fresh: crisisPlan },
  // Export: nothing to refresh.
  'reports.exportFicheAction': {},
  'reports.exportHealthProjectSummary': {},
});

/** Writes of the fiches, partnerships and crisis plan screens: `useFichesWrite('fiches.update')`. */
export const useFichesWrite = createWriteHook(fichesPolicy);

export const useFiches = (filters: ChannelInput<'fiches.list'>) => useApiQuery('fiches.list', [filters]);
export const useFiche = (id: number) => useApiQuery('fiches.get', [{ id }]);
export const usePartnerships = () => useApiQuery('partnerships.list', []);
export const useCrisisPlan = () => useApiQuery('crisisPlan.get', []);
