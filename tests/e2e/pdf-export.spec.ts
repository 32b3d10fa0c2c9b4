import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchApp, FONTS_DIR } from './harness';
import { createPdfSupervisor } from '../../electron/pdf/supervisor';
import type { ReportJob } from '../../electron/pdf/render';
import { spawnNodePdfWorker } from '../helpers/pdf-worker';
import { MINIMAL_IDENTITY } from '../fixtures/cpts';

const SCREENS = 'test-results/screens';

test('a PDF that takes too long shows its progress, « Annuler » stops it without a file, the next export works', async () => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'maillage-e2e-pdf-'));
  mkdirSync(SCREENS, { recursive: true });
  // The real PDF worker code in a child process; the first document hangs (a test-only job of the worker).
  const pdf = createPdfSupervisor(spawnNodePdfWorker(), { fontsDir: FONTS_DIR });
  let hang = true;
  const app = await launchApp({
    dbFile: join(dir, 'maillage.sqlite'),
    savePath: (name) => join(dir, name),
    renderPdf: (job, options) => pdf.render(hang ? ({ kind: '__hang' } as unknown as ReportJob) : job, options),
  });
  try {
    const { page } = app;
    await app.handlers['cpts.saveIdentity'](MINIMAL_IDENTITY);
    await page.getByRole('link', { name: 'Rapports' }).click();
    const card = page.getByRole('region', { name: "Fiche d'identité de la CPTS" });
    await card.getByRole('button', { name: 'Exporter en PDF' }).click();
    await expect(card.getByText('Mise en page du PDF…')).toBeVisible({ timeout: 60_000 });
    await expect(card.getByText(/^\s*\d+ s$/)).toBeVisible({ timeout: 10_000 });
    await card.screenshot({ path: `${SCREENS}/pdf-export-progress.png` });
    await card.getByRole('button', { name: 'Annuler' }).click();
    await expect(card.getByText("Export annulé : aucun fichier n'a été enregistré.")).toBeVisible();
    await card.screenshot({ path: `${SCREENS}/pdf-export-cancelled.png` });
    expect(readdirSync(dir).filter((name) => name.endsWith('.pdf'))).toEqual([]);

    hang = false;
    await card.getByRole('button', { name: 'Exporter en PDF' }).click();
    await expect(card.getByText('PDF enregistré :')).toBeVisible({ timeout: 60_000 });
    const saved = readdirSync(dir).filter((name) => name.endsWith('.pdf'));
    expect(saved).toHaveLength(1);
    expect(existsSync(join(dir, saved[0]!))).toBe(true);
    expect(execFileSync('pdftotext', [join(dir, saved[0]!), '-']).toString()).toContain('CPTS Sud-Est Grenoblois');
  } finally {
    pdf.dispose();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
