import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchApp, type LaunchedApp } from './harness';
import { rpps, wrongKey, writeCsv } from '../fixtures/imports/builders';

const SCREENS = 'test-results/screens';
let dir: string;
let app: LaunchedApp;

test.beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'maillage-e2e-members-'));
  mkdirSync(SCREENS, { recursive: true });
  app = await launchApp({ dbFile: join(dir, 'maillage.sqlite'), savePath: (name) => join(dir, name) });
});

test.afterEach(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

const pdfText = (path: string) =>
  execFileSync('pdftotext', ['-layout', path, '-'])
    .toString()
    .replace(/\u00a0/g, ' ');
const memberCount = async () =>
  Number(
    (
      await app.database.db
        .selectFrom('member')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** The spreadsheet a coordinator has: Windows-1252, « ; », headers in her own words, a few mistakes. */
function coordinatorCsv(): string {
  return writeCsv(
    dir,
    'adherents.csv',
    [
      ['Liste des adhérents — export du 01/12/2025', '', '', '', '', '', '', '', '', ''],
      ['NOM', 'Prénom', 'Métier', 'N° RPPS', 'Ville', 'CP', 'Tél.', 'E-mail', 'Collège', 'Cotisation 2025'],
      [
        'Bernard',
        'Éloïse',
        'Infirmière',
        rpps('1000000001'),
        "Saint-Martin-d'Hères",
        '38400',
        '06 11 22 33 44',
        'eloise.bernard@exemple.fr',
        'Libéraux',
        '40,00 €',
      ],
      [
        'Durand',
        'Thomas',
        'Médecin généraliste',
        rpps('1000000002'),
        'Eybens',
        '38320',
        '04 76 00 00 01',
        'thomas.durand@exemple.fr',
        'Libéraux',
        '40',
      ],
      ['Lefèvre', 'Anne', 'Kiné', '', 'Poisat', '38320', '', 'anne.lefevre@exemple.fr', '', ''],
      ['Petit', 'Hugo', 'Pharmacien', wrongKey(rpps('1000000004')), 'Eybens', '38320', '', '', '', ''],
      ['Moreau', 'Léa', 'Kinésiologue', '', 'Eybens', '38320', '', '', '', ''],
      ['DURAND', 'Thomas', 'Médecin', rpps('1000000002'), 'Eybens', '38320', '06 99 99 99 99', '', '', ''],
    ],
    ';',
    'cp1252',
  );
}

test('a coordinator imports her Excel export, sees the preview, applies it, and a second import creates no duplicate', async () => {
  const { page } = app;
  app.setOpenPath(coordinatorCsv());
  await page.getByRole('link', { name: 'Adhérents', exact: true }).click();
  await page.getByRole('link', { name: 'Importer un fichier…' }).first().click();
  await page.getByRole('button', { name: 'Choisir un fichier…' }).click();
  await expect(page.getByText('Windows-1252')).toBeVisible();
  // The title row above the header is skipped, and the screen says so.
  await expect(page.getByText(/titres des colonnes en ligne 2/)).toBeVisible();
  await expect(
    page.getByText(/la ligne 1 au-dessus, « Liste des adhérents — export du 01\/12\/2025 », est ignorée/),
  ).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/import-colonnes.png`, fullPage: true });
  await page.getByRole('button', { name: 'Vérifier les lignes' }).click();

  await expect(page.getByRole('tab', { name: '3 à créer' })).toBeVisible();
  await expect(page.getByRole('tab', { name: '2 en erreur' })).toBeVisible();
  await expect(page.getByText(/RPPS.*clé de contrôle/).first()).toBeVisible();
  await expect(page.getByText(/Kinésiologue/).first()).toBeVisible();
  // The same doctor twice: a duplicate, skipped, not an error.
  await page.getByRole('tab', { name: '1 doublon ignoré' }).click();
  await expect(
    page.getByText(/Doublon de la ligne 4 \(même RPPS\) : ignorée, la ligne 4 est importée\./),
  ).toBeVisible();
  await expect(page.getByText('Non repris : Téléphone : 06 99 99 99 99')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/import-doublons.png`, fullPage: true });
  // The collège of the file does not exist yet: offered, ticked by default.
  await expect(
    page.getByRole('checkbox', { name: /Créer les collèges manquants avec l’import : « Libéraux » \(2 lignes\)/ }),
  ).toBeChecked();
  // Amounts without a payment date: nothing is dated today; the coordinator gives the date of the file.
  await expect(page.getByText(/Le fichier indique 2 cotisations payées sans date de paiement\./)).toBeVisible();
  await page.getByRole('tab', { name: '3 à créer' }).click();
  await expect(
    page.getByText('Cotisation 2025 : 40 € non payée (le fichier ne donne pas de date de paiement)').first(),
  ).toBeVisible();
  await page.getByRole('radio', { name: /Leur donner une même date pour tout le fichier/ }).check();
  await page.getByLabel('Date pour tout le fichier', { exact: true }).fill('2025-03-31');
  await page.getByRole('button', { name: 'Appliquer cette date' }).click();
  await expect(page.getByText('Cotisation 2025 : 40 € payée le 31/03/2025').first()).toBeVisible();
  await expect(page.getByText('Date retenue : 31 mars 2025.')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/import-apercu.png`, fullPage: true });
  expect(await memberCount()).toBe(0); // the preview writes nothing

  await page.getByRole('button', { name: 'Appliquer les 3 lignes valides' }).click();
  await expect(page.getByText('3 adhérents créés', { exact: true })).toBeVisible();
  await expect(page.getByText('1 doublon ignoré', { exact: true })).toBeVisible();
  await expect(page.getByText('1 collège créé : « Libéraux »')).toBeVisible();
  expect(await memberCount()).toBe(3);
  const durand = await app.database.db
    .selectFrom('member')
    .selectAll()
    .where('last_name', '=', 'Durand')
    .executeTakeFirstOrThrow();
  expect(durand).toMatchObject({
    profession_code: '10',
    specialty: 'Médecine générale',
    commune_code: '38158',
    phone: '04 76 00 00 01',
  });
  const cotisations = await app.database.db
    .selectFrom('cotisation')
    .select(['year', 'amount_cents', 'paid_on'])
    .execute();
  expect(cotisations).toEqual([
    { year: 2025, amount_cents: 4000, paid_on: '2025-03-31' },
    { year: 2025, amount_cents: 4000, paid_on: '2025-03-31' },
  ]);
  expect(await app.database.db.selectFrom('college').select('name').execute()).toEqual([{ name: 'Libéraux' }]);

  // The same file again: everything is recognised, nothing is created.
  await page.getByRole('button', { name: 'Importer un autre fichier' }).click();
  await page.getByRole('button', { name: 'Choisir un fichier…' }).click();
  await page.getByRole('button', { name: 'Vérifier les lignes' }).click();
  await expect(page.getByRole('tab', { name: '0 à créer' })).toBeVisible();
  await expect(page.getByRole('tab', { name: '3 inchangés' })).toBeVisible();
  expect(await memberCount()).toBe(3);

  // The list: accent-insensitive search.
  await page.getByRole('link', { name: 'Adhérents', exact: true }).click();
  await expect(page.getByTestId('member-count')).toHaveText(/^3 adhérents/);
  await page.getByLabel('Rechercher un adhérent').fill('eloise');
  await expect(page.getByTestId('member-count')).toHaveText(/^1 adhérent sur 3/);
  await expect(page.getByRole('row', { name: /BERNARD Éloïse/ })).toBeVisible();
  await page.getByLabel('Rechercher un adhérent').fill('');
  await page.screenshot({ path: `${SCREENS}/adherents-liste.png` });
});

test('a member is created through the form, listed in the PDFs as consent allows, then anonymised', async () => {
  const { page } = app;
  await page.getByRole('link', { name: 'Adhérents', exact: true }).click();
  await page.getByRole('link', { name: 'Nouvel adhérent' }).first().click();

  // Bad input first: nothing is lost and nothing is written.
  await page.getByLabel('N° RPPS').fill('12345678901');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Le nom est obligatoire.')).toBeVisible();
  await expect(page.getByText(/RPPS.*clé de contrôle|RPPS n'est pas valide/).first()).toBeVisible();
  expect(await memberCount()).toBe(0);

  await page.getByLabel('Nom', { exact: true }).fill('Fontaine');
  await page.getByLabel('Prénom').fill('Claire');
  await page.getByLabel('Profession').selectOption({ label: 'Sage-femme' });
  await page.getByLabel('N° RPPS').fill(rpps('1000000009'));
  await page.getByLabel('Courriel').fill('claire.fontaine@exemple.fr');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText(/enregistré/).first()).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/adherent-fiche.png`, fullPage: true });
  expect(await memberCount()).toBe(1);
  const id = (await app.database.db.selectFrom('member').select('id').executeTakeFirstOrThrow()).id;

  // A second member who consents to the shared directory (through the backend, as an import would).
  await app.handlers['members.create']({
    kind: 'person',
    civility: null,
    lastName: 'Roux',
    firstName: 'Paul',
    professionCode: '70',
    specialty: null,
    rpps: null,
    adeli: null,
    practiceMode: 'liberal',
    structureName: null,
    structureType: null,
    finessEj: null,
    finessEt: null,
    siret: null,
    representativeName: null,
    communeCode: '38158',
    address: null,
    structureMemberId: null,
    structureLabel: null,
    phone: null,
    email: null,
    collegeId: null,
    joinedOn: '2024-01-01',
    directoryConsentOn: '2024-01-01',
    notes: null,
  });

  await page.getByRole('link', { name: 'Rapports' }).click();
  const listCard = page.getByRole('region', { name: 'Liste des adhérents' });
  await listCard.getByRole('button', { name: 'Exporter la liste en PDF' }).click();
  await expect(listCard.getByText(/PDF enregistré.*Liste des adhérents/)).toBeVisible({ timeout: 30_000 });
  const bureau = pdfText(join(dir, app.saveRequests.at(-1)!));
  expect(bureau).toContain('FONTAINE Claire');
  expect(bureau).toContain('ROUX Paul');
  expect(bureau).toContain(rpps('1000000009'));

  await listCard.getByLabel('annuaire').check();
  await listCard.getByRole('button', { name: 'Exporter la liste en PDF' }).click();
  await expect(listCard.getByText(/PDF enregistré.*Annuaire des adhérents/)).toBeVisible({ timeout: 30_000 });
  const annuaire = pdfText(join(dir, app.saveRequests.at(-1)!));
  expect(annuaire).toContain('ROUX Paul');
  expect(annuaire).not.toContain('FONTAINE');
  expect(annuaire).not.toContain(rpps('1000000009'));

  const compositionCard = page.getByRole('region', { name: 'Composition de la CPTS' });
  await compositionCard.getByRole('button', { name: 'Exporter la composition en PDF' }).click();
  await expect(compositionCard.getByText(/PDF enregistré/)).toBeVisible({ timeout: 30_000 });
  const composition = pdfText(join(dir, app.saveRequests.at(-1)!));
  expect(composition).toMatch(/Composition de la CPTS/);
  expect(composition).toMatch(/Sage-femme/);

  // RGPD: anonymise with confirmation.
  await page.goto(`${app.url}#/adherents/${id}`);
  await page.getByRole('button', { name: 'Anonymiser ce membre' }).click();
  const confirm = page.getByRole('button', { name: 'Anonymiser définitivement' });
  await expect(confirm).toBeDisabled();
  await page.getByRole('dialog').getByRole('textbox').fill('EFFACER');
  await confirm.click();
  await expect(page.getByRole('heading', { name: 'Adhérents', level: 1 })).toBeVisible();
  await page.goto(`${app.url}#/adherents/${id}`);
  await expect(page.getByRole('heading', { name: 'Membre anonymisé', level: 1 })).toBeVisible();
  const erased = await app.database.db.selectFrom('member').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  expect(erased).toMatchObject({ last_name: null, email: null, rpps: null, profession_code: '50' });
});
