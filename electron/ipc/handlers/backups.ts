import type { backupsChannels } from '@shared/contract';
import { createBackupsService } from '../../services/backups-service';
import type { HandlerContext, HandlersFor } from './context';

/** Backups, restores and transfers. */
export function backupsHandlers(ctx: HandlerContext): HandlersFor<keyof typeof backupsChannels> {
  // The service reads the context at each call, and sets `ctx.db` when a restore reopens the database.
  const backups = createBackupsService(ctx);
  return {
    'backups.list': async () => backups.overview(),
    'backups.saveNow': async () => backups.saveNow(),
    'backups.setKeep': async ({ keep }) => backups.setKeep(keep),
    'backups.inspect': async (input) => backups.inspect(input),
    'backups.restore': async ({ token }) => backups.restore(token),
    'backups.discard': async ({ token }) => backups.discard(token),
    'backups.transfer': async ({ passphrase }) => backups.transfer(passphrase),
  };
}
