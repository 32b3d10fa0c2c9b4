// @vitest-environment jsdom
/**
 * Territoire, on the REAL handlers and the real commune reference: every population, EPCI size and name the screen
 * shows is read back from that reference here, never copied from the screen.
 */
import { describe, it, expect } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { formatInteger } from '@shared/format';
import { COG_YEAR, type EpciRef, loadCommuneReference } from '../../electron/services/communes';
import { realApiPerTest } from './real-api';
import { SAMPLE_TERRITORY, seedSampleCpts } from './seed-cpts';
import { renderApp } from './render-app';

const reference = loadCommuneReference();
const commune = (code: string) => {
  const found = reference.byCode.get(code);
  if (!found) throw new Error(`Commune ${code} absente du référentiel`);
  return found;
};
const populationOf = (codes: string[]) => codes.reduce((sum, code) => sum + commune(code).population, 0);

const SMH = commune('38421');
const SMH_HIT = `Saint-Martin-d'Hères (38421) — Isère — ${formatInteger(SMH.population)} hab. — 38400`;

const { install } = realApiPerTest();

async function openTerritory(territory: string[] = []) {
  const backend = await install();
  if (territory.length > 0) await backend.ok('territory.addCommunes', { codes: territory });
  backend.api['territory.addCommunes'].mockClear();
  const view = renderApp('/territoire');
  await screen.findByRole('heading', { name: 'Synthèse' });
  return { ...backend, ...view };
}

describe('Territoire', () => {
  it('searches communes by name and adds one with a click', async () => {
    const { api, user } = await openTerritory();
    expect(screen.getByTestId('population-totale').textContent).toBe('0');
    expect(screen.getByTestId('taille').textContent).toBe('—');

    await user.type(screen.getByLabelText('Rechercher une commune'), 'saint-martin');
    const option = await screen.findByRole('option', { name: SMH_HIT });
    expect(api['communes.search']).toHaveBeenLastCalledWith({ query: 'saint-martin', limit: 20 });
    // Debounced: one search for the whole word, not one per letter.
    expect(api['communes.search'].mock.calls.length).toBeLessThanOrEqual(2);

    await user.click(option);
    await waitFor(() => expect(api['territory.addCommunes']).toHaveBeenCalledWith({ codes: ['38421'] }));
    await waitFor(() =>
      expect(screen.getByTestId('population-totale').textContent).toBe(formatInteger(SMH.population)),
    );
    // Under 40 000 inhabitants: the first ACI size class.
    expect(SMH.population).toBeLessThan(40_000);
    expect(screen.getByTestId('taille').textContent).toBe('Taille 1');
    expect(await screen.findByText("Saint-Martin-d'Hères ajoutée au territoire.")).toBeTruthy();
    // The hit is now marked as already in the territory.
    await waitFor(() =>
      expect(
        screen.getByRole('option', { name: `${SMH_HIT} déjà dans le territoire` }).getAttribute('aria-disabled'),
      ).toBe('true'),
    );
  });

  it('is usable with the keyboard: arrows then Enter add the highlighted commune', async () => {
    const { api, user, ok } = await openTerritory();
    const input = screen.getByLabelText('Rechercher une commune');
    await user.type(input, '381');
    const options = await screen.findAllByRole('option');
    expect(options.length).toBeGreaterThan(1);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(input.getAttribute('aria-activedescendant')).toBe(options[1]!.id);
    expect(options[1]!.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{Enter}');
    const code = options[1]!.textContent!.match(/\((\d{5})\)/)![1]!;
    await waitFor(() => expect(api['territory.addCommunes']).toHaveBeenCalledWith({ codes: [code] }));
    expect(document.activeElement).toBe(input);
    await waitFor(async () => expect((await ok('territory.get')).communes.map((c) => c.code)).toEqual([code]));
  });

  it('searches by postcode and does not add a commune already in the territory', async () => {
    const { api, user } = await openTerritory(['38421']);
    const input = screen.getByLabelText('Rechercher une commune');
    await user.type(input, '38400');
    const option = await screen.findByRole('option', { name: `${SMH_HIT} déjà dans le territoire` });
    expect(option.getAttribute('aria-disabled')).toBe('true');
    // 38400 is also the INSEE code of Saint-Jean-de-Moirans, listed first; the postcode's commune comes next.
    const options = screen.getAllByRole('option');
    expect(options.map((o) => o.textContent!.match(/\((\d{5})\)/)![1])).toEqual(['38400', '38421']);
    await user.click(option);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(input.getAttribute('aria-activedescendant')).toBe(option.id);
    await user.keyboard('{Enter}');
    expect(api['territory.addCommunes']).not.toHaveBeenCalled();
  });

  it('says clearly when nothing matches', async () => {
    const { user } = await openTerritory();
    await user.type(screen.getByLabelText('Rechercher une commune'), 'xyz');
    expect(await screen.findByText('Aucune commune ne correspond à « xyz ».')).toBeTruthy();
    expect(screen.queryAllByRole('option')).toHaveLength(0);
  });

  it('shows the live summary: tiles, départements, EPCI, communes and the source', async () => {
    // Saint-Martin-d'Hères and Grenoble (the Métropole), Saint-Ismier (the Grésivaudan), Chambéry (Savoie).
    const codes = ['38421', '38185', '38397', '73065'];
    await openTerritory(codes);
    const total = populationOf(codes);
    expect(screen.getByTestId('population-totale').textContent).toBe(formatInteger(total));
    expect(total).toBeGreaterThan(175_000);
    expect(screen.getByTestId('taille').textContent).toBe('Taille 4');
    expect(screen.getByText(/plus de 175 000 habitants · ACI CPTS 2019/)).toBeTruthy();

    const epciList = screen.getByRole('list', { name: 'Intercommunalités (EPCI)' });
    const epciOf = (code: string) => reference.epcis.get(commune(code).epciCode!)!;
    const line = (epci: EpciRef, count: number) =>
      `${epci.nom}${count} ${count > 1 ? 'communes' : 'commune'} sur ${formatInteger(epci.memberCount)}`;
    // Saint-Martin-d'Hères and Grenoble share the Métropole, listed first (most communes of the territory).
    expect(epciOf('38185')).toBe(epciOf('38421'));
    const others = [epciOf('38397'), epciOf('73065')].sort((a, b) => a.nom.localeCompare(b.nom, 'fr'));
    expect(
      within(epciList)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([line(epciOf('38421'), 2), ...others.map((epci) => line(epci, 1))]);

    const departements = screen.getByRole('table', { name: 'Départements' });
    const savoie = within(departements).getByRole('row', { name: /Savoie \(73\)/ });
    expect(
      within(savoie)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['Savoie (73)', '1', formatInteger(commune('73065').population)]);
    const communes = screen.getByRole('region', { name: 'Communes du territoire' });
    const rows = within(communes).getAllByRole('row');
    expect(rows).toHaveLength(1 + 4 + 1);
    expect(screen.getByText(new RegExp(`Source : Code officiel géographique ${COG_YEAR}`))).toBeTruthy();
  });

  it('removes a commune and offers to undo', async () => {
    const { api, user } = await openTerritory(['38421', '38185']);
    await user.click(screen.getByRole('button', { name: 'Retirer Grenoble du territoire' }));
    await waitFor(() => expect(api['territory.removeCommune']).toHaveBeenCalledWith({ code: '38185' }));
    expect(await screen.findByText('Grenoble retirée du territoire.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Retirer Grenoble du territoire' })).toBeNull());
    expect(screen.getByTestId('population-totale').textContent).toBe(formatInteger(SMH.population));

    await user.click(screen.getByRole('button', { name: 'Annuler' }));
    await waitFor(() => expect(api['territory.addCommunes']).toHaveBeenCalledWith({ codes: ['38185'] }));
    expect(await screen.findByRole('button', { name: 'Retirer Grenoble du territoire' })).toBeTruthy();
    expect(await screen.findByText('Grenoble remise dans le territoire.')).toBeTruthy();
    expect(screen.getByTestId('population-totale').textContent).toBe(formatInteger(populationOf(['38421', '38185'])));
  });

  it('shows the French message when adding fails', async () => {
    const { api, user, ok } = await openTerritory();
    api['territory.addCommunes'].mockImplementationOnce(async () => ({
      ok: false,
      error: { code: 'io', message: 'La base de données est momentanément indisponible.' },
    }));
    await user.type(screen.getByLabelText('Rechercher une commune'), 'Gières');
    await user.click(await screen.findByRole('option', { name: /Gières \(38179\)/ }));
    expect(
      await screen.findByText("Gières n'a pas été ajoutée : La base de données est momentanément indisponible."),
    ).toBeTruthy();
    expect(api['territory.addCommunes']).toHaveBeenCalledTimes(1);
    expect((await ok('territory.get')).communes).toEqual([]);
  });

  it('shows the territory tiles on the dashboard too', async () => {
    await seedSampleCpts(await install());
    renderApp('/');
    const population = await screen.findByTestId('population-totale');
    await waitFor(() => expect(population.textContent).toBe(formatInteger(populationOf(SAMPLE_TERRITORY))));
  });
});

describe('Territoire — avertissements', () => {
  it('warns about a commune the reference no longer knows', async () => {
    const { database, ok } = await install();
    await ok('territory.addCommunes', { codes: ['38421'] });
    // A code written by an older reference (merged communes get a new code); addCommunes refuses it today.
    await database.db.insertInto('territory_commune').values({ code_insee: '38999', cog_year: 2019 }).execute();
    expect(reference.byCode.has('38999')).toBe(false);
    renderApp('/territoire');
    expect(
      await screen.findByText(
        `La commune de code INSEE 38999 n'existe plus dans le Code officiel géographique ${COG_YEAR} (fusion ou changement de code) : retirez-la puis ajoutez la commune qui l'a remplacée.`,
      ),
    ).toBeTruthy();
    // The known commune still counts.
    expect(screen.getByTestId('population-totale').textContent).toBe(formatInteger(SMH.population));
  });
});
