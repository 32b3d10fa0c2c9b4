import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchApp, type LaunchedApp } from './harness';
import { loadCommuneReference } from '../../electron/services/communes';
import { formatInteger } from '@shared/format';

const SEG = ['38421', '38309', '38158'];
const SCREENS = 'test-results/screens';

let dir: string;
let app: LaunchedApp;

test.beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'maillage-e2e-'));
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

test('a coordinator fills Ma CPTS, builds the SEG territory, sees taille 2 and exports the identity sheet', async () => {
  const { page } = app;
  const reference = loadCommuneReference();
  const expectedPopulation = SEG.reduce((sum, code) => sum + reference.byCode.get(code)!.population, 0);

  // Ma CPTS — bad input first: empty name and an invalid SIRET are refused in French, nothing is saved.
  await page.getByRole('link', { name: 'Ma CPTS' }).click();
  await page.getByLabel('SIRET').fill('12345678901234');
  await page
    .getByRole('button', { name: 'Enregistrer l’identité' })
    .or(page.getByRole('button', { name: "Enregistrer l'identité" }))
    .click();
  await expect(page.getByText(/nom de la CPTS est obligatoire/)).toBeVisible();
  await expect(page.getByText(/SIRET 12345678901234 n'est pas valide/)).toBeVisible();
  expect(await app.database.db.selectFrom('cpts').selectAll().execute()).toEqual([]);

  await page.getByLabel('Nom de la CPTS').fill('CPTS Sud-Est Grenoblois');
  await page.getByLabel('SIRET').fill('732 829 320 00074');
  await page.getByLabel('Numéro RNA').fill('W381012345');
  await page.getByLabel('Président·e').fill('Sylvain Fonte');
  await page.getByLabel('Courriel').fill('contact@cpts-seg.fr');
  await page.getByLabel('ARS de rattachement').selectOption({ label: 'ARS Auvergne-Rhône-Alpes' });
  await page.getByRole('button', { name: /Enregistrer l.identité/ }).click();
  await expect(page.getByText('Identité enregistrée')).toBeVisible();
  const saved = await app.database.db.selectFrom('cpts').selectAll().executeTakeFirstOrThrow();
  expect(saved).toMatchObject({
    name: 'CPTS Sud-Est Grenoblois',
    siret: '73282932000074',
    rna: 'W381012345',
    ars_region_code: '84',
  });

  await page.getByLabel(/Lettre d.intention déposée le/).fill('2019-09-02');
  await page.getByLabel(/Projet de santé validé le/).fill('2020-05-04');
  await page.getByLabel('Contrat ACI signé le').fill('2025-07-09');
  await page.getByRole('button', { name: 'Enregistrer les étapes' }).click();
  await expect(page.getByText(/Contrat ACI signé — année 2 sur 5/).first()).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/ma-cpts.png`, fullPage: true });

  // Territoire — search by name, by INSEE code and by postcode.
  await page.getByRole('link', { name: 'Territoire' }).click();
  const search = page.getByLabel('Rechercher une commune');
  await search.fill('saint martin d heres');
  await page.getByRole('option', { name: /Saint-Martin-d'Hères \(38421\)/ }).click();
  await search.fill('38309');
  await page.getByRole('option', { name: /Poisat \(38309\)/ }).click();
  await search.fill('Eybens');
  await page.getByRole('option', { name: /Eybens \(38158\)/ }).click();
  await expect(page.getByTestId('population-totale')).toHaveText(formatInteger(expectedPopulation));
  await expect(page.getByTestId('taille')).toContainText('2');
  await expect(page.getByText(/3 communes sur \d+/)).toBeVisible();

  await search.fill('xqzzwv');
  await expect(page.getByText(/Aucune commune ne correspond/)).toBeVisible();
  await search.fill('');
  await page.screenshot({ path: `${SCREENS}/territoire.png`, fullPage: true });

  // Removing a commune updates everything, and can be undone.
  await page.getByRole('button', { name: "Retirer Saint-Martin-d'Hères du territoire" }).click();
  await expect(page.getByTestId('taille')).toContainText('1');
  await page.getByRole('button', { name: 'Annuler' }).click();
  await expect(page.getByTestId('population-totale')).toHaveText(formatInteger(expectedPopulation));

  // Rapports — export the identity sheet, then read the PDF back.
  await page.getByRole('link', { name: 'Rapports' }).click();
  await page.getByRole('button', { name: 'Exporter en PDF' }).first().click();
  await expect(page.getByText(/PDF enregistré/)).toBeVisible({ timeout: 30_000 });
  const file = join(dir, app.saveRequests[0]!);
  const text = pdfText(file);
  expect(text).toContain('CPTS Sud-Est Grenoblois');
  for (const code of SEG) {
    expect(text).toContain(reference.byCode.get(code)!.nom);
    expect(text).toContain(code);
  }
  expect(text).toContain(formatInteger(expectedPopulation).replace(/\u00a0/g, ' '));
  expect(text).toMatch(/[Tt]aille 2/);
  expect(text).toMatch(/Page 1 \/ \d/);

  // Everything is in the database: a reload shows the same state.
  await page.reload();
  await page.getByRole('link', { name: 'Tableau de bord' }).click();
  await expect(page.getByText('CPTS Sud-Est Grenoblois').first()).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/tableau-de-bord.png`, fullPage: true });
});

test('an unknown commune code typed into the bridge is refused with a French message', async () => {
  const result = await app.page.evaluate(() =>
    (window as unknown as { api: Record<string, (input: unknown) => Promise<unknown>> }).api['territory.addCommunes']!({
      codes: ['75001'],
    }),
  );
  expect(result).toMatchObject({
    ok: false,
    error: { message: expect.stringContaining("Aucune commune n'a le code INSEE 75001") },
  });
});
