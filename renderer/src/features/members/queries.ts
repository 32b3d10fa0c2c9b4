/**
 * Cache policy and query hooks of the members, their collèges and their cotisations. Every write of a member answers
 * with its fresh detail, stored at once; the list, the statistics, the collèges (member counts), the cotisation
 * amounts and the assemblies (voters) are read again.
 */
import type { ChannelOutput } from '@shared/contract';
import {
  createWriteHook,
  defineCachePolicy,
  type FreshEntry,
  mergeCachePolicies,
  queryKey,
  useApiQuery,
} from '../../api';

/** What a write of a member, a collège or a cotisation amount may change. */
const MEMBER_READS = [
  'members.list',
  'members.get',
  'members.stats',
  'colleges.list',
  'cotisationRates.list',
  'ag.get',
] as const;

/** The member's fresh detail, as a write answers it. */
const detail = (member: ChannelOutput<'members.get'>): FreshEntry[] => [
  { key: queryKey('members.get', { id: member.id }), data: member },
];

const memberWrite = { stale: MEMBER_READS, fresh: detail };

export const membersPolicy = defineCachePolicy({
  'members.create': memberWrite,
  'members.update': memberWrite,
  'members.depart': memberWrite,
  'members.reinstate': memberWrite,
  'members.setCotisation': memberWrite,
  'members.deleteCotisation': memberWrite,
  'members.addMandate': memberWrite,
  'members.deleteMandate': memberWrite,
  'members.erase': { stale: MEMBER_READS },
  'members.importApply': { stale: MEMBER_READS },
  // Reads through a write channel, and exports: nothing to refresh.
  'members.importOpen': {},
  'members.importPreview': {},
  'members.exportList': {},
  'members.exportPersonalData': {},
});

export const collegesPolicy = defineCachePolicy({
  'colleges.save': { stale: MEMBER_READS, fresh: (data) => [{ key: queryKey('colleges.list'), data }] },
  'colleges.delete': { stale: MEMBER_READS, fresh: (data) => [{ key: queryKey('colleges.list'), data }] },
  'cotisationRates.save': { stale: MEMBER_READS, fresh: (data) => [{ key: queryKey('cotisationRates.list'), data }] },
});

/** Writes of the members screens: `useMembersWrite('members.update', { onSuccess })`. */
export const useMembersWrite = createWriteHook(mergeCachePolicies(membersPolicy, collegesPolicy));

export const useMembers = () => useApiQuery('members.list', []);
export const useMember = (id: number) => useApiQuery('members.get', [{ id }]);
export const useMemberStats = (year: number) => useApiQuery('members.stats', [{ year }]);
export const useColleges = () => useApiQuery('colleges.list', []);
export const useCotisationRates = () => useApiQuery('cotisationRates.list', []);
