// @vitest-environment jsdom
/**
 * Adhérents › import, the column step and the counts, on the REAL handlers: a 142-line Windows-1252 file whose rows
 * are built by kind (new people, members of Maillage whose email changed, members already up to date, wrong RPPS
 * keys), so that every expected count is the size of one of those lists. The title row, the duplicates, the
 * missing collèges and the undated amounts are in members-import-real.test.tsx.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { ImportOpened } from '@shared/contract';
import { formatInteger } from '@shared/format';
import type { HandlerContext } from '../../electron/ipc/handlers';
import { rpps, wrongKey, writeCsv } from '../fixtures/imports/builders';
import { realApiPerTest } from './real-api';
import { seedMembers, type SeedMember } from './seed-members';
import { renderApp } from './render-app';

const HEADERS = ['NOM', 'Prénom', 'Métier', 'Ville', 'N° RPPS', 'Mail', 'Divers'];
/** How a coordinator's file writes professions and communes. */
const PROFESSIONS = ['IDE', 'kiné'];
const COMMUNES = ['Eybens', 'Gières', 'Meylan', 'Échirolles', "Saint-Martin-d'Hères"];
const LAST_NAMES = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Durand', 'Leroy', 'Moreau', 'Simon'];
const FIRST_NAMES = [
  'Camille',
  'Julien',
  'Claire',
  'Hugo',
  'Inès',
  'Louis',
  'Manon',
  'Paul',
  'Zoé',
  'Yanis',
  'Léa',
  'Nathan',
];
/** A valid RPPS of the series `series` (one digit per kind of row). */
const rppsOf = (series: number, n: number) => rpps(`${series}0000${String(n).padStart(5, '0')}`);
const ascii = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

interface ImportFile {
  rows: string[][];
  /** Members already in Maillage before the import. */
  known: SeedMember[];
  toCreate: string[][];
  toUpdate: { row: string[]; before: string }[];
  unchanged: string[][];
  errors: string[][];
}

/** 142 lines: the first three are the ones the column step shows as examples. */
function importFile(): ImportFile {
  const toCreate: string[][] = [
    ['DURAND', 'Alice', 'IDE', 'Eybens', rppsOf(1, 0), 'alice.durand@exemple.fr', ''],
    ['PETIT', 'Bruno', 'kiné', 'Gières', '', 'bruno.petit@exemple.fr', 'nouveau'],
    ['MOREAU', 'Chloé', 'Médecin généraliste', 'Meylan', '', '', ''],
  ];
  for (let i = 0; toCreate.length < 120; i++) {
    const last = LAST_NAMES[i % LAST_NAMES.length]!.toLocaleUpperCase('fr-FR');
    const first = FIRST_NAMES[Math.floor(i / LAST_NAMES.length)]!;
    toCreate.push([
      last,
      first,
      PROFESSIONS[i % PROFESSIONS.length]!,
      COMMUNES[i % COMMUNES.length]!,
      i % 2 === 0 ? rppsOf(2, i) : '',
      ascii(`${first}.${last}@exemple.fr`),
      '',
    ]);
  }
  // Known by their RPPS; the file brings a new email.
  const updated = ['Garnier', 'Faure', 'Rousseau', 'Blanc', 'Guérin', 'Muller', 'Henry'];
  const known: SeedMember[] = [];
  const toUpdate: ImportFile['toUpdate'] = [];
  for (const [i, name] of [...updated, ...updated.map((n) => `${n}-Roux`)].entries()) {
    const number = rppsOf(3, i);
    const before = ascii(`ancien.${name}@exemple.fr`);
    known.push({
      data: {
        lastName: name,
        firstName: 'Marc',
        professionCode: '60',
        communeCode: '38229', // Meylan
        rpps: number,
        email: before,
      },
    });
    toUpdate.push({ row: [name, 'Marc', 'IDE', 'Meylan', number, ascii(`${name}@cabinet.fr`), ''], before });
  }
  // Known by name, profession and commune, already as the file says.
  const unchanged: string[][] = [];
  for (const name of ['Aubert', 'Brun', 'Colin']) {
    const email = ascii(`sophie.${name}@exemple.fr`);
    // Masseur-kinésithérapeute in Gières.
    known.push({ data: { lastName: name, firstName: 'Sophie', professionCode: '70', communeCode: '38179', email } });
    unchanged.push([name, 'Sophie', 'kiné', 'Gières', '', email, '']);
  }
  // A wrong key in the RPPS.
  const errors = ['Vidal', 'Lopez', 'Fontaine', 'Chevalier', 'Robin'].map((name, i) => [
    name,
    'Anne',
    'IDE',
    'Eybens',
    wrongKey(rppsOf(4, i)),
    '',
    '',
  ]);
  const rows = [...toCreate, ...toUpdate.map((u) => u.row), ...unchanged, ...errors];
  return { rows, known, toCreate, toUpdate, unchanged, errors };
}

const { install, current } = realApiPerTest();

/** The file written in the test's folder, the known members in the database, the file dialog answering it. */
async function withImportFile(overrides: Partial<HandlerContext> = {}) {
  const file = importFile();
  let path = '';
  const backend = await install({ chooseOpenPath: async () => path, ...overrides });
  path = writeCsv(current().database.dir, 'adherents-2026.csv', [HEADERS, ...file.rows], ';', 'cp1252');
  await seedMembers(backend.database.db, file.known);
  return { ...backend, file };
}

const valid = (file: ImportFile) => file.toCreate.length + file.toUpdate.length + file.unchanged.length;

describe('Adhérents — import', () => {
  it('goes file → columns → preview → apply, with the counts', async () => {
    const { api, database, file } = await withImportFile();
    const { user } = renderApp('/adherents/import');

    // Step 1
    await user.click(screen.getByRole('button', { name: 'Choisir un fichier…' }));
    expect(await screen.findByRole('heading', { name: '2. Que contient chaque colonne ?' })).toBeTruthy();
    expect(api['members.importOpen']).toHaveBeenCalledTimes(1);
    const opened = (await api['members.importOpen'].mock.results[0]!.value) as { data: ImportOpened };

    // Step 2: file details, samples and the suggested mapping.
    expect(screen.getByText(/adherents-2026\.csv/).closest('p')!.textContent).toBe(
      `adherents-2026.csv — encodage Windows-1252, séparateur « ; », titres des colonnes en ligne 1, ${file.rows.length} lignes, ${HEADERS.length} colonnes.`,
    );
    const nom = screen.getByRole('combobox', { name: 'Champ pour la colonne « NOM »' }) as HTMLSelectElement;
    expect(nom.value).toBe('nom');
    expect(nom.selectedOptions[0]!.textContent).toBe('Nom');
    // A title Maillage does not know is left out until the coordinator says what it holds.
    const divers = screen.getByRole('combobox', { name: 'Champ pour la colonne « Divers »' }) as HTMLSelectElement;
    expect(divers.selectedOptions[0]!.textContent).toBe('Ignorer cette colonne');
    const métierRow = screen.getByRole('rowheader', { name: 'Métier' }).closest('tr')!;
    expect([...métierRow.querySelectorAll('.sample')].map((s) => s.textContent)).toEqual(
      file.rows.slice(0, 3).map((row) => row[2]),
    );

    // Two columns on one field are refused before asking the backend.
    await user.selectOptions(divers, 'nom');
    expect(screen.getByRole('alert').textContent).toMatch(/Plusieurs colonnes correspondent au même champ \(Nom\)/);
    expect((screen.getByRole('button', { name: 'Vérifier les lignes' }) as HTMLButtonElement).disabled).toBe(true);
    await user.selectOptions(divers, 'notes');

    // Step 3
    await user.click(screen.getByRole('button', { name: 'Vérifier les lignes' }));
    expect(await screen.findByRole('heading', { name: '3. Vérification' })).toBeTruthy();
    expect(api['members.importPreview']).toHaveBeenLastCalledWith({
      token: opened.data.token,
      mapping: ['nom', 'prenom', 'profession', 'commune', 'rpps', 'email', 'notes'],
      options: { undatedOn: null, createColleges: true },
    });
    expect(screen.getByRole('tab', { name: `${file.toCreate.length} à créer` })).toBeTruthy();
    expect(screen.getByRole('tab', { name: `${file.toUpdate.length} à mettre à jour` })).toBeTruthy();
    expect(screen.getByRole('tab', { name: `${file.unchanged.length} inchangés` })).toBeTruthy();
    const errorsTab = screen.getByRole('tab', { name: `${file.errors.length} en erreur` });
    // The errors are shown first, with their French reasons.
    expect(errorsTab.getAttribute('aria-selected')).toBe('true');
    const panel = screen.getByRole('tabpanel');
    expect(within(panel).getAllByRole('row')).toHaveLength(1 + file.errors.length);
    expect(panel.textContent).toContain(
      `Le numéro RPPS n'est pas valide (clé de contrôle incorrecte). Vérifiez la saisie des 11 chiffres (${file.errors[0]![4]}).`,
    );
    await user.click(screen.getByRole('tab', { name: `${file.toUpdate.length} à mettre à jour` }));
    const [firstUpdate] = file.toUpdate;
    expect(screen.getByRole('tabpanel').textContent).toContain(
      `Courriel : ${firstUpdate!.before} → ${firstUpdate!.row[5]}`,
    );

    // Back to the mapping, change it: the preview runs again. Without the names, only the members Maillage
    // already knows by their RPPS can be read; without the RPPS either, no line can be imported.
    const remap = async (header: string, field: string) => {
      await user.click(screen.getByRole('button', { name: 'Modifier les colonnes' }));
      await user.selectOptions(screen.getByRole('combobox', { name: `Champ pour la colonne « ${header} »` }), field);
      await user.click(screen.getByRole('button', { name: 'Vérifier les lignes' }));
    };
    await remap('NOM', '');
    expect(
      await screen.findByRole('tab', { name: `${file.rows.length - file.toUpdate.length} en erreur` }),
    ).toBeTruthy();
    expect(screen.getByRole('tab', { name: '0 à créer' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: `${file.toUpdate.length} à mettre à jour` })).toBeTruthy();
    expect(api['members.importPreview']).toHaveBeenCalledTimes(2);
    await remap('N° RPPS', '');
    expect(await screen.findByRole('tab', { name: `${file.rows.length} en erreur` })).toBeTruthy();
    expect(api['members.importPreview']).toHaveBeenCalledTimes(3);
    expect((screen.getByRole('button', { name: /Appliquer/ }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Modifier les colonnes' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Champ pour la colonne « NOM »' }), 'nom');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Champ pour la colonne « N° RPPS »' }), 'rpps');
    await user.click(screen.getByRole('button', { name: 'Vérifier les lignes' }));

    // Step 4
    await user.click(await screen.findByRole('button', { name: `Appliquer les ${valid(file)} lignes valides` }));
    expect(await screen.findByRole('heading', { name: '4. Import terminé' })).toBeTruthy();
    expect(screen.getByText(`${file.toCreate.length} adhérents créés`)).toBeTruthy();
    expect(screen.getByText(`${file.toUpdate.length} adhérents mis à jour`)).toBeTruthy();
    expect(screen.getByText(`${file.errors.length} lignes en erreur ignorées`)).toBeTruthy();
    expect(api['members.importApply']).toHaveBeenCalledTimes(1);
    const members = await database.db.selectFrom('member').select(['last_name', 'email', 'notes']).execute();
    expect(members).toHaveLength(file.known.length + file.toCreate.length);
    expect(members.find((m) => m.last_name === firstUpdate!.row[0])?.email).toBe(firstUpdate!.row[5]);
    expect(members.find((m) => m.last_name?.toLocaleUpperCase('fr-FR') === 'PETIT')?.notes).toBe('nouveau');

    await user.click(screen.getByRole('link', { name: 'Voir la liste des adhérents' }));
    await waitFor(() =>
      expect(screen.getByTestId('member-count').textContent).toBe(`${formatInteger(members.length)} adhérents`),
    );
  });

  it('shows a busy state while applying', async () => {
    const { api, file } = await withImportFile();
    let finish!: () => void;
    const real = api['members.importApply'].getMockImplementation()!;
    api['members.importApply'].mockImplementationOnce(
      (input) => new Promise((resolve) => (finish = () => resolve(real(input)))),
    );
    const { user } = renderApp('/adherents/import');
    await user.click(screen.getByRole('button', { name: 'Choisir un fichier…' }));
    await user.click(await screen.findByRole('button', { name: 'Vérifier les lignes' }));
    await user.click(await screen.findByRole('button', { name: `Appliquer les ${valid(file)} lignes valides` }));
    const busy = await screen.findByRole('button', { name: 'Import en cours…' });
    expect((busy as HTMLButtonElement).disabled).toBe(true);
    const status = screen.getByRole('status');
    expect(status.textContent).toMatch(/^Enregistrement des adhérents… \d+ %$/);
    expect(within(status).getByRole('progressbar', { name: 'Enregistrement des adhérents…' })).toBeTruthy();
    finish();
    expect(await screen.findByRole('heading', { name: '4. Import terminé' })).toBeTruthy();
    expect(screen.getByText(`${file.toCreate.length} adhérents créés`)).toBeTruthy();
  });

  it('stays quietly on the first step when the file dialog is cancelled', async () => {
    const { api } = await install({ chooseOpenPath: async () => null });
    const { user } = renderApp('/adherents/import');
    await user.click(screen.getByRole('button', { name: 'Choisir un fichier…' }));
    await waitFor(() => expect(api['members.importOpen']).toHaveBeenCalledTimes(1));
    expect(await api['members.importOpen'].mock.results[0]!.value).toEqual({ ok: true, data: { cancelled: true } });
    expect(screen.getByRole('heading', { name: '1. Choisir le fichier' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the French message when the file cannot be read', async () => {
    let path = '';
    await install({ chooseOpenPath: async () => path });
    path = join(current().database.dir, 'photo.png');
    writeFileSync(path, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const { user } = renderApp('/adherents/import');
    await user.click(screen.getByRole('button', { name: 'Choisir un fichier…' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      "Maillage importe les fichiers .xlsx (Excel) et .csv. « photo.png » n'est ni l'un ni l'autre : enregistrez-le au format .xlsx ou .csv.",
    );
    expect(screen.getByRole('heading', { name: '1. Choisir le fichier' })).toBeTruthy();
  });
});
