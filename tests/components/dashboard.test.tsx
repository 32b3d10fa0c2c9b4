// @vitest-environment jsdom
import { describe, it, expect, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { installFakeApi, SAMPLE } from './fake-api';
import { renderApp } from './render-app';

describe('Tableau de bord', () => {
  it('invites to fill in the identity when the CPTS has no name yet', async () => {
    installFakeApi();
    const { user } = renderApp('/');
    const cta = await screen.findByRole('link', { name: "Commencez par renseigner l'identité de votre CPTS" });
    expect(screen.getByText(/Votre territoire ne compte encore aucune commune/)).toBeTruthy();
    await user.click(cta);
    expect(await screen.findByLabelText('Nom de la CPTS')).toBeTruthy();
  });

  it('shows the real data: name, stage, French dates and territory', async () => {
    installFakeApi(SAMPLE);
    renderApp('/');
    expect(await screen.findByRole('heading', { name: 'CPTS Grenoble Sud' })).toBeTruthy();
    expect(screen.getByText('Contrat ACI signé — année 5 sur 5')).toBeTruthy();
    expect(screen.getByText('aucune avant la fin du contrat')).toBeTruthy(); // year 5: no anniversary left
    expect(screen.getByText('14 mars 2027')).toBeTruthy(); // end of contract
    expect(screen.getByText('ARS Auvergne-Rhône-Alpes')).toBeTruthy();
    expect(screen.getByText('15 mars 2022')).toBeTruthy(); // signature step
    await waitFor(() => expect(screen.getByTestId('population-totale').textContent).toBe('62\u00a0591'));
    expect(screen.getByTestId('taille').textContent).toBe('Taille 2');
  });

  it('shows the French error message when the data cannot be read', async () => {
    const { api } = installFakeApi();
    api['cpts.get'].mockResolvedValue({
      ok: false,
      error: { code: 'io', message: 'La base de données est illisible.' },
    });
    renderApp('/');
    expect(await screen.findByText('La base de données est illisible.')).toBeTruthy();
    expect(vi.mocked(api['cpts.get'])).toHaveBeenCalled();
  });
});
