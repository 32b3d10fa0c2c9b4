/**
 * Cache policy and query hooks of the CPTS profile, its logo and its staff. A save answers with the fresh profile,
 * stored at once; the territory, the commune searches and the member statistics are read again. The logo and the
 * staff are printed in the rapport d’activité, whose draft and figures are read again.
 */
import { createWriteHook, defineCachePolicy, queryKey, useApiQuery } from '../../api';
import { TERRITORY_READS } from '../territory/queries';

export const cptsPolicy = defineCachePolicy({
  'cpts.saveIdentity': { stale: TERRITORY_READS, fresh: (data) => [{ key: queryKey('cpts.get'), data }] },
  'cpts.saveLifecycle': { stale: TERRITORY_READS, fresh: (data) => [{ key: queryKey('cpts.get'), data }] },
  'cpts.setLogo': { fresh: (data) => ('cancelled' in data ? [] : [{ key: queryKey('cpts.get'), data }]) },
  'cpts.removeLogo': { fresh: (data) => [{ key: queryKey('cpts.get'), data }] },
  'staff.save': { stale: ['staff.list'] },
  'staff.delete': { stale: ['staff.list'] },
});

/** Writes of the CPTS screen: `useCptsWrite('cpts.saveIdentity')`. */
export const useCptsWrite = createWriteHook(cptsPolicy);

export const useCptsProfile = () => useApiQuery('cpts.get', []);
export const useStaff = () => useApiQuery('staff.list', []);
/** The contract in force, whose dates the life stages show without changing them. */
export const useContractOverview = () => useApiQuery('contract.overview', []);
export const useArsRegions = () => useApiQuery('reference.arsRegions', [], { staleTime: Infinity });
