import { deleteStaff, listStaff, saveStaff } from '../../services/staff';
import type { staffChannels } from '@shared/contract';
import { type HandlerContext, type HandlersFor, todayIn } from './context';

/** The CPTS's own team. */
export function staffHandlers(ctx: HandlerContext): HandlersFor<keyof typeof staffChannels> {
  const today = todayIn(ctx);
  return {
    'staff.list': async () => listStaff(ctx.db, today()),
    'staff.save': async (data) => saveStaff(ctx.db, data, today()),
    'staff.delete': async ({ id }) => deleteStaff(ctx.db, id),
  };
}
