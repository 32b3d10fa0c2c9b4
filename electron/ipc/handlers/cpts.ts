import { arsRegions } from '../../services/communes';
import {
  cptsProfile,
  removeCptsLogo,
  saveCptsIdentity,
  saveCptsLifecycle,
  setCptsLogo,
  withLogo,
} from '../../services/cpts';
import type { cptsChannels } from '@shared/contract';
import { type HandlerContext, type HandlersFor, todayIn } from './context';

/** The CPTS profile, its logo and the ARS reference list. */
export function cptsHandlers(ctx: HandlerContext): HandlersFor<keyof typeof cptsChannels> {
  const today = todayIn(ctx);
  return {
    'cpts.get': async () => cptsProfile(ctx.db, ctx.documentsDir, today()),
    'cpts.saveIdentity': async (input) =>
      withLogo(ctx.db, ctx.documentsDir, await saveCptsIdentity(ctx.db, input, today())),
    'cpts.saveLifecycle': async (input) =>
      withLogo(ctx.db, ctx.documentsDir, await saveCptsLifecycle(ctx.db, input, today())),
    'cpts.setLogo': async () => {
      const path = await ctx.chooseOpenPath('image');
      return path ? setCptsLogo(ctx.db, ctx.documentsDir, path, today()) : { cancelled: true };
    },
    'cpts.removeLogo': async () => removeCptsLogo(ctx.db, ctx.documentsDir, today()),
    'reference.arsRegions': async () => arsRegions(),
  };
}
