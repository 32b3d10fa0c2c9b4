import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Channel, ChannelInput, ChannelOutput } from '@shared/contract';
import { invokeChannel } from '../../electron/ipc/invoke';
import { seedContract } from '../fixtures/contract';
import { launchApp, type LaunchedApp } from './harness';

/** Screenshots of the screens (SHOTS_DIR to put them elsewhere). */
const SCREENS = process.env.SHOTS_DIR ?? 'test-results/screens';
let dir: string;
let app: LaunchedApp;

test.beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'maillage-e2e-dialogue-'));
  mkdirSync(SCREENS, { recursive: true });
  // Mid-June 2023: year 2 of the sample contract signed on 1 April 2022; year 1 has its payments and its dialogue.
  app = await launchApp({
    dbFile: join(dir, 'maillage.sqlite'),
    now: () => new Date('2023-06-15T10:00:00'),
    viewport: { width: 1280, height: 900 },
  });
});

test.afterEach(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the dossier du dialogue de gestion of a contract year: the PDF names its indicators, the zip holds its pieces', async () => {
  const { page } = app;
  const ok = async <C extends Channel>(channel: C, input?: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const result = await invokeChannel(app.handlers, channel, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.data as ChannelOutput<C>;
  };
  const contract = await seedContract({ ok });
  const year1 = contract.years[0]!;
  const indicator = await ok('indicators.create', {
    contractId: contract.id,
    missionCode: 'acces',
    code: 'ACC-1',
    label: 'Patients en ALD sans médecin traitant',
    kind: 'resultat',
    valueType: 'nombre',
    direction: 'baisse',
    dataSource: 'cpam',
    baselineValue: 219,
  } as ChannelInput<'indicators.create'>);
  await ok('indicators.saveTarget', {
    indicatorId: indicator.id,
    contractYearId: year1.id,
    paymentRule: 'tout_ou_rien',
    targetValue: 150,
    maxCents: 900_000,
  } as ChannelInput<'indicators.saveTarget'>);
  const requirement = await ok('indicators.saveRequirement', {
    indicatorId: indicator.id,
    label: 'Données statistiques CPAM',
  });
  await ok('indicators.saveRequirement', { indicatorId: indicator.id, label: 'Compte rendu du groupe SNP' });
  const evidenceFile = join(dir, 'requete-cpam-ald.csv');
  writeFileSync(evidenceFile, 'patients ALD sans MT;140\n');
  app.setOpenPath(evidenceFile);
  await ok('indicators.attachEvidenceFile', {
    requirementId: requirement.id,
    contractYearId: year1.id,
    title: null,
  } as ChannelInput<'indicators.attachEvidenceFile'>);

  const pdfPath = join(dir, 'Dossier année 1.pdf');
  app.setSavePath(pdfPath);
  await page.getByRole('link', { name: 'Projet de santé' }).click();
  await page
    .getByRole('navigation', { name: 'Projet de santé' })
    .getByRole('link', { name: 'Missions', exact: true })
    .click();
  await page.getByLabel('Année de contrat').selectOption({ index: 0 });
  await page.getByRole('button', { name: 'Dossier du dialogue de gestion' }).click();
  const zipPath = join(dir, 'Dossier année 1 - justificatifs.zip');
  await expect(page.getByText(/^Dossier du dialogue de gestion enregistré/)).toContainText(zipPath);
  await page.screenshot({ path: join(SCREENS, 'dialogue-de-gestion-export.png'), fullPage: true });
  expect(existsSync(pdfPath)).toBe(true);
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'])
    .toString()
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ');
  expect(text).toContain('Dossier du dialogue de gestion');
  expect(text).toContain('Patients en ALD sans médecin traitant');
  expect(text).toContain('Pièce 01');
  expect(text).toContain('Manquant : aucune pièce fournie pour l’année');
  const zip = await JSZip.loadAsync(readFileSync(zipPath));
  expect(Object.keys(zip.files).sort()).toEqual([
    '00 - Liste des pièces.txt',
    '01 - Accès aux soins - requete-cpam-ald.csv',
  ]);
});
