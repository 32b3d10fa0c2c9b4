/**
 * Cache policy and query hooks of a protocol's team, its ARS declarations, its use log and its sessions. A change of
 * team changes what the ARS is owed (the protocol's declaration status, the dashboard) and the library's team sizes;
 * a logged use changes the year's list and statistics (and the ACI indicators measured from them).
 */
import { createWriteHook, defineCachePolicy, useApiQuery } from '../../../api';

/** What a change of team may change: the declaration owed, the library (team size) and the dashboard. */
const TEAM_READS = [
  'protocolTeam.list',
  'protocolTeam.declarationStatus',
  'protocolTeam.declarationsOwed',
  'protocols.list',
  'protocols.get',
] as const;

const DECLARATION_READS = [
  'protocolTeam.declarationStatus',
  'protocolTeam.declarations',
  'protocolTeam.declarationsOwed',
] as const;

/** A use counts in the year's list and statistics, and in the ACI indicators measured from the app's own data. */
const USE_READS = ['protocolUses.list', 'protocolUses.stats', 'indicators.liveValue', 'indicators.get'] as const;

export const protocolTeamPolicy = defineCachePolicy({
  'protocolTeam.add': { stale: TEAM_READS },
  'protocolTeam.update': { stale: TEAM_READS },
  'protocolTeam.leave': { stale: TEAM_READS },
  'protocolTeam.remove': { stale: TEAM_READS },
  'protocolTeam.declare': { stale: DECLARATION_READS },
  'protocolTeam.deleteDeclaration': { stale: DECLARATION_READS },
  'protocolUses.log': { stale: USE_READS },
  'protocolUses.delete': { stale: USE_READS },
  'protocolUses.markReportSent': { stale: ['protocolUses.stats'] },
  'protocolSessions.save': { stale: ['protocolSessions.list'] },
  'protocolSessions.delete': { stale: ['protocolSessions.list'] },
  'protocolSessions.addDocument': { stale: ['protocolSessions.list'] },
  'protocolSessions.deleteDocument': { stale: ['protocolSessions.list'] },
  // Export: nothing to refresh.
  'reports.exportTeamDeclaration': {},
});

/** Writes of the team, declarations, use log and sessions: `useProtocolTeamWrite('protocolTeam.add')`. */
export const useProtocolTeamWrite = createWriteHook(protocolTeamPolicy);

export const useProtocolTeam = (protocolId: number) => useApiQuery('protocolTeam.list', [{ protocolId }]);
export const useDeclarationStatus = (protocolId: number) =>
  useApiQuery('protocolTeam.declarationStatus', [{ protocolId }]);
export const useDeclarations = (protocolId: number) => useApiQuery('protocolTeam.declarations', [{ protocolId }]);
export const useProtocolUses = (protocolId: number, year: number) =>
  useApiQuery('protocolUses.list', [{ protocolId, year }]);
export const useProtocolUseStats = (protocolId: number, year: number) =>
  useApiQuery('protocolUses.stats', [{ year, protocolId }]);
export const useProtocolSessions = (protocolId: number) => useApiQuery('protocolSessions.list', [{ protocolId }]);
