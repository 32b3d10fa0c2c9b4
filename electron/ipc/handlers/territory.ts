import { searchCommuneHits } from '../../services/commune-search';
import { addCommunes, getTerritory, removeCommune } from '../../services/territory';
import type { territoryChannels } from '@shared/contract';
import type { HandlerContext, HandlersFor } from './context';

/** The territory and the commune search. */
export function territoryHandlers(ctx: HandlerContext): HandlersFor<keyof typeof territoryChannels> {
  return {
    'communes.search': async ({ query, limit }) => searchCommuneHits(ctx.db, query, limit),
    'territory.get': async () => getTerritory(ctx.db),
    'territory.addCommunes': async ({ codes }) => addCommunes(ctx.db, codes),
    'territory.removeCommune': async ({ code }) => removeCommune(ctx.db, code),
  };
}
