// @vitest-environment jsdom
/**
 * Projet de santé › import of the « annexe indicateurs », on the REAL handlers and a temporary database with the
 * sample contract (today in its second year): a CSV as the CPAM sends it, with a title row, good rows and bad ones.
 */
import { configure, screen, waitFor, within } from '@testing-library/react';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/db';
import { seedContract } from '../fixtures/contract';
import { realApiPerTest, type RealBackend } from './real-api';
import { renderApp } from './render-app';

configure({ asyncUtilTimeout: 8_000 });

/** Lines 3 to 5 are valid; 6 names an unknown mission, 7 an amount with a tenth of a cent, 8 repeats line 3. */
const ANNEX_CSV = [
  'Annexe indicateurs – Année 2 (du 01/04/2023 au 31/03/2024);;;;;;;;;',
  'Mission;Code;Indicateur;Valeur initiale;Date valeur initiale;Cible;Paliers;Montant (€);Source;Justificatifs',
  'Accès aux soins;ACC-1;Patients en ALD sans médecin traitant;219;31/12/2022;;"≤ 50 → 9 000 € ; 51–100 → 6 000 € ; 101–219 → 3 000 €";9 000 €;Requête CPAM;Données statistiques CPAM',
  'Accès aux soins;ACC-2;Maintenir le partenariat en place avec la CPAM;;;;;2 000 €;Déclaratif CPTS;"Conventions signées ; Comptes rendus"',
  'Parcours pluriprofessionnels;PAR-1;Patients intégrés au parcours diabète;;;100;;20 000 €;;Bilans et évaluations',
  'Santé mentale;SM-1;Repérage de la souffrance psychique;;;10;;1 000 €;;',
  'Prévention;PRE-2;Dépistage du cancer du col de l’utérus;64,08 %;;;"66,70 % → 1 000 € ; 67,45 % → 2 000 € ; 68,20 % → 3 000 €";3 000,555 €;CPAM;',
  'Accès aux soins;ACC-1;Patients en ALD sans médecin traitant (doublon);219;;;"≤ 50 → 9 000 €";9 000 €;;',
].join('\r\n');

const real = realApiPerTest();
let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

/** The sample contract; the file dialog answers `path` (null: the coordinator closed it). */
async function withContract(path: string | null) {
  const backend = await real.install({
    now: () => new Date('2023-06-15T10:00:00'),
    chooseOpenPath: async (purpose) => (purpose === 'annex-import' ? path : null),
  });
  const contract = await seedContract(backend);
  return { backend, contract };
}

function writeAnnex(): string {
  const files = tempDir('maillage-annexe-ui-');
  cleanups.push(files.cleanup);
  const path = join(files.dir, 'annexe-indicateurs.csv');
  writeFileSync(path, ANNEX_CSV);
  return path;
}

const indicatorLabels = async (backend: RealBackend, contractId: number) =>
  (
    await backend.database.db
      .selectFrom('indicator')
      .select('label')
      .where('contract_id', '=', contractId)
      .orderBy('label')
      .execute()
  ).map((row) => row.label);

describe('Projet de santé — import of the annexe indicateurs', () => {
  it('names the reason of each refused row, then creates exactly the valid indicators', async () => {
    const { backend, contract } = await withContract(writeAnnex());
    const before = await indicatorLabels(backend, contract.id);
    const { user } = renderApp('/projet-de-sante');

    await user.click(await screen.findByRole('link', { name: 'Importer l’annexe indicateurs' }));
    await user.click(await screen.findByRole('button', { name: 'Choisir un fichier…' }));
    const mappingHeading = await screen.findByRole('heading', { name: '2. Que contient chaque colonne ?' });
    // Each step opens with its heading focused, for screen readers.
    await waitFor(() => expect(document.activeElement).toBe(mappingHeading));
    expect(screen.getByRole('note', { name: 'Lecture du fichier' }).textContent).toContain('ligne 2');
    // The guessed mapping, which the coordinator may correct.
    expect(
      (screen.getByRole('combobox', { name: 'Champ pour la colonne « Montant (€) »' }) as HTMLSelectElement).value,
    ).toBe('montant');
    // The year of the overview (the current one) is the one imported into.
    expect((screen.getByRole('combobox', { name: 'Année de contrat' }) as HTMLSelectElement).value).toBe('2');

    await user.click(screen.getByRole('button', { name: 'Vérifier les lignes' }));
    expect(await screen.findByRole('heading', { name: '3. Vérification' })).toBeTruthy();
    expect(screen.getByText(/pour l’année 2 du contrat\. Rien n’est encore enregistré\./)).toBeTruthy();
    expect(screen.getByRole('tab', { name: '3 indicateurs à créer' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: '0 inchangé' })).toBeTruthy();
    const errorsTab = screen.getByRole('tab', { name: '3 en erreur' });
    expect(errorsTab.getAttribute('aria-selected')).toBe('true');

    const refused = within(screen.getByRole('tabpanel'));
    const reasonOf = (line: number) => refused.getByRole('cell', { name: String(line) }).closest('tr')!.textContent;
    expect(reasonOf(6)).toContain(
      'Mission inconnue « Santé mentale » : accès aux soins, parcours, prévention, crises sanitaires, qualité ou accompagnement.',
    );
    expect(reasonOf(7)).toContain(
      'Montant « 3 000,555 € » : un montant positif en euros et centimes est attendu (par exemple 3 500 €).',
    );
    expect(reasonOf(8)).toContain('Même indicateur que la ligne 3 du fichier : une seule ligne par indicateur.');
    expect(refused.getAllByRole('row')).toHaveLength(4);
    // The mission whose indicators do not add up to its variable maximum is named.
    expect(screen.getByRole('note', { name: 'Totaux des missions' }).textContent).toContain(
      'Les indicateurs de la mission Amélioration de l’accès aux soins totalisent 11\u00a0000\u00a0€',
    );

    await user.click(screen.getByRole('tab', { name: '3 indicateurs à créer' }));
    expect(within(screen.getByRole('tabpanel')).getByText('Patients intégrés au parcours diabète')).toBeTruthy();
    // Checking wrote nothing.
    expect(await indicatorLabels(backend, contract.id)).toEqual(before);

    await user.click(screen.getByRole('button', { name: 'Importer les 3 lignes valides' }));
    expect(await screen.findByText('Annexe importée : 3 indicateurs créés, 3 cibles enregistrées.')).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Missions du projet de santé' })).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Patients en ALD sans médecin traitant' })).toBeTruthy();
    expect(await indicatorLabels(backend, contract.id)).toEqual(
      [
        ...before,
        'Maintenir le partenariat en place avec la CPAM',
        'Patients en ALD sans médecin traitant',
        'Patients intégrés au parcours diabète',
      ].sort(),
    );
    const targets = await backend.database.db.selectFrom('indicator_target').select('contract_year_id').execute();
    expect(targets.map((target) => target.contract_year_id)).toEqual([
      contract.years[1]!.id,
      contract.years[1]!.id,
      contract.years[1]!.id,
    ]);
  });

  it('writes nothing and stays on the first step when the file dialog is closed', async () => {
    const { backend, contract } = await withContract(null);
    const before = await indicatorLabels(backend, contract.id);
    const { user } = renderApp('/projet-de-sante/annexe?annee=2');

    await user.click(await screen.findByRole('button', { name: 'Choisir un fichier…' }));
    await waitFor(() => expect(backend.api['annex.open']).toHaveBeenCalledTimes(1));
    expect(await screen.findByRole('button', { name: 'Choisir un fichier…' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: '1. Choisir le fichier' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(backend.api['annex.preview']).not.toHaveBeenCalled();
    expect(backend.api['annex.apply']).not.toHaveBeenCalled();
    expect(await indicatorLabels(backend, contract.id)).toEqual(before);
  });

  it('shows where the check is while it runs, then closes the file when the coordinator leaves mid-way', async () => {
    const { backend } = await withContract(writeAnnex());
    const { user } = renderApp('/projet-de-sante/annexe?annee=2');
    await user.click(await screen.findByRole('button', { name: 'Choisir un fichier…' }));
    await screen.findByRole('heading', { name: '2. Que contient chaque colonne ?' });
    const opened = await backend.api['annex.open'].mock.results[0]!.value;
    const token: string = opened.data.token;

    // The check answers only once released: meanwhile the progress of the import is shown, asked to the main process.
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    backend.api['annex.preview'].mockImplementationOnce(async (input) => {
      await released;
      return backend.call('annex.preview', input);
    });
    backend.api['members.importProgress'].mockClear();
    await user.click(screen.getByRole('button', { name: 'Vérifier les lignes' }));
    const progress = await screen.findByRole('status');
    expect(progress.textContent).toContain('Vérification des lignes de l’annexe…');
    expect(within(progress).getByRole('progressbar')).toBeTruthy();
    await waitFor(() => expect(backend.api['members.importProgress']).toHaveBeenCalled());
    release();
    expect(await screen.findByRole('heading', { name: '3. Vérification' })).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();

    // Leaving for the missions closes the file in the main process: it can no longer be checked.
    expect(backend.api['annex.close']).not.toHaveBeenCalled();
    await user.click(screen.getByRole('link', { name: '← Missions du projet de santé' }));
    await user.click(await screen.findByRole('button', { name: 'Quitter sans enregistrer' }));
    expect(await screen.findByRole('heading', { name: 'Missions du projet de santé' })).toBeTruthy();
    await waitFor(() => expect(backend.api['annex.close']).toHaveBeenCalledWith({ token }));
    const again = await backend.call('annex.preview', { token, contractYearId: 1, mapping: [] });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.message).toMatch(/n’est plus ouvert/);
  });
});
