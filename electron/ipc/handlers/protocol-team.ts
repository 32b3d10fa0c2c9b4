import {
  declarationStatus,
  declarationsOwed,
  declareTeam,
  deleteDeclaration,
  listDeclarations,
} from '../../services/protocols/declarations';
import {
  addSessionDocument,
  deleteSession,
  deleteSessionDocument,
  listSessions,
  saveSession,
} from '../../services/protocols/sessions';
import { markReportSent, yearlyUseStats } from '../../services/protocols/stats';
import { addTeamMember, leaveTeam, listTeam, removeTeamMember, updateTeamMember } from '../../services/protocols/team';
import { deleteUse, listUses, logUse } from '../../services/protocols/uses';
import type { protocolTeamChannels } from '@shared/contract';
import { type HandlerContext, type HandlersFor, todayIn } from './context';

/** A protocol's team and ARS declarations, its anonymous use log with yearly statistics, its sessions. */
export function protocolTeamHandlers(ctx: HandlerContext): HandlersFor<keyof typeof protocolTeamChannels> {
  const today = todayIn(ctx);
  return {
    'protocolTeam.list': async ({ protocolId }) => listTeam(ctx.db, protocolId, today()),
    'protocolTeam.add': async (data) => addTeamMember(ctx.db, data, today()),
    'protocolTeam.update': async (data) => updateTeamMember(ctx.db, data, today()),
    'protocolTeam.leave': async ({ id, leftOn }) => leaveTeam(ctx.db, id, leftOn, today()),
    'protocolTeam.remove': async ({ id }) => removeTeamMember(ctx.db, id),
    'protocolTeam.declarationStatus': async ({ protocolId }) => declarationStatus(ctx.db, protocolId, today()),
    'protocolTeam.declarations': async ({ protocolId }) => listDeclarations(ctx.db, protocolId),
    'protocolTeam.declare': async (data) => declareTeam(ctx.db, data, today()),
    'protocolTeam.deleteDeclaration': async ({ id }) => deleteDeclaration(ctx.db, id),
    'protocolTeam.declarationsOwed': async () => declarationsOwed(ctx.db, today()),

    'protocolUses.list': async ({ protocolId, year }) => listUses(ctx.db, protocolId, year),
    'protocolUses.log': async (data) => logUse(ctx.db, data, today()),
    'protocolUses.delete': async ({ id }) => deleteUse(ctx.db, id),
    'protocolUses.stats': async ({ year, protocolId }) => yearlyUseStats(ctx.db, year, protocolId),
    'protocolUses.markReportSent': async (data) => markReportSent(ctx.db, data, today()),

    'protocolSessions.list': async ({ protocolId }) => listSessions(ctx.db, protocolId),
    'protocolSessions.save': async (data) => saveSession(ctx.db, data),
    'protocolSessions.delete': async ({ id }) => deleteSession(ctx.db, id, ctx.documentsDir),
    'protocolSessions.addDocument': async ({ sessionId }) =>
      addSessionDocument(ctx.db, sessionId, ctx.documentsDir, () => ctx.chooseOpenPath('document')),
    'protocolSessions.deleteDocument': async ({ id }) => deleteSessionDocument(ctx.db, id, ctx.documentsDir),
  };
}
