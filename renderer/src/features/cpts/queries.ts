/**
 * Cache policy and query hooks of the CPTS profile. A save answers with the fresh profile, stored at once; the
 * territory, the commune searches and the member statistics are read again.
 */
import { createWriteHook, defineCachePolicy, queryKey, useApiQuery } from '../../api';
import { TERRITORY_READS } from '../territory/queries';

export const cptsPolicy = defineCachePolicy({
  'cpts.saveIdentity': { stale: TERRITORY_READS, fresh: (data) => [{ key: queryKey('cpts.get'), data }] },
  'cpts.saveLifecycle': { stale: TERRITORY_READS, fresh: (data) => [{ key: queryKey('cpts.get'), data }] },
});

/** Writes of the CPTS screen: `useCptsWrite('cpts.saveIdentity')`. */
export const useCptsWrite = createWriteHook(cptsPolicy);

export const useCptsProfile = () => useApiQuery('cpts.get', []);
/** The contract in force, whose dates the life stages show without changing them. */
export const useContractOverview = () => useApiQuery('contract.overview', []);
export const useArsRegions = () => useApiQuery('reference.arsRegions', [], { staleTime: Infinity });
