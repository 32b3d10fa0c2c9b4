import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchApp, type LaunchedApp } from './harness';

/** Screenshots of the screens (SHOTS_DIR to put them elsewhere). */
const SCREENS = process.env.SHOTS_DIR ?? 'test-results/screens';
let dir: string;
let app: LaunchedApp;

/** The annex of year 1 as the CPAM sends it: a title row, two valid rows, one with an unknown mission. */
const ANNEX_CSV = [
  'Annexe indicateurs – Année 1 (du 01/04/2022 au 31/03/2023);;;;;;;;;',
  'Mission;Code;Indicateur;Valeur initiale;Date valeur initiale;Cible;Paliers;Montant (€);Source;Justificatifs',
  'Accès aux soins;ACC-1;Patients en ALD sans médecin traitant;219;31/12/2021;;"≤ 50 → 9 000 € ; 51–100 → 6 000 € ; 101–219 → 3 000 €";9 000 €;Requête CPAM;Données statistiques CPAM',
  'Parcours pluriprofessionnels;PAR-1;Patients intégrés au parcours diabète;;;100;;20 000 €;;Bilans et évaluations',
  'Santé mentale;SM-1;Repérage de la souffrance psychique;;;10;;1 000 €;;',
].join('\r\n');

test.beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'maillage-e2e-annex-'));
  mkdirSync(SCREENS, { recursive: true });
  // Mid-February 2023: year 1 of a contract signed on 1 April 2022.
  app = await launchApp({
    dbFile: join(dir, 'maillage.sqlite'),
    now: () => new Date('2023-02-15T10:00:00'),
  });
});

test.afterEach(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a contract, its annex imported through the screen, a measure and its evidence, and the tableau de suivi', async () => {
  const { page } = app;
  const db = app.database.db;
  const healthProject = page.getByRole('navigation', { name: 'Projet de santé' });

  // The contract.
  await page.getByRole('link', { name: 'Projet de santé' }).click();
  await healthProject.getByRole('link', { name: 'Contrat ACI' }).click();
  await page.getByRole('button', { name: 'Saisir le contrat ACI' }).click();
  await page.getByLabel('Numéro du contrat').fill('CPTS-38-2022-004');
  await page.getByLabel('Version de l’ACI').selectOption('avenant_2');
  await page.getByLabel('Date de signature').fill('2022-04-01');
  await page.getByRole('button', { name: 'Enregistrer le contrat' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /Contrat n° CPTS-38-2022-004/ })).toBeVisible();

  // The annex, through the file dialog: the columns guessed, the rows checked, the valid ones imported.
  const annex = join(dir, 'annexe-indicateurs-annee-1.csv');
  writeFileSync(annex, ANNEX_CSV);
  app.setOpenPath(annex);
  await healthProject.getByRole('link', { name: 'Missions', exact: true }).click();
  await page.getByRole('link', { name: 'Importer l’annexe indicateurs' }).click();
  await page.getByRole('button', { name: 'Choisir un fichier…' }).click();
  await expect(page.getByRole('heading', { name: '2. Que contient chaque colonne ?' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Champ pour la colonne « Montant (€) »' })).toHaveValue('montant');
  await page.screenshot({ path: join(SCREENS, 'annexe-colonnes.png'), fullPage: true });
  await page.getByRole('button', { name: 'Vérifier les lignes' }).click();
  await expect(page.getByRole('heading', { name: '3. Vérification' })).toBeVisible();
  await expect(page.getByRole('tab', { name: '1 en erreur' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel')).toContainText('Mission inconnue « Santé mentale »');
  await page.screenshot({ path: join(SCREENS, 'annexe-verification.png'), fullPage: true });
  await page.getByRole('button', { name: 'Importer les 2 lignes valides' }).click();
  await expect(page.getByText('Annexe importée : 2 indicateurs créés, 2 cibles enregistrées.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Missions du projet de santé' })).toBeVisible();
  const imported = await db.selectFrom('indicator').select(['code', 'label']).orderBy('code').execute();
  expect(imported).toEqual([
    { code: 'ACC-1', label: 'Patients en ALD sans médecin traitant' },
    { code: 'PAR-1', label: 'Patients intégrés au parcours diabète' },
  ]);

  // A measure of 80 patients on the imported indicator: its tiers going down give 6 000 €.
  await page.getByRole('link', { name: 'Amélioration de l’accès aux soins' }).click();
  await page.getByRole('link', { name: /Patients en ALD sans médecin traitant/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Patients en ALD sans médecin traitant' })).toBeVisible();
  const measures = page.getByRole('region', { name: 'Mesures de l’année 1' });
  await measures.getByRole('button', { name: 'Saisir une mesure' }).click();
  await measures.getByLabel(/^Valeur/).fill('80');
  await measures.getByLabel('Mesurée le').fill('2023-02-10');
  await measures.getByLabel('Statut').selectOption('declare');
  await measures.getByRole('button', { name: 'Enregistrer la mesure' }).click();
  const target = page.getByRole('region', { name: 'Cible et résultat de l’année 1' });
  await expect(target.getByText(/^6\s000\s€ \/ 9\s000\s€$/)).toBeVisible();

  // Its evidence, required by the annex: the CPAM's figures, attached from a file.
  const evidenceFile = join(dir, 'requete-cpam-ald.csv');
  writeFileSync(evidenceFile, 'patients ALD sans MT;80\n');
  app.setOpenPath(evidenceFile);
  await page.getByRole('button', { name: 'Joindre un document : Données statistiques CPAM' }).click();
  await expect(
    page.getByRole('heading', { level: 3, name: /Données statistiques CPAM/ }).getByText('fourni'),
  ).toBeVisible();
  expect(await db.selectFrom('evidence').select('document_id').execute()).toHaveLength(1);

  // The tableau de suivi of year 1, in PDF: it names the imported indicators and the euros earned.
  await healthProject.getByRole('link', { name: 'Missions', exact: true }).click();
  const pdfPath = join(dir, 'tableau-de-suivi.pdf');
  app.setSavePath(pdfPath);
  await page.getByRole('button', { name: 'Tableau de suivi (PDF)' }).click();
  await expect(page.getByText(/^Tableau de suivi enregistré/)).toBeVisible();
  expect(existsSync(pdfPath)).toBe(true);
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'])
    .toString()
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ');
  expect(text).toContain('Patients en ALD sans médecin traitant');
  expect(text).toContain('Patients intégrés au parcours diabète');
  expect(text).toMatch(/6 000 € \/ 9 000 €/);
});
