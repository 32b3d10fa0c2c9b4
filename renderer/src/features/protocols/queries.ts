/**
 * Cache policy and query hooks of the protocol library: the protocols, their versions and their documents. Every
 * write may change the library's list, the protocol's page, its versions and the dashboard's reminders, so all of
 * them are read again.
 */
import type { ChannelInput } from '@shared/contract';
import { createWriteHook, defineCachePolicy, useApiQuery } from '../../api';

/**
 * What a write of a protocol, a version or a document may change: the dashboard lists the reviews due and the
 * declarations owed to the ARS (a protocol deleted, archived or whose family changes owes none any more), and an
 * indicator measured by Maillage counts the protocols in force.
 */
const PROTOCOL_READS = [
  'protocols.list',
  'protocols.get',
  'protocols.getVersion',
  'protocols.reviewsDue',
  'protocolTeam.declarationsOwed',
  'indicators.liveValue',
] as const;
const protocolWrite = { stale: PROTOCOL_READS };

export const protocolsPolicy = defineCachePolicy({
  'protocols.create': protocolWrite,
  'protocols.update': protocolWrite,
  'protocols.delete': protocolWrite,
  'protocols.archive': protocolWrite,
  'protocols.newVersion': protocolWrite,
  'protocols.saveVersion': protocolWrite,
  'protocols.deleteVersion': protocolWrite,
  'protocols.validateVersion': protocolWrite,
  'protocols.setVersionStatus': protocolWrite,
  'protocols.addDocument': protocolWrite,
  'protocols.deleteDocument': protocolWrite,
  'protocols.importWord': protocolWrite,
  // Exports: nothing to refresh.
  'reports.exportProtocol': {},
  'reports.exportProtocolRegister': {},
});

/** Writes of the library screens: `useProtocolsWrite('protocols.saveVersion')`. */
export const useProtocolsWrite = createWriteHook(protocolsPolicy);

export const useProtocols = (filters: ChannelInput<'protocols.list'>) => useApiQuery('protocols.list', [filters]);
export const useProtocol = (id: number) => useApiQuery('protocols.get', [{ id }]);
/** A version's content; nothing is read while `id` is null (a protocol without a version that applies). */
export const useProtocolVersion = (id: number | null) =>
  useApiQuery('protocols.getVersion', [{ id: id ?? 0 }], { enabled: id !== null });
/** Reviews due soon or overdue (the dashboard's reminders). */
export const useProtocolReviewsDue = () => useApiQuery('protocols.reviewsDue', []);
/** Cooperation protocols whose team must be declared to the ARS (the dashboard's reminders). */
export const useDeclarationsOwed = () => useApiQuery('protocolTeam.declarationsOwed', []);
