/**
 * Cache policy and query hooks of the ACI contract. Every write answers with the contract's fresh detail, stored at
 * once; the list of contracts and the overview (contract page, dashboard) are read again.
 */
import type { ChannelOutput } from '@shared/contract';
import { createWriteHook, defineCachePolicy, type FreshEntry, queryKey, useApiQuery } from '../../api';

/** What a write of the contract may change. */
const CONTRACT_READS = ['contract.list', 'contract.get', 'contract.overview'] as const;

const detail = (contract: ChannelOutput<'contract.get'>): FreshEntry[] => [
  { key: queryKey('contract.get', { id: contract.id }), data: contract },
];

const contractWrite = { stale: CONTRACT_READS, fresh: detail };

export const contractPolicy = defineCachePolicy({
  'contract.create': contractWrite,
  'contract.update': contractWrite,
  'contract.saveMission': contractWrite,
  'contract.removeMission': contractWrite,
  'contract.saveYear': contractWrite,
  'contract.savePayment': contractWrite,
  'contract.deletePayment': contractWrite,
  'contract.saveDialogue': contractWrite,
  'contract.deleteDialogue': contractWrite,
  // Answers « cancelled » when the coordinator closed the file dialog: nothing fresh to store then.
  'contract.addDocument': {
    stale: CONTRACT_READS,
    fresh: (data) => ('cancelled' in data ? [] : detail(data)),
  },
  'contract.deleteDocument': contractWrite,
});

/** Writes of the contract screens: `useContractWrite('contract.savePayment', { onSuccess })`. */
export const useContractWrite = createWriteHook(contractPolicy);

export const useContracts = () => useApiQuery('contract.list', []);
export const useContract = (id: number | null) =>
  useApiQuery('contract.get', [{ id: id ?? 0 }], { enabled: id !== null });
export const useContractDraft = (enabled: boolean) => useApiQuery('contract.prefill', [], { enabled });
