import type { annexChannels } from '@shared/contract';
import { applyAnnex, chooseAndOpenAnnex, closeAnnex, previewAnnex } from '../../services/annex-import';
import { exportTrackingXlsx } from '../../services/tracking-export';
import { type HandlerContext, type HandlersFor, todayIn } from './context';

/** The annexe indicateurs: its import from a spreadsheet, and the tableau de suivi exported to XLSX. */
export function annexHandlers(ctx: HandlerContext): HandlersFor<keyof typeof annexChannels> {
  const today = todayIn(ctx);
  return {
    'annex.open': async () => chooseAndOpenAnnex(() => ctx.chooseOpenPath('annex-import')),
    'annex.preview': async ({ token, contractYearId, mapping }) => previewAnnex(ctx.db, token, contractYearId, mapping),
    'annex.apply': async ({ token, contractYearId, mapping }) => applyAnnex(ctx.db, token, contractYearId, mapping),
    'annex.close': async ({ token }) => closeAnnex(token),
    'annex.exportTracking': async ({ contractId }) =>
      exportTrackingXlsx(ctx.db, contractId, today(), (name) => ctx.chooseSavePath(name, 'xlsx')),
  };
}
