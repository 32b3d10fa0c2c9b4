import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchApp, type LaunchedApp } from './harness';

const SCREENS = 'test-results/screens';
let dir: string;
let app: LaunchedApp;

test.beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'maillage-e2e-meetings-'));
  mkdirSync(SCREENS, { recursive: true });
  app = await launchApp({ dbFile: join(dir, 'maillage.sqlite'), savePath: (name) => join(dir, name) });
  for (const [lastName, professionCode] of [
    ['Bernard', '60'],
    ['Durand', '10'],
  ] as const) {
    await app.handlers['members.create']({
      kind: 'person',
      civility: null,
      lastName,
      firstName: 'Camille',
      professionCode,
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
      communeCode: null,
      address: null,
      structureMemberId: null,
      structureLabel: null,
      phone: null,
      email: null,
      collegeId: null,
      joinedOn: '2024-01-01',
      directoryConsentOn: null,
      notes: null,
    });
  }
});

test.afterEach(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a coordinator records an RCP with a pseudonymised case; identifiers are refused and the CR PDF holds only the case code', async () => {
  const { page } = app;
  await page.getByRole('link', { name: 'Réunions', exact: true }).click();
  await page
    .getByRole('link', { name: 'Nouvelle réunion' })
    .or(page.getByRole('button', { name: 'Nouvelle réunion' }))
    .first()
    .click();
  await page.getByLabel('Type de réunion').selectOption('rcp');
  await page.getByLabel('Titre').fill('RCP du pôle de santé');
  await page.getByLabel('RCP clinique / thématique').selectOption('clinique');
  await page.getByLabel('Date', { exact: true }).fill('2026-03-12');
  await page.getByRole('button', { name: 'Créer la réunion' }).click();

  // Participants: two members of two professions, present.
  const search = page.getByLabel('Rechercher un adhérent');
  await search.fill('bernard');
  await page.getByRole('button', { name: 'Ajouter BERNARD Camille' }).click();
  await search.fill('durand');
  await page.getByRole('button', { name: 'Ajouter DURAND Camille' }).click();
  await page.getByLabel('Présence de BERNARD Camille').selectOption('present');
  await page.getByLabel('Présence de DURAND Camille').selectOption('present');
  await page.getByRole('button', { name: 'Enregistrer les participants' }).click();
  await expect
    .poll(async () => (await app.database.db.selectFrom('meeting_participant').selectAll().execute()).length)
    .toBe(2);

  // A case: a name in the situation is refused, the text stays, nothing is written.
  await page.getByRole('button', { name: 'Ajouter un cas' }).click();
  await page.getByLabel('Tranche d’âge').selectOption('85+');
  await page.getByLabel('Motif', { exact: true }).selectOption({ label: 'Chutes répétées' });
  const situation = page.getByLabel('Situation');
  await situation.fill('Mme Dupont chute souvent, vit seule.');
  await page.getByRole('button', { name: 'Enregistrer le cas' }).click();
  await expect(page.getByText(/contient un nom précédé d'une civilité/)).toBeVisible();
  await expect(situation).toHaveValue('Mme Dupont chute souvent, vit seule.');
  expect(await app.database.db.selectFrom('rcp_case').selectAll().execute()).toEqual([]);
  await page.screenshot({ path: `${SCREENS}/rcp-garde.png`, fullPage: true });

  await situation.fill('Patiente de 87 ans, chutes répétées, vit seule.');
  await page.getByRole('button', { name: 'Enregistrer le cas' }).click();
  await expect.poll(async () => (await app.database.db.selectFrom('rcp_case').selectAll().execute()).length).toBe(1);
  const rcpCase = await app.database.db.selectFrom('rcp_case').selectAll().executeTakeFirstOrThrow();
  expect(rcpCase).toMatchObject({ age_band: '85+', over_75: 1, motif_code: 'chutes' });
  await expect(page.getByText(rcpCase.code).first()).toBeVisible();

  await page.getByRole('button', { name: 'Exporter le compte rendu (PDF)' }).click();
  await expect.poll(() => app.saveRequests.length).toBe(1);
  await expect.poll(() => existsSync(join(dir, app.saveRequests[0]!)), { timeout: 30_000 }).toBe(true);
  const text = execFileSync('pdftotext', ['-layout', join(dir, app.saveRequests[0]!), '-']).toString();
  expect(text).toContain('Compte rendu de RCP');
  expect(text).toContain(rcpCase.code);
  expect(text).toMatch(/pseudonymis/);
  expect(text).not.toContain('Dupont');
});
