import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { generateCptsHistory } from '../../bench/generate-history';
import { launchApp, type LaunchedApp } from './harness';

const SCREENS = 'test-results/screens';
const NOW = new Date('2026-03-10T10:00:00');
const YEAR = 2025;
const INTRODUCTION = 'Le mot du président : une année de consolidation, portée par les équipes de soins primaires.';
const EXCLUDED = 'Protocoles pluriprofessionnels';

let dir: string;
let app: LaunchedApp;

test.beforeEach(async () => {
  test.setTimeout(300_000);
  dir = mkdtempSync(join(tmpdir(), 'maillage-e2e-rapport-'));
  mkdirSync(SCREENS, { recursive: true });
  app = await launchApp({
    dbFile: join(dir, 'maillage.sqlite'),
    savePath: (name) => join(dir, name),
    now: () => NOW,
    viewport: { width: 1280, height: 900 },
  });
  // Five years of a taille-3 CPTS, in the database the app has open.
  await generateCptsHistory(app.database.db, { documentsDir: join(dir, 'documents') });
  await app.page.clock.setFixedTime(NOW);
  await app.page.reload();
});

test.afterEach(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the rapport d’activité written, a section left out, previewed page by page, exported in PDF and in Word', async () => {
  const { page } = app;
  await page.getByRole('link', { name: 'Rapports' }).click();
  await page.getByRole('link', { name: `Ouvrir le rapport d’activité ${YEAR}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Rapport d’activité ${YEAR}` })).toBeVisible();

  // The introduction.
  await page.getByRole('textbox', { name: 'Introduction' }).fill(INTRODUCTION);
  await page.getByRole('button', { name: 'Enregistrer les réglages' }).click();
  await expect(page.getByText('Réglages du rapport enregistrés.')).toBeVisible();
  await expect(page.getByText(/^Brouillon enregistré le /)).toBeVisible();

  // A section left out.
  const protocols = page.getByRole('region', { name: new RegExp(EXCLUDED) });
  await protocols.getByRole('checkbox', { name: 'Inclure' }).uncheck();
  await protocols.getByRole('button', { name: 'Enregistrer la partie' }).click();
  await expect(page.getByText(`Partie « ${EXCLUDED} » enregistrée : elle ne sera pas imprimée.`)).toBeVisible();

  // The charts of the data next to their sections.
  const associative = page.getByRole('region', { name: /Vie associative/ });
  await expect(associative.getByText(/Adhérents par profession/).first()).toBeVisible({ timeout: 60_000 });
  await page.screenshot({ path: `${SCREENS}/rapport-activite-editeur.png` });
  await associative.screenshot({ path: `${SCREENS}/rapport-activite-vie-associative.png` });

  // The preview: a page drawn, the count, the next page.
  const output = page.getByRole('region', { name: 'Aperçu et export' });
  await output.getByRole('button', { name: 'Aperçu', exact: true }).click();
  const position = output.getByText(/^Page 1 sur \d+$/);
  await expect(position).toBeVisible({ timeout: 120_000 });
  const pages = Number((await position.textContent())?.match(/sur (\d+)/)?.[1]);
  expect(pages).toBeGreaterThan(5);
  const canvas = output.locator('canvas.pdf-preview-canvas');
  await expect(canvas).toHaveAttribute('data-drawn', 'true', { timeout: 30_000 });
  // Something is drawn: not every pixel of the page is the same colour.
  const inked = await canvas.evaluate((element: HTMLCanvasElement) => {
    const context = element.getContext('2d');
    if (!context || element.width === 0) return false;
    const { data } = context.getImageData(0, 0, element.width, element.height);
    for (let index = 0; index < data.length; index += 4) if (data[index]! < 200) return true;
    return false;
  });
  expect(inked).toBe(true);
  await output.screenshot({ path: `${SCREENS}/rapport-activite-apercu-page-1.png` });
  await output.getByRole('group', { name: /Aperçu du rapport d’activité/ }).focus();
  await page.keyboard.press('PageDown');
  await expect(output.getByText(`Page 2 sur ${pages}`)).toBeVisible();
  await expect(output.getByRole('button', { name: 'Page précédente' })).toBeEnabled();
  await expect(canvas).toHaveAttribute('data-drawn', 'true', { timeout: 30_000 });
  await output.screenshot({ path: `${SCREENS}/rapport-activite-apercu-page-2.png` });

  // The PDF: the introduction, not the section left out.
  await output.getByRole('button', { name: 'Exporter en PDF' }).click();
  await expect(page.getByText(/^Enregistré : .*\.pdf \(\d+ pages\)$/)).toBeVisible({ timeout: 120_000 });
  const pdfName = app.saveRequests.at(-1)!;
  const pdfPath = join(dir, pdfName);
  expect(existsSync(pdfPath)).toBe(true);
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString();
  expect(text.replace(/\s+/g, ' ')).toContain(INTRODUCTION);
  expect(text).not.toContain(EXCLUDED);
  const info = execFileSync('pdfinfo', [pdfPath]).toString();
  expect(Number(info.match(/Pages:\s+(\d+)/)?.[1])).toBe(pages);

  // The Word document.
  await output.getByRole('button', { name: 'Exporter en Word (.docx)' }).click();
  await expect(page.getByText(/^Enregistré : .*\.docx$/)).toBeVisible({ timeout: 120_000 });
  const docxPath = join(dir, app.saveRequests.at(-1)!);
  expect(docxPath.endsWith('.docx')).toBe(true);
  expect(statSync(docxPath).size).toBeGreaterThan(0);
  const documentXml = await (await JSZip.loadAsync(readFileSync(docxPath))).file('word/document.xml')!.async('string');
  expect(documentXml).toContain('Le mot du président');
  expect(documentXml).not.toContain(EXCLUDED);
  await page.screenshot({ path: `${SCREENS}/rapport-activite-exports.png` });
});
