import type { annexChannels } from '@shared/contract';
import { exportTrackingXlsx } from '../../services/tracking-export';
import { type HandlerContext, type HandlersFor, todayIn } from './context';

/** The annexe indicateurs: its import from a spreadsheet, and the tableau de suivi exported to XLSX. */
export function annexHandlers(ctx: HandlerContext): HandlersFor<keyof typeof annexChannels> {
  const today = todayIn(ctx);
  return {
    'annex.exportTracking': async ({ contractId }) =>
      exportTrackingXlsx(ctx.db, contractId, today(), (name) => ctx.chooseSavePath(name, 'xlsx')),
  };
}
