// @vitest-environment jsdom
import { describe, it, expect, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { ChannelInput } from '@shared/contract';
import { seedContract } from '../fixtures/contract';
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

describe('Tableau de bord : projet de santé', () => {
  /** 20 February 2024: year 2 of the sample contract, six weeks before its anniversary and two deployment deadlines. */
  const installInYear2 = () => real.install({ now: () => new Date('2024-02-20T10:00:00') });
  const tile = async () => {
    const heading = await screen.findByRole('heading', { name: 'Projet de santé' });
    return heading.closest('section') as HTMLElement;
  };

  it('links to the contract page while no contract is entered', async () => {
    await seedSampleCpts(await installInYear2());
    const { user } = renderApp('/');
    const section = await tile();
    const link = await within(section).findByRole('link', { name: 'Contrat ACI' });
    expect(link.getAttribute('href')).toBe('/projet-de-sante/contrat');
    expect(within(section).queryByText(/Année de contrat/)).toBeNull();
    await user.click(link);
    expect(await screen.findByRole('heading', { name: 'Aucun contrat ACI enregistré' })).toBeTruthy();
  });

  it('shows the contract year, near deadlines, the indicators at risk, euros earned and missing evidence', async () => {
    const backend = await installInYear2();
    await seedSampleCpts(backend);
    const contract = await seedContract(backend);
    const year2 = contract.years[1]!;
    const indicator = (label: string, code: string) =>
      backend.ok('indicators.create', {
        contractId: contract.id,
        missionCode: 'acces',
        code,
        label,
        kind: 'resultat',
        valueType: 'nombre',
        direction: 'hausse',
        dataSource: 'cpam',
      } as ChannelInput<'indicators.create'>);
    const unmet = await indicator('Patients sans médecin traitant réorientés', 'ACC-1');
    const met = await indicator('Soins non programmés pris en charge', 'ACC-2');
    for (const [target, measured, item] of [
      [100, 60, unmet],
      [50, 80, met],
    ] as const) {
      await backend.ok('indicators.saveTarget', {
        indicatorId: item.id,
        contractYearId: year2.id,
        paymentRule: 'tout_ou_rien',
        targetValue: target,
        maxCents: 500_000,
      } as ChannelInput<'indicators.saveTarget'>);
      await backend.ok('indicators.saveMeasure', {
        indicatorId: item.id,
        contractYearId: year2.id,
        value: measured,
        measuredOn: '2024-02-01',
        status: 'declare',
      } as ChannelInput<'indicators.saveMeasure'>);
    }
    await backend.ok('indicators.saveRequirement', {
      indicatorId: unmet.id,
      label: 'Feuilles d’émargement',
      required: true,
    } as ChannelInput<'indicators.saveRequirement'>);

    renderApp('/');
    const section = await tile();
    expect(await within(section).findByText('Année 2, du 1er avril 2023 au 31 mars 2024')).toBeTruthy();
    const fact = (term: string) => within(section).getByText(term).nextElementSibling?.textContent;
    expect(fact('Prochain anniversaire du contrat')).toBe('1er avril 2024 (dans 41 jours)');
    expect(fact('Prochain dialogue de gestion')).toBe('attendu vers le 1er avril 2024 (année 2)');

    // Both deployments due on 1 April 2024, each named with its label in words and linking to the contract.
    for (const mission of ['Parcours', 'Prévention']) {
      const link = within(section).getByRole('link', { name: `${mission} : déploiement` });
      expect(link.getAttribute('href')).toBe('/projet-de-sante/contrat');
      expect(within(link.closest('li') as HTMLElement).getByText('Échéance proche')).toBeTruthy();
    }
    expect(within(section).queryByRole('link', { name: /Accès aux soins :/ })).toBeNull();

    // Only the unmet target is at risk, with its status in words.
    expect(await within(section).findByText('1 indicateur de l’année 2 sans cible atteinte')).toBeTruthy();
    const atRisk = within(section).getByRole('link', { name: 'ACC-1 · Patients sans médecin traitant réorientés' });
    expect(atRisk.getAttribute('href')).toBe(`/projet-de-sante/indicateurs/${unmet.id}`);
    expect(within(atRisk.closest('li') as HTMLElement).getByText('Non atteint')).toBeTruthy();
    expect(within(section).queryByRole('link', { name: /Soins non programmés/ })).toBeNull();

    // The met target's 5 000 € out of the year's variable maximum (the sample envelopes: 190 000 €).
    expect(within(section).getByText(/^Part variable de l’année 2/).textContent).toBe(
      'Part variable de l’année 2 : 5\u00a0000\u00a0€ obtenus sur 190\u00a0000\u00a0€ au maximum',
    );
    const missing = await within(section).findByRole('link', { name: '1 justificatif obligatoire manquant' });
    expect(missing.getAttribute('href')).toBe(`/projet-de-sante/indicateurs/${unmet.id}`);
  });

  it('says when deadlines and the dialogue de gestion are overdue, and when the year has no target yet', async () => {
    const backend = await real.install({ now: () => new Date('2025-03-01T10:00:00') });
    await seedSampleCpts(backend);
    await seedContract(backend);
    renderApp('/');
    const section = await tile();
    expect(await within(section).findByText('Année 3, du 1er avril 2024 au 31 mars 2025')).toBeTruthy();
    // Year 2's dialogue was never entered: due at its anniversary, now past.
    expect(within(section).getByText('Prochain dialogue de gestion').nextElementSibling?.textContent).toBe(
      'attendu depuis le 1er avril 2024, pas encore saisi (année 2)',
    );
    for (const mission of ['Parcours', 'Prévention']) {
      const line = within(section)
        .getByRole('link', { name: `${mission} : déploiement` })
        .closest('li') as HTMLElement;
      expect(within(line).getByText('Échéance dépassée')).toBeTruthy();
      expect(within(line).getByText('Échéance dépassée depuis 334 jours, le 1er avril 2024')).toBeTruthy();
    }
    expect(await within(section).findByText('Aucune cible d’indicateur saisie pour l’année 3.')).toBeTruthy();
    expect(
      await within(section).findByText('Tous les justificatifs obligatoires de l’année 3 sont fournis.'),
    ).toBeTruthy();
  });
});
