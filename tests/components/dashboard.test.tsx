// @vitest-environment jsdom
import { describe, it, expect, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { realApiPerTest } from './real-api';
import { seedSampleCpts } from './seed-cpts';
import { renderApp } from './render-app';

const real = realApiPerTest();
/** Mid-May 2026: year 5 of the contract, before the renewal warning. */
const install = () => real.install({ now: () => new Date('2026-05-15T10:00:00') });

describe('Tableau de bord', () => {
  it('invites to fill in the identity when the CPTS has no name yet', async () => {
    await install();
    const { user } = renderApp('/');
    const cta = await screen.findByRole('link', { name: "Commencez par renseigner l'identité de votre CPTS" });
    expect(screen.getByText(/Votre territoire ne compte encore aucune commune/)).toBeTruthy();
    await user.click(cta);
    expect(await screen.findByLabelText('Nom de la CPTS')).toBeTruthy();
  });

  it('shows the real data: name, stage, French dates and territory', async () => {
    await seedSampleCpts(await install());
    renderApp('/');
    expect(await screen.findByRole('heading', { name: 'CPTS Grenoble Sud' })).toBeTruthy();
    expect(screen.getByText('Contrat ACI signé — année 5 sur 5')).toBeTruthy();
    expect(screen.getByText('aucune avant la fin du contrat')).toBeTruthy(); // year 5: no anniversary left
    expect(screen.getByText('14 mars 2027')).toBeTruthy(); // end of contract
    expect(screen.getByText('ARS Auvergne-Rhône-Alpes')).toBeTruthy();
    expect(screen.getByText('15 mars 2022')).toBeTruthy(); // signature step
    await waitFor(() => expect(screen.getByTestId('population-totale').textContent).toBe('63\u00a0841')); // COG 2025 reference
    expect(screen.getByTestId('taille').textContent).toBe('Taille 2');
  });

  it('shows the French error message when the data cannot be read', async () => {
    const { api } = await install();
    api['cpts.get'].mockResolvedValue({
      ok: false,
      error: { code: 'io', message: 'La base de données est illisible.' },
    });
    renderApp('/');
    expect(await screen.findByText('La base de données est illisible.')).toBeTruthy();
    expect(vi.mocked(api['cpts.get'])).toHaveBeenCalled();
  });
});
