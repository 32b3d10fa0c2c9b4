import { test, expect } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchApp, type LaunchedApp } from './harness';

const SCREENS = 'test-results/screens';
let dir: string;
let app: LaunchedApp;

test.beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'maillage-e2e-contract-'));
  mkdirSync(SCREENS, { recursive: true });
  // Mid-February 2023: year 1 of a contract signed on 1 April 2022.
  app = await launchApp({ dbFile: join(dir, 'maillage.sqlite'), now: () => new Date('2023-02-15T10:00:00') });
});

test.afterEach(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a coordinator enters her ACI contract, the envelopes of year 1 and a payment received', async () => {
  const { page } = app;
  const db = app.database.db;
  await page.getByRole('link', { name: 'Projet de santé' }).click();
  await page.getByRole('navigation', { name: 'Projet de santé' }).getByRole('link', { name: 'Contrat ACI' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Contrat ACI' })).toBeVisible();

  // The contract.
  await page.getByRole('button', { name: 'Saisir le contrat ACI' }).click();
  await page.getByLabel('Numéro du contrat').fill('CPTS-38-2022-004');
  await page.getByLabel('Version de l’ACI').selectOption('avenant_2');
  await page.getByLabel('Date de signature').fill('2022-04-01');
  await page.getByLabel('Organisme (CPTS)').fill('CPTS Sud-Est Grenoblois');
  await page.getByLabel('Organisme (CPAM)').fill('CPAM de l’Isère');
  await page.getByLabel('Organisme (ARS)').fill('ARS Auvergne-Rhône-Alpes');
  await page.getByRole('button', { name: 'Enregistrer le contrat' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /Contrat n° CPTS-38-2022-004/ })).toBeVisible();
  await expect(page.getByText('Année en cours')).toBeVisible();

  // Year 1: population (taille 3, fonctionnement established by the ACI) and two missions' envelopes.
  await page.getByRole('button', { name: 'Modifier l’année' }).click();
  await page.getByLabel('Population (habitants)').fill('120000');
  await page.getByLabel('Part fixe, Accès aux soins').fill('90 000');
  await page.getByLabel('Part variable maximale, Accès aux soins').fill('35 000');
  await page.getByLabel('Part fixe, Parcours').fill('quarante-cinq mille');
  await page.getByRole('button', { name: 'Enregistrer l’année' }).click();
  await expect(page.getByText(/« quarante-cinq mille » n'est pas un montant en euros/)).toBeVisible();
  expect(await db.selectFrom('aci_envelope').selectAll().execute()).toEqual([]);
  await page.getByLabel('Part fixe, Parcours').fill('45 000,50');
  await page.getByRole('button', { name: 'Enregistrer l’année' }).click();
  await expect(page.getByText('Année 1 enregistrée.')).toBeVisible();
  const envelopes = await db.selectFrom('aci_envelope').select(['mission_code', 'fixed_cents']).execute();
  expect(envelopes).toEqual(
    expect.arrayContaining([
      { mission_code: 'acces', fixed_cents: 9_000_000 },
      { mission_code: 'parcours', fixed_cents: 4_500_050 },
    ]),
  );

  // The fonctionnement of year 1, paid in full at the signature, received.
  const payments = page.getByRole('table', { name: 'Versements attendus et reçus' });
  await payments.getByRole('button', { name: /^Saisir le versement reçu : Fonctionnement, année 1/ }).click();
  await page.getByLabel('Reçu le').fill('2022-04-20');
  await page.getByRole('button', { name: 'Enregistrer le versement' }).click();
  await expect(page.getByText(/Versement reçu enregistré/)).toBeVisible();
  const received = await db
    .selectFrom('aci_payment')
    .select(['kind', 'received_on', 'received_cents'])
    .where('kind', '=', 'fonctionnement')
    .executeTakeFirstOrThrow();
  expect(received.received_on).toBe('2022-04-20');
  expect(received.received_cents).toBeGreaterThan(0);
  await page.screenshot({ path: `${SCREENS}/contrat-aci.png`, fullPage: true });
});
