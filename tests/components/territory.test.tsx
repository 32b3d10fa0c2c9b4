// @vitest-environment jsdom
import { describe, it, expect, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { formatInteger } from '@shared/format';
import { installFakeApi, SAMPLE } from './fake-api';
import { renderApp } from './render-app';

const SMH = "Saint-Martin-d'Hères (38421) — Isère — 37\u00a0695 hab. — 38400";

async function openTerritory(territory: string[] = []) {
  const fake = installFakeApi({ territory });
  const view = renderApp('/territoire');
  await screen.findByRole('heading', { name: 'Synthèse' });
  return { ...fake, ...view };
}

describe('Territoire', () => {
  it('searches communes by name and adds one with a click', async () => {
    const { api, user } = await openTerritory();
    expect(screen.getByTestId('population-totale').textContent).toBe('0');
    expect(screen.getByTestId('taille').textContent).toBe('—');

    await user.type(screen.getByLabelText('Rechercher une commune'), 'saint');
    const option = await screen.findByRole('option', { name: SMH });
    expect(api['communes.search']).toHaveBeenLastCalledWith({ query: 'saint', limit: 20 });
    // Debounced: one search for the whole word, not one per letter.
    expect(api['communes.search'].mock.calls.length).toBeLessThanOrEqual(2);

    await user.click(option);
    await waitFor(() => expect(api['territory.addCommunes']).toHaveBeenCalledWith({ codes: ['38421'] }));
    await waitFor(() => expect(screen.getByTestId('population-totale').textContent).toBe(formatInteger(37_695)));
    expect(screen.getByTestId('taille').textContent).toBe('Taille 1');
    expect(await screen.findByText("Saint-Martin-d'Hères ajoutée au territoire.")).toBeTruthy();
    // The hit is now marked as already in the territory.
    await waitFor(() =>
      expect(screen.getByRole('option', { name: `${SMH} déjà dans le territoire` }).getAttribute('aria-disabled')).toBe(
        'true',
      ),
    );
  });

  it('is usable with the keyboard: arrows then Enter add the highlighted commune', async () => {
    const { api, user } = await openTerritory();
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
  });

  it('searches by postcode and does not add a commune already in the territory', async () => {
    const { api, user } = await openTerritory(['38421']);
    await user.type(screen.getByLabelText('Rechercher une commune'), '38400');
    const option = await screen.findByRole('option', { name: `${SMH} déjà dans le territoire` });
    expect(option.getAttribute('aria-disabled')).toBe('true');
    await user.click(option);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(api['territory.addCommunes']).not.toHaveBeenCalled();
  });

  it('says clearly when nothing matches', async () => {
    const { user } = await openTerritory();
    await user.type(screen.getByLabelText('Rechercher une commune'), 'xyz');
    expect(await screen.findByText('Aucune commune ne correspond à « xyz ».')).toBeTruthy();
    expect(screen.queryAllByRole('option')).toHaveLength(0);
  });

  it('shows the live summary: tiles, départements, EPCI, communes and the source', async () => {
    installFakeApi({ territory: ['38421', '38185', '38382', '73065'] });
    renderApp('/territoire');
    await screen.findByRole('heading', { name: 'Synthèse' });
    const total = 37_695 + 156_389 + 6_972 + 60_022;
    expect(screen.getByTestId('population-totale').textContent).toBe(formatInteger(total));
    expect(screen.getByTestId('taille').textContent).toBe('Taille 4');
    expect(screen.getByText(/plus de 175 000 habitants · ACI CPTS 2019/)).toBeTruthy();
    expect(screen.getByText('2 communes sur 49')).toBeTruthy();
    expect(screen.getByText('1 commune sur 43')).toBeTruthy();
    const departements = screen.getByRole('table', { name: 'Départements' });
    expect(within(departements).getByRole('row', { name: /Savoie \(73\) 1 60/ })).toBeTruthy();
    const communes = screen.getByRole('region', { name: 'Communes du territoire' });
    const rows = within(communes).getAllByRole('row');
    expect(rows).toHaveLength(1 + 4 + 1);
    expect(screen.getByText(/Source : Code officiel géographique 2025/)).toBeTruthy();
  });

  it('removes a commune and offers to undo', async () => {
    const { api, user } = await openTerritory(['38421', '38185']);
    await user.click(screen.getByRole('button', { name: 'Retirer Grenoble du territoire' }));
    await waitFor(() => expect(api['territory.removeCommune']).toHaveBeenCalledWith({ code: '38185' }));
    expect(await screen.findByText('Grenoble retirée du territoire.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Retirer Grenoble du territoire' })).toBeNull());

    await user.click(screen.getByRole('button', { name: 'Annuler' }));
    await waitFor(() => expect(api['territory.addCommunes']).toHaveBeenCalledWith({ codes: ['38185'] }));
    expect(await screen.findByRole('button', { name: 'Retirer Grenoble du territoire' })).toBeTruthy();
    expect(await screen.findByText('Grenoble remise dans le territoire.')).toBeTruthy();
  });

  it('shows the French message when adding fails', async () => {
    const { api, user } = await openTerritory();
    api['territory.addCommunes'].mockResolvedValueOnce({
      ok: false,
      error: { code: 'io', message: 'La base de données est momentanément indisponible.' },
    });
    await user.type(screen.getByLabelText('Rechercher une commune'), 'Gières');
    await user.click(await screen.findByRole('option', { name: /Gières \(38169\)/ }));
    expect(
      await screen.findByText("Gières n'a pas été ajoutée : La base de données est momentanément indisponible."),
    ).toBeTruthy();
    expect(vi.mocked(api['territory.addCommunes'])).toHaveBeenCalledTimes(1);
  });

  it('shows the territory tiles on the dashboard too', async () => {
    installFakeApi(SAMPLE);
    renderApp('/');
    const population = await screen.findByTestId('population-totale');
    expect(population.textContent).toBe(formatInteger(37_695 + 7_049 + 17_847));
  });
});

describe('Territoire — avertissements', () => {
  it('shows the warnings of the territory summary', async () => {
    const { state } = installFakeApi({ territory: ['38421'] });
    state.warnings.push("La commune 38999 n'existe plus dans les données de référence : vérifiez votre territoire.");
    renderApp('/territoire');
    expect(
      await screen.findByText(
        "La commune 38999 n'existe plus dans les données de référence : vérifiez votre territoire.",
      ),
    ).toBeTruthy();
  });
});
