import { loadCommuneReference } from '../../services/communes';
import type { appChannels } from '@shared/contract';
import type { HandlerContext, HandlersFor } from './context';

/** The application itself. */
export function appHandlers(ctx: HandlerContext): HandlersFor<keyof typeof appChannels> {
  return {
    'app.info': async () => ({
      version: ctx.appVersion,
      databasePath: ctx.databasePath,
      backupsDir: ctx.backupsDir,
      referenceData: loadCommuneReference().label,
    }),
  };
}
