/**
 * Cache policy and query hooks of the renewal dossier. Every write answers with the contract's fresh draft, stored
 * at once; the export changes nothing the app reads.
 */
import type { ChannelOutput } from '@shared/contract';
import { createWriteHook, defineCachePolicy, type FreshEntry, queryKey, useApiQuery } from '../../api';

const draft = (data: ChannelOutput<'renewal.getDraft'>): FreshEntry[] => [
  { key: queryKey('renewal.getDraft', { contractId: data.contractId }), data },
];
const draftWrite = { stale: [], fresh: draft };

export const renewalPolicy = defineCachePolicy({
  'renewal.saveDraft': draftWrite,
  'renewal.saveSection': draftWrite,
  'renewal.seedProposals': draftWrite,
  'renewal.saveProposal': draftWrite,
  'renewal.deleteProposal': draftWrite,
  'renewal.moveProposal': draftWrite,
  'reports.exportRenewalDossier': {},
});

/** Writes of the renewal screen: `useRenewalWrite('renewal.saveSection')`. */
export const useRenewalWrite = createWriteHook(renewalPolicy);

export const useRenewalDraft = (contractId: number) => useApiQuery('renewal.getDraft', [{ contractId }]);
