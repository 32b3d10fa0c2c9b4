// @vitest-environment jsdom
/**
 * The missions overview, a mission's page and an indicator's page on the REAL handlers over a temporary database,
 * with the sample contract (signed 1 April 2022, five contract years, taille-3 envelopes as test data) and today in
 * its second year (15 June 2023).
 */
import { configure, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '@shared/contract';
import { seedContract } from '../fixtures/contract';
import { realApiPerTest, type RealBackend } from './real-api';
import { renderApp } from './render-app';
import { seedMeeting } from './seed-meetings';
import { seedMembers } from './seed-members';

configure({ asyncUtilTimeout: 8_000 });

const real = realApiPerTest();
const install = (overrides: Parameters<typeof real.install>[0] = {}) =>
  real.install({ now: () => new Date('2023-06-15T10:00:00'), ...overrides });

/** The sample contract; returns the backend and the contract. */
async function withContract(overrides: Parameters<typeof real.install>[0] = {}) {
  const backend = await install(overrides);
  const contract = await seedContract(backend);
  return { backend, contract, year2: contract.years[1]! };
}

/** « Cancer du sein », initial 66,26 %: 69,70 % → 1 000 €, 72,40 % → 2 500 €, 75 % → 3 500 €. */
async function seedBreastCancer(backend: RealBackend, contractId: number, yearId: number, measure: number | null) {
  const indicator = await backend.ok('indicators.create', {
    contractId,
    missionCode: 'prevention',
    label: 'Taux de dépistage du cancer du sein',
    kind: 'resultat',
    valueType: 'taux',
    direction: 'hausse',
    dataSource: 'cpam',
    baselineValue: 66.26,
  } as ChannelInput<'indicators.create'>);
  await backend.ok('indicators.saveTarget', {
    indicatorId: indicator.id,
    contractYearId: yearId,
    paymentRule: 'paliers',
    tiers: [
      { rank: 1, label: 'socle', threshold: 69.7, amountCents: 100_000 },
      { rank: 2, label: 'intermédiaire', threshold: 72.4, amountCents: 250_000 },
      { rank: 3, label: 'objectif', threshold: 75, amountCents: 350_000 },
    ],
  } as ChannelInput<'indicators.saveTarget'>);
  if (measure !== null) {
    await backend.ok('indicators.saveMeasure', {
      indicatorId: indicator.id,
      contractYearId: yearId,
      value: measure,
      measuredOn: '2023-06-01',
      status: 'declare',
    } as ChannelInput<'indicators.saveMeasure'>);
  }
  return indicator;
}

/** French typography puts non-breaking spaces in figures: compare with plain spaces. */
const plain = (text: string | null | undefined) => (text ?? '').replace(/\s/g, ' ');

const countRows = async (backend: RealBackend, table: 'indicator_target' | 'indicator_measure' | 'indicator') =>
  Number(
    (
      await backend.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('Projet de santé — missions', () => {
  it('says what to do first when there is no contract yet', async () => {
    await install();
    renderApp('/projet-de-sante');
    expect(await screen.findByRole('heading', { name: 'Aucun contrat ACI pour l’instant' })).toBeTruthy();
    const link = screen.getByRole('link', { name: 'Saisissez d’abord le contrat ACI' });
    expect(link.getAttribute('href')).toBe('/projet-de-sante/contrat');
  });

  it('shows each mission of the current contract year with its envelopes, euros earned and indicators', async () => {
    const { backend, contract, year2 } = await withContract();
    await seedBreastCancer(backend, contract.id, year2.id, 72.5);
    await backend.ok('fiches.create', {
      title: 'Dépistage organisé du cancer du sein',
      missionCode: 'prevention',
    } as ChannelInput<'fiches.create'>);
    const { user } = renderApp('/projet-de-sante');
    expect(await screen.findByRole('heading', { level: 1, name: 'Missions du projet de santé' })).toBeTruthy();
    const picker = (await screen.findByLabelText('Année de contrat')) as HTMLSelectElement;
    expect(picker.selectedOptions[0]!.textContent).toBe('Année 2 (du 1er avril 2023 au 31 mars 2024) — en cours');

    const prevention = await screen.findByRole('region', { name: /prévention/i });
    // Fixed part and variable maximum of the sample prévention envelope.
    expect(within(prevention).getAllByText('17 500 €', { selector: 'dd' })).toHaveLength(2);
    // 72,5 % reaches the intermediate tier: 2 500 € of the 17 500 € variable part.
    const earned = within(prevention).getByRole('progressbar', { name: /Part variable obtenue/ });
    expect(plain(earned.getAttribute('aria-valuetext'))).toBe('2 500 € / 17 500 €');
    const row = within(prevention).getByRole('row', { name: /Taux de dépistage du cancer du sein/ });
    expect(within(row).getByText('Partiellement atteint')).toBeTruthy();
    expect(within(row).getByText('≥ 75 %')).toBeTruthy();
    expect(within(row).getByText('72,5 %')).toBeTruthy();
    // The indicators priced 3 500 € for a variable part of 17 500 €: the warning says so.
    expect(plain(within(prevention).getByRole('note').textContent)).toContain('totalisent 3 500 €');
    expect(plain(within(prevention).getByRole('note').textContent)).toContain('17 500 €');

    expect(within(prevention).getByRole('link', { name: '1 fiche' }).getAttribute('href')).toBe(
      '/projet-de-sante/fiches',
    );

    // The same chart as the tableau de suivi: each mission's part variable obtenue over its maximum, its figures
    // readable as a table.
    const chart = screen.getByRole('region', { name: 'Part variable obtenue par mission' });
    expect(within(chart).getByRole('img', { name: 'Part variable obtenue par mission' })).toBeTruthy();
    const chartRow = within(chart).getByRole('row', { name: /^Prévention/ });
    expect([...chartRow.querySelectorAll('td')].map((cell) => plain(cell.textContent))).toEqual([
      '2 500 €',
      '17 500 €',
      '14,3 %',
    ]);
    expect(plain(within(chart).getByText(/^2 500 € \/ 17 500 €/, { selector: 'text' }).textContent)).toBe(
      '2 500 € / 17 500 € · 14,3 %',
    );

    // A mission without indicators says how to add them.
    const parcours = screen.getByRole('region', { name: /parcours/i });
    expect(within(parcours).getByText(/Aucun indicateur pour cette mission/)).toBeTruthy();

    // Year 1 has no target: nothing earned there.
    await user.selectOptions(picker, '1');
    await waitFor(() =>
      expect(
        plain(
          within(screen.getByRole('region', { name: /prévention/i }))
            .getByRole('progressbar', { name: /Part variable obtenue/ })
            .getAttribute('aria-valuetext'),
        ),
      ).toBe('0 € / 17 500 €'),
    );
  });
});

describe('Projet de santé — une mission', () => {
  it('creates an indicator from the library, with its evidence requirements and its fiche action', async () => {
    const { backend } = await withContract();
    const fiche = await backend.ok('fiches.create', {
      code: 'FA-02',
      title: 'Un médecin traitant pour chaque patient en ALD',
      missionCode: 'acces',
    });
    const { user } = renderApp('/projet-de-sante/missions/acces');
    expect(await screen.findByRole('heading', { level: 1, name: 'Amélioration de l’accès aux soins' })).toBeTruthy();
    expect(await screen.findByText(/Aucun indicateur pour cette mission/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Nouvel indicateur' }));
    await user.click(screen.getByRole('button', { name: /^Patients en ALD sans médecin traitant/ }));
    expect((screen.getByLabelText(/^Libellé/) as HTMLTextAreaElement).value).toBe(
      'Patients en ALD sans médecin traitant',
    );
    expect((screen.getByLabelText(/^Sens/) as HTMLSelectElement).value).toBe('baisse');
    expect((screen.getByLabelText(/^Source des données/) as HTMLSelectElement).value).toBe('cpam');
    expect((screen.getByLabelText(/^Unité/) as HTMLInputElement).value).toBe('patients');

    // A baseline that is not a number is refused under its field, and nothing is sent.
    await user.type(screen.getByLabelText(/^Valeur initiale/), 'deux cents');
    await user.click(screen.getByRole('button', { name: 'Créer l’indicateur' }));
    expect(await screen.findByText('« deux cents » n’est pas un nombre (exemples : 12 ou 66,26).')).toBeTruthy();
    expect(backend.api['indicators.create']).not.toHaveBeenCalled();

    await user.clear(screen.getByLabelText(/^Valeur initiale/));
    await user.type(screen.getByLabelText(/^Valeur initiale/), '219');
    await screen.findByRole('option', { name: 'FA-02 — Un médecin traitant pour chaque patient en ALD' });
    await user.selectOptions(screen.getByLabelText(/^Fiche action/), String(fiche.id));
    await user.click(screen.getByRole('button', { name: 'Créer l’indicateur' }));
    // The new indicator's page opens, with the library's evidence as requirements.
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Patients en ALD sans médecin traitant' }),
    ).toBeTruthy();
    expect(screen.getByText('219 patients')).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 3, name: /Données statistiques CPAM/ })).toBeTruthy();
    expect(await countRows(backend, 'indicator')).toBe(1);
    // The fiche action lists it.
    const linked = await backend.ok('fiches.get', { id: fiche.id });
    expect(linked.indicators.map((row) => row.label)).toEqual(['Patients en ALD sans médecin traitant']);
  });
});

describe('Projet de santé — un indicateur', () => {
  it('refuses tiers in the wrong order under the tier, then saves the target and a measure', async () => {
    const { backend, contract } = await withContract();
    const indicator = await backend.ok('indicators.create', {
      contractId: contract.id,
      missionCode: 'acces',
      label: 'Patients en ALD sans médecin traitant',
      kind: 'resultat',
      valueType: 'nombre',
      unit: 'patients',
      direction: 'baisse',
      dataSource: 'cpam',
      baselineValue: 219,
    } as ChannelInput<'indicators.create'>);
    const { user } = renderApp(`/projet-de-sante/indicateurs/${indicator.id}`);
    expect(await screen.findByRole('heading', { name: 'Cible et résultat de l’année 2' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Fixer la cible' }));
    expect((screen.getByLabelText(/^Règle de rémunération/) as HTMLSelectElement).value).toBe('paliers');
    await user.click(screen.getByRole('button', { name: 'Ajouter un palier' }));
    await user.click(screen.getByRole('button', { name: 'Ajouter un palier' }));
    // Going down, the second threshold must be lower than the first: 150 after 100 is refused.
    await user.type(screen.getByLabelText(/^Seuil du palier 1/), '100');
    await user.type(screen.getByLabelText(/^Montant du palier 1/), '4 000');
    await user.type(screen.getByLabelText(/^Seuil du palier 2/), '150');
    await user.type(screen.getByLabelText(/^Montant du palier 2/), '9 000');
    await user.click(screen.getByRole('button', { name: 'Enregistrer la cible' }));
    const threshold2 = screen.getByLabelText(/^Seuil du palier 2/);
    await waitFor(() => expect(threshold2.getAttribute('aria-invalid')).toBe('true'));
    const message = document.getElementById(threshold2.getAttribute('aria-describedby')!.split(' ')[0]!)!;
    expect(message.textContent).toMatch(/^Palier 2 \(intermédiaire\) : le seuil/);
    expect(await countRows(backend, 'indicator_target')).toBe(0);

    await user.clear(threshold2);
    await user.type(threshold2, '50');
    await user.click(screen.getByRole('button', { name: 'Enregistrer la cible' }));
    expect(await screen.findByText('Cible de l’année 2 enregistrée.')).toBeTruthy();
    expect(await screen.findByText(/Palier 2 \(intermédiaire\) : ≤ 50 patients → 9 000 €/)).toBeTruthy();

    // A measure of 80 patients reaches the first tier: 4 000 € of 9 000 €.
    const measures = screen.getByRole('region', { name: 'Mesures de l’année 2' });
    await user.click(within(measures).getByRole('button', { name: 'Saisir une mesure' }));
    await user.type(within(measures).getByLabelText(/^Valeur/), '80');
    await user.selectOptions(within(measures).getByLabelText(/^Statut/), 'declare');
    await user.click(within(measures).getByRole('button', { name: 'Enregistrer la mesure' }));
    expect(await screen.findByText('Mesure enregistrée : 80 patients.')).toBeTruthy();
    const target = screen.getByRole('region', { name: 'Cible et résultat de l’année 2' });
    await waitFor(() => expect(within(target).getByText('4 000 € / 9 000 €')).toBeTruthy());
    expect(within(target).getByText('Partiellement atteint')).toBeTruthy();
    expect(within(measures).getByRole('cell', { name: 'Déclaré' })).toBeTruthy();

    // The target now has a measure: deleting it is refused in the dialog, and it stays.
    await user.click(within(target).getByRole('button', { name: 'Supprimer la cible de l’année 2' }));
    const dialog = await screen.findByRole('dialog', { name: 'Supprimer la cible de l’année 2 ?' });
    await user.click(within(dialog).getByRole('button', { name: 'Supprimer' }));
    expect((await within(dialog).findByRole('alert')).textContent).toMatch(
      /^Des mesures sont saisies pour cette cible/,
    );
    expect(await countRows(backend, 'indicator_target')).toBe(1);
  });

  it('refuses a measure outside the contract year under its date, and writes nothing', async () => {
    const { backend, contract, year2 } = await withContract();
    const indicator = await seedBreastCancer(backend, contract.id, year2.id, null);
    const { user } = renderApp(`/projet-de-sante/indicateurs/${indicator.id}`);
    const measures = await screen.findByRole('region', { name: 'Mesures de l’année 2' });
    await user.click(within(measures).getByRole('button', { name: 'Saisir une mesure' }));
    await user.type(within(measures).getByLabelText(/^Valeur/), '70,1');
    const start = within(measures).getByLabelText('Début de la période');
    await user.type(start, '2022-01-01');
    await user.click(within(measures).getByRole('button', { name: 'Enregistrer la mesure' }));
    await waitFor(() => expect(start.getAttribute('aria-invalid')).toBe('true'));
    expect(await countRows(backend, 'indicator_measure')).toBe(0);
  });

  it('offers to carry over last year’s target when it was not met', async () => {
    const { backend, contract } = await withContract();
    const [year1, year2] = contract.years;
    const indicator = await seedBreastCancer(backend, contract.id, year1!.id, 68);
    const { user } = renderApp(`/projet-de-sante/indicateurs/${indicator.id}?annee=2`);
    await user.click(await screen.findByRole('button', { name: 'Fixer la cible' }));
    const carry = await screen.findByRole('checkbox', {
      name: /Reporter la cible de l’année 1, qui n’a pas été atteinte/,
    });
    await user.click(carry);
    await user.click(screen.getByRole('button', { name: 'Ajouter un palier' }));
    await user.type(screen.getByLabelText(/^Seuil du palier 1/), '69,7');
    await user.type(screen.getByLabelText(/^Montant du palier 1/), '1 000');
    await user.click(screen.getByRole('button', { name: 'Enregistrer la cible' }));
    expect(await screen.findByText('Cible reportée de l’année précédente')).toBeTruthy();
    const saved = await backend.database.db
      .selectFrom('indicator_target')
      .select(['carried_over_from_id', 'contract_year_id'])
      .where('contract_year_id', '=', year2!.id)
      .executeTakeFirstOrThrow();
    expect(saved.carried_over_from_id).not.toBeNull();
  });

  it('offers to archive an indicator that has measures instead of deleting it', async () => {
    const { backend, contract, year2 } = await withContract();
    const indicator = await seedBreastCancer(backend, contract.id, year2.id, 70);
    const { user } = renderApp(`/projet-de-sante/indicateurs/${indicator.id}`);
    await user.click(await screen.findByRole('button', { name: 'Supprimer' }));
    const dialog = await screen.findByRole('dialog', { name: /Archiver l’indicateur/ });
    expect(within(dialog).getByText(/Il a 1 mesure/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Archiver' }));
    expect(await screen.findByText('Indicateur archivé.')).toBeTruthy();
    expect(await screen.findByText('archivé')).toBeTruthy();
    expect(backend.api['indicators.delete']).not.toHaveBeenCalled();
    expect(await countRows(backend, 'indicator')).toBe(1);
    // Still reachable from its mission.
    await user.click(screen.getByRole('link', { name: '← Développement des actions coordonnées de prévention' }));
    const archived = await screen.findByRole('region', { name: 'Indicateurs archivés' });
    expect(within(archived).getByRole('link', { name: 'Taux de dépistage du cancer du sein' })).toBeTruthy();
  });
});

describe('Projet de santé — valeur mesurée par Maillage et justificatifs', () => {
  it('shows the live value with its explanation and freezes it as a draft measure', async () => {
    const { backend, contract, year2 } = await withContract();
    // Two members joined during year 2, one before it: « Nouveaux adhérents » of year 2 counts two.
    await seedMembers(backend.database.db, [
      { data: { lastName: 'Martin', firstName: 'Claire', professionCode: '10', joinedOn: '2022-05-02' } },
      { data: { lastName: 'Bernard', firstName: 'Camille', professionCode: '60', joinedOn: '2023-04-12' } },
      { data: { lastName: 'Petit', firstName: 'Jules', professionCode: '50', joinedOn: '2023-05-30' } },
    ]);
    const indicator = await backend.ok('indicators.create', {
      contractId: contract.id,
      missionCode: 'accompagnement',
      label: 'Nouveaux adhérents',
      kind: 'moyens',
      valueType: 'nombre',
      unit: 'adhérents',
      direction: 'hausse',
      dataSource: 'maillage',
      autoMeasure: 'nouveaux_adherents',
    } as ChannelInput<'indicators.create'>);
    await backend.ok('indicators.saveTarget', {
      indicatorId: indicator.id,
      contractYearId: year2.id,
      paymentRule: 'tout_ou_rien',
      targetValue: 10,
      maxCents: 500_000,
    } as ChannelInput<'indicators.saveTarget'>);
    const { user } = renderApp(`/projet-de-sante/indicateurs/${indicator.id}`);
    const live = await screen.findByRole('region', { name: 'Valeur mesurée par Maillage' });
    expect(await within(live).findByText('2 adhérents')).toBeTruthy();
    expect(within(live).getByText(/du 1er avril 2023 au 15 juin 2023/)).toBeTruthy();
    await user.click(within(live).getByRole('button', { name: 'Figer comme mesure' }));
    expect(await screen.findByText('Mesure figée : 2 adhérents (brouillon).')).toBeTruthy();
    const measures = screen.getByRole('region', { name: 'Mesures de l’année 2' });
    const row = await within(measures).findByRole('row', { name: /2\sadhérents/ });
    expect(within(row).getByText('Brouillon')).toBeTruthy();
    expect(within(row).getByText(/Nouveaux adhérents, du 1er avril 2023/)).toBeTruthy();
  });

  it('adds a requirement, attaches a document and a meeting, and checks them', async () => {
    const file = `${process.cwd()}/package.json`;
    const { backend, contract, year2 } = await withContract({ chooseOpenPath: async () => file });
    await seedMeeting(backend, { type: 'ca', title: 'Groupe de travail dépistage', date: '2023-05-11' });
    const indicator = await seedBreastCancer(backend, contract.id, year2.id, null);
    const { user } = renderApp(`/projet-de-sante/indicateurs/${indicator.id}`);
    const section = await screen.findByRole('region', { name: 'Justificatifs de l’année 2' });
    expect(await within(section).findByText(/Aucun justificatif attendu/)).toBeTruthy();

    // An empty label is refused under its field, nothing written.
    await user.click(within(section).getByRole('button', { name: 'Ajouter un justificatif attendu' }));
    await user.click(within(section).getByRole('button', { name: 'Ajouter le justificatif' }));
    expect(await within(section).findByText('Le libellé du justificatif est obligatoire.')).toBeTruthy();
    expect(backend.api['indicators.saveRequirement']).not.toHaveBeenCalled();

    await user.type(within(section).getByLabelText(/^Justificatif/), 'Feuilles d’émargement');
    await user.click(within(section).getByRole('button', { name: 'Ajouter le justificatif' }));
    expect(await within(section).findByText('1 justificatif obligatoire encore manquant pour l’année 2.')).toBeTruthy();

    await user.click(within(section).getByRole('button', { name: 'Joindre un document : Feuilles d’émargement' }));
    expect(
      await within(section).findByText('Tous les justificatifs obligatoires de l’année 2 sont fournis.'),
    ).toBeTruthy();
    expect(within(section).getByText('package.json')).toBeTruthy();

    await user.click(within(section).getByRole('button', { name: 'Lier une réunion : Feuilles d’émargement' }));
    await user.selectOptions(
      await within(section).findByLabelText('Réunion de l’année 2'),
      within(section).getByRole('option', { name: /Groupe de travail dépistage/ }),
    );
    await user.click(within(section).getByRole('button', { name: 'Lier' }));
    expect(await within(section).findByText('Groupe de travail dépistage')).toBeTruthy();

    const boxes = within(section).getAllByRole('checkbox', { name: 'Vérifié' });
    expect(boxes).toHaveLength(2);
    await user.click(boxes[0]!);
    await waitFor(async () => {
      const checked = await backend.database.db.selectFrom('evidence').select('checked').execute();
      expect(checked.map((row) => row.checked).sort()).toEqual([0, 1]);
    });
  });
});
