import { expect, test } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchApp, type LaunchedApp } from './harness';

const SCREENS = 'test-results/screens';
let dir: string;
let app: LaunchedApp;

test.beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'maillage-e2e-fiches-'));
  mkdirSync(SCREENS, { recursive: true });
  app = await launchApp({ dbFile: join(dir, 'maillage.sqlite'), now: () => new Date('2026-11-23T10:00:00') });
});

test.afterEach(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a coordinator records the CLS, a fiche she carries under it, a milestone and a budget line', async () => {
  const { page } = app;
  await page.getByRole('link', { name: 'Projet de santé' }).click();
  await page.getByRole('navigation', { name: 'Projet de santé' }).getByRole('link', { name: 'Partenariats' }).click();
  await page.getByRole('button', { name: 'Nouveau partenariat' }).click();
  await page.getByLabel('Type de partenariat').selectOption('cls');
  await page.getByLabel('Partenaire', { exact: true }).fill('Ville de Mulhouse');
  await page.getByLabel('Intitulé').fill('Contrat local de santé III');
  await page.getByLabel('Signé le').fill('2023-12-15');
  await page.getByLabel('Nombre de fiches du programme').fill('25');
  await page.getByLabel('Axes').fill('Prévenir\nGuérir\nInformer et former\nCoordonner');
  await page.getByRole('button', { name: 'Ajouter le partenariat' }).click();
  const cls = page.getByRole('region', { name: /Contrat local de santé III/ });
  await expect(cls.getByText('Aucune fiche action rattachée à ce partenariat.')).toBeVisible();

  await cls.getByRole('link', { name: 'Nouvelle fiche sous ce partenariat' }).click();
  // The new fiche's form, its partnership already chosen (the partnerships page may still be on screen a moment).
  await expect(page.getByRole('heading', { level: 1, name: 'Nouvelle fiche action' })).toBeVisible();
  await expect(page.getByLabel('Partenariat', { exact: true })).toHaveValue(/\d+/);
  await page.getByLabel('Titre').fill('Unité mobile de prévention et de dépistage');
  await page.getByLabel('Code').fill('FA-01');
  await page.getByLabel('Référence chez le partenaire').fill('CLS III, fiche 1');
  await page.getByLabel('Mission de l’ACI').selectOption('prevention');
  await page.getByLabel('Statut').selectOption('en_cours');
  await page.getByRole('button', { name: 'Créer la fiche action' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'FA-01 — Unité mobile de prévention et de dépistage' }),
  ).toBeVisible();

  const milestones = page.getByRole('region', { name: 'Étapes et jalons' });
  await milestones.getByRole('button', { name: 'Ajouter une étape' }).click();
  await milestones.getByLabel('Étape', { exact: true }).fill('Déploiement de l’unité mobile');
  await milestones.getByLabel('Faite le').fill('2024-05-14');
  await milestones.getByRole('button', { name: 'Ajouter l’étape' }).click();
  await expect(milestones.getByRole('row', { name: /Déploiement de l’unité mobile/ })).toContainText('14 mai 2024');
  await expect(page.getByText('Déploiement de l’unité mobile le 14 mai 2024')).toBeVisible();

  const budget = page.getByRole('region', { name: 'Budget' });
  await budget.getByRole('button', { name: 'Ajouter une ligne de budget' }).click();
  await budget.getByLabel('Année').fill('2026');
  await budget.getByLabel('Source de financement').selectOption('aci');
  await budget.getByLabel('Montant prévu (€)').fill('-20');
  await budget.getByRole('button', { name: 'Ajouter la ligne' }).click();
  await expect(budget.getByText('Le montant ne peut pas être négatif.')).toBeVisible();
  await budget.getByLabel('Montant prévu (€)').fill('15 000');
  await budget.getByRole('button', { name: 'Ajouter la ligne' }).click();
  await expect(budget.getByRole('row', { name: /ACI/ })).toContainText('15\u00a0000\u00a0€');
  await page.screenshot({ path: `${SCREENS}/fiche-action.png`, fullPage: true });

  await page
    .getByRole('region', { name: 'Identification' })
    .getByRole('link', { name: /Contrat local de santé III/ })
    .click();
  const card = page.getByRole('region', { name: /Contrat local de santé III/ });
  await expect(card.getByText('1 fiche portée par la CPTS')).toBeVisible();
  await expect(card.getByRole('link', { name: 'Unité mobile de prévention et de dépistage' })).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/partenariats.png`, fullPage: true });
});
