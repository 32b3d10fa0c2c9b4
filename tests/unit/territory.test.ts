import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { loadCommuneReference, searchCommunes, searchKey, arsRegions } from '../../electron/services/communes';
import { addCommunes, getTerritory, removeCommune } from '../../electron/services/territory';
import { UserError } from '../../electron/services/errors';
import { sizeClassFor } from '@shared/domain/aci';
import { SEG_CODES, tempDatabase } from '../helpers/db';

type TempDb = Awaited<ReturnType<typeof tempDatabase>>;
let database: TempDb;
beforeEach(async () => {
  database = await tempDatabase();
});
afterEach(async () => {
  await database.dispose();
});

describe('commune reference data', () => {
  it('ships the COG with about 35 000 communes, populations and EPCI', () => {
    const reference = loadCommuneReference();
    const communes = reference.communes.filter((commune) => commune.kind === 'commune');
    expect(communes.length).toBeGreaterThan(34_000);
    expect(communes.length).toBeLessThan(36_000);
    const smh = reference.byCode.get('38421')!;
    expect(smh.nom).toBe("Saint-Martin-d'Hères");
    expect(smh.population).toBeGreaterThan(30_000);
    expect(reference.epcis.get(smh.epciCode!)?.nom).toMatch(/Grenoble-Alpes-Métropole/);
    expect(reference.departements.get('38')?.withPreposition).toBe("de l'Isère");
    expect(reference.departements.get('59')?.withPreposition).toBe('du Nord');
    expect(reference.departements.get('13')?.withPreposition).toBe('des Bouches-du-Rhône');
  });

  it('lists the 18 ARS', () => {
    const regions = arsRegions();
    expect(regions).toHaveLength(18);
    expect(regions.map((region) => region.arsName)).toContain('ARS Auvergne-Rhône-Alpes');
    expect(regions.map((region) => region.arsName)).toContain('ARS Corse');
  });

  it('normalises names for search: accents, case, hyphens, apostrophes, « St »', () => {
    expect(searchKey("Saint-Martin-d'Hères")).toBe('saint martin d heres');
    expect(searchKey('ST MARTIN D’HÈRES')).toBe('saint martin d heres');
    expect(searchKey('Œuilly')).toBe('oeuilly');
  });

  it('finds a commune by name in any spelling, by INSEE code and by postcode', () => {
    for (const query of ["Saint-Martin-d'Hères", 'saint martin d heres', 'st martin d hères', 'martin heres']) {
      expect(searchCommunes(query, 5)[0]?.code, query).toBe('38421');
    }
    expect(searchCommunes('eybens', 5)[0]?.code).toBe('38158');
    expect(searchCommunes('38309', 5)[0]?.nom).toBe('Poisat');
    const byPostcode = searchCommunes('38320', 10).map((commune) => commune.code);
    expect(byPostcode).toEqual(expect.arrayContaining(['38158', '38309']));
    expect(searchCommunes('2A004', 3)[0]?.nom).toBe('Ajaccio');
    expect(searchCommunes('zzzzqx', 5)).toEqual([]);
    expect(searchCommunes('   ', 5)).toEqual([]);
  });

  it('puts the best match first: exact name before larger communes that merely contain it', () => {
    const results = searchCommunes('Paris', 5);
    expect(results[0]?.code).toBe('75056');
    expect(searchCommunes('Marseille', 50).some((commune) => commune.kind === 'arrondissement')).toBe(true);
  });
});

describe('territory', () => {
  it('builds the CPTS Sud-Est Grenoblois: 3 communes, a bit over 50 000 inhabitants, taille 2', async () => {
    const summary = await addCommunes(database.db, SEG_CODES);
    const reference = loadCommuneReference();
    const expected = SEG_CODES.reduce((sum, code) => sum + reference.byCode.get(code)!.population, 0);
    expect(summary.communeCount).toBe(3);
    expect(summary.totalPopulation).toBe(expected);
    expect(summary.totalPopulation).toBeGreaterThan(50_000);
    expect(summary.totalPopulation).toBeLessThan(55_000);
    expect(summary.sizeClass).toMatchObject({ taille: 2 });
    expect(summary.communes.map((commune) => commune.nom)).toEqual(['Eybens', 'Poisat', "Saint-Martin-d'Hères"]);
    expect(summary.departements).toEqual([
      expect.objectContaining({
        code: '38',
        nom: 'Isère',
        communeCount: 3,
        population: expected,
        cpamSuggestion: "CPAM de l'Isère",
      }),
    ]);
    expect(summary.regions).toEqual([{ code: '84', nom: 'Auvergne-Rhône-Alpes', arsName: 'ARS Auvergne-Rhône-Alpes' }]);
    expect(summary.epcis).toHaveLength(1);
    expect(summary.epcis[0]).toMatchObject({ communesInTerritory: 3 });
    expect(summary.epcis[0]!.communesTotal).toBeGreaterThan(40);
    expect(summary.warnings).toEqual([]);
  });

  it('updates everything when a commune is removed', async () => {
    await addCommunes(database.db, SEG_CODES);
    const summary = await removeCommune(database.db, '38421');
    expect(summary.communeCount).toBe(2);
    expect(summary.totalPopulation).toBeLessThan(40_000);
    expect(summary.sizeClass).toMatchObject({ taille: 1 });
    expect(summary.epcis[0]).toMatchObject({ communesInTerritory: 2 });
    const empty = await removeCommune(database.db, '38309').then(() => removeCommune(database.db, '38158'));
    expect(empty).toMatchObject({ communeCount: 0, totalPopulation: 0, sizeClass: null, departements: [], epcis: [] });
  });

  it('ignores a commune added twice', async () => {
    await addCommunes(database.db, ['38421']);
    const summary = await addCommunes(database.db, ['38421', '38421']);
    expect(summary.communeCount).toBe(1);
  });

  it('refuses an unknown code and a postcode typed as an INSEE code, writing nothing', async () => {
    await expect(addCommunes(database.db, ['75001'])).rejects.toThrow(
      /Aucune commune n'a le code INSEE 75001.*code postal/,
    );
    await expect(addCommunes(database.db, ['38421', '99999'])).rejects.toBeInstanceOf(UserError);
    expect((await getTerritory(database.db)).communeCount).toBe(0);
  });

  it('refuses to count Marseille twice (the city and one of its arrondissements)', async () => {
    await addCommunes(database.db, ['13055']);
    await expect(addCommunes(database.db, ['13201'])).rejects.toThrow(/compt.*deux fois/);
    await removeCommune(database.db, '13055');
    await addCommunes(database.db, ['13201', '13202']);
    await expect(addCommunes(database.db, ['13055'])).rejects.toThrow(/Retirez d'abord ses arrondissements/);
  });

  it('reports a stored commune that the reference no longer knows instead of miscounting', async () => {
    await database.db.insertInto('territory_commune').values({ code_insee: '38999', cog_year: 2019 }).execute();
    await addCommunes(database.db, ['38421']);
    const summary = await getTerritory(database.db);
    expect(summary.communeCount).toBe(1);
    expect(summary.warnings[0]).toMatch(/38999 n'existe plus/);
  });

  it('removing a commune that is not in the territory says so', async () => {
    await expect(removeCommune(database.db, '38421')).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('size classes', () => {
  it('follows the ACI thresholds at their bounds', () => {
    expect(sizeClassFor(0)).toBeNull();
    expect(sizeClassFor(39_999)?.taille).toBe(1);
    expect(sizeClassFor(40_000)?.taille).toBe(2);
    expect(sizeClassFor(79_999)?.taille).toBe(2);
    expect(sizeClassFor(80_000)?.taille).toBe(3);
    expect(sizeClassFor(174_999)?.taille).toBe(3);
    expect(sizeClassFor(175_000)?.taille).toBe(4);
    expect(sizeClassFor(2_000_000)?.taille).toBe(4);
  });
});
