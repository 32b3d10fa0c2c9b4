import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Channel, ChannelInput, ChannelOutput } from '@shared/contract';
import { invokeChannel } from '../../electron/ipc/invoke';
import { launchApp, type LaunchedApp } from './harness';

const SCREENS = 'test-results/screens';
const NOW = new Date('2026-11-23T10:00:00');
let dir: string;
let app: LaunchedApp;
let meeting: { id: number; decisionText: string };

test.beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'maillage-e2e-protocoles-'));
  mkdirSync(SCREENS, { recursive: true });
  app = await launchApp({
    dbFile: join(dir, 'maillage.sqlite'),
    savePath: (name) => join(dir, name),
    now: () => NOW,
    viewport: { width: 1280, height: 900 },
  });
  const ok = async <C extends Channel>(channel: C, input?: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const result = await invokeChannel(app.handlers, channel, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.data as ChannelOutput<C>;
  };
  // The members and the CA that validates the protocol exist already.
  for (const [lastName, firstName, professionCode, rpps] of [
    ['Martin', 'Claire', '10', '10003000006'],
    ['Bernard', 'Hugo', '21', '10003000014'],
  ] as const)
    await ok('members.create', { kind: 'person', lastName, firstName, professionCode, rpps, joinedOn: '2025-01-10' });
  const ca = await ok('meetings.create', {
    type: 'ca',
    title: 'CA de janvier',
    date: '2026-01-20',
    startTime: '18:30',
  });
  const decisionText = 'Le protocole cystite est adopté.';
  await ok('decisions.save', { meetingId: ca.id, text: decisionText });
  meeting = { id: ca.id, decisionText };
  // The screens' clock is the app's: the forms' « today » is the same day as the handlers'.
  await app.page.clock.setFixedTime(NOW);
  await app.page.reload();
});

test.afterEach(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a cooperation protocol written, validated at the CA, its team, two uses, the ARS declaration and the register', async () => {
  const { page } = app;
  await page.getByRole('link', { name: 'Protocoles' }).click();
  await page.getByRole('button', { name: 'Nouveau protocole' }).click();
  const identity = page.getByRole('dialog', { name: 'Nouveau protocole' });
  await identity.getByLabel('Titre').fill('Pollakiurie et brûlures mictionnelles');
  await identity.getByRole('radio', { name: /Protocole de coopération national/ }).check();
  await identity.getByLabel('Code').fill('PC-01');
  await identity.getByLabel('Arrêté d’autorisation').fill('Arrêté du 9 mars 2023');
  await identity.getByLabel('Date de l’arrêté').fill('2023-03-09');
  await identity.getByRole('button', { name: 'Créer le protocole' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Pollakiurie et brûlures mictionnelles/ })).toBeVisible();

  // Its content, in the draft.
  await page.getByRole('link', { name: 'Modifier le brouillon' }).click();
  await page.getByLabel('Situation clinique').fill('Femme de 16 à 65 ans présentant des brûlures mictionnelles.');
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(page.getByText(/brouillon.*enregistré/i).first()).toBeVisible();
  await page.goto(`${app.url}#/protocoles`);
  await page.getByRole('link', { name: /Pollakiurie et brûlures mictionnelles/ }).click();

  // The team: a médecin délégant and a pharmacien délégué, both with an RPPS.
  const team = page.getByRole('region', { name: /^Équipe/ });
  for (const [typed, name, role] of [
    ['mart', 'MARTIN Claire', 'delegant'],
    ['bern', 'BERNARD Hugo', 'delegue'],
  ] as const) {
    await team.getByRole('button', { name: 'Ajouter à l’équipe' }).click();
    const form = team.getByRole('form', { name: 'Ajouter à l’équipe' });
    await form.getByRole('combobox', { name: /^Adhérent/ }).fill(typed);
    await form.getByRole('option', { name: new RegExp(name) }).click();
    await form.getByLabel('Rôle').selectOption(role);
    await form.getByLabel('Entrée dans l’équipe le').fill('2026-01-05');
    await form.getByRole('button', { name: 'Ajouter à l’équipe' }).click();
    await expect(team.getByRole('link', { name })).toBeVisible();
  }
  await expect(team.getByRole('row', { name: /BERNARD Hugo/ })).toContainText('10003000014');

  // Validated at the CA, with its decision, then in force.
  await page.getByRole('button', { name: /Valider la version 1/ }).click();
  const validate = page.getByRole('dialog', { name: 'Valider la version 1' });
  await validate.getByLabel('Date de validation').fill('2026-01-20');
  await validate.getByLabel('Réunion').selectOption(String(meeting.id));
  await validate.getByLabel('Décision').selectOption({ label: meeting.decisionText });
  await validate.getByRole('button', { name: 'Valider la version' }).click();
  await expect(validate).toBeHidden();
  await page.getByRole('button', { name: 'Mettre en vigueur' }).click();
  const inForce = page.getByRole('dialog', { name: 'Mettre en vigueur la version 1' });
  await inForce.getByLabel('En vigueur à partir du').fill('2026-02-01');
  await inForce.getByRole('button', { name: 'Mettre en vigueur' }).click();
  await expect(inForce).toBeHidden();

  // The ARS is owed the initial declaration.
  const ars = page.getByRole('region', { name: 'Déclaration à l’ARS' });
  await expect(ars.getByText('Déclaration initiale à faire')).toBeVisible();
  await expect(ars).toContainText('MARTIN Claire (délégant), BERNARD Hugo (délégué)');

  // Two uses, typed one after the other.
  await page.getByRole('link', { name: 'Journal des utilisations' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Utilisations — / })).toBeVisible();
  for (const [day, age, outcome] of [
    ['2026-03-10', '26_45', 'pris_en_charge'],
    ['2026-04-22', '46_65', 'reoriente_delegant'],
  ] as const) {
    await page.getByLabel('Date', { exact: true }).fill(day);
    await page.getByLabel('Tranche d’âge', { exact: true }).selectOption(age);
    await page.getByLabel('Sexe', { exact: true }).selectOption('F');
    await page.getByLabel('Médecin traitant', { exact: true }).selectOption('oui');
    await page.getByLabel('Issue', { exact: true }).selectOption(outcome);
    await page.getByRole('button', { name: 'Enregistrer l’utilisation' }).click();
    await expect(page.getByLabel('Tranche d’âge', { exact: true })).toHaveValue('');
    await expect(page.getByLabel('Date', { exact: true })).toBeFocused();
  }
  const journal = page.getByRole('table', { name: 'Journal 2026' });
  await expect(journal.getByRole('row')).toHaveCount(3);
  const bilan = page.getByRole('region', { name: 'Bilan 2026' });
  await expect(bilan.locator('.tile').filter({ hasText: 'Réorientations' }).locator('.tile-value')).toHaveText('1');
  await page.screenshot({ path: `${SCREENS}/protocole-utilisations.png`, fullPage: true });

  // Back on the protocol: the declaration is recorded and nothing more is owed.
  await page.getByRole('link', { name: '← Pollakiurie et brûlures mictionnelles' }).click();
  await ars.getByRole('button', { name: 'Enregistrer une déclaration' }).click();
  const declare = ars.getByRole('form', { name: 'Nouvelle déclaration à l’ARS' });
  await declare.getByLabel('Déclarée le').fill('2026-02-03');
  await declare.getByLabel('Référence du dossier').fill('DS-2026-0042');
  await declare.getByRole('button', { name: 'Enregistrer la déclaration' }).click();
  await expect(ars.getByText('Équipe déclarée à l’ARS le 3 février 2026 : aucun changement depuis.')).toBeVisible();
  await expect(page.getByRole('region', { name: /^Utilisations 2026/ })).toContainText('2');
  await page.screenshot({ path: `${SCREENS}/protocole.png`, fullPage: true });

  // The register of the year, from the library, written on disk, names the protocol.
  await page.getByRole('link', { name: '← Bibliothèque des protocoles' }).click();
  await page.getByRole('button', { name: 'Registre des protocoles 2026 (PDF)' }).click();
  await expect(page.getByText(/^Registre des protocoles 2026 enregistré : /)).toBeVisible();
  const saved = app.saveRequests.at(-1)!;
  expect(existsSync(join(dir, saved))).toBe(true);
  const text = execFileSync('pdftotext', ['-layout', join(dir, saved), '-']).toString();
  expect(text).toContain('Pollakiurie et brûlures mictionnelles');
});
