// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { HandlerContext } from '../../electron/ipc/handlers';
import { realApiPerTest } from './real-api';
import { seedColleges, seedMembers, type SeedMember } from './seed-members';
import { renderApp } from './render-app';

const YEAR = new Date().getFullYear();
/** Saint-Martin-d'Hères, Gières, Meylan. */
const TERRITORY = ['38421', '38179', '38229'];

const { install, current } = realApiPerTest();

async function withMembers(members: SeedMember[], overrides: Partial<HandlerContext> = {}) {
  const backend = await install(overrides);
  await seedColleges(backend.database.db);
  await seedMembers(backend.database.db, members);
  return backend;
}

describe('Collèges et cotisations', () => {
  it('lists the collèges with their member counts, adds one and refuses to delete a used one', async () => {
    const { api } = await withMembers([
      { data: { lastName: 'Blanc', professionCode: '60', collegeId: 1 } },
      { data: { lastName: 'Noir', professionCode: '60', collegeId: 1 } },
    ]);
    const { user } = renderApp('/adherents/colleges');
    const table = await screen.findByRole('table', { name: 'Collèges' });
    const first = within(table).getByRole('row', { name: /Professionnels de santé libéraux/ });
    expect(
      within(first)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['voix délibérative', '8', '1', '2', 'Modifier Supprimer']);

    await user.click(screen.getByRole('button', { name: 'Ajouter un collège' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer le collège' }));
    expect(await screen.findByText('Le nom du collège est obligatoire.')).toBeTruthy();
    expect(api['colleges.save']).not.toHaveBeenCalled();
    await user.type(screen.getByLabelText('Nom du collège'), 'Partenaires');
    await user.click(screen.getByRole('radio', { name: 'Voix consultative' }));
    await user.clear(screen.getByLabelText('Poids de vote'));
    await user.type(screen.getByLabelText('Poids de vote'), '0,5');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le collège' }));
    await waitFor(() => expect(api['colleges.save']).toHaveBeenCalledTimes(1));
    expect(api['colleges.save'].mock.calls[0]![0]).toMatchObject({
      name: 'Partenaires',
      votingRight: 'consultative',
      voteWeight: 0.5,
      seats: null,
    });
    expect(await within(table).findByRole('row', { name: /Partenaires/ })).toBeTruthy();

    await user.click(
      within(first).getByRole('button', { name: 'Supprimer le collège Professionnels de santé libéraux' }),
    );
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Supprimer' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'Le collège « Professionnels de santé libéraux » compte encore 2 membres (anciens compris) : rattachez-les à un autre collège avant de le supprimer.',
    );
  });

  it('saves the cotisation amounts typed in euros', async () => {
    const { api } = await withMembers([]);
    const { user } = renderApp('/adherents/colleges');
    const input = await screen.findByLabelText(`Professionnel·le (personne), ${YEAR} (en euros)`);
    await user.type(input, '45,50');
    await user.type(screen.getByLabelText(`Structure, ${YEAR} (en euros)`), '120');
    await user.click(screen.getByRole('button', { name: `Enregistrer les montants ${YEAR}` }));
    await waitFor(() => expect(api['cotisationRates.save']).toHaveBeenCalledTimes(2));
    expect(api['cotisationRates.save'].mock.calls.map((c) => c[0])).toEqual([
      { year: YEAR, memberType: 'professionnel', amountCents: 4550 },
      { year: YEAR, memberType: 'structure', amountCents: 12000 },
    ]);
    expect(await screen.findByText(`Montants ${YEAR} enregistrés.`)).toBeTruthy();

    await user.clear(input);
    await user.type(input, 'quarante');
    await user.click(screen.getByRole('button', { name: `Enregistrer les montants ${YEAR}` }));
    expect(await screen.findByText(/« quarante » n'est pas un montant en euros/)).toBeTruthy();
    expect(api['cotisationRates.save']).toHaveBeenCalledTimes(2);
  });
});

describe('Tableau de bord — adhérents', () => {
  it('shows real member figures: active members, professions, collèges, coverage and cotisations', async () => {
    const { api, ok } = await withMembers([
      { data: { lastName: 'A', professionCode: '60', communeCode: '38421', collegeId: 1 } },
      { data: { lastName: 'B', professionCode: '60', communeCode: '38179', collegeId: 1 } },
      { data: { lastName: 'C', professionCode: '10', communeCode: '38185', collegeId: 1 } },
      {
        data: {
          kind: 'structure',
          structureName: 'MSP des Alpes',
          structureType: 'MSP',
          communeCode: '38421',
          collegeId: 2,
        },
      },
      { data: { lastName: 'D', professionCode: '70', communeCode: '38229' }, leftOn: '2025-01-31' },
    ]);
    await ok('territory.addCommunes', { codes: TERRITORY });
    await ok('cotisationRates.save', { year: YEAR, memberType: 'professionnel', amountCents: 4500 });
    const paid = { year: YEAR, paidOn: `${YEAR}-02-01`, mode: 'virement' };
    await ok('members.setCotisation', { memberId: 1, amountCents: 4500, ...paid });
    await ok('members.setCotisation', { memberId: 2, amountCents: 3000, ...paid });
    api['members.setCotisation'].mockClear();
    renderApp('/');
    expect(await screen.findByTestId('adherents-actifs')).toBeTruthy();
    expect(screen.getByTestId('adherents-actifs').textContent).toBe('4');
    expect(screen.getByText('3 personnes, 1 structure')).toBeTruthy();
    expect(screen.getByTestId('couverture').textContent).toBe('2 communes du territoire sur 3 couvertes (67\u00a0%)');
    expect(screen.getByTestId('cotisations').textContent).toBe(
      `Cotisations ${YEAR} : 1 à jour, 3 en attente (60\u00a0€ à percevoir) — 75\u00a0€ perçus`,
    );
    const professions = screen.getByRole('list', { name: 'Par profession' });
    expect(
      within(professions)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Infirmier2', 'Médecin1', 'Structures1']);
    const colleges = screen.getByRole('list', { name: 'Par collège' });
    expect(
      within(colleges)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Professionnels de santé libéraux3',
      'Structures d’exercice coordonné1',
      'Usagers (voix consultative)0',
    ]);
    expect(api['members.stats']).toHaveBeenCalledWith({ year: YEAR });
  });

  it('invites to import when there is no member', async () => {
    const { ok } = await withMembers([]);
    await ok('territory.addCommunes', { codes: TERRITORY });
    renderApp('/');
    expect(await screen.findByText(/Aucun adhérent pour l’instant/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Importez votre liste' }).getAttribute('href')).toBe('/adherents/import');
  });
});

describe('Rapports — adhérents', () => {
  it('exports the members list with the chosen grouping and audience, and the composition of a year', async () => {
    const saved: string[] = [];
    const member = { professionCode: '60', collegeId: 1, joinedOn: '2024-03-01', directoryConsentOn: '2024-03-01' };
    const { api } = await withMembers(
      [
        { data: { lastName: 'Blanc', firstName: 'Anne', ...member } },
        { data: { lastName: 'Noir', firstName: 'Marc', ...member } },
      ],
      {
        chooseSavePath: async (name) => {
          saved.push(`${current().database.dir}/${name}`);
          return saved.at(-1)!;
        },
      },
    );
    const { user } = renderApp('/rapports');
    const card = screen.getByRole('region', { name: 'Liste des adhérents' });
    await user.click(within(card).getByRole('radio', { name: 'par collège' }));
    await user.click(within(card).getByRole('radio', { name: 'annuaire (adhérents ayant consenti)' }));
    await user.click(within(card).getByRole('button', { name: 'Exporter la liste en PDF' }));
    expect(await within(card).findByText(/PDF enregistré/)).toBeTruthy();
    expect(api['reports.exportMembersList']).toHaveBeenCalledWith({ groupBy: 'college', audience: 'annuaire' });
    expect(within(card).getByRole('status').textContent).toBe(`PDF enregistré : ${saved[0]} (1 page)`);

    const composition = screen.getByRole('region', { name: 'Composition de la CPTS' });
    await user.selectOptions(within(composition).getByLabelText('Année'), String(YEAR - 1));
    await user.click(within(composition).getByRole('button', { name: 'Exporter la composition en PDF' }));
    await waitFor(() => expect(api['reports.exportComposition']).toHaveBeenCalledWith({ year: YEAR - 1 }));
    expect(await within(composition).findByText(/PDF enregistré/)).toBeTruthy();
  });
});
