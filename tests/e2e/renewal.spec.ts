import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../electron/db/database';
import { generateCptsHistory, RENEWAL_RESOLUTION } from '../../bench/generate-history';
import { launchApp, type LaunchedApp } from './harness';

/** Screenshots of the screens (SHOTS_DIR to put them elsewhere). */
const SCREENS = process.env.SHOTS_DIR ?? 'test-results/screens';
let dir: string;
let app: LaunchedApp;

test.beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'maillage-e2e-renewal-'));
  mkdirSync(SCREENS, { recursive: true });
  // Five generated years of a CPTS whose contract, signed on 1 April 2021, ends in March 2026.
  const file = join(dir, 'maillage.sqlite');
  const seeded = await openDatabase({ file });
  await generateCptsHistory(seeded.db, { documentsDir: join(dir, 'documents') });
  await seeded.close();
  app = await launchApp({ dbFile: file, now: () => new Date('2025-12-15T10:00:00') });
});

test.afterEach(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the renewal dossier: annex taken from the indicators, the AG deliberation, then the PDF', async () => {
  const { page } = app;
  await page.getByRole('link', { name: 'Projet de santé' }).click();
  await page.getByRole('navigation', { name: 'Projet de santé' }).getByRole('link', { name: 'Contrat ACI' }).click();
  await page.getByRole('link', { name: 'Dossier de renouvellement' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dossier de renouvellement du contrat' })).toBeVisible();

  await page.getByRole('button', { name: 'Reprendre les indicateurs actuels' }).click();
  await expect(page.getByText(/^\d+ indicateurs repris du contrat actuel\.$/)).toBeVisible();
  const annex = page.getByRole('table', { name: 'Indicateurs proposés pour le contrat suivant' });
  const firstLabel = (await annex.getByRole('rowheader').first().textContent())!.trim();
  expect(firstLabel.length).toBeGreaterThan(5);

  const deliberation = page.getByRole('form', { name: 'Délibération' });
  const assembly = deliberation.locator('option', { hasText: '— Assemblée générale ordinaire 2025' });
  await deliberation.getByLabel('Réunion qui a délibéré').selectOption((await assembly.getAttribute('value'))!);
  await deliberation.getByLabel('Résolution votée').selectOption({ label: RENEWAL_RESOLUTION });
  await deliberation.getByRole('button', { name: 'Enregistrer la délibération' }).click();
  await expect(page.getByText('Délibération enregistrée.')).toBeVisible();
  await page.screenshot({ path: join(SCREENS, 'renouvellement-deliberation.png') });
  await annex.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SCREENS, 'renouvellement-annexe.png') });

  const pdfPath = join(dir, 'dossier-de-renouvellement.pdf');
  app.setSavePath(pdfPath);
  await page.getByRole('button', { name: 'Exporter le dossier (PDF)' }).click();
  await expect(page.getByText(/^Dossier de renouvellement enregistré/)).toBeVisible({ timeout: 60_000 });
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'])
    .toString()
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ');
  expect(text).toContain(RENEWAL_RESOLUTION);
  expect(text).toContain(firstLabel.replace(/\s+/g, ' '));
});
