// @vitest-environment jsdom
/**
 * The AG workspace page (header strip, tabs, Convocation and Procès-verbal tabs) on the REAL main-process handlers
 * over a temporary database, with an AGO held today (2026-06-18).
 */
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultApprovalDate } from '../../renderer/src/features/ag/agLabels';
import { seedAssembly, type AgSeed } from '../fixtures/ag-seed';
import { installRealApi } from './real-api';
import { renderApp } from './render-app';

// The real handlers on SQLite answer fast, but the first render of the page compiles a lot: be patient.
configure({ asyncUtilTimeout: 8_000 });

let backend: Awaited<ReturnType<typeof installRealApi>>;
let seed: AgSeed;

beforeEach(async () => {
  backend = await installRealApi({ now: () => new Date('2026-06-18T18:40:00') });
  seed = await seedAssembly(backend.ok);
});

afterEach(async () => {
  vi.useRealTimers();
  await backend.dispose();
});

/** The computer's date as the renderer sees it (only `Date` is faked: timers stay real for the tests). */
function computerDate(iso: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
}

/** President and secretary of the meeting, so that the PV can be approved. */
async function setOfficers() {
  await backend.ok('ag.setOfficers', {
    meetingId: seed.meetingId,
    presidentMemberId: seed.members.Martin!,
    secretaireMemberId: seed.members.Bernard!,
  });
}

async function moveMeetingTo(date: string) {
  const detail = await backend.ok('meetings.get', { id: seed.meetingId });
  await backend.ok('meetings.update', { id: seed.meetingId, data: { ...detail.data, date } });
}

async function openApproval(user: ReturnType<typeof renderApp>['user']) {
  await user.click(await screen.findByRole('button', { name: 'Approuver le procès-verbal' }));
  return screen.findByRole('dialog', { name: 'Approuver le procès-verbal' });
}

const page = (tab?: string) => `/reunions/${seed.meetingId}/assemblee${tab ? `?onglet=${tab}` : ''}`;

/** The <li> of a point of the ordre du jour, found by its heading. */
async function agendaItem(title: RegExp) {
  const heading = await screen.findByRole('heading', { level: 3, name: title });
  return heading.closest('li') as HTMLElement;
}

describe('Assemblée générale — page et onglets', () => {
  it('shows the header strip and switches tabs with the keyboard', async () => {
    // The session has started (one arrival) without its quorum: a second convocation is proposed.
    await backend.ok('ag.setPresence', { meetingId: seed.meetingId, memberId: seed.members.Martin!, present: true });
    const { user } = renderApp(page());
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Assemblée générale ordinaire — Assemblée générale 2026' }),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: '← Retour à la réunion' }).getAttribute('href')).toBe(
      `/reunions/${seed.meetingId}`,
    );
    const strip = screen.getByRole('region', { name: 'Situation de la séance' });
    expect(within(strip).getByText('Quorum non atteint')).toBeTruthy();
    expect(within(strip).getByText(/membres votants/)).toBeTruthy();
    expect(within(strip).getByText(/jeudi 18 juin 2026/)).toBeTruthy();
    const rules = screen.getByRole('group', { name: 'Règles statutaires appliquées' });
    expect(within(rules).getByText(/Valeurs usuelles par défaut/)).toBeTruthy();
    expect(within(rules).getByText(/Règles par défaut : saisissez celles de vos statuts dans/)).toBeTruthy();
    expect(within(rules).getByRole('link', { name: 'Paramètres' }).getAttribute('href')).toBe('/parametres');
    // Nobody is present at the AGO of today: a second convocation is proposed, 15 days later by default.
    const second = screen.getByRole('region', { name: 'Quorum non atteint : deuxième convocation' });
    expect((within(second).getByLabelText('Date de la deuxième assemblée') as HTMLInputElement).value).toBe(
      '2026-07-03',
    );
    expect(within(second).getByRole('button', { name: 'Convoquer l’assemblée sur deuxième convocation' })).toBeTruthy();

    const tablist = screen.getByRole('tablist');
    const convocation = within(tablist).getByRole('tab', { name: 'Convocation' });
    expect(convocation.getAttribute('aria-selected')).toBe('true');
    expect(
      within(tablist)
        .getAllByRole('tab')
        .map((tab) => tab.textContent),
    ).toEqual(['Convocation', 'Pouvoirs', 'Émargement en direct', 'Votes', 'Procès-verbal']);
    expect(screen.getByRole('tabpanel', { name: 'Convocation' })).toBeTruthy();

    convocation.focus();
    await user.keyboard('{ArrowLeft}');
    const pv = within(tablist).getByRole('tab', { name: 'Procès-verbal' });
    await waitFor(() => expect(pv.getAttribute('aria-selected')).toBe('true'));
    expect(document.activeElement).toBe(pv);
    expect(await screen.findByRole('tabpanel', { name: 'Procès-verbal' })).toBeTruthy();
    expect(await screen.findByLabelText('Président·e de séance')).toBeTruthy();
    expect(convocation.getAttribute('tabindex')).toBe('-1');

    await user.keyboard('{ArrowRight}');
    await waitFor(() => expect(convocation.getAttribute('aria-selected')).toBe('true'));
    expect(document.activeElement).toBe(convocation);
    expect(await screen.findByRole('heading', { level: 2, name: 'Envoi de la convocation' })).toBeTruthy();

    await user.keyboard('{End}');
    await waitFor(() => expect(pv.getAttribute('aria-selected')).toBe('true'));
    await user.keyboard('{Home}');
    await waitFor(() => expect(convocation.getAttribute('aria-selected')).toBe('true'));
  });

  it('convenes the assembly again on a second convocation and opens it', async () => {
    await backend.ok('ag.setPresence', { meetingId: seed.meetingId, memberId: seed.members.Martin!, present: true });
    const { user } = renderApp(page());
    const second = await screen.findByRole('region', { name: 'Quorum non atteint : deuxième convocation' });
    fireEvent.change(within(second).getByLabelText('Date de la deuxième assemblée'), {
      target: { value: '2026-07-04' },
    });
    await user.click(within(second).getByRole('button', { name: 'Convoquer l’assemblée sur deuxième convocation' }));
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Assemblée générale ordinaire — Assemblée générale 2026 — deuxième convocation',
      }),
    ).toBeTruthy();
    expect(screen.getByText('sur deuxième convocation')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Voir la séance sur première convocation' }).getAttribute('href')).toBe(
      `/reunions/${seed.meetingId}/assemblee`,
    );
    expect(screen.queryByRole('region', { name: 'Quorum non atteint : deuxième convocation' })).toBeNull();
    const first = await backend.ok('ag.get', { meetingId: seed.meetingId });
    expect(first.secondRoundMeetingId).not.toBeNull();
    expect((await backend.ok('meetings.get', { id: first.secondRoundMeetingId! })).data.date).toBe('2026-07-04');
  });

  it('opens the tab named in the address (a reload keeps it)', async () => {
    renderApp(page('pv'));
    const pv = await screen.findByRole('tab', { name: 'Procès-verbal' });
    expect(pv.getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByRole('heading', { level: 2, name: 'Bureau de séance' })).toBeTruthy();
  });
});

describe('Assemblée générale — onglet Convocation', () => {
  it('lists the ordre du jour with its resolutions and adds one under its point with its majority', async () => {
    const { user } = renderApp(page());
    const comptes = await agendaItem(/Comptes de l’exercice/);
    expect(
      within(comptes).getByRole('heading', { level: 4, name: 'Résolution n° 2 : Approbation des comptes' }),
    ).toBeTruthy();

    await user.click(
      within(comptes).getByRole('button', { name: 'Ajouter une résolution au point 2 : Comptes de l’exercice' }),
    );
    const form = within(comptes).getByRole('form', { name: 'Nouvelle résolution' });
    expect((within(form).getByLabelText(/Point de l’ordre du jour/) as HTMLSelectElement).value).toBe(
      String(seed.agenda[1]!.id),
    );
    expect(
      within(form).getByRole('option', { name: /Résolution ordinaire — Majorité simple des suffrages exprimés/ }),
    ).toBeTruthy();
    await user.type(within(form).getByLabelText(/Intitulé de la résolution/), 'Affectation du résultat');
    await user.type(
      within(form).getByLabelText(/Texte soumis au vote/),
      'L’assemblée générale décide d’affecter le résultat en report à nouveau.',
    );
    await user.click(within(form).getByRole('button', { name: 'Ajouter la résolution' }));

    const added = await within(comptes).findByRole('heading', {
      level: 4,
      name: 'Résolution n° 3 : Affectation du résultat',
    });
    const row = added.closest('li') as HTMLElement;
    expect(within(row).getByText(/Majorité simple des suffrages exprimés/)).toBeTruthy();
    expect(within(row).getByText('Résolution ordinaire')).toBeTruthy();
    // The next point's resolution is renumbered.
    const election = await agendaItem(/Élection du conseil/);
    expect(
      within(election).getByRole('heading', { level: 4, name: 'Résolution n° 4 : Élection des administrateurs' }),
    ).toBeTruthy();
    const state = await backend.ok('ag.get', { meetingId: seed.meetingId });
    expect(state.resolutions.find((r) => r.title === 'Affectation du résultat')?.agendaItemId).toBe(seed.agenda[1]!.id);
  });

  it('numbers the resolutions the same way on the Convocation and Votes tabs, in the order of the ordre du jour', async () => {
    const { user } = renderApp(page());
    const rapport = await agendaItem(/Rapport moral/);
    // A resolution added to point 1 after those of points 2 and 3 were written: it becomes n° 2.
    await user.click(within(rapport).getByRole('button', { name: /Ajouter une résolution au point 1/ }));
    const form = within(rapport).getByRole('form', { name: 'Nouvelle résolution' });
    await user.type(within(form).getByLabelText(/Intitulé de la résolution/), 'Approbation du rapport moral');
    await user.type(
      within(form).getByLabelText(/Texte soumis au vote/),
      'L’assemblée générale approuve le rapport moral du président.',
    );
    await user.click(within(form).getByRole('button', { name: 'Ajouter la résolution' }));
    await within(rapport).findByRole('heading', { level: 4, name: 'Résolution n° 2 : Approbation du rapport moral' });

    const expected = [
      [1, 'Approbation du rapport d’activité'],
      [2, 'Approbation du rapport moral'],
      [3, 'Approbation des comptes'],
      [4, 'Élection des administrateurs'],
    ] as const;
    const convocation = screen
      .getAllByRole('heading', { level: 4 })
      .map((heading) => heading.textContent)
      .filter((text) => text?.startsWith('Résolution n°'));
    expect(convocation).toEqual(expected.map(([n, title]) => `Résolution n° ${n} : ${title}`));

    await user.click(screen.getByRole('tab', { name: 'Votes' }));
    await screen.findByRole('region', { name: /Résolution n° 1 — / });
    const cards = screen
      .getAllByRole('region', { name: /^Résolution n° / })
      .map((card) => card.getAttribute('aria-labelledby'));
    const titles = cards.map((id) => document.getElementById(id!)!.textContent);
    expect(titles).toEqual(expected.map(([n, title]) => `Résolution n° ${n} — ${title}`));
    // The card « n° 3 » is the one the convocation calls n° 3: a result typed there goes to « Approbation des comptes ».
    const third = screen.getByRole('region', { name: 'Résolution n° 3 — Approbation des comptes' });
    expect(within(third).getByText(/approuve les comptes de l’exercice/)).toBeTruthy();
  });

  it('shows the French errors of an invalid resolution and saves nothing', async () => {
    const { user } = renderApp(page());
    const rapport = await agendaItem(/Rapport moral/);
    await user.click(within(rapport).getByRole('button', { name: /Ajouter une résolution au point 1/ }));
    const form = within(rapport).getByRole('form', { name: 'Nouvelle résolution' });
    await user.type(within(form).getByLabelText(/Intitulé de la résolution/), 'Ab');
    await user.type(within(form).getByLabelText(/Texte soumis au vote/), 'Trop court');
    await user.clear(within(form).getByLabelText(/Texte soumis au vote/));
    await user.click(within(form).getByRole('button', { name: 'Ajouter la résolution' }));
    expect(await within(form).findByText('Donnez un intitulé à la résolution.')).toBeTruthy();
    expect(within(form).getByText('Rédigez le texte de la résolution soumis au vote.')).toBeTruthy();
    expect(
      (within(form).getByLabelText(/Intitulé de la résolution/) as HTMLInputElement).getAttribute('aria-invalid'),
    ).toBe('true');
    const state = await backend.ok('ag.get', { meetingId: seed.meetingId });
    expect(state.resolutions).toHaveLength(3);
  });

  it('edits and deletes a resolution after confirmation', async () => {
    const { user } = renderApp(page());
    const rapport = await agendaItem(/Rapport moral/);
    await user.click(
      within(rapport).getByRole('button', { name: 'Modifier la résolution « Approbation du rapport d’activité »' }),
    );
    const form = within(rapport).getByRole('form', { name: 'Modifier la résolution' });
    const title = within(form).getByLabelText(/Intitulé de la résolution/);
    await user.clear(title);
    await user.type(title, 'Approbation du rapport moral');
    await user.click(within(form).getByRole('button', { name: 'Enregistrer la résolution' }));
    expect(
      await within(rapport).findByRole('heading', { level: 4, name: 'Résolution n° 1 : Approbation du rapport moral' }),
    ).toBeTruthy();

    await user.click(
      within(rapport).getByRole('button', { name: 'Supprimer la résolution « Approbation du rapport moral »' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Supprimer la résolution ?' });
    await user.click(within(dialog).getByRole('button', { name: 'Supprimer la résolution' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await within(rapport).findByText('Aucune résolution soumise au vote sur ce point.')).toBeTruthy();
    expect((await backend.ok('ag.get', { meetingId: seed.meetingId })).resolutions).toHaveLength(2);
  });

  it('records the sending of the convocation and warns when it was sent too late', async () => {
    const { user } = renderApp(page());
    expect(await screen.findByRole('heading', { level: 2, name: 'Envoi de la convocation' })).toBeTruthy();
    expect(screen.getByText('Délai de convocation : au moins 15 jours avant la séance.')).toBeTruthy();
    expect(screen.getByText(/12 membres à convoquer, dont 1 membre sans adresse électronique/)).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Envoi de la convocation' });
    fireEvent.change(within(form).getByLabelText('Convocation envoyée le'), { target: { value: '2026-06-10' } });
    await user.selectOptions(within(form).getByLabelText('Mode d’envoi'), 'courriel');
    await user.click(within(form).getByRole('button', { name: 'Enregistrer l’envoi' }));

    expect(await screen.findByText(/Convocation envoyée le 10 juin 2026 par courriel\./)).toBeTruthy();
    const alert = await screen.findByText(
      /La convocation a été envoyée 8 jours avant l'assemblée ; les statuts en demandent 15\./,
    );
    expect(alert.closest('[role="alert"]')).toBeTruthy();
    const state = await backend.ok('ag.get', { meetingId: seed.meetingId });
    expect(state.convocation).toMatchObject({ sentOn: '2026-06-10', mode: 'courriel' });
  });

  it('refuses a sending date after the assembly with a French message', async () => {
    const { user } = renderApp(page());
    const form = await screen.findByRole('form', { name: 'Envoi de la convocation' });
    fireEvent.change(within(form).getByLabelText('Convocation envoyée le'), { target: { value: '2026-06-19' } });
    await user.click(within(form).getByRole('button', { name: 'Enregistrer l’envoi' }));
    expect(await within(form).findByRole('alert')).toBeTruthy();
    expect(within(form).getByRole('alert').textContent).toMatch(/futur|après l’assemblée/);
  });

  it('says « Export annulé » when the save dialog is cancelled', async () => {
    const { user } = renderApp(page());
    await user.click(await screen.findByRole('button', { name: 'Exporter la convocation (PDF)' }));
    expect(await screen.findByText('Export annulé : aucun fichier n’a été enregistré.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Préparer les courriels (.eml)' }));
    expect(await screen.findByText('Export annulé : aucun courriel n’a été préparé.')).toBeTruthy();
  });
});

describe('Assemblée générale — onglet Procès-verbal', () => {
  it('sets the officers, saves a summary, approves with new dirigeants, lists the formalities, then reopens', async () => {
    const { user } = renderApp(page('pv'));
    expect(await screen.findByText('Brouillon')).toBeTruthy();

    // Officers.
    const president = await screen.findByLabelText('Président·e de séance');
    await waitFor(() => expect(within(president).getByRole('option', { name: 'MARTIN Paul' })).toBeTruthy());
    await user.selectOptions(president, 'MARTIN Paul');
    await user.selectOptions(screen.getByLabelText('Secrétaire de séance'), 'BERNARD Éloïse');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le bureau de séance' }));
    await waitFor(async () =>
      expect((await backend.ok('ag.get', { meetingId: seed.meetingId })).officers).toMatchObject({
        presidentMemberId: seed.members.Martin,
        secretaireMemberId: seed.members.Bernard,
      }),
    );

    // Summary of the debates of point 1: the whole agenda is re-sent, titles and ids kept.
    const rapport = await agendaItem(/Rapport moral/);
    expect(within(rapport).getByText('Non votée')).toBeTruthy();
    await user.type(
      within(rapport).getByLabelText('Synthèse des débats — point 1'),
      'Le président présente le rapport d’activité. Aucune question.',
    );
    await user.click(screen.getByRole('button', { name: 'Enregistrer la synthèse des débats' }));
    await waitFor(async () => {
      const detail = await backend.ok('meetings.get', { id: seed.meetingId });
      expect(detail.agenda.map((item) => [item.id, item.title, item.minutes])).toEqual([
        [
          seed.agenda[0]!.id,
          'Rapport moral et rapport d’activité',
          'Le président présente le rapport d’activité. Aucune question.',
        ],
        [seed.agenda[1]!.id, 'Comptes de l’exercice', null],
        [seed.agenda[2]!.id, 'Élection du conseil d’administration', null],
      ]);
    });

    // Closing time = the meeting's end time.
    const closing = screen.getByLabelText('Heure de clôture') as HTMLInputElement;
    expect(closing.value).toBe('20:30');
    fireEvent.change(closing, { target: { value: '20:45' } });
    await user.click(screen.getByRole('button', { name: 'Enregistrer l’heure de clôture' }));
    await waitFor(async () =>
      expect((await backend.ok('meetings.get', { id: seed.meetingId })).data).toMatchObject({
        endTime: '20:45',
        title: 'Assemblée générale 2026',
        startTime: '18:30',
      }),
    );

    // Approval with changed dirigeants: the formalities appear with their due dates.
    await user.click(screen.getByRole('button', { name: 'Approuver le procès-verbal' }));
    const dialog = await screen.findByRole('dialog', { name: 'Approuver le procès-verbal' });
    expect(within(dialog).getByText(/formalités qui suivent seront listées avec leur échéance/)).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('Date d’approbation'), { target: { value: '2026-06-18' } });
    await user.click(within(dialog).getByLabelText('L’assemblée a changé des dirigeants'));
    await user.click(within(dialog).getByRole('button', { name: 'Approuver le procès-verbal' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    expect(await screen.findByText('Approuvé le 18 juin 2026')).toBeTruthy();
    const formalities = screen.getByRole('region', { name: 'Formalités après l’assemblée' });
    const declaration = within(formalities)
      .getByText(/Déclarer le changement de dirigeants au greffe/)
      .closest('li') as HTMLElement;
    expect(within(declaration).getByText('À faire au plus tard le 18 septembre 2026')).toBeTruthy();
    expect(within(formalities).getByText(/registre spécial/)).toBeTruthy();
    expect(within(formalities).getByText(/Faire signer le procès-verbal/)).toBeTruthy();
    // Approved: no more edits, and the page says so truthfully.
    expect(
      screen.getByText(
        'Procès-verbal approuvé : la séance ne peut plus être modifiée. Rouvrez-le en brouillon pour corriger.',
      ),
    ).toBeTruthy();
    expect(
      screen.getByText(
        'Le PV exporté garde les noms tels qu’au jour de l’approbation, même si un membre est renommé ou anonymisé ensuite.',
      ),
    ).toBeTruthy();
    expect(screen.queryByText(/figé/)).toBeNull();
    expect((screen.getByLabelText('Président·e de séance') as HTMLSelectElement).disabled).toBe(true);
    expect((screen.getByLabelText('Synthèse des débats — point 1') as HTMLTextAreaElement).readOnly).toBe(true);
    expect(screen.queryByRole('button', { name: 'Enregistrer la synthèse des débats' })).toBeNull();

    // A formality done.
    fireEvent.change(within(declaration).getByLabelText('Fait le'), { target: { value: '2026-06-18' } });
    await user.type(within(declaration).getByLabelText('Notes'), 'Déclaré en ligne');
    await user.click(within(declaration).getByRole('button', { name: 'Marquer comme fait' }));
    await waitFor(() =>
      expect(
        within(screen.getByRole('region', { name: 'Formalités après l’assemblée' })).getByText('Fait le 18 juin 2026'),
      ).toBeTruthy(),
    );
    const rows = await backend.ok('formalities.list', { status: 'toutes' });
    expect(rows.find((row) => row.kind === 'declaration_dirigeants')).toMatchObject({
      doneOn: '2026-06-18',
      notes: 'Déclaré en ligne',
      dueOn: '2026-09-18',
    });

    // Reopen, after confirmation.
    await user.click(screen.getByRole('button', { name: 'Rouvrir en brouillon' }));
    const confirm = await screen.findByRole('dialog', { name: 'Rouvrir le procès-verbal en brouillon ?' });
    await user.click(within(confirm).getByRole('button', { name: 'Rouvrir en brouillon' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText('Brouillon')).toBeTruthy();
    expect((screen.getByLabelText('Président·e de séance') as HTMLSelectElement).disabled).toBe(false);
    expect((await backend.ok('ag.get', { meetingId: seed.meetingId })).pv).toEqual({
      status: 'brouillon',
      approvedOn: null,
    });
  });

  it('warns about resolutions without a recorded vote before approving, without blocking', async () => {
    for (const name of ['Martin', 'Bernard', 'Durand']) {
      await backend.ok('ag.setPresence', { meetingId: seed.meetingId, memberId: seed.members[name]!, present: true });
    }
    await backend.ok('ag.recordVote', {
      meetingId: seed.meetingId,
      resolutionId: seed.resolutions[0]!,
      pour: 3,
      contre: 0,
      abstention: 0,
      blanc: 0,
    });
    await setOfficers();
    const { user } = renderApp(page('pv'));
    const dialog = await openApproval(user);
    expect(
      within(dialog).getByText(/Une fois le procès-verbal approuvé, la séance ne peut plus être modifiée/),
    ).toBeTruthy();
    expect(within(dialog).queryByText(/figé/)).toBeNull();
    const list = within(dialog).getByRole('list', { name: 'Résolutions sans vote enregistré :' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Résolution n° 2 : Approbation des comptes', 'Résolution n° 3 : Élection des administrateurs']);
    expect(within(dialog).getByText(/Vous pouvez approuver quand même/)).toBeTruthy();

    fireEvent.change(within(dialog).getByLabelText('Date d’approbation'), { target: { value: '2026-06-18' } });
    await user.click(within(dialog).getByRole('button', { name: 'Approuver le procès-verbal' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText('Approuvé le 18 juin 2026')).toBeTruthy();
  });

  it('has no warning when every resolution was voted', async () => {
    for (const name of ['Martin', 'Bernard', 'Durand']) {
      await backend.ok('ag.setPresence', { meetingId: seed.meetingId, memberId: seed.members[name]!, present: true });
    }
    for (const resolutionId of seed.resolutions) {
      await backend.ok('ag.recordVote', {
        meetingId: seed.meetingId,
        resolutionId,
        pour: 2,
        contre: 1,
        abstention: 0,
        blanc: 0,
      });
    }
    const { user } = renderApp(page('pv'));
    const dialog = await openApproval(user);
    expect(within(dialog).queryByText(/sans vote enregistré/)).toBeNull();
  });

  it('proposes today as the approval date once the assembly is past, the meeting day otherwise', async () => {
    expect(defaultApprovalDate('2026-06-04', '2026-06-18')).toBe('2026-06-18');
    expect(defaultApprovalDate('2026-06-18', '2026-06-18')).toBe('2026-06-18');
    expect(defaultApprovalDate('2026-07-09', '2026-06-18')).toBe('2026-07-09');

    // Held two weeks ago: today, not the meeting day, and never later than today.
    computerDate('2026-06-18T18:40:00');
    await moveMeetingTo('2026-06-04');
    const { user } = renderApp(page('pv'));
    const dialog = await openApproval(user);
    const input = within(dialog).getByLabelText('Date d’approbation') as HTMLInputElement;
    expect(input.value).toBe('2026-06-18');
    expect(input.max).toBe('2026-06-18');
    expect(input.min).toBe('2026-06-04');
    expect(within(dialog).queryByText(/n’a pas encore eu lieu/)).toBeNull();
  });

  it('shows in the dialog the French refusal of a future approval date', async () => {
    computerDate('2026-06-18T18:40:00');
    await setOfficers();
    const { user } = renderApp(page('pv'));
    const dialog = await openApproval(user);
    const input = within(dialog).getByLabelText('Date d’approbation') as HTMLInputElement;
    // The assembly is held today: today is proposed.
    expect(input.value).toBe('2026-06-18');
    fireEvent.change(input, { target: { value: '2026-06-25' } });
    await user.click(within(dialog).getByRole('button', { name: 'Approuver le procès-verbal' }));
    const refusal = await within(dialog).findByRole('alert');
    expect(refusal.textContent).toMatch(/futur/i);
    expect((await backend.ok('ag.get', { meetingId: seed.meetingId })).pv.status).toBe('brouillon');
  });

  it('says why the PV of an assembly not held yet cannot be approved', async () => {
    computerDate('2026-06-18T18:40:00');
    await moveMeetingTo('2026-07-09');
    await setOfficers();
    const { user } = renderApp(page('pv'));
    const dialog = await openApproval(user);
    expect((within(dialog).getByLabelText('Date d’approbation') as HTMLInputElement).value).toBe('2026-07-09');
    expect(
      within(dialog).getByText(/L’assemblée n’a pas encore eu lieu \(elle est prévue le 9 juillet 2026\)/),
    ).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Approuver le procès-verbal' }));
    const refusal = await within(dialog).findByRole('alert');
    expect(refusal.textContent).toMatch(/pas encore eu lieu/);
    expect((await backend.ok('ag.get', { meetingId: seed.meetingId })).pv.status).toBe('brouillon');
  });

  it('refuses to approve without officers, with the French reason in the dialog', async () => {
    const { user } = renderApp(page('pv'));
    await user.click(await screen.findByRole('button', { name: 'Approuver le procès-verbal' }));
    const dialog = await screen.findByRole('dialog', { name: 'Approuver le procès-verbal' });
    expect(within(dialog).getByText(/désignez-les d’abord/)).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('Date d’approbation'), { target: { value: '2026-06-18' } });
    await user.click(within(dialog).getByRole('button', { name: 'Approuver le procès-verbal' }));
    expect(
      await within(dialog).findByText(/Désignez le président et le secrétaire de séance avant d’approuver/),
    ).toBeTruthy();
    await user.keyboard('{Escape}');
    // The date was changed: closing asks first.
    const question = await screen.findByRole('dialog', { name: 'Modifications non enregistrées' });
    await user.click(within(question).getByRole('button', { name: 'Quitter sans enregistrer' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});

describe('Paramètres — suppression d’une version des statuts', () => {
  it('says truthfully what happens to the assemblies already held', async () => {
    const { defaults } = await backend.ok('rules.list');
    await backend.ok('rules.save', {
      id: null,
      effectiveFrom: '2021-03-12',
      rules: { ...defaults, source: 'Statuts initiaux' },
    });
    const { user } = renderApp('/parametres');
    await user.click(await screen.findByRole('button', { name: 'Supprimer la version du 12 mars 2021' }));
    const dialog = screen.getByRole('dialog', { name: 'Supprimer cette version des statuts ?' });
    const text = dialog.textContent!.replace(/\s+/g, ' ');
    expect(text).toContain(
      'Les assemblées dont le procès-verbal est approuvé gardent les règles avec lesquelles elles ont été tenues ; les votes déjà enregistrés gardent leur résultat. Les autres assemblées appliqueront la version en vigueur à leur date',
    );
    expect(text).not.toMatch(/recalcul/);
  });
});

describe('Réunion — lien vers l’assemblée', () => {
  it('offers the assembly workspace on an AGO', async () => {
    renderApp(`/reunions/${seed.meetingId}`);
    const link = await screen.findByRole('link', { name: 'Assemblée : convocation, émargement, votes, PV' });
    expect(link.getAttribute('href')).toBe(`/reunions/${seed.meetingId}/assemblee`);
  });
});
