import { test, expect } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchApp, type LaunchedApp } from './harness';

const SCREENS = 'test-results/screens';

let dir: string;
let app: LaunchedApp;

test.beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'maillage-e2e-'));
  mkdirSync(SCREENS, { recursive: true });
  app = await launchApp({ dbFile: join(dir, 'maillage.sqlite') });
});

test.afterEach(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

test('leaving Ma CPTS with a name typed asks first; staying keeps it, closing the window asks too, leaving writes nothing', async () => {
  const { page } = app;
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await nav.getByRole('link', { name: 'Ma CPTS' }).click();
  const name = page.getByLabel('Nom de la CPTS');
  await name.fill('CPTS du Grésivaudan');

  await nav.getByRole('link', { name: 'Territoire' }).click();
  const dialog = page.getByRole('dialog', { name: 'Modifications non enregistrées' });
  await expect(dialog).toBeVisible();
  await expect(
    dialog.getByText('Vous avez modifié ce formulaire sans l’enregistrer. Quitter sans enregistrer ?'),
  ).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Rester sur la page' })).toBeFocused();
  await page.screenshot({ path: `${SCREENS}/modifications-non-enregistrees.png` });

  // Enter on the focused button (the default choice) stays.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/#\/cpts$/);
  await expect(name).toHaveValue('CPTS du Grésivaudan');

  // Closing the window (here Chromium's own question): dismissed, the page and what was typed stay.
  const asked = new Promise<string>((resolve) =>
    page.once('dialog', (question) => void question.dismiss().then(() => resolve(question.type()))),
  );
  await page.close({ runBeforeUnload: true });
  expect(await asked).toBe('beforeunload');
  expect(page.isClosed()).toBe(false);
  await expect(name).toHaveValue('CPTS du Grésivaudan');

  await nav.getByRole('link', { name: 'Territoire' }).click();
  await dialog.getByRole('button', { name: 'Quitter sans enregistrer' }).click();
  await expect(page).toHaveURL(/#\/territoire$/);
  await expect(dialog).toBeHidden();
  expect(await app.database.db.selectFrom('cpts').selectAll().execute()).toEqual([]);
});
