// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../electron/ipc/handlers';
import { rcpTextProblem } from '@shared/domain/rcp-guard';
import { realApiPerTest } from './real-api';
import { renderApp } from './render-app';
import { CA_DE_MAI, RCP_CHUTES, seedMeeting } from './seed-meetings';
import { seedMembers } from './seed-members';

const real = realApiPerTest();
/** Mid-May 2026: the May meetings are still to come. */
const install = (overrides: Partial<HandlerContext> = {}) =>
  real.install({ now: () => new Date('2026-05-15T10:00:00'), ...overrides });

/** Claire Martin (médecin) and Camille Bernard (infirmière). */
const withMembers = async () => {
  const backend = await install();
  const [martin, bernard] = await seedMembers(backend.database.db, [
    { data: { lastName: 'Martin', firstName: 'Claire', professionCode: '10' } },
    { data: { lastName: 'Bernard', firstName: 'Camille', professionCode: '60' } },
  ]);
  return { ...backend, martin: martin!, bernard: bernard! };
};

describe('Réunions — calendrier', () => {
  it('shows a meeting on its day in the month view, weeks starting on Monday', async () => {
    await seedMeeting(await install(), CA_DE_MAI);
    renderApp('/reunions?mois=2026-05');
    expect(await screen.findByRole('heading', { level: 2, name: 'Mai 2026' })).toBeTruthy();
    const headers = (await screen.findAllByRole('columnheader')).map((th) => th.textContent);
    expect(headers[0]).toBe('lun.');
    expect(headers[6]).toBe('dim.');
    const chip = await screen.findByRole('link', { name: /CA de mai/ });
    expect(chip.closest('td')?.getAttribute('data-date')).toBe('2026-05-20');
    expect(chip.textContent).toContain('CA');
    expect(chip.textContent).toContain('18 h 30');
    // Nothing on the other days.
    const otherDay = document.querySelector('td[data-date="2026-05-21"]')!;
    expect(within(otherDay as HTMLElement).queryByRole('link')).toBeNull();
  });

  it('moves to the next month and filters by type', async () => {
    const backend = await install();
    await seedMeeting(backend, CA_DE_MAI);
    await seedMeeting(backend, RCP_CHUTES);
    const { api } = backend;
    const { user } = renderApp('/reunions?mois=2026-04');
    expect(await screen.findByRole('heading', { level: 2, name: 'Avril 2026' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Mois suivant' }));
    expect(await screen.findByRole('link', { name: /RCP chutes/ })).toBeTruthy();
    expect(api['meetings.list']).toHaveBeenLastCalledWith({ from: '2026-04-27', to: '2026-05-31' });
    await user.selectOptions(screen.getByLabelText('Type'), 'rcp');
    expect(screen.queryByRole('link', { name: /CA de mai/ })).toBeNull();
    expect(screen.getByRole('link', { name: /RCP chutes/ })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Exporter en .ics' }));
    expect(api['meetings.exportIcs']).toHaveBeenCalledWith({ from: '2026-05-01', to: '2026-05-31', type: 'rcp' });
  });

  it('lists the meetings with their figures in the list view', async () => {
    const backend = await withMembers();
    await seedMeeting(
      backend,
      { type: 'rcp', title: 'RCP passée', date: '2020-03-10', rcpKind: 'clinique' },
      {
        participants: [backend.martin, backend.bernard].map((memberId) => ({
          memberId,
          attendance: 'present',
          minutesSpent: 60,
        })),
      },
    );
    const { user } = renderApp('/reunions');
    await user.click(await screen.findByRole('button', { name: 'Liste' }));
    const past = await screen.findByRole('region', { name: 'Réunions passées' });
    expect(within(past).getByText('Mars 2020')).toBeTruthy();
    expect(within(past).getByRole('link', { name: 'RCP passée' })).toBeTruthy();
    expect(within(past).getByText('2 présents')).toBeTruthy();
    expect(within(past).getByText('0 cas')).toBeTruthy();
  });
});

describe('Réunions — la réunion', () => {
  it('shows the French errors of the meeting form and does not save', async () => {
    const { api } = await install();
    const { user } = renderApp('/reunions/nouvelle');
    await user.click(screen.getByRole('button', { name: 'Créer la réunion' }));
    expect(await screen.findByText('Choisissez le type de réunion.')).toBeTruthy();
    expect(screen.getByText('Donnez un titre à la réunion.')).toBeTruthy();
    expect(screen.getByText('Indiquez la date de la réunion.')).toBeTruthy();

    await user.selectOptions(screen.getByLabelText('Type de réunion'), 'rcp');
    await user.type(screen.getByLabelText('Lien de visioconférence'), 'http://visio.example');
    await user.click(screen.getByRole('button', { name: 'Créer la réunion' }));
    expect(await screen.findByText('RCP clinique ou thématique ?')).toBeTruthy();
    expect(screen.getByText('Le lien de visioconférence doit commencer par https://')).toBeTruthy();
    expect(api['meetings.create']).not.toHaveBeenCalled();
  });

  it('creates a meeting and opens it', async () => {
    const { api } = await install();
    const { user } = renderApp('/reunions/nouvelle');
    await user.selectOptions(screen.getByLabelText('Type de réunion'), 'bureau');
    await user.type(screen.getByLabelText('Titre'), 'Bureau de juin');
    await user.type(screen.getByLabelText('Date'), '2026-06-03');
    await user.click(screen.getByRole('button', { name: 'Créer la réunion' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Bureau de juin' })).toBeTruthy();
    expect(api['meetings.create']).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'bureau', title: 'Bureau de juin', date: '2026-06-03' }),
    );
  });

  it('adds an agenda point and saves the whole agenda', async () => {
    const backend = await install();
    const meeting = await seedMeeting(backend, CA_DE_MAI, {
      agenda: [{ title: 'Approbation du dernier compte rendu', minutes: null }],
    });
    const { user } = renderApp(`/reunions/${meeting.id}`);
    await user.click(await screen.findByRole('button', { name: 'Ajouter un point' }));
    await user.type(screen.getByLabelText('Point 2'), 'Budget 2027');
    await user.type(screen.getByLabelText('Relevé du point 2'), 'Adopté à l’unanimité.');
    await user.click(screen.getByRole('button', { name: 'Monter le point 2' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer l’ordre du jour' }));
    await waitFor(() =>
      expect(backend.api['meetings.saveAgenda']).toHaveBeenCalledWith({
        meetingId: meeting.id,
        items: [
          { id: null, title: 'Budget 2027', minutes: 'Adopté à l’unanimité.' },
          { id: meeting.agenda[0]!.id, title: 'Approbation du dernier compte rendu', minutes: '' },
        ],
      }),
    );
    expect(await screen.findByText('Ordre du jour enregistré.')).toBeTruthy();
  });

  it('adds a member found by the search and saves the participants', async () => {
    const backend = await withMembers();
    const meeting = await seedMeeting(backend, CA_DE_MAI);
    const { user } = renderApp(`/reunions/${meeting.id}`);
    await user.type(await screen.findByLabelText('Rechercher un adhérent'), 'mart');
    await user.click(await screen.findByRole('button', { name: 'Ajouter MARTIN Claire' }));
    await user.selectOptions(screen.getByLabelText('Présence de MARTIN Claire'), 'excuse');
    await user.type(screen.getByLabelText('Nom de l’invité·e'), 'Paul Durand');
    await user.type(screen.getByLabelText('Qualité'), 'CPAM');
    await user.click(screen.getByRole('button', { name: 'Ajouter l’invité·e' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer les participants' }));
    await waitFor(() => expect(backend.api['meetings.saveParticipants']).toHaveBeenCalled());
    const input = backend.api['meetings.saveParticipants'].mock.calls[0]![0];
    expect(input.participants).toEqual([
      expect.objectContaining({ memberId: backend.martin, attendance: 'excuse' }),
      expect.objectContaining({
        memberId: null,
        guestName: 'Paul Durand',
        guestQuality: 'CPAM',
        attendance: 'present',
      }),
    ]);
  });

  it('adds an RCP external guest by profession only, with no name field', async () => {
    const backend = await withMembers();
    const meeting = await seedMeeting(backend, RCP_CHUTES);
    const { user } = renderApp(`/reunions/${meeting.id}`);
    expect(await screen.findByLabelText('Profession de l’invité·e')).toBeTruthy();
    expect(screen.queryByLabelText('Nom de l’invité·e')).toBeNull();
    await user.selectOptions(screen.getByLabelText('Profession de l’invité·e'), '21');
    await user.click(screen.getByRole('button', { name: 'Ajouter l’invité·e' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer les participants' }));
    await waitFor(() => expect(backend.api['meetings.saveParticipants']).toHaveBeenCalled());
    const input = backend.api['meetings.saveParticipants'].mock.calls[0]![0];
    expect(input.participants).toEqual([
      expect.objectContaining({ memberId: null, guestName: null, professionCode: '21' }),
    ]);
  });

  it('shows the warnings of an RCP prominently', async () => {
    const meeting = await seedMeeting(await install(), RCP_CHUTES);
    renderApp(`/reunions/${meeting.id}`);
    const alert = await screen.findByText(/la CPTS en demande au moins 2 pour une concertation pluriprofessionnelle/);
    expect(alert.closest('[role="alert"]')).toBeTruthy();
  });

  it('deletes a meeting after confirmation', async () => {
    const backend = await install();
    const meeting = await seedMeeting(backend, CA_DE_MAI);
    const { user } = renderApp(`/reunions/${meeting.id}`);
    await user.click(await screen.findByRole('button', { name: 'Supprimer la réunion' }));
    const dialog = screen.getByRole('dialog', { name: 'Supprimer la réunion ?' });
    await user.click(within(dialog).getByRole('button', { name: 'Supprimer la réunion' }));
    await waitFor(() => expect(backend.api['meetings.delete']).toHaveBeenCalledWith({ id: meeting.id, confirm: true }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Réunions' })).toBeTruthy();
  });
});

describe('Réunions — cas de RCP', () => {
  it('keeps the hint visible and ticks « 75 ans ou plus » for 85 and over', async () => {
    const meeting = await seedMeeting(await install(), RCP_CHUTES);
    const { user } = renderApp(`/reunions/${meeting.id}`);
    await user.click(await screen.findByRole('button', { name: 'Ajouter un cas' }));
    expect(
      screen.getAllByText(/Aucune donnée identifiante : ni nom, ni date de naissance, ni NIR, ni adresse\./).length,
    ).toBeGreaterThan(0);
    const over75 = screen.getByRole('checkbox', { name: '75 ans ou plus' }) as HTMLInputElement;
    expect(over75.checked).toBe(false);
    await user.selectOptions(screen.getByLabelText('Tranche d’âge'), '85+');
    expect(over75.checked).toBe(true);
    await user.selectOptions(screen.getByLabelText('Tranche d’âge'), '40-59');
    expect(over75.checked).toBe(false);
  });

  it('refuses a situation naming the patient, under « Situation », keeping the text, without calling the API', async () => {
    const backend = await install();
    const meeting = await seedMeeting(backend, RCP_CHUTES);
    const { user } = renderApp(`/reunions/${meeting.id}`);
    await user.click(await screen.findByRole('button', { name: 'Ajouter un cas' }));
    await user.selectOptions(screen.getByLabelText('Tranche d’âge'), '75-84');
    await waitFor(() => expect(screen.getByRole('option', { name: 'Chutes répétées' })).toBeTruthy());
    await user.selectOptions(screen.getByLabelText('Motif'), 'chutes');
    const text = 'Mme Dupont chute souvent à domicile.';
    await user.type(screen.getByLabelText('Situation'), text);
    await user.click(screen.getByRole('button', { name: 'Enregistrer le cas' }));
    const message = rcpTextProblem(text, 'Situation')!;
    expect(message).toBeTruthy();
    const situation = screen.getByLabelText('Situation') as HTMLTextAreaElement;
    await waitFor(() => expect(situation.getAttribute('aria-invalid')).toBe('true'));
    const errorId = situation.getAttribute('aria-describedby')!.split(' ')[0]!;
    expect(document.getElementById(errorId)?.textContent).toBe(message);
    expect(situation.value).toBe(text);
    expect(backend.api['rcp.saveCase']).not.toHaveBeenCalled();
  });

  it('places the server’s field errors under the fields and keeps the text', async () => {
    const backend = await install();
    const meeting = await seedMeeting(backend, RCP_CHUTES);
    // The form already refuses what the server's guard refuses: the server's answer is played once.
    backend.api['rcp.saveCase'].mockResolvedValueOnce({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'Certaines informations ne sont pas valides.',
        fields: { summary: 'Situation : un identifiant direct a été trouvé.' },
      },
    });
    const { user } = renderApp(`/reunions/${meeting.id}`);
    await user.click(await screen.findByRole('button', { name: 'Ajouter un cas' }));
    await user.selectOptions(screen.getByLabelText('Tranche d’âge'), '60-74');
    await waitFor(() => expect(screen.getByRole('option', { name: 'Chutes répétées' })).toBeTruthy());
    await user.selectOptions(screen.getByLabelText('Motif'), 'chutes');
    await user.type(screen.getByLabelText('Situation'), 'Texte jugé identifiant par le serveur');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le cas' }));
    expect(await screen.findByText('Situation : un identifiant direct a été trouvé.')).toBeTruthy();
    expect((screen.getByLabelText('Situation') as HTMLTextAreaElement).value).toBe(
      'Texte jugé identifiant par le serveur',
    );
  });

  it('saves a case with a decision and a new motif, then lists it with its code and badges', async () => {
    const backend = await withMembers();
    const meeting = await seedMeeting(backend, RCP_CHUTES, {
      participants: [{ memberId: backend.martin, attendance: 'present' }],
    });
    const owner = meeting.participants[0]!.id;
    const { user } = renderApp(`/reunions/${meeting.id}`);
    await user.click(await screen.findByRole('button', { name: 'Ajouter un cas' }));
    await user.selectOptions(screen.getByLabelText('Tranche d’âge'), '85+');
    await user.click(screen.getByRole('checkbox', { name: 'Affection de longue durée (ALD)' }));
    await waitFor(() => expect(screen.getByRole('option', { name: 'Ajouter un motif…' })).toBeTruthy());
    await user.selectOptions(screen.getByLabelText('Motif'), '__nouveau');
    await user.type(screen.getByLabelText('Nouveau motif'), 'Isolement social');
    await user.click(screen.getByRole('button', { name: 'Ajouter le motif' }));
    const motifSelect = screen.getByLabelText('Motif') as HTMLSelectElement;
    await waitFor(() => expect(motifSelect.value).toMatch(/^perso-/));
    expect(backend.api['rcp.addMotif']).toHaveBeenCalledWith({ label: 'Isolement social' });
    const motif = (await backend.ok('rcp.motifs')).find((m) => m.label === 'Isolement social')!;
    expect(motif.custom).toBe(true);
    expect(motifSelect.value).toBe(motif.code);
    await user.click(screen.getByRole('button', { name: 'Ajouter une action' }));
    await user.type(screen.getByLabelText('Action 1'), 'Passage de l’IDE deux fois par semaine');
    await user.selectOptions(screen.getByLabelText('Responsable de l’action 1'), String(owner));
    await user.click(screen.getByRole('button', { name: 'Enregistrer le cas' }));
    await waitFor(() => expect(backend.api['rcp.saveCase']).toHaveBeenCalled());
    expect(backend.api['rcp.saveCase'].mock.calls[0]![0]).toMatchObject({
      meetingId: meeting.id,
      ageBand: '85+',
      over75: true,
      ald: true,
      motifCode: motif.code,
      decisions: [{ action: 'Passage de l’IDE deux fois par semaine', ownerParticipantId: owner }],
    });
    const [saved] = (await backend.ok('meetings.get', { id: meeting.id })).cases;
    expect(saved!.code).toMatch(/^RCP26-[A-Z2-9]{5}$/);
    expect(await screen.findByText(saved!.code)).toBeTruthy();
    expect(screen.getByText('≥ 75 ans')).toBeTruthy();
    expect(screen.getByText('ALD')).toBeTruthy();
  });
});

describe('Suivi des décisions', () => {
  /** The CA of May with three decisions followed up by Julien Favre: late, under way, done. */
  const withDecisions = async () => {
    const backend = await install();
    const decision = (text: string, dueOn: string, status: 'a_faire' | 'en_cours' | 'fait') => ({
      text,
      ownerLabel: 'Julien Favre',
      dueOn,
      status,
    });
    const meeting = await seedMeeting(backend, CA_DE_MAI, {
      decisions: [
        decision('Relancer la mairie', '2026-04-01', 'a_faire'),
        decision('Préparer le budget', '2026-09-01', 'en_cours'),
        decision('Envoyer la convocation', '2026-04-20', 'fait'),
      ],
    });
    return { ...backend, meeting };
  };

  it('switches between Ouvertes, En retard, Faites and Toutes', async () => {
    const { api, meeting } = await withDecisions();
    const { user } = renderApp('/reunions/decisions');
    const panel = await screen.findByRole('tabpanel');
    expect(await within(panel).findByText('Relancer la mairie')).toBeTruthy();
    expect(within(panel).getByText('Préparer le budget')).toBeTruthy();
    expect(within(panel).queryByText('Envoyer la convocation')).toBeNull();
    expect(within(panel).getAllByRole('link', { name: 'CA de mai' })[0]!.getAttribute('href')).toBe(
      `/reunions/${meeting.id}`,
    );

    await user.click(screen.getByRole('tab', { name: 'En retard' }));
    await waitFor(() => expect(within(screen.getByRole('tabpanel')).queryByText('Préparer le budget')).toBeNull());
    expect(within(screen.getByRole('tabpanel')).getByText('Relancer la mairie')).toBeTruthy();
    expect(within(screen.getByRole('tabpanel')).getByText('en retard')).toBeTruthy();
    expect(api['decisions.list']).toHaveBeenCalledWith({ status: 'en_retard' });

    await user.click(screen.getByRole('tab', { name: 'Faites' }));
    expect(await within(screen.getByRole('tabpanel')).findByText('Envoyer la convocation')).toBeTruthy();
    expect(within(screen.getByRole('tabpanel')).queryByText('Relancer la mairie')).toBeNull();

    await user.click(screen.getByRole('tab', { name: 'Toutes' }));
    await waitFor(() => expect(within(screen.getByRole('tabpanel')).getAllByRole('row')).toHaveLength(4));
    expect(screen.getByRole('tab', { name: 'Toutes' }).getAttribute('aria-selected')).toBe('true');
  });

  it('changes the state of a decision inline', async () => {
    const { api, meeting } = await withDecisions();
    const relancer = meeting.decisions.find((d) => d.text === 'Relancer la mairie')!;
    const { user } = renderApp('/reunions/decisions');
    const select = await screen.findByLabelText('État de « Relancer la mairie »');
    await user.selectOptions(select, 'fait');
    await waitFor(() =>
      expect(api['decisions.save']).toHaveBeenCalledWith(
        expect.objectContaining({ id: relancer.id, meetingId: meeting.id, status: 'fait', ownerLabel: 'Julien Favre' }),
      ),
    );
    // Done: it leaves the open decisions.
    await waitFor(() => expect(screen.queryByText('Relancer la mairie')).toBeNull());
  });
});

describe('Tableau de bord et rapports', () => {
  it('shows the next meetings and the overdue decisions on the dashboard', async () => {
    await seedMeeting(
      await install(),
      { type: 'ca', title: 'CA de l’an prochain', date: `${new Date().getFullYear() + 1}-01-15` },
      { decisions: [{ text: 'Vieille décision', dueOn: '2026-01-01', status: 'a_faire' }] },
    );
    renderApp('/');
    const tile = await screen.findByRole('region', { name: 'Prochaines réunions' });
    expect(await within(tile).findByRole('link', { name: 'CA de l’an prochain' })).toBeTruthy();
    expect(await within(tile).findByRole('link', { name: '1 décision en retard' })).toBeTruthy();
  });

  it('exports the yearly RCP report', async () => {
    let savedTo = '';
    const { api } = await install({
      chooseSavePath: async (name) => (savedTo = `${real.current().database.dir}/${name}`),
    });
    const { user } = renderApp('/rapports');
    const year = new Date().getFullYear() - 1;
    await user.selectOptions(screen.getByLabelText('Année', { selector: '#rcp-annee' }), String(year));
    await user.click(screen.getByRole('button', { name: 'Exporter le bilan des RCP en PDF' }));
    await waitFor(() => expect(savedTo).toMatch(new RegExp(`Bilan des RCP ${year}.*\\.pdf$`)));
    expect(await screen.findByText(savedTo)).toBeTruthy();
    expect(api['reports.exportRcpYear']).toHaveBeenCalledWith({ year });
  });
});
