import type { documentsChannels } from '@shared/contract';
import { openKeptFile } from '../../services/documents';
import type { HandlerContext, HandlersFor } from './context';

/** Files kept by Maillage, opened with the computer's usual application. */
export function documentsHandlers(ctx: HandlerContext): HandlersFor<keyof typeof documentsChannels> {
  return {
    'documents.open': async (ref) => openKeptFile(ctx.db, ctx.documentsDir, ref, ctx.openFile),
  };
}
