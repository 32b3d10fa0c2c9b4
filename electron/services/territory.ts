import type { Kysely } from 'kysely';
import type { TerritoryCommune, TerritorySummary } from '@shared/contract';
import { sizeClassFor, CURRENT_SIZE_CLASS_TABLE } from '@shared/domain/aci';
import type { DB } from '../db/schema';
import { cpamSuggestion, loadCommuneReference, type CommuneReference } from './communes';
import { UserError } from './errors';
import { audit } from './audit';

const byName = (a: { nom: string }, b: { nom: string }) => a.nom.localeCompare(b.nom, 'fr');

/** The territory as the user sees it: its communes with reference data, totals, départements, EPCI and taille. */
export async function getTerritory(
  db: Kysely<DB>,
  reference: CommuneReference = loadCommuneReference(),
): Promise<TerritorySummary> {
  const rows = await db.selectFrom('territory_commune').select(['code_insee']).execute();
  const warnings: string[] = [];
  const communes: TerritoryCommune[] = [];
  for (const { code_insee } of rows) {
    const ref = reference.byCode.get(code_insee);
    if (!ref) {
      warnings.push(
        `La commune de code INSEE ${code_insee} n'existe plus dans le Code officiel géographique ${reference.year} (fusion ou changement de code) : retirez-la puis ajoutez la commune qui l'a remplacée.`,
      );
      continue;
    }
    const departement = reference.departements.get(ref.departementCode);
    const epci = ref.epciCode ? reference.epcis.get(ref.epciCode) : undefined;
    communes.push({
      code: ref.code,
      nom: ref.nom,
      departementCode: ref.departementCode,
      departementNom: departement?.nom ?? ref.departementCode,
      regionCode: ref.regionCode,
      population: ref.population,
      epciCode: epci?.code ?? null,
      epciNom: epci?.nom ?? null,
    });
  }
  communes.sort((a, b) => a.departementCode.localeCompare(b.departementCode) || byName(a, b));

  const totalPopulation = communes.reduce((sum, commune) => sum + commune.population, 0);
  const band = sizeClassFor(totalPopulation);

  const departements = new Map<string, TerritorySummary['departements'][number]>();
  const regions = new Map<string, TerritorySummary['regions'][number]>();
  const epcis = new Map<string, TerritorySummary['epcis'][number]>();
  for (const commune of communes) {
    const dep = reference.departements.get(commune.departementCode);
    const entry = departements.get(commune.departementCode) ?? {
      code: commune.departementCode,
      nom: commune.departementNom,
      communeCount: 0,
      population: 0,
      cpamSuggestion: dep ? cpamSuggestion(dep) : `CPAM ${commune.departementNom}`,
    };
    entry.communeCount += 1;
    entry.population += commune.population;
    departements.set(entry.code, entry);

    const region = reference.regions.get(commune.regionCode);
    if (region && !regions.has(region.code))
      regions.set(region.code, { code: region.code, nom: region.nom, arsName: `ARS ${region.nom}` });

    if (commune.epciCode) {
      const epci = epcis.get(commune.epciCode) ?? {
        code: commune.epciCode,
        nom: commune.epciNom ?? commune.epciCode,
        communesInTerritory: 0,
        communesTotal: reference.epcis.get(commune.epciCode)?.memberCount ?? 0,
      };
      epci.communesInTerritory += 1;
      epcis.set(epci.code, epci);
    }
  }

  return {
    referenceLabel: reference.label,
    communes,
    communeCount: communes.length,
    totalPopulation,
    sizeClass: band ? { taille: band.taille, label: band.label, tableVersion: CURRENT_SIZE_CLASS_TABLE.version } : null,
    departements: [...departements.values()].sort((a, b) => a.code.localeCompare(b.code)),
    regions: [...regions.values()].sort(byName),
    epcis: [...epcis.values()].sort((a, b) => b.communesInTerritory - a.communesInTerritory || byName(a, b)),
    warnings,
  };
}

/** Adds communes to the territory; refuses unknown codes and overlaps between a city and its arrondissements. */
export async function addCommunes(
  db: Kysely<DB>,
  codes: string[],
  reference: CommuneReference = loadCommuneReference(),
): Promise<TerritorySummary> {
  const unique = [...new Set(codes.map((code) => code.toUpperCase()))];
  const unknown = unique.filter((code) => !reference.byCode.has(code));
  if (unknown.length > 0) {
    throw new UserError(
      'invalid_input',
      unknown.length === 1
        ? `Aucune commune n'a le code INSEE ${unknown[0]} dans le Code officiel géographique ${reference.year}. Vérifiez le code (le code INSEE n'est pas le code postal).`
        : `Ces codes INSEE ne correspondent à aucune commune du Code officiel géographique ${reference.year} : ${unknown.join(', ')}.`,
    );
  }
  await db.transaction().execute(async (trx) => {
    const existing = new Set(
      (await trx.selectFrom('territory_commune').select('code_insee').execute()).map((row) => row.code_insee),
    );
    for (const code of unique) {
      const commune = reference.byCode.get(code)!;
      if (commune.parentCode && (existing.has(commune.parentCode) || unique.includes(commune.parentCode))) {
        const parent = reference.byCode.get(commune.parentCode);
        throw new UserError(
          'conflict',
          `${commune.nom} fait partie de ${parent?.nom ?? commune.parentCode}, déjà dans le territoire : la population serait comptée deux fois. Retirez ${parent?.nom ?? 'la commune'} pour choisir des arrondissements.`,
        );
      }
      if (commune.kind === 'commune') {
        const arrondissement = [...existing].map((c) => reference.byCode.get(c)).find((c) => c?.parentCode === code);
        if (arrondissement) {
          throw new UserError(
            'conflict',
            `Le territoire compte déjà ${arrondissement.nom} : ajouter toute la commune de ${commune.nom} compterait sa population deux fois. Retirez d'abord ses arrondissements.`,
          );
        }
      }
    }
    const toInsert = unique.filter((code) => !existing.has(code));
    if (toInsert.length > 0) {
      await trx
        .insertInto('territory_commune')
        .values(toInsert.map((code) => ({ code_insee: code, cog_year: reference.year })))
        .execute();
      await audit(trx, 'add', 'territory_commune', null, toInsert.join(','));
    }
  });
  return getTerritory(db, reference);
}

export async function removeCommune(
  db: Kysely<DB>,
  code: string,
  reference: CommuneReference = loadCommuneReference(),
): Promise<TerritorySummary> {
  await db.transaction().execute(async (trx) => {
    const result = await trx
      .deleteFrom('territory_commune')
      .where('code_insee', '=', code.toUpperCase())
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) {
      throw new UserError('not_found', `La commune de code INSEE ${code} ne fait pas partie du territoire.`);
    }
    await audit(trx, 'remove', 'territory_commune', code, null);
  });
  return getTerritory(db, reference);
}
