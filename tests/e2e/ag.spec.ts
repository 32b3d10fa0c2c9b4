/**
 * A general assembly from convocation to approved PV, through the UI, on the real handlers and a real SQLite file:
 * resolutions, convocation PDF and e-mails, date sent, a pouvoir refused then accepted, live check-in with a
 * mandataire leaving, votes with their arithmetic, the PV drafted then approved, and the formalities on the dashboard.
 */
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { invokeChannel } from '../../electron/ipc/invoke';
import type { Channel, ChannelInput, ChannelOutput } from '@shared/contract';
import { seedAssembly, type AgSeed } from '../fixtures/ag-seed';
import { launchApp, type LaunchedApp } from './harness';

const SCREENS = 'test-results/screens';
let dir: string;
let app: LaunchedApp;
let seed: AgSeed;

const pdfText = (path: string) =>
  execFileSync('pdftotext', ['-layout', path, '-'])
    .toString()
    .replace(/[\u00a0\u202f]/g, ' ');

test.beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'maillage-e2e-ag-'));
  mkdirSync(SCREENS, { recursive: true });
  mkdirSync(join(dir, 'courriels'));
  app = await launchApp({
    dbFile: join(dir, 'maillage.sqlite'),
    savePath: (name) => join(dir, name),
    folderPath: join(dir, 'courriels'),
    now: () => new Date('2026-06-18T18:40:00'),
    viewport: { width: 1280, height: 860 },
  });
  const ok = async <C extends Channel>(channel: C, input?: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const result = await invokeChannel(app.handlers, channel, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.data as ChannelOutput<C>;
  };
  // The members, their collèges and cotisations, and the AG with its ordre du jour exist already.
  seed = await seedAssembly(ok, { resolutions: false });
});

test.afterEach(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

test('an AG from its convocation to the approved PV, with a pouvoir that stops counting when its mandataire leaves', async () => {
  test.setTimeout(120_000);
  const { page } = app;
  await page.getByRole('link', { name: 'Réunions', exact: true }).click();
  await page.goto(`${app.url}#/reunions/${seed.meetingId}`);
  await page.getByRole('link', { name: 'Assemblée : convocation, émargement, votes, PV' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Assemblée générale ordinaire — Assemblée générale 2026' }),
  ).toBeVisible();

  // Convocation: two resolutions under their points of the ordre du jour.
  const addResolution = async (point: number, title: string, text: string) => {
    await page.getByRole('button', { name: new RegExp(`^Ajouter une résolution au point ${point}`) }).click();
    const form = page.getByRole('form', { name: 'Nouvelle résolution' });
    await form.getByLabel(/Intitulé de la résolution/).fill(title);
    await form.getByLabel(/Texte soumis au vote/).fill(text);
    await form.getByRole('button', { name: 'Ajouter la résolution' }).click();
    await expect(page.getByRole('heading', { level: 4, name: new RegExp(title) })).toBeVisible();
  };
  await addResolution(
    1,
    'Approbation du rapport d’activité',
    'L’assemblée générale approuve le rapport d’activité 2025 présenté par le bureau.',
  );
  await addResolution(
    2,
    'Approbation des comptes',
    'L’assemblée générale approuve les comptes de l’exercice 2025 et donne quitus au trésorier.',
  );

  await page.getByRole('button', { name: 'Exporter la convocation (PDF)' }).click();
  await expect.poll(() => app.saveRequests.length).toBe(1);
  await expect.poll(() => existsSync(join(dir, app.saveRequests[0]!)), { timeout: 30_000 }).toBe(true);
  const convocation = pdfText(join(dir, app.saveRequests[0]!));
  expect(convocation).toContain('Approbation des comptes');
  expect(convocation).toMatch(/Pouvoir/);

  await page.getByRole('button', { name: 'Préparer les courriels (.eml)' }).click();
  await expect(page.getByText('11 courriels prêts à envoyer')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('ROUX Hugo')).toBeVisible();
  await expect(page.getByText('Expéditeur : contact@cpts-seg.fr (adresse de la CPTS dans Ma CPTS).')).toBeVisible();
  const mailFolder = readdirSync(join(dir, 'courriels'))[0]!;
  expect(readdirSync(join(dir, 'courriels', mailFolder)).filter((name) => name.endsWith('.eml'))).toHaveLength(11);

  const sent = page.getByRole('form', { name: 'Envoi de la convocation' });
  await sent.getByLabel('Convocation envoyée le').fill('2026-05-29');
  await sent.getByLabel('Mode d’envoi').selectOption('courriel');
  await sent.getByRole('button', { name: 'Enregistrer l’envoi' }).click();
  await expect(page.getByText(/Convocation envoyée le 29 mai 2026 par courriel\./)).toBeVisible();

  // Pouvoirs: one refused (the mandataire's cotisation is not paid), one accepted.
  await page.getByRole('tab', { name: 'Pouvoirs' }).click();
  const proxy = async (mandant: string, mandataire: string) => {
    await page.getByRole('combobox', { name: 'Mandant' }).fill(mandant.split(' ')[0]!.toLowerCase());
    await page.getByRole('option', { name: new RegExp(`^${mandant}`) }).click();
    await page.getByRole('combobox', { name: 'Mandataire' }).fill(mandataire.split(' ')[0]!.toLowerCase());
    const option = page.getByRole('option', { name: new RegExp(`^${mandataire}`) });
    if (await option.count()) await option.click();
    await page.getByRole('button', { name: 'Enregistrer le pouvoir' }).click();
  };
  await proxy('DURAND Thomas', 'MARTIN Paul');
  await expect(page.getByText(/DURAND Thomas donne pouvoir à MARTIN Paul/)).toBeVisible();

  // Live check-in: four arrivals; the quorum (¼ of 9, so 3) is reached.
  await page.getByRole('tab', { name: 'Émargement en direct' }).click();
  for (const name of ['MARTIN Paul', 'BERNARD Éloïse', 'PETIT Lucie']) {
    await page.getByRole('button', { name: `Arrivée de ${name}` }).click();
    await expect(page.getByRole('button', { name: `Départ de ${name}` })).toBeVisible();
  }
  await expect(page.getByTestId('quorum-status')).toContainText('Quorum atteint');
  await page.screenshot({ path: `${SCREENS}/ag-emargement.png` });

  // The mandataire leaves: his pouvoir stops counting, visibly; he comes back.
  await page.getByRole('button', { name: 'Départ de MARTIN Paul' }).click();
  // He holds a pouvoir: the app asks before recording his departure.
  const leaving = page.getByRole('dialog', { name: 'Enregistrer le départ de MARTIN Paul ?' });
  await leaving.getByRole('button', { name: 'Enregistrer le départ' }).click();
  await expect(page.getByText('ne compte pas : mandataire absent')).toBeVisible();
  await expect(page.getByTestId('quorum-status')).toContainText('Il manque 1');
  await page.screenshot({ path: `${SCREENS}/ag-emargement-depart.png` });
  await page.getByRole('button', { name: 'Arrivée de MARTIN Paul' }).click();
  await expect(page.getByTestId('quorum-status')).toContainText('Quorum atteint');

  // Votes: 4 present or represented.
  await page.getByRole('tab', { name: 'Votes' }).click();
  const vote = async (title: RegExp, pour: string, contre: string, abstention: string) => {
    const region = page.getByRole('region', { name: title });
    await region.getByLabel('Pour').fill(pour);
    await region.getByLabel('Contre').fill(contre);
    await region.getByLabel('Abstentions').fill(abstention);
    await region.getByLabel('Blancs ou nuls').fill('0');
    await region.getByRole('button', { name: 'Enregistrer le vote' }).click();
    return region;
  };
  const tooMany = await vote(/Résolution n° 1/, '4', '1', '0');
  await expect(tooMany.getByText(/5 votes saisis/)).toBeVisible();
  const first = await vote(/Résolution n° 1/, '3', '0', '1');
  await expect(first.getByText('Adoptée', { exact: true })).toBeVisible();
  const second = await vote(/Résolution n° 2/, '1', '2', '1');
  await expect(second.getByText('Rejetée', { exact: true })).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/ag-votes.png`, fullPage: true });

  // Procès-verbal: bureau de séance, summary of debates, draft PDF, approval, approved PDF.
  await page.getByRole('tab', { name: 'Procès-verbal' }).click();
  await page.getByLabel('Président·e de séance').selectOption({ label: 'MARTIN Paul' });
  await page.getByLabel('Secrétaire de séance').selectOption({ label: 'BERNARD Éloïse' });
  await page.getByRole('button', { name: 'Enregistrer le bureau de séance' }).click();
  await page
    .getByLabel('Synthèse des débats — point 1')
    .fill('Le président présente le rapport d’activité ; questions sur la permanence des soins.');
  await page.getByRole('button', { name: 'Enregistrer la synthèse des débats' }).click();
  await expect(page.getByText('Modifications non enregistrées.')).toHaveCount(0);

  await page.getByRole('button', { name: 'Exporter le PV (PDF)' }).click();
  await expect.poll(() => app.saveRequests.length).toBe(2);
  await expect.poll(() => existsSync(join(dir, app.saveRequests[1]!)), { timeout: 30_000 }).toBe(true);
  const draft = pdfText(join(dir, app.saveRequests[1]!));
  expect(draft).toMatch(/BROUILLON/);
  expect(draft).toMatch(/Convocation adressée par courriel le 29 mai 2026/);
  expect(draft).toContain('DURAND Thomas — représenté·e par MARTIN Paul');
  expect(draft).toContain('questions sur la permanence des soins');
  expect(draft).toMatch(/Adoptée/);
  expect(draft).toMatch(/Rejetée/);

  await page.getByRole('button', { name: 'Approuver le procès-verbal' }).click();
  const dialog = page.getByRole('dialog', { name: 'Approuver le procès-verbal' });
  await dialog.getByLabel('Date d’approbation').fill('2026-06-18');
  await dialog.getByLabel('L’assemblée a changé des dirigeants').check();
  await dialog.getByRole('button', { name: 'Approuver le procès-verbal' }).click();
  await expect(page.getByText('Approuvé le 18 juin 2026', { exact: true })).toBeVisible();
  await expect(page.getByText(/Déclarer le changement de dirigeants au greffe/)).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/ag-pv-approuve.png`, fullPage: true });

  await page.getByRole('button', { name: 'Exporter le PV (PDF)' }).click();
  await expect.poll(() => app.saveRequests.length).toBe(3);
  await expect.poll(() => existsSync(join(dir, app.saveRequests[2]!)), { timeout: 30_000 }).toBe(true);
  const approved = pdfText(join(dir, app.saveRequests[2]!));
  expect(approved).not.toMatch(/BROUILLON/);
  expect(approved).toMatch(/Approuvé le 18 juin 2026/);

  // The dashboard lists the formality and its deadline.
  await page.getByRole('link', { name: 'Tableau de bord' }).click();
  await expect(page.getByText(/Déclarer le changement de dirigeants/)).toBeVisible();
  await expect(page.getByText(/18 septembre 2026|18\/09\/2026/).first()).toBeVisible();
});

test('weighted collèges: members counted per collège, voix computed by the app; the approved session is read-only', async () => {
  test.setTimeout(90_000);
  const { page } = app;
  const ok = async <C extends Channel>(channel: C, input?: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const result = await invokeChannel(app.handlers, channel, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.data as ChannelOutput<C>;
  };
  const structures = (await ok('colleges.list')).find((college) => college.name === 'Structures et établissements')!;
  await ok('colleges.save', { id: structures.id, name: structures.name, votingRight: 'deliberative', voteWeight: 2 });
  const overview = await ok('rules.list');
  const rules = JSON.parse(JSON.stringify(overview.defaults)) as typeof overview.defaults;
  rules.meetings.ago.voteWeighting = 'weight';
  await ok('rules.save', { effectiveFrom: '2026-01-01', rules });
  await ok('ag.saveResolution', {
    meetingId: seed.meetingId,
    agendaItemId: seed.agenda[1]!.id,
    title: 'Approbation des comptes',
    text: 'L’assemblée générale approuve les comptes de l’exercice 2025.',
    kind: 'ordinaire',
  });
  for (const name of ['Martin', 'Bernard', 'Durand', 'Girard', 'Lefèvre'])
    await ok('ag.setPresence', { meetingId: seed.meetingId, memberId: seed.members[name]!, present: true });

  await page.goto(`${app.url}#/reunions/${seed.meetingId}/assemblee`);
  await page.getByRole('tab', { name: 'Votes' }).click();
  const form = page.getByRole('form', { name: /Décompte des voix — Résolution n° 1/ });
  await form.getByLabel('Professionnels libéraux — Pour (nombre de membres)').fill('3');
  await form.getByLabel('Structures et établissements — Contre (nombre de membres)').fill('2');
  await expect(form.getByTestId('poids-contre')).toHaveText('4');
  await page.screenshot({ path: `${SCREENS}/ag-votes-ponderes.png`, fullPage: true });
  await form.getByRole('button', { name: 'Enregistrer le vote' }).click();
  const region = page.getByRole('region', { name: /Résolution n° 1/ });
  await expect(region.getByText('Rejetée', { exact: true })).toBeVisible();
  await expect(region.getByText(/contre 2 × 2 = 4/)).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/ag-votes-ponderes-resultat.png`, fullPage: true });

  await ok('ag.setOfficers', {
    meetingId: seed.meetingId,
    presidentMemberId: seed.members.Martin!,
    secretaireMemberId: seed.members.Bernard!,
  });
  await ok('ag.approvePv', {
    meetingId: seed.meetingId,
    approvedOn: '2026-06-18',
    dirigeantsChanged: false,
    statutsChanged: false,
  });
  // Approved outside this window: read everything again.
  await page.goto(`${app.url}#/reunions/${seed.meetingId}`);
  await page.reload();
  await expect(page.getByRole('note')).toContainText('Le procès-verbal de cette séance est approuvé');
  await expect(page.getByRole('button', { name: 'Enregistrer les participants' })).toBeDisabled();
  await page.screenshot({ path: `${SCREENS}/reunion-pv-approuve.png`, fullPage: true });
});

test('an arrival a week before the assembly is asked first', async () => {
  const { page } = app;
  // The computer's clock a week before the assembly.
  await page.clock.setFixedTime(new Date('2026-06-11T10:00:00'));
  await page.goto(`${app.url}#/reunions/${seed.meetingId}/assemblee`);
  await page.reload();
  await page.getByRole('tab', { name: 'Émargement en direct' }).click();
  await page.getByRole('button', { name: 'Arrivée de MARTIN Paul' }).click();
  const dialog = page.getByRole('dialog', { name: 'Enregistrer une arrivée avant la séance ?' });
  await expect(dialog).toContainText(
    'La séance est prévue le 18 juin 2026 : enregistrer quand même une arrivée aujourd’hui ?',
  );
  await page.screenshot({ path: `${SCREENS}/ag-arrivee-avant-la-date.png` });
  await dialog.getByRole('button', { name: 'Enregistrer l’arrivée' }).click();
  await expect(page.getByRole('button', { name: 'Départ de MARTIN Paul' })).toBeVisible();
});
