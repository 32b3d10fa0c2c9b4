import { loadCommuneReference, searchCommunes } from '../../services/communes';
import { addCommunes, getTerritory, removeCommune } from '../../services/territory';
import type { territoryChannels } from '@shared/contract';
import { type HandlerContext, type HandlersFor } from './context';

/** The territory and the commune search. */
export function territoryHandlers(ctx: HandlerContext): HandlersFor<keyof typeof territoryChannels> {
  return {
    'communes.search': async ({ query, limit }) => {
      const territory = new Set(
        (await ctx.db.selectFrom('territory_commune').select('code_insee').execute()).map((row) => row.code_insee),
      );
      const reference = loadCommuneReference();
      return searchCommunes(query, limit, reference).map((commune) => ({
        code: commune.code,
        nom: commune.nom,
        departementCode: commune.departementCode,
        departementNom: reference.departements.get(commune.departementCode)?.nom ?? commune.departementCode,
        codesPostaux: commune.codesPostaux,
        population: commune.population,
        kind: commune.kind,
        inTerritory: territory.has(commune.code),
      }));
    },
    'territory.get': async () => getTerritory(ctx.db),
    'territory.addCommunes': async ({ codes }) => addCommunes(ctx.db, codes),
    'territory.removeCommune': async ({ code }) => removeCommune(ctx.db, code),
  };
}
