import { test, expect } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchApp, type LaunchedApp } from './harness';
import { invokeChannel } from '../../electron/ipc/invoke';

const SCREENS = 'test-results/screens';

let dir: string;
let exportsDir: string;
let app: LaunchedApp;

test.beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'maillage-e2e-'));
  exportsDir = join(dir, 'exports');
  mkdirSync(exportsDir, { recursive: true });
  mkdirSync(SCREENS, { recursive: true });
  app = await launchApp({
    dbFile: join(dir, 'donnees', 'maillage.sqlite'),
    savePath: (name) => join(exportsDir, name),
  });
});

test.afterEach(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

const cptsName = async () => (await app.live.db.selectFrom('cpts').select('name').executeTakeFirstOrThrow()).name;

test('a coordinator saves a backup, sees it checked, restores it after a preview, then transfers the CPTS', async () => {
  const { page } = app;
  await app.live.db
    .insertInto('cpts')
    .values({ id: 1, name: 'CPTS du Vercors', legal_form: 'Association loi 1901' })
    .execute();
  const member = await invokeChannel(app.handlers, 'members.create', {
    kind: 'person',
    lastName: 'Bernard',
    firstName: 'Éloïse',
    professionCode: '60',
  });
  expect(member.ok).toBe(true);

  await page.getByRole('link', { name: 'Paramètres' }).click();
  const section = page.getByRole('region', { name: 'Sauvegardes' });
  await expect(section.getByText('Aucune sauvegarde dans ce dossier')).toBeVisible();

  // Sauvegarder maintenant: a checked copy where the user chose, and one listed here.
  await section.getByRole('button', { name: 'Sauvegarder maintenant' }).click();
  await expect(page.getByText(/Sauvegarde enregistrée et vérifiée/)).toBeVisible();
  expect(app.saveRequests.at(-1)).toMatch(/^Maillage CPTS du Vercors \d{4}-\d{2}-\d{2} \d{2}h\d{2}\.sqlite$/);
  expect(existsSync(join(exportsDir, app.saveRequests.at(-1)!))).toBe(true);
  const table = section.getByRole('table', { name: 'Sauvegardes' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('cell', { name: 'Manuelle' })).toBeVisible();
  await expect(table.getByText('Intacte')).toBeVisible();

  // The retention field refuses nonsense in French.
  await section.getByLabel('Sauvegardes automatiques gardées').fill('0');
  await section.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(section.getByText('Gardez au moins une sauvegarde.')).toBeVisible();
  await section.getByLabel('Sauvegardes automatiques gardées').fill('7');
  await section.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText(/garde désormais les 7 dernières/)).toBeVisible();

  // The data change after the backup.
  await app.live.db.updateTable('cpts').set({ name: 'CPTS renommée par erreur' }).execute();
  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: `${SCREENS}/sauvegardes.png` });

  // Restore: the preview tells what the copy holds before anything happens.
  await table.getByRole('button', { name: /^Restaurer la sauvegarde du / }).click();
  const dialog = page.getByRole('dialog', { name: 'Restaurer cette sauvegarde ?' });
  await expect(dialog.getByText('CPTS du Vercors', { exact: true })).toBeVisible();
  await expect(dialog.getByText('1 membre')).toBeVisible();
  await expect(dialog.getByText('0 réunion')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/sauvegardes-apercu-restauration.png` });
  expect(await cptsName()).toBe('CPTS renommée par erreur');
  // Cancel first: nothing changes.
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await expect(dialog).toBeHidden();
  expect(await cptsName()).toBe('CPTS renommée par erreur');

  await table.getByRole('button', { name: /^Restaurer la sauvegarde du / }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remplacer les données actuelles' }).click();
  // The window reloads on the restored data; the replaced data are kept « avant restauration ».
  await expect(
    page.getByRole('table', { name: 'Sauvegardes' }).getByRole('cell', { name: 'Avant restauration' }),
  ).toBeVisible();
  expect(await cptsName()).toBe('CPTS du Vercors');

  // Transfer to another computer, protected by a passphrase.
  await page.getByRole('button', { name: 'Transférer vers un autre ordinateur…' }).click();
  const transfer = page.getByRole('dialog', { name: 'Transférer vers un autre ordinateur' });
  await transfer.getByLabel('Phrase secrète', { exact: true }).fill('court');
  await transfer.getByRole('button', { name: 'Créer le fichier de transfert' }).click();
  await expect(transfer.getByText('La phrase secrète doit compter au moins 8 caractères.')).toBeVisible();
  await transfer.getByLabel('Phrase secrète', { exact: true }).fill('myrtilles du plateau');
  await transfer.getByLabel('Phrase secrète (confirmation)').fill('myrtilles du plateau');
  await page.screenshot({ path: `${SCREENS}/sauvegardes-transfert.png` });
  await transfer.getByRole('button', { name: 'Créer le fichier de transfert' }).click();
  await expect(page.getByText(/Fichier de transfert enregistré/)).toBeVisible();
  const bundle = join(exportsDir, app.saveRequests.at(-1)!);
  expect(bundle).toMatch(/\.maillage$/);
  expect(existsSync(bundle)).toBe(true);

  // Its import goes through the same restore: passphrase, preview, confirmation.
  await app.live.db.updateTable('cpts').set({ name: 'Autre CPTS' }).execute();
  app.setRestorePath(bundle);
  await page.getByRole('button', { name: 'Restaurer une sauvegarde…' }).click();
  const locked = page.getByRole('dialog', { name: 'Fichier de transfert protégé' });
  await locked.getByLabel('Phrase secrète').fill('framboises du plateau');
  await locked.getByRole('button', { name: 'Ouvrir' }).click();
  await expect(locked.getByText(/La phrase secrète ne correspond pas/)).toBeVisible();
  expect(await cptsName()).toBe('Autre CPTS');
  await locked.getByLabel('Phrase secrète').fill('myrtilles du plateau');
  await locked.getByRole('button', { name: 'Ouvrir' }).click();
  const preview = page.getByRole('dialog', { name: 'Restaurer cette sauvegarde ?' });
  await expect(preview.getByText('Fichier de transfert')).toBeVisible();
  await expect(preview.getByText('CPTS du Vercors', { exact: true })).toBeVisible();
  await expect(preview.getByText('0 document')).toBeVisible();
  await preview.getByRole('button', { name: 'Remplacer les données actuelles' }).click();
  await expect(page.getByRole('table', { name: 'Sauvegardes' })).toBeVisible();
  await expect.poll(cptsName).toBe('CPTS du Vercors');
});
