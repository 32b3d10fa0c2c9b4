import type { Kysely } from 'kysely';
import type { CommuneHit } from '@shared/contract';
import type { DB } from '../db/schema';
import { loadCommuneReference, searchCommunes } from './communes';

/** Communes (and municipal arrondissements) matching the query, each telling whether it is in the territory. */
export async function searchCommuneHits(db: Kysely<DB>, query: string, limit: number): Promise<CommuneHit[]> {
  const territory = new Set(
    (await db.selectFrom('territory_commune').select('code_insee').execute()).map((row) => row.code_insee),
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
}
