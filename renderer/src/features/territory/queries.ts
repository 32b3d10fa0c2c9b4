/**
 * Cache policy and query hooks of the territory. Adding or removing a commune answers with the fresh territory,
 * stored at once; the profile, the commune searches (« déjà dans le territoire ») and the member statistics are read
 * again.
 */
import { keepPreviousData } from '@tanstack/react-query';
import { createWriteHook, defineCachePolicy, queryKey, useApiQuery } from '../../api';

/** What a write of the CPTS or of its territory may change. */
export const TERRITORY_READS = ['cpts.get', 'territory.get', 'communes.search', 'members.stats'] as const;

export const territoryPolicy = defineCachePolicy({
  'territory.addCommunes': { stale: TERRITORY_READS, fresh: (data) => [{ key: queryKey('territory.get'), data }] },
  'territory.removeCommune': { stale: TERRITORY_READS, fresh: (data) => [{ key: queryKey('territory.get'), data }] },
});

/** Writes of the territory screen: `useTerritoryWrite('territory.addCommunes')`. */
export const useTerritoryWrite = createWriteHook(territoryPolicy);

export const useTerritory = () => useApiQuery('territory.get', []);

/**
 * The reference communes matching `term` (name, INSEE code or postcode), at most `limit`; nothing is asked while
 * `enabled` is false. The previous answer stays shown while the next one comes.
 */
export const useCommuneSearch = (term: string, limit: number, { enabled, staleTime }: CommuneSearchOptions) =>
  useApiQuery('communes.search', [{ query: term, limit }], { enabled, placeholderData: keepPreviousData, staleTime });

interface CommuneSearchOptions {
  enabled: boolean;
  /** How long an answer stays fresh (0: read again at each new search). */
  staleTime: number;
}
