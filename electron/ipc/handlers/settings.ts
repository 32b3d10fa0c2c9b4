import { getRcpMinProfessions, setRcpMinProfessions } from '../../services/settings';
import type { settingsChannels } from '@shared/contract';
import type { HandlerContext, HandlersFor } from './context';

/** Settings. */
export function settingsHandlers(ctx: HandlerContext): HandlersFor<keyof typeof settingsChannels> {
  return {
    'settings.get': async () => ({ rcpMinProfessions: await getRcpMinProfessions(ctx.db) }),
    'settings.save': async ({ rcpMinProfessions }) => ({
      rcpMinProfessions: await setRcpMinProfessions(ctx.db, rcpMinProfessions),
    }),
  };
}
