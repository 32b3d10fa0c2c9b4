// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { installFakeApi } from './fake-api';
import { IMPORT_FILE } from './fake-members';
import { renderApp } from './render-app';

describe('Adhérents — import', () => {
  it('goes file → columns → preview → apply, with the counts', async () => {
    const { api, state } = installFakeApi();
    const { user } = renderApp('/adherents/import');

    // Step 1
    await user.click(screen.getByRole('button', { name: 'Choisir un fichier…' }));
    expect(await screen.findByRole('heading', { name: '2. Que contient chaque colonne ?' })).toBeTruthy();
    expect(api['members.importOpen']).toHaveBeenCalledTimes(1);

    // Step 2: file details, samples and the suggested mapping.
    expect(screen.getByText(/adherents-2026\.csv/).closest('p')!.textContent).toBe(
      'adherents-2026.csv — encodage Windows-1252, séparateur « ; », titres des colonnes en ligne 1, 142 lignes, 7 colonnes.',
    );
    const nom = screen.getByRole('combobox', { name: 'Champ pour la colonne « NOM »' }) as HTMLSelectElement;
    expect(nom.value).toBe('lastName');
    expect(nom.selectedOptions[0]!.textContent).toBe('Nom');
    const remark = screen.getByRole('combobox', { name: 'Champ pour la colonne « Remarque »' }) as HTMLSelectElement;
    expect(remark.selectedOptions[0]!.textContent).toBe('Ignorer cette colonne');
    const métierRow = screen.getByRole('rowheader', { name: 'Métier' }).closest('tr')!;
    expect([...métierRow.querySelectorAll('.sample')].map((s) => s.textContent)).toEqual([
      'IDE',
      'kiné',
      'Médecin généraliste',
    ]);

    // Two columns on one field are refused before asking the backend.
    await user.selectOptions(remark, 'lastName');
    expect(screen.getByRole('alert').textContent).toMatch(/Plusieurs colonnes correspondent au même champ \(Nom\)/);
    expect((screen.getByRole('button', { name: 'Vérifier les lignes' }) as HTMLButtonElement).disabled).toBe(true);
    await user.selectOptions(remark, 'notes');

    // Step 3
    await user.click(screen.getByRole('button', { name: 'Vérifier les lignes' }));
    expect(await screen.findByRole('heading', { name: '3. Vérification' })).toBeTruthy();
    expect(api['members.importPreview']).toHaveBeenLastCalledWith({
      token: IMPORT_FILE.token,
      mapping: ['lastName', 'firstName', 'professionCode', 'communeCode', 'rpps', 'email', 'notes'],
      options: { undatedOn: null, createColleges: true },
    });
    expect(screen.getByRole('tab', { name: '120 à créer' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: '14 à mettre à jour' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: '3 inchangés' })).toBeTruthy();
    const errorsTab = screen.getByRole('tab', { name: '5 en erreur' });
    // The errors are shown first, with their French reasons.
    expect(errorsTab.getAttribute('aria-selected')).toBe('true');
    const panel = screen.getByRole('tabpanel');
    expect(within(panel).getAllByRole('row')).toHaveLength(6);
    expect(panel.textContent).toMatch(/Le numéro RPPS n'est pas valide/);
    await user.click(screen.getByRole('tab', { name: '14 à mettre à jour' }));
    expect(screen.getByRole('tabpanel').textContent).toMatch(/Téléphone : 04 76 00 00 00 → 06 12 34 56 78/);

    // Back to the mapping, change it: the preview runs again.
    await user.click(screen.getByRole('button', { name: 'Modifier les colonnes' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Champ pour la colonne « NOM »' }), '');
    await user.click(screen.getByRole('button', { name: 'Vérifier les lignes' }));
    expect(await screen.findByRole('tab', { name: '142 en erreur' })).toBeTruthy();
    expect(api['members.importPreview']).toHaveBeenCalledTimes(2);
    expect((screen.getByRole('button', { name: /Appliquer/ }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Modifier les colonnes' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Champ pour la colonne « NOM »' }), 'lastName');
    await user.click(screen.getByRole('button', { name: 'Vérifier les lignes' }));

    // Step 4
    await user.click(await screen.findByRole('button', { name: 'Appliquer les 137 lignes valides' }));
    expect(await screen.findByRole('heading', { name: '4. Import terminé' })).toBeTruthy();
    expect(screen.getByText('120 adhérents créés')).toBeTruthy();
    expect(screen.getByText('14 adhérents mis à jour')).toBeTruthy();
    expect(screen.getByText('5 lignes en erreur ignorées')).toBeTruthy();
    expect(api['members.importApply']).toHaveBeenCalledTimes(1);
    expect(state.members.members).toHaveLength(120);

    await user.click(screen.getByRole('link', { name: 'Voir la liste des adhérents' }));
    await waitFor(() => expect(screen.getByTestId('member-count').textContent).toBe('120 adhérents'));
  });

  it('shows a busy state while applying', async () => {
    const { api } = installFakeApi();
    let finish!: () => void;
    const real = api['members.importApply'].getMockImplementation()!;
    api['members.importApply'].mockImplementationOnce(
      (input) => new Promise((resolve) => (finish = () => resolve(real(input)))),
    );
    const { user } = renderApp('/adherents/import');
    await user.click(screen.getByRole('button', { name: 'Choisir un fichier…' }));
    await user.click(await screen.findByRole('button', { name: 'Vérifier les lignes' }));
    await user.click(await screen.findByRole('button', { name: 'Appliquer les 137 lignes valides' }));
    const busy = await screen.findByRole('button', { name: 'Import en cours…' });
    expect((busy as HTMLButtonElement).disabled).toBe(true);
    const status = screen.getByRole('status');
    expect(status.textContent).toMatch(/^Enregistrement des adhérents… \d+ %$/);
    expect(within(status).getByRole('progressbar', { name: 'Enregistrement des adhérents…' })).toBeTruthy();
    finish();
    expect(await screen.findByRole('heading', { name: '4. Import terminé' })).toBeTruthy();
  });

  it('stays quietly on the first step when the file dialog is cancelled', async () => {
    const { api } = installFakeApi({ importFile: null });
    const { user } = renderApp('/adherents/import');
    await user.click(screen.getByRole('button', { name: 'Choisir un fichier…' }));
    await waitFor(() => expect(api['members.importOpen']).toHaveBeenCalledTimes(1));
    expect(screen.getByRole('heading', { name: '1. Choisir le fichier' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the French message when the file cannot be read', async () => {
    const { api } = installFakeApi();
    api['members.importOpen'].mockResolvedValueOnce({
      ok: false,
      error: { code: 'invalid_input', message: 'Ce fichier n’est ni un CSV ni un classeur Excel (.xlsx).' },
    });
    const { user } = renderApp('/adherents/import');
    await user.click(screen.getByRole('button', { name: 'Choisir un fichier…' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Ce fichier n’est ni un CSV ni un classeur Excel (.xlsx).',
    );
  });
});
