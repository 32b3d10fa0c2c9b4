import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Channel, ChannelInput, ChannelOutput } from '@shared/contract';
import { invokeChannel } from '../../electron/ipc/invoke';
import { seedContract } from '../fixtures/contract';
import { launchApp, type LaunchedApp } from './harness';

/** Screenshots of the screens (SHOTS_DIR to put them elsewhere). */
const SCREENS = process.env.SHOTS_DIR ?? 'test-results/screens';
let dir: string;
let app: LaunchedApp;

/** A channel through the real handlers, input parsed by its schema as over IPC. */
async function ok<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await invokeChannel(app.handlers, channel, input);
  if (!result.ok) throw new Error(`${channel} : ${result.error.message}`);
  return result.data as ChannelOutput<C>;
}

test.beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'maillage-e2e-indicators-'));
  mkdirSync(SCREENS, { recursive: true });
  // Mid-June 2023: the second year of a contract signed on 1 April 2022.
  app = await launchApp({ dbFile: join(dir, 'maillage.sqlite'), now: () => new Date('2023-06-15T10:00:00') });
  const contract = await seedContract({ ok });
  const year2 = contract.years[1]!;
  // Prévention: « Cancer du sein », initial 66,26 %, three tiers, measured at 72,5 %.
  const breast = await ok('indicators.create', {
    contractId: contract.id,
    missionCode: 'prevention',
    code: '3.1',
    label: 'Taux de dépistage du cancer du sein',
    kind: 'resultat',
    valueType: 'taux',
    direction: 'hausse',
    dataSource: 'cpam',
    baselineValue: 66.26,
    baselineOn: '2021-12-31',
  } as ChannelInput<'indicators.create'>);
  await ok('indicators.saveTarget', {
    indicatorId: breast.id,
    contractYearId: year2.id,
    paymentRule: 'paliers',
    tiers: [
      { rank: 1, label: 'socle', threshold: 69.7, amountCents: 100_000 },
      { rank: 2, label: 'intermédiaire', threshold: 72.4, amountCents: 250_000 },
      { rank: 3, label: 'objectif', threshold: 75, amountCents: 350_000 },
    ],
  } as ChannelInput<'indicators.saveTarget'>);
  await ok('indicators.saveMeasure', {
    indicatorId: breast.id,
    contractYearId: year2.id,
    value: 72.5,
    measuredOn: '2023-06-01',
    status: 'valide',
  } as ChannelInput<'indicators.saveMeasure'>);
});

test.afterEach(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('an indicator with tiers, a measure and its evidence, the euros earned, and the tableau de suivi exported', async () => {
  const { page } = app;
  await page.getByRole('link', { name: 'Projet de santé' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Missions du projet de santé' })).toBeVisible();
  const prevention = page.getByRole('region', { name: /prévention/i });
  await expect(prevention.getByRole('progressbar', { name: /Part variable obtenue/ })).toHaveAttribute(
    'aria-valuetext',
    /^2\s500\s€ \/ 17\s500\s€$/,
  );
  await page.screenshot({ path: join(SCREENS, 'projet-missions.png'), fullPage: true });

  // A new indicator of the accès aux soins, from the library.
  await page.getByRole('link', { name: 'Amélioration de l’accès aux soins' }).click();
  await page.getByRole('button', { name: 'Nouvel indicateur' }).click();
  await page.getByRole('button', { name: /^Patients en ALD sans médecin traitant/ }).click();
  await page.getByLabel('Valeur initiale', { exact: true }).fill('219');
  await page.screenshot({ path: join(SCREENS, 'projet-nouvel-indicateur.png'), fullPage: true });
  await page.getByRole('button', { name: 'Créer l’indicateur' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Patients en ALD sans médecin traitant' })).toBeVisible();

  // Its target for year 2, in tiers going down: ≤ 101 → 3 000 €, ≤ 100 → 6 000 €, ≤ 50 → 9 000 €.
  await page.getByRole('button', { name: 'Fixer la cible' }).click();
  for (const [index, threshold, amount] of [
    [1, '101', '3 000'],
    [2, '100', '6 000'],
    [3, '50', '9 000'],
  ] as const) {
    await page.getByRole('button', { name: 'Ajouter un palier' }).click();
    await page.getByLabel(`Seuil du palier ${index}`).fill(threshold);
    await page.getByLabel(`Montant du palier ${index} (€)`).fill(amount);
  }
  await page.screenshot({ path: join(SCREENS, 'projet-cible.png'), fullPage: true });
  await page.getByRole('button', { name: 'Enregistrer la cible' }).click();
  await expect(page.getByText('Cible de l’année 2 enregistrée.')).toBeVisible();

  // A measure of 80 patients: the second tier, 6 000 €.
  const measures = page.getByRole('region', { name: 'Mesures de l’année 2' });
  await measures.getByRole('button', { name: 'Saisir une mesure' }).click();
  await measures.getByLabel('Valeur (patients)').fill('80');
  await measures.getByLabel('Mesurée le').fill('2023-06-10');
  await measures.getByLabel('Statut').selectOption('declare');
  await measures.getByRole('button', { name: 'Enregistrer la mesure' }).click();
  const target = page.getByRole('region', { name: 'Cible et résultat de l’année 2' });
  await expect(target.getByText(/^6\s000\s€ \/ 9\s000\s€$/)).toBeVisible();
  await expect(target.getByText('Palier 2 (intermédiaire)', { exact: false })).toBeVisible();
  await page.screenshot({ path: join(SCREENS, 'projet-indicateur.png'), fullPage: true });

  // Its evidence: the CPAM's figures, attached from a file.
  const evidenceFile = join(dir, 'requete-cpam-ald.csv');
  writeFileSync(evidenceFile, 'patients ALD sans MT;80\n');
  app.setOpenPath(evidenceFile);
  await page.getByRole('button', { name: 'Joindre un document : Données statistiques CPAM' }).click();
  await expect(
    page.getByRole('heading', { level: 3, name: /Données statistiques CPAM/ }).getByText('fourni'),
  ).toBeVisible();

  // Back on the mission: the euros earned.
  await page.getByRole('link', { name: '← Amélioration de l’accès aux soins' }).click();
  const row = page.getByRole('row', { name: /Patients en ALD sans médecin traitant/ });
  await expect(row.getByRole('cell', { name: /^6\s000\s€ \/ 9\s000\s€$/ })).toBeVisible();
  await expect(page.getByRole('cell', { name: /^6\s000\s€ \/ 35\s000\s€$/ })).toBeVisible();
  await page.screenshot({ path: join(SCREENS, 'projet-mission.png'), fullPage: true });

  // The tableau de suivi of year 2, as the CPAM reads it: PDF, then the Excel workbook of the contract.
  await page.getByRole('link', { name: 'Missions', exact: true }).click();
  const pdfPath = join(dir, 'tableau-de-suivi.pdf');
  app.setSavePath(pdfPath);
  await page.getByRole('button', { name: 'Tableau de suivi (PDF)' }).click();
  await expect(page.getByText(/^Tableau de suivi enregistré/)).toBeVisible();
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'])
    .toString()
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ');
  expect(text).toContain('Patients en ALD sans médecin traitant');
  expect(text).toContain('Taux de dépistage du cancer du sein');
  expect(text).toMatch(/6 000 € \/ 9 000 €/);
  const xlsxPath = join(dir, 'tableau-de-suivi.xlsx');
  app.setSavePath(xlsxPath);
  await page.getByRole('button', { name: 'Tableau de suivi (Excel)' }).click();
  await expect(page.getByText(/^Classeur du tableau de suivi enregistré/)).toBeVisible();
  expect(existsSync(xlsxPath)).toBe(true);
});
