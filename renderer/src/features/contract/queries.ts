/**
 * Cache policy and query hooks of the ACI contract. Every write answers with the contract's fresh detail, stored at
 * once; the list of contracts and the overview (contract page, dashboard) are read again, and the indicators'
 * reads when the contract's years, missions or envelopes change.
 */
import type { ChannelOutput } from '@shared/contract';
import { createWriteHook, defineCachePolicy, type FreshEntry, queryKey, useApiQuery } from '../../api';

/** What a write of the contract may change. The active contract copies its signature, number and anniversary onto Ma CPTS. */
const CONTRACT_READS = ['contract.list', 'contract.get', 'contract.overview', 'cpts.get'] as const;

/**
 * A write of the contract's shape (its years, missions, envelopes) also changes what the indicators screens read:
 * the contract years of their targets, the missions, and the tableau de suivi (Σ earned / variable maximum).
 */
const SHAPE_READS = [...CONTRACT_READS, 'indicators.list', 'indicators.get', 'indicators.results'] as const;

const detail = (contract: ChannelOutput<'contract.get'>): FreshEntry[] => [
  { key: queryKey('contract.get', { id: contract.id }), data: contract },
];

const contractWrite = { stale: CONTRACT_READS, fresh: detail };
const shapeWrite = { stale: SHAPE_READS, fresh: detail };

export const contractPolicy = defineCachePolicy({
  'contract.create': shapeWrite,
  'contract.update': shapeWrite,
  'contract.saveMission': shapeWrite,
  'contract.removeMission': shapeWrite,
  'contract.saveYear': shapeWrite,
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
