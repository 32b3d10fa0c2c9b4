import { arsRegions } from '../../services/communes';
import { getCptsProfile, saveCptsIdentity, saveCptsLifecycle } from '../../services/cpts';
import type { cptsChannels } from '@shared/contract';
import { type HandlerContext, type HandlersFor, todayIn } from './context';

/** The CPTS profile and the ARS reference list. */
export function cptsHandlers(ctx: HandlerContext): HandlersFor<keyof typeof cptsChannels> {
  const today = todayIn(ctx);
  return {
    'cpts.get': async () => getCptsProfile(ctx.db, today()),
    'cpts.saveIdentity': async (input) => saveCptsIdentity(ctx.db, input, today()),
    'cpts.saveLifecycle': async (input) => saveCptsLifecycle(ctx.db, input, today()),
    'reference.arsRegions': async () => arsRegions(),
  };
}
