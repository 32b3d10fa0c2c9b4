// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../electron/ipc/handlers';
import type { FicheInput } from '@shared/contract';
import { formatDateLong, toIsoDate } from '@shared/format';
import { type RealBackend, realApiPerTest } from './real-api';
import { renderApp } from './render-app';
import { seedMeeting } from './seed-meetings';
import { seedMembers } from './seed-members';

const real = realApiPerTest();
/** 23 November 2026, as the handlers' default clock. */
const install = (overrides: Partial<HandlerContext> = {}) =>
  real.install({ now: () => new Date('2026-11-23T14:05:00'), ...overrides });

const FICHE: FicheInput = { title: 'Unité mobile de prévention et de dépistage', cptsRole: 'porteur' };

async function withCls(backend: RealBackend) {
  return backend.ok('partnerships.create', {
    type: 'cls',
    partner: 'Ville de Mulhouse',
    title: 'Contrat local de santé III',
    signedOn: '2023-12-15',
    axes: 'Prévenir\nGuérir\nInformer et former\nCoordonner',
    fichesTotal: 25,
  });
}

describe('Fiches actions — la liste', () => {
  it('lists the fiches with their French labels and filters them by role, remembered when coming back', async () => {
    const backend = await install();
    const cls = await withCls(backend);
    await backend.ok('fiches.create', {
      ...FICHE,
      code: 'FA-01',
      missionCode: 'prevention',
      partnershipId: cls.id,
      externalRef: 'CLS III, fiche 1',
      status: 'deployee',
    });
    await backend.ok('fiches.create', {
      title: 'Créer une maison des 1000 premiers jours',
      cptsRole: 'participant',
      porteurOrg: 'Ville de Mulhouse',
      partnershipId: cls.id,
      status: 'non_debutee',
    });
    const { user, router } = renderApp('/projet-de-sante/fiches');
    const table = await screen.findByRole('table', { name: /2 fiches actions/ });
    const first = within(table).getByRole('row', { name: /Unité mobile/ });
    expect(within(first).getByText('FA-01')).toBeTruthy();
    expect(within(first).getByText('Prévention')).toBeTruthy();
    expect(within(first).getByText('Porteuse')).toBeTruthy();
    expect(within(first).getByText('Déployée')).toBeTruthy();
    expect(within(first).getByText('CLS III, fiche 1')).toBeTruthy();
    const second = within(table).getByRole('row', { name: /1000 premiers jours/ });
    expect(within(second).getByText('Participante')).toBeTruthy();
    expect(within(second).getByText('Porteur : Ville de Mulhouse')).toBeTruthy();
    expect(within(second).getByText('Non débutée')).toBeTruthy();

    await user.selectOptions(screen.getByLabelText('Rôle de la CPTS'), 'participant');
    await waitFor(() => expect(screen.queryByRole('link', { name: /Unité mobile/ })).toBeNull());
    expect(screen.getByRole('link', { name: /1000 premiers jours/ })).toBeTruthy();
    expect(backend.api['fiches.list']).toHaveBeenLastCalledWith({ cptsRole: 'participant' });

    await router.navigate('/reunions');
    await router.navigate('/projet-de-sante/fiches');
    expect((await screen.findByLabelText<HTMLSelectElement>('Rôle de la CPTS')).value).toBe('participant');
    expect(await screen.findByRole('link', { name: /1000 premiers jours/ })).toBeTruthy();
    await user.type(screen.getByLabelText('Rechercher'), 'zzz');
    expect(await screen.findByText('Aucune fiche action ne correspond à ces filtres.')).toBeTruthy();
  });

  it('says what to do when there is no fiche yet', async () => {
    await install();
    renderApp('/projet-de-sante/fiches');
    expect(await screen.findByText(/Aucune fiche action pour l’instant/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Créez la première' }).getAttribute('href')).toBe(
      '/projet-de-sante/fiches/nouvelle',
    );
  });
});

describe('Fiches actions — la fiche', () => {
  it('refuses a fiche without a title and writes nothing, then creates it and opens it', async () => {
    const backend = await install();
    const [martin] = await seedMembers(backend.database.db, [
      { data: { lastName: 'Martin', firstName: 'Claire', professionCode: '10' } },
    ]);
    await backend.ok('territory.addCommunes', { codes: ['38421', '38179'] });
    const { user } = renderApp('/projet-de-sante/fiches/nouvelle');
    await user.click(await screen.findByRole('button', { name: 'Créer la fiche action' }));
    expect(await screen.findByText('Donnez un titre à la fiche action.')).toBeTruthy();
    expect(backend.api['fiches.create']).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText(/^Titre/), 'Créer une consultation d’accès aux soins');
    await user.type(screen.getByLabelText('Code'), 'FA-03');
    await user.selectOptions(screen.getByLabelText('Mission de l’ACI'), 'acces');
    await user.selectOptions(screen.getByLabelText('Statut'), 'en_cours');
    await user.click(screen.getByRole('checkbox', { name: /Gières/ }));
    await user.type(screen.getByLabelText('Objectifs opérationnels'), 'Ouvrir la consultation{Enter}Former les IDE');
    await user.type(screen.getByLabelText('Pilote (adhérent)'), 'mart');
    await user.click(await screen.findByRole('option', { name: /MARTIN Claire/ }));
    await user.click(screen.getByRole('button', { name: 'Créer la fiche action' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'FA-03 — Créer une consultation d’accès aux soins' }),
    ).toBeTruthy();
    const sheet = screen.getByRole('region', { name: 'Identification' });
    expect(within(sheet).getByText('Amélioration de l’accès aux soins')).toBeTruthy();
    expect(within(sheet).getByText('Gières')).toBeTruthy();
    expect(within(sheet).getByText('MARTIN Claire')).toBeTruthy();
    expect(screen.getByText('En cours')).toBeTruthy();
    const content = screen.getByRole('region', { name: 'Contenu de l’action' });
    expect(
      within(content)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Ouvrir la consultation', 'Former les IDE']);
    const [stored] = await backend.ok('fiches.list', {});
    expect(stored).toMatchObject({ code: 'FA-03', pilot: 'MARTIN Claire', status: 'en_cours' });
    expect(martin).toBeGreaterThan(0);
  });

  it('puts the refusal of a duplicate code under the Code field and keeps one fiche', async () => {
    const backend = await install();
    await backend.ok('fiches.create', { ...FICHE, code: 'FA-01' });
    const { user } = renderApp('/projet-de-sante/fiches/nouvelle');
    await user.type(await screen.findByLabelText(/^Titre/), 'Une autre action');
    await user.type(screen.getByLabelText('Code'), 'FA-01');
    await user.click(screen.getByRole('button', { name: 'Créer la fiche action' }));
    const code = screen.getByLabelText('Code');
    await waitFor(() => expect(code.getAttribute('aria-invalid')).toBe('true'));
    const message = document.getElementById(code.getAttribute('aria-describedby')!.split(' ')[0]!)!.textContent;
    expect(message).toMatch(/FA-01/);
    expect(await backend.ok('fiches.list', {})).toHaveLength(1);
  });

  it('edits a fiche: a partner carries it, a référent and a partner organisation; a duplicate code is refused under Code', async () => {
    const backend = await install();
    await seedMembers(backend.database.db, [
      { data: { lastName: 'Bernard', firstName: 'Camille', professionCode: '60' } },
    ]);
    await backend.ok('fiches.create', { title: 'Consultation d’accès aux soins', code: 'FA-03' });
    const fiche = await backend.ok('fiches.create', { ...FICHE, code: 'FA-01' });
    const { user } = renderApp(`/projet-de-sante/fiches/${fiche.id}`);
    await user.click(await screen.findByRole('button', { name: 'Modifier la fiche' }));
    await user.selectOptions(screen.getByLabelText('Rôle de la CPTS'), 'participant');
    await user.type(screen.getByLabelText('Organisation porteuse'), 'GHRMSA');
    await user.type(screen.getByLabelText('Ajouter un référent'), 'bern');
    await user.click(await screen.findByRole('option', { name: /BERNARD Camille/ }));
    await user.type(screen.getByLabelText('Rôle de BERNARD Camille'), 'IDE référente');
    await user.click(screen.getByRole('button', { name: 'Ajouter une organisation partenaire' }));
    await user.type(screen.getByLabelText('Organisation 1'), 'Ligue contre le cancer');
    await user.clear(screen.getByLabelText('Code'));
    await user.type(screen.getByLabelText('Code'), 'FA-03');
    await user.click(screen.getByRole('button', { name: 'Enregistrer la fiche' }));
    const code = screen.getByLabelText('Code');
    await waitFor(() => expect(code.getAttribute('aria-invalid')).toBe('true'));
    expect((await backend.ok('fiches.get', { id: fiche.id })).cptsRole).toBe('porteur');

    await user.clear(code);
    await user.type(code, 'FA-05');
    await user.click(screen.getByRole('button', { name: 'Enregistrer la fiche' }));
    const sheet = await screen.findByRole('region', { name: 'Identification' });
    expect(within(sheet).getByText('Participante (porteur : GHRMSA)')).toBeTruthy();
    expect(within(sheet).getByText('BERNARD Camille (IDE référente)')).toBeTruthy();
    expect(within(sheet).getByText('Ligue contre le cancer')).toBeTruthy();
    const stored = await backend.ok('fiches.get', { id: fiche.id });
    expect(stored).toMatchObject({ code: 'FA-05', cptsRole: 'participant', porteurOrg: 'GHRMSA' });
    expect(stored.referents).toEqual([expect.objectContaining({ name: 'BERNARD Camille', role: 'IDE référente' })]);
  });

  it('adds a dated milestone, marks it done, and adds budget lines with their totals', async () => {
    const backend = await install();
    const fiche = await backend.ok('fiches.create', FICHE);
    const { user } = renderApp(`/projet-de-sante/fiches/${fiche.id}`);

    const milestones = await screen.findByRole('region', { name: 'Étapes et jalons' });
    await user.click(within(milestones).getByRole('button', { name: 'Ajouter une étape' }));
    await user.click(within(milestones).getByRole('button', { name: 'Ajouter l’étape' }));
    expect(
      await within(milestones).findByText('Chaque étape a un libellé (« Déploiement de l’unité mobile »).'),
    ).toBeTruthy();
    expect(backend.api['fiches.update']).not.toHaveBeenCalled();
    await user.type(within(milestones).getByLabelText(/^Étape/), 'Déploiement de l’unité mobile');
    await user.type(within(milestones).getByLabelText('Prévue le'), '2026-12-15');
    await user.click(within(milestones).getByRole('button', { name: 'Ajouter l’étape' }));
    const row = await within(milestones).findByRole('row', { name: /Déploiement de l’unité mobile/ });
    expect(within(row).getByText('15 décembre 2026')).toBeTruthy();
    await user.click(within(row).getByRole('button', { name: /Marquer comme faite/ }));
    // Done today, on the coordinator's computer.
    const today = toIsoDate(new Date());
    // The fiche is saved whole: its milestones come back as new rows.
    const done = await within(milestones).findByRole('row', { name: new RegExp(formatDateLong(today)) });
    expect(within(done).queryByRole('button', { name: /Marquer comme faite/ })).toBeNull();
    expect((await backend.ok('fiches.get', { id: fiche.id })).lastDone).toEqual({
      label: 'Déploiement de l’unité mobile',
      doneOn: today,
    });

    const budget = screen.getByRole('region', { name: 'Budget' });
    await user.click(within(budget).getByRole('button', { name: 'Ajouter une ligne de budget' }));
    await user.clear(within(budget).getByLabelText(/^Année/));
    await user.type(within(budget).getByLabelText(/^Année/), '2026');
    await user.selectOptions(within(budget).getByLabelText(/^Source de financement/), 'fir');
    await user.type(within(budget).getByLabelText('Montant prévu (€)'), '12,505');
    await user.click(within(budget).getByRole('button', { name: 'Ajouter la ligne' }));
    expect(await within(budget).findByText(/n'est pas un montant en euros/)).toBeTruthy();
    const updates = backend.api['fiches.update'].mock.calls.length;
    await user.clear(within(budget).getByLabelText('Montant prévu (€)'));
    await user.type(within(budget).getByLabelText('Montant prévu (€)'), '12 500');
    await user.type(within(budget).getByLabelText('Montant réalisé (€)'), '8 000,50');
    await user.click(within(budget).getByRole('button', { name: 'Ajouter la ligne' }));
    const line = await within(budget).findByRole('row', { name: /Fonds d’intervention régional/ });
    expect(line.textContent).toContain('12\u00a0500\u00a0€');
    expect(line.textContent).toContain('8\u00a0000,50\u00a0€');
    expect(backend.api['fiches.update'].mock.calls.length).toBe(updates + 1);
    const stored = await backend.ok('fiches.get', { id: fiche.id });
    expect(stored.budget).toEqual([
      expect.objectContaining({ year: 2026, source: 'fir', plannedCents: 1_250_000, actualCents: 800_050 }),
    ]);
  });

  it('shows the linked meetings with their open decisions, and deletes the fiche after confirmation', async () => {
    const backend = await install();
    const meeting = await seedMeeting(backend, {
      type: 'commission',
      title: 'Groupe de travail unité mobile',
      date: '2026-10-06',
    });
    await backend.ok('decisions.save', {
      meetingId: meeting.id,
      text: 'Trouver un second véhicule',
      ownerLabel: 'Bureau',
      dueOn: '2027-01-31',
      status: 'a_faire',
    });
    const fiche = await backend.ok('fiches.create', { ...FICHE, meetingIds: [meeting.id] });
    const { user, router } = renderApp(`/projet-de-sante/fiches/${fiche.id}`);
    const meetings = await screen.findByRole('region', { name: 'Réunions et décisions' });
    const linked = within(meetings).getByRole('table', { name: 'Réunions et décisions' });
    expect(within(linked).getByRole('link', { name: 'Groupe de travail unité mobile' }).getAttribute('href')).toBe(
      `/reunions/${meeting.id}`,
    );
    expect(
      within(meetings).getByRole('table', { name: 'Décisions ouvertes des réunions liées' }).textContent,
    ).toContain('Trouver un second véhicule');

    await user.click(screen.getByRole('button', { name: 'Supprimer la fiche' }));
    const dialog = await screen.findByRole('dialog', { name: /Supprimer la fiche « Unité mobile/ });
    await user.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    expect(await backend.ok('fiches.list', {})).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Supprimer la fiche' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Supprimer la fiche' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/projet-de-sante/fiches'));
    expect(await backend.ok('fiches.list', {})).toHaveLength(0);
  });
});

describe('Fiches actions — le PDF', () => {
  it('exports the fiche as a PDF where the coordinator chooses, and says where', async () => {
    const out = mkdtempSync(join(tmpdir(), 'maillage-fiche-pdf-'));
    const saved = join(out, 'fiche.pdf');
    const backend = await install({ chooseSavePath: async () => saved });
    const fiche = await backend.ok('fiches.create', { ...FICHE, code: 'FA-01' });
    const { user } = renderApp(`/projet-de-sante/fiches/${fiche.id}`);
    await user.click(await screen.findByRole('button', { name: 'Fiche action (PDF)' }));
    expect(await screen.findByText(`Fiche action enregistrée : ${saved}`)).toBeTruthy();
    expect(backend.api['reports.exportFicheAction']).toHaveBeenCalledWith({ ficheId: fiche.id });
    expect(readFileSync(saved).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('exports the synthèse du projet de santé from the list of fiches', async () => {
    const out = mkdtempSync(join(tmpdir(), 'maillage-synthese-pdf-'));
    const saved = join(out, 'synthese.pdf');
    const backend = await install({ chooseSavePath: async () => saved });
    await backend.ok('fiches.create', { ...FICHE, code: 'FA-01' });
    const { user } = renderApp('/projet-de-sante/fiches');
    await user.click(await screen.findByRole('button', { name: 'Synthèse du projet de santé (PDF)' }));
    expect(await screen.findByText(`Synthèse du projet de santé enregistrée : ${saved}`)).toBeTruthy();
    expect(readFileSync(saved).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('Partenariats', () => {
  it('refuses a partnership without type or partner, then adds it and counts its fiches by role', async () => {
    const backend = await install();
    const { user } = renderApp('/projet-de-sante/partenariats');
    expect(await screen.findByText(/Aucun partenariat enregistré/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Nouveau partenariat' }));
    await user.type(screen.getByLabelText('Nombre de fiches du programme'), '-3');
    await user.click(screen.getByRole('button', { name: 'Ajouter le partenariat' }));
    expect(await screen.findByText('Choisissez le type de partenariat.')).toBeTruthy();
    expect(screen.getByText('Nommez le partenaire (la ville, l’hôpital, le GHT…).')).toBeTruthy();
    expect(screen.getByText('Le nombre de fiches ne peut pas être négatif.')).toBeTruthy();
    expect(backend.api['partnerships.create']).not.toHaveBeenCalled();

    await user.selectOptions(screen.getByLabelText(/^Type de partenariat/), 'cls');
    await user.type(screen.getByLabelText(/^Partenaire/), 'Ville de Mulhouse');
    await user.type(screen.getByLabelText('Intitulé'), 'Contrat local de santé III');
    await user.clear(screen.getByLabelText('Nombre de fiches du programme'));
    await user.type(screen.getByLabelText('Nombre de fiches du programme'), '25');
    await user.type(screen.getByLabelText('Axes'), 'Prévenir{Enter}Guérir');
    await user.click(screen.getByRole('button', { name: 'Ajouter le partenariat' }));
    const card = await screen.findByRole('region', { name: /Contrat local de santé III/ });
    expect(within(card).getByText('Contrat local de santé (CLS)')).toBeTruthy();
    expect(within(card).getByText('Aucune fiche action rattachée à ce partenariat.')).toBeTruthy();

    const [cls] = await backend.ok('partnerships.list');
    await backend.ok('fiches.create', { ...FICHE, partnershipId: cls!.id });
    await backend.ok('fiches.create', {
      title: 'Plateforme Handiconsult',
      cptsRole: 'participant',
      porteurOrg: 'GHRMSA',
      partnershipId: cls!.id,
    });
    cleanup();
    renderApp('/projet-de-sante/partenariats');
    const fresh = await screen.findByRole('region', { name: /Contrat local de santé III/ });
    await within(fresh).findByRole('link', { name: 'Plateforme Handiconsult' });
    expect(within(fresh).getByText('1 fiche portée par la CPTS')).toBeTruthy();
    expect(within(fresh).getByText('1 où elle participe')).toBeTruthy();
    expect(within(fresh).getByText('sur 25 fiches du programme')).toBeTruthy();
  });
});

describe('Partenariats — documents', () => {
  it('attaches the convention through the file dialog and deletes it after confirmation', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'maillage-convention-'));
    const file = join(folder, 'convention-cls.pdf');
    writeFileSync(file, '%PDF-1.4 convention');
    const opened: string[] = [];
    const backend = await install({
      chooseOpenPath: async () => file,
      openFile: async (path) => {
        opened.push(path);
      },
    });
    await withCls(backend);
    const { user } = renderApp('/projet-de-sante/partenariats');
    const card = await screen.findByRole('region', { name: /Contrat local de santé III/ });
    await user.click(within(card).getByRole('button', { name: 'Joindre un document…' }));
    expect(await screen.findByText('Document joint au partenariat.')).toBeTruthy();
    expect(await within(card).findByText('convention-cls.pdf')).toBeTruthy();
    // « Ouvrir » hands the copy kept in Maillage's documents folder to the computer's usual application.
    await user.click(within(card).getByRole('button', { name: 'Ouvrir convention-cls.pdf' }));
    await waitFor(() => expect(opened).toHaveLength(1));
    expect(opened[0]!.startsWith(backend.context.documentsDir)).toBe(true);
    expect(readFileSync(opened[0]!, 'utf8')).toBe('%PDF-1.4 convention');
    await user.click(within(card).getByRole('button', { name: 'Supprimer convention-cls.pdf' }));
    const dialog = await screen.findByRole('dialog', { name: 'Supprimer le document ?' });
    await user.click(within(dialog).getByRole('button', { name: 'Supprimer le document' }));
    expect(await within(card).findByText(/Aucun document joint/)).toBeTruthy();
    const [cls] = await backend.ok('partnerships.list');
    expect(cls!.documents).toHaveLength(0);
  });
});

describe('Plan de crise', () => {
  it('records the drafting and warns once the yearly update is overdue', async () => {
    const backend = await install();
    const { user } = renderApp('/projet-de-sante/plan-de-crise');
    expect(await screen.findByText(/Rien d’enregistré/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Ajouter une étape' }));
    await user.click(screen.getByRole('button', { name: 'Ajouter l’étape' }));
    expect(await screen.findByText('Choisissez l’étape du plan de crise.')).toBeTruthy();
    expect(backend.api['crisisPlan.saveEvent']).not.toHaveBeenCalled();

    await user.selectOptions(screen.getByLabelText(/^Étape/), 'redaction');
    await user.type(screen.getByLabelText(/^Date/), '2025-06-10');
    await user.click(screen.getByRole('button', { name: 'Ajouter l’étape' }));
    const history = await screen.findByRole('table', { name: 'Historique' });
    expect(await within(history).findByText('Rédaction du plan')).toBeTruthy();
    expect(within(history).getByText('10 juin 2025')).toBeTruthy();
    const status = screen.getByRole('region', { name: 'État du plan' });
    expect(within(status).getByText(/Mise à jour annuelle en retard depuis le 10 juin 2026/)).toBeTruthy();
    expect((await backend.ok('crisisPlan.get')).state).toBe('a_mettre_a_jour');

    // Dated this year after all: the plan is up to date.
    await user.click(within(history).getByRole('button', { name: 'Modifier « Rédaction du plan » du 10 juin 2025' }));
    await user.clear(screen.getByLabelText(/^Date/));
    await user.type(screen.getByLabelText(/^Date/), '2026-02-03');
    await user.click(screen.getByRole('button', { name: 'Enregistrer l’étape' }));
    expect(await within(history).findByText('3 février 2026')).toBeTruthy();
    expect(within(status).queryByText(/en retard/)).toBeNull();
    expect(within(status).getByText(/Prochaine mise à jour avant le 3 février 2027/)).toBeTruthy();
    const plan = await backend.ok('crisisPlan.get');
    expect(plan.state).toBe('a_jour');
    expect(plan.events).toHaveLength(1);
  });
});
