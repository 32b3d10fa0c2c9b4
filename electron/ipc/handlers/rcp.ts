import { addRcpMotif, deleteRcpCase, rcpMotifs, saveRcpCase } from '../../services/meetings';
import type { rcpChannels } from '@shared/contract';
import { type HandlerContext, type HandlersFor, todayIn } from './context';

/** RCP motifs and cases. */
export function rcpHandlers(ctx: HandlerContext): HandlersFor<keyof typeof rcpChannels> {
  const today = todayIn(ctx);
  return {
    'rcp.motifs': async () => rcpMotifs(ctx.db),
    'rcp.addMotif': async ({ label }) => addRcpMotif(ctx.db, label),
    'rcp.saveCase': async (rcpCase) => saveRcpCase(ctx.db, rcpCase, today()),
    'rcp.deleteCase': async ({ id }) => deleteRcpCase(ctx.db, id, today()),
  };
}
