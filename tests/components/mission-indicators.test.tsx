// @vitest-environment jsdom
/**
 * A mission's page and an indicator's form on the REAL handlers over a temporary database, with the sample contract
 * (signed 1 April 2022) and today in its second year: moving indicators up and down, and the value Maillage counts
 * for the members of one profession.
 */
import { configure, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '@shared/contract';
import { seedContract } from '../fixtures/contract';
import { realApiPerTest, type RealBackend } from './real-api';
import { renderApp } from './render-app';
import { seedMembers } from './seed-members';

configure({ asyncUtilTimeout: 8_000 });

const real = realApiPerTest();

async function withContract() {
  const backend = await real.install({ now: () => new Date('2023-06-15T10:00:00') });
  const contract = await seedContract(backend);
  return { backend, contract };
}

const indicator = (contractId: number, label: string): ChannelInput<'indicators.create'> =>
  ({
    contractId,
    missionCode: 'acces',
    label,
    kind: 'resultat',
    valueType: 'nombre',
    direction: 'hausse',
    dataSource: 'cpam',
  }) as ChannelInput<'indicators.create'>;

/** The indicators' names in the order of the mission's table. */
const tableOrder = () =>
  within(screen.getByRole('table', { name: /Indicateurs de l’année/ }))
    .getAllByRole('link')
    .map((link) => link.textContent);

const storedOrder = async (backend: RealBackend, contractId: number) =>
  (await backend.ok('indicators.list', { contractId, missionCode: 'acces' })).map((row) => row.label);

describe('Projet de santé — l’ordre des indicateurs d’une mission', () => {
  it('moves an indicator up and down with the keyboard, the focus staying on it', async () => {
    const { backend, contract } = await withContract();
    for (const label of ['Patients sans médecin traitant', 'Soins non programmés', 'Téléconsultations']) {
      await backend.ok('indicators.create', indicator(contract.id, label));
    }
    const { user } = renderApp('/projet-de-sante/missions/acces');
    await screen.findByRole('link', { name: 'Téléconsultations' });
    expect(tableOrder()).toEqual(['Patients sans médecin traitant', 'Soins non programmés', 'Téléconsultations']);
    // At the top, « Monter » cannot be used; at the bottom, « Descendre » neither.
    expect(
      (screen.getByRole('button', { name: 'Monter « Patients sans médecin traitant »' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    expect(
      (screen.getByRole('button', { name: 'Descendre « Téléconsultations »' }) as HTMLButtonElement).disabled,
    ).toBe(true);

    // Keyboard: focus « Monter » of the last row, press Enter.
    const up = screen.getByRole('button', { name: 'Monter « Téléconsultations »' });
    up.focus();
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(tableOrder()).toEqual(['Patients sans médecin traitant', 'Téléconsultations', 'Soins non programmés']),
    );
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('aria-label')).toBe('Monter « Téléconsultations »'),
    );
    expect(await storedOrder(backend, contract.id)).toEqual([
      'Patients sans médecin traitant',
      'Téléconsultations',
      'Soins non programmés',
    ]);

    // Once more: the row reaches the top, « Monter » is no longer usable and the focus moves to « Descendre ».
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(tableOrder()).toEqual(['Téléconsultations', 'Patients sans médecin traitant', 'Soins non programmés']),
    );
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('aria-label')).toBe('Descendre « Téléconsultations »'),
    );
    await user.keyboard(' ');
    await waitFor(() =>
      expect(tableOrder()).toEqual(['Patients sans médecin traitant', 'Téléconsultations', 'Soins non programmés']),
    );
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Descendre « Téléconsultations »');

    // The tableau de suivi of the year (read by its PDF and its workbook) follows the same order.
    const table = await backend.ok('indicators.results', { contractYearId: contract.years[1]!.id });
    expect(table.missions.find((m) => m.missionCode === 'acces')!.indicators.map((l) => l.indicator.label)).toEqual([
      'Patients sans médecin traitant',
      'Téléconsultations',
      'Soins non programmés',
    ]);
  });

  it('says why a move was refused and keeps the order', async () => {
    const { backend, contract } = await withContract();
    for (const label of ['Patients sans médecin traitant', 'Soins non programmés']) {
      await backend.ok('indicators.create', indicator(contract.id, label));
    }
    const { user } = renderApp('/projet-de-sante/missions/acces');
    await screen.findByRole('link', { name: 'Soins non programmés' });
    // Meanwhile, the first indicator is moved to another mission in another window.
    const first = (await backend.ok('indicators.list', { contractId: contract.id }))[0]!;
    await backend.ok('indicators.update', {
      id: first.id,
      data: { ...indicator(contract.id, first.label), missionCode: 'parcours' },
    } as ChannelInput<'indicators.update'>);
    await user.click(screen.getByRole('button', { name: 'Descendre « Patients sans médecin traitant »' }));
    expect(
      await screen.findByText(/« Patients sans médecin traitant » n’appartient pas à cette mission du contrat/),
    ).toBeTruthy();
    expect(await storedOrder(backend, contract.id)).toEqual(['Soins non programmés']);
  });
});

describe('Projet de santé — les adhérents d’une profession mesurés par Maillage', () => {
  it('asks for the profession, saves it with the measure and shows it with the live value', async () => {
    const { backend } = await withContract();
    await seedMembers(backend.database.db, [
      { data: { lastName: 'Martin', firstName: 'Claire', professionCode: '60', joinedOn: '2022-05-02' } },
      { data: { lastName: 'Bernard', firstName: 'Camille', professionCode: '60', joinedOn: '2023-04-12' } },
      { data: { lastName: 'Petit', firstName: 'Jules', professionCode: '10', joinedOn: '2023-05-30' } },
    ]);
    const { user } = renderApp('/projet-de-sante/missions/accompagnement');
    await user.click(await screen.findByRole('button', { name: 'Nouvel indicateur' }));
    await user.type(screen.getByLabelText(/^Libellé/), 'Infirmiers adhérents');
    await screen.findByRole('option', { name: 'Adhérents d’une profession' });
    expect(screen.queryByLabelText(/^Profession des adhérents comptés/)).toBeNull();
    await user.selectOptions(screen.getByLabelText(/^Valeur mesurée par Maillage/), 'Adhérents d’une profession');

    // Without its profession, the measure is refused under the profession's field and nothing is sent.
    const profession = screen.getByLabelText(/^Profession des adhérents comptés/);
    await user.click(screen.getByRole('button', { name: 'Créer l’indicateur' }));
    expect(await screen.findByText('Choisissez la profession des adhérents à compter.')).toBeTruthy();
    expect(profession.getAttribute('aria-invalid')).toBe('true');
    expect(backend.api['indicators.create']).not.toHaveBeenCalled();

    await user.selectOptions(profession, 'Infirmier·ère');
    await user.click(screen.getByRole('button', { name: 'Créer l’indicateur' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Infirmiers adhérents' })).toBeTruthy();
    const stored = await backend.database.db.selectFrom('indicator').select('auto_measure').executeTakeFirstOrThrow();
    expect(stored.auto_measure).toBe('adherents_profession:60');

    // The live value counts the two infirmiers, and says which profession it counts.
    const live = await screen.findByRole('region', { name: 'Valeur mesurée par Maillage' });
    expect(await within(live).findByText('2')).toBeTruthy();
    expect(within(live).getByText('Infirmier').closest('p')?.textContent).toBe('Adhérents de la profession Infirmier');

    // Editing the indicator shows the measure and its profession apart.
    await user.click(screen.getByRole('button', { name: 'Modifier' }));
    const measure = screen.getByRole('combobox', { name: /^Valeur mesurée par Maillage/ }) as HTMLSelectElement;
    expect(measure.selectedOptions[0]!.textContent).toBe('Adhérents d’une profession');
    expect((screen.getByLabelText(/^Profession des adhérents comptés/) as HTMLSelectElement).value).toBe('60');
  });
});
