// @vitest-environment jsdom
/**
 * Adhérents › import, on the REAL handlers and a temporary database: a file with a title row, a duplicate, a
 * collège Maillage does not have yet and amounts without a payment date.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { tempDir } from '../helpers/db';
import { rpps, writeCsv } from '../fixtures/imports/builders';
import { installRealApi } from './real-api';
import { renderApp } from './render-app';

let disposers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const dispose of disposers) await dispose();
  disposers = [];
});

describe('Adhérents — import on the real handlers', () => {
  it('asks for a date instead of inventing one, shows the duplicate, creates the missing collège with the import', async () => {
    const files = tempDir('maillage-import-ui-');
    disposers.push(files.cleanup);
    const path = writeCsv(
      files.dir,
      'liste.csv',
      [
        ['Liste des adhérents — export du 01/10/2026'],
        ['Nom', 'Prénom', 'Profession', 'RPPS', 'Commune', 'Collège', 'Cotisation 2026', 'Consentement annuaire'],
        ['Martin', 'Paul', 'Médecin', rpps('1000000001'), 'Eybens', 'Libéraux', '30', 'oui'],
        ['Roux', 'Hugo', 'Kiné', '', 'Poisat', 'Libéraux', '30', ''],
        ['MARTIN', 'Paul', 'Médecin', rpps('1000000001'), 'Eybens', '', '', ''],
      ],
      ';',
      'utf8',
    );
    const backend = await installRealApi({
      chooseOpenPath: async () => path,
      now: () => new Date('2026-11-23T14:05:00'),
    });
    disposers.push(backend.dispose);
    const { user } = renderApp('/adherents/import');

    await user.click(screen.getByRole('button', { name: 'Choisir un fichier…' }));
    expect(await screen.findByRole('heading', { name: '2. Que contient chaque colonne ?' })).toBeTruthy();
    expect(screen.getByRole('note', { name: 'Lecture du fichier' }).textContent).toBe(
      'Titres des colonnes lus sur la ligne 2 ; la ligne 1 au-dessus, « Liste des adhérents — export du 01/10/2026 », est ignorée.',
    );
    await user.click(screen.getByRole('button', { name: 'Vérifier les lignes' }));
    expect(await screen.findByRole('heading', { name: '3. Vérification' })).toBeTruthy();

    expect(screen.getByRole('tab', { name: '2 à créer' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: '0 en erreur' })).toBeTruthy();
    await user.click(screen.getByRole('tab', { name: '1 doublon ignoré' }));
    expect(screen.getByRole('tabpanel').textContent).toContain(
      'Doublon de la ligne 3 (même RPPS) : ignorée, la ligne 3 est importée.',
    );

    const dates = screen.getByRole('group', { name: 'Dates absentes du fichier' });
    expect(dates.textContent).toContain(
      'Le fichier indique 2 cotisations payées sans date de paiement et 1 accord pour l’annuaire (« oui ») sans date.',
    );
    expect((within(dates).getByRole('radio', { name: /Les laisser sans date/ }) as HTMLInputElement).checked).toBe(
      true,
    );
    const colleges = screen.getByRole('checkbox', {
      name: /Créer les collèges manquants avec l’import : « Libéraux » \(2 lignes\)/,
    }) as HTMLInputElement;
    expect(colleges.checked).toBe(true);

    // Without the collège, its rows are in error; ticked again, they come back.
    await user.click(colleges);
    expect(await screen.findByRole('tab', { name: '2 en erreur' })).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: /Créer les collèges manquants/ }));
    expect(await screen.findByRole('tab', { name: '0 en erreur' })).toBeTruthy();

    // One date for the whole file.
    await user.click(
      within(screen.getByRole('group', { name: 'Dates absentes du fichier' })).getByRole('radio', {
        name: /Leur donner une même date/,
      }),
    );
    await user.type(screen.getByLabelText('Date pour tout le fichier'), '2026-05-02');
    await user.click(screen.getByRole('button', { name: 'Appliquer cette date' }));
    expect(await screen.findByText('Date retenue : 2 mai 2026.')).toBeTruthy();
    await user.click(screen.getByRole('tab', { name: '2 à créer' }));
    expect(screen.getByRole('tabpanel').textContent).toContain('Cotisation 2026 : 30\u00a0€ payée le 02/05/2026');

    await user.click(screen.getByRole('button', { name: 'Appliquer les 2 lignes valides' }));
    expect(await screen.findByRole('heading', { name: '4. Import terminé' })).toBeTruthy();
    expect(screen.getByText('1 doublon ignoré')).toBeTruthy();
    expect(screen.getByText('1 collège créé : « Libéraux »')).toBeTruthy();
    const db = backend.database.db;
    expect(await db.selectFrom('cotisation').select(['amount_cents', 'paid_on']).execute()).toEqual([
      { amount_cents: 3000, paid_on: '2026-05-02' },
      { amount_cents: 3000, paid_on: '2026-05-02' },
    ]);
    expect(await db.selectFrom('member').select(['last_name', 'directory_consent_on']).orderBy('id').execute()).toEqual(
      [
        { last_name: 'Martin', directory_consent_on: '2026-05-02' },
        { last_name: 'Roux', directory_consent_on: null },
      ],
    );
    expect(await db.selectFrom('college').select('name').execute()).toEqual([{ name: 'Libéraux' }]);
  });
});
