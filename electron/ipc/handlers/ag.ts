import {
  clearVote,
  createSecondConvocation,
  deleteProxy,
  deleteResolution,
  deleteRulesVersion,
  formalityRows,
  getAgState,
  markConvocationSent,
  recordVote,
  reopenPv,
  rulesOverview,
  saveFormality,
  saveProxy,
  saveResolution,
  saveRulesVersion,
  setOfficers,
  setPresence,
} from '../../services/ag';
import { approvePv } from '../../services/ag/approval';
import { exportConvocationMails } from '../../services/convocation-mail';
import type { agChannels } from '@shared/contract';
import { type HandlerContext, type HandlersFor, todayIn } from './context';

/** Statutory rules, general assemblies and their formalities. */
export function agHandlers(ctx: HandlerContext): HandlersFor<keyof typeof agChannels> {
  const today = todayIn(ctx);
  return {
    'rules.list': async () => rulesOverview(ctx.db),
    'rules.save': async (input) => saveRulesVersion(ctx.db, input),
    'rules.delete': async ({ id }) => deleteRulesVersion(ctx.db, id),
    'ag.get': async ({ meetingId }) => getAgState(ctx.db, meetingId, today()),
    'ag.markConvocationSent': async (input) => markConvocationSent(ctx.db, input, today()),
    'ag.setPresence': async (input) => setPresence(ctx.db, input, ctx.now(), today()),
    'ag.saveProxy': async (input) => saveProxy(ctx.db, input, today()),
    'ag.deleteProxy': async ({ meetingId, proxyId }) => deleteProxy(ctx.db, meetingId, proxyId, today()),
    'ag.saveResolution': async (input) => saveResolution(ctx.db, input, today()),
    'ag.deleteResolution': async ({ meetingId, id }) => deleteResolution(ctx.db, meetingId, id, today()),
    'ag.recordVote': async (input) => recordVote(ctx.db, input, ctx.now(), today()),
    'ag.clearVote': async ({ meetingId, resolutionId }) => clearVote(ctx.db, meetingId, resolutionId, today()),
    'ag.setOfficers': async (input) => setOfficers(ctx.db, input, today()),
    'ag.createSecondConvocation': async (input) => createSecondConvocation(ctx.db, input, today()),
    'ag.approvePv': async (input) => approvePv(ctx.db, input, today()),
    'ag.reopenPv': async ({ meetingId }) => reopenPv(ctx.db, meetingId, today()),
    'ag.exportConvocationMails': async ({ meetingId }) =>
      exportConvocationMails(ctx.db, meetingId, {
        now: ctx.now,
        today: today(),
        chooseFolder: () => ctx.chooseOpenPath('mail-folder'),
        renderConvocation: (data) => ctx.renderPdf({ kind: 'convocation', data }),
      }),
    'formalities.list': async ({ status }) => formalityRows(ctx.db, today(), { openOnly: status === 'ouvertes' }),
    'formalities.save': async (input) => saveFormality(ctx.db, input, today()),
  };
}
