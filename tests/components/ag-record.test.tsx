// @vitest-environment jsdom
/**
 * On the real handlers: an arrival before the session's day is asked first (then the check-in goes on), and weighted
 * votes are entered as members per collège, the screen showing the weighted totals before the main process decides.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient, useApiQuery } from '../../renderer/src/api';
import { Providers } from '../../renderer/src/App';
import { CheckInTab } from '../../renderer/src/features/ag/CheckInTab';
import { VotesTab } from '../../renderer/src/features/ag/VotesTab';
import { DEFAULT_RULES, type StatutoryRules } from '@shared/domain/ag';
import { AG_DATE, seedAssembly } from '../fixtures/ag-seed';
import { installRealApi } from './real-api';
import { renderApp } from './render-app';

type Backend = Awaited<ReturnType<typeof installRealApi>>;
let backend: Backend | null = null;

afterEach(async () => {
  cleanup();
  vi.useRealTimers();
  await backend?.dispose();
  backend = null;
});

function Tab({ meetingId, tab }: { meetingId: number; tab: 'emargement' | 'votes' }) {
  const query = useApiQuery('ag.get', [{ meetingId }]);
  if (!query.data) return <p>Chargement…</p>;
  return tab === 'emargement' ? <CheckInTab state={query.data} /> : <VotesTab state={query.data} />;
}

function renderTab(meetingId: number, tab: 'emargement' | 'votes') {
  const client = createQueryClient();
  client.setDefaultOptions({
    queries: { ...client.getDefaultOptions().queries, retry: false },
    mutations: { retry: false },
  });
  render(
    <Providers client={client}>
      <Tab meetingId={meetingId} tab={tab} />
    </Providers>,
  );
  return userEvent.setup();
}

describe('Émargement avant le jour de la séance', () => {
  it('asks before the first arrival, records nothing when cancelled, then lets the check-in go on', async () => {
    // A week before the assembly, for the screen (Date only: the timers stay real) and for the main process.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-06-11T10:00:00'));
    backend = await installRealApi({ now: () => new Date('2026-06-11T10:00:00') });
    const seed = await seedAssembly(backend.ok);
    const user = renderTab(seed.meetingId, 'emargement');
    const present = async () =>
      (await backend!.ok('ag.get', { meetingId: seed.meetingId })).voters
        .filter((voter) => voter.present)
        .map((voter) => voter.name);

    await user.click(await screen.findByRole('button', { name: 'Arrivée de MARTIN Paul' }));
    const dialog = await screen.findByRole('dialog', { name: 'Enregistrer une arrivée avant la séance ?' });
    expect(
      within(dialog).getByText(
        'La séance est prévue le 18 juin 2026 : enregistrer quand même une arrivée aujourd’hui ?',
      ),
    ).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    expect(await present()).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Arrivée de MARTIN Paul' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Enregistrer l’arrivée' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await present()).toEqual(['MARTIN Paul']);
    // Confirmed once for this check-in: the next arrival is recorded without a question.
    await user.click(screen.getByRole('button', { name: 'Arrivée de BERNARD Éloïse' }));
    await waitFor(async () => expect((await present()).sort()).toEqual(['BERNARD Éloïse', 'MARTIN Paul']));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('Vote avant le jour de la séance', () => {
  it('asks before recording a vote and records it once confirmed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-06-11T10:00:00'));
    backend = await installRealApi({ now: () => new Date('2026-06-11T10:00:00') });
    const seed = await seedAssembly(backend.ok);
    for (const name of ['Martin', 'Bernard', 'Durand']) {
      await backend.ok('ag.setPresence', {
        meetingId: seed.meetingId,
        memberId: seed.members[name]!,
        present: true,
        confirmedBeforeDate: true,
      });
    }
    const user = renderTab(seed.meetingId, 'votes');
    const form = await screen.findByRole('form', { name: /Décompte des voix — Résolution n° 1/ });
    await user.type(within(form).getByLabelText('Pour'), '3');
    await user.type(within(form).getByLabelText('Contre'), '0');
    await user.click(within(form).getByRole('button', { name: 'Enregistrer le vote' }));
    const dialog = await screen.findByRole('dialog', { name: 'Enregistrer un vote avant la séance ?' });
    expect(
      within(dialog).getByText('La séance est prévue le 18 juin 2026 : enregistrer quand même un vote aujourd’hui ?'),
    ).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    expect((await backend.ok('ag.get', { meetingId: seed.meetingId })).resolutions[0]!.votes).toBeNull();
    await user.click(within(form).getByRole('button', { name: 'Enregistrer le vote' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Enregistrer le vote' }));
    await waitFor(async () =>
      expect((await backend!.ok('ag.get', { meetingId: seed.meetingId })).resolutions[0]!.adopted).toBe(true),
    );
  });
});

describe('Votes pondérés', () => {
  it('takes members per collège, shows the weighted totals and refuses a collège counted beyond its members present', async () => {
    backend = await installRealApi({ now: () => new Date(`${AG_DATE}T18:40:00`) });
    const seed = await seedAssembly(backend.ok);
    const structures = (await backend.ok('colleges.list')).find(
      (college) => college.name === 'Structures et établissements',
    )!;
    await backend.ok('colleges.save', {
      id: structures.id,
      name: structures.name,
      votingRight: 'deliberative',
      voteWeight: 2,
    });
    const rules = JSON.parse(JSON.stringify(DEFAULT_RULES)) as StatutoryRules;
    rules.meetings.ago.voteWeighting = 'weight';
    await backend.ok('rules.save', { effectiveFrom: '2026-01-01', rules });
    for (const name of ['Martin', 'Bernard', 'Durand', 'Girard', 'Lefèvre'])
      await backend.ok('ag.setPresence', { meetingId: seed.meetingId, memberId: seed.members[name]!, present: true });

    const user = renderTab(seed.meetingId, 'votes');
    const form = await screen.findByRole('form', {
      name: 'Décompte des voix — Résolution n° 1 — Approbation du rapport d’activité',
    });
    expect(within(form).getByText(/saisissez le/)).toBeTruthy();
    // 3 libéraux for (1 voix each), 2 structures against (2 voix each): 3 voix for, 4 against.
    await user.type(within(form).getByLabelText('Professionnels libéraux — Pour (nombre de membres)'), '3');
    await user.type(within(form).getByLabelText('Structures et établissements — Contre (nombre de membres)'), '3');
    expect(within(form).getByRole('alert').textContent).toContain(
      'Structures et établissements : plus de votes que de membres présents ou représentés',
    );
    await user.click(within(form).getByRole('button', { name: 'Enregistrer le vote' }));
    expect((await backend.ok('ag.get', { meetingId: seed.meetingId })).resolutions[0]!.votes).toBeNull();

    await user.clear(within(form).getByLabelText('Structures et établissements — Contre (nombre de membres)'));
    await user.type(within(form).getByLabelText('Structures et établissements — Contre (nombre de membres)'), '2');
    expect(within(form).getByTestId('poids-pour').textContent).toBe('3');
    expect(within(form).getByTestId('poids-contre').textContent).toBe('4');
    await user.click(within(form).getByRole('button', { name: 'Enregistrer le vote' }));
    expect(
      await screen.findByText(/Structures et établissements \(2 voix par membre\) : pour 0, contre 2 × 2 = 4/),
    ).toBeTruthy();
    expect((await backend.ok('ag.get', { meetingId: seed.meetingId })).resolutions[0]).toMatchObject({
      adopted: false,
      votes: { pour: 3, contre: 4 },
    });

    // « Corriger le vote » puts the members of each collège back in the form, not the voix.
    await user.click(screen.getByRole('button', { name: 'Corriger le vote' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Effacer le vote' }));
    const again = await screen.findByRole('form', { name: /Décompte des voix — Résolution n° 1/ });
    expect(
      (within(again).getByLabelText('Professionnels libéraux — Pour (nombre de membres)') as HTMLInputElement).value,
    ).toBe('3');
    expect(
      (within(again).getByLabelText('Structures et établissements — Contre (nombre de membres)') as HTMLInputElement)
        .value,
    ).toBe('2');
    expect(within(again).getByTestId('poids-contre').textContent).toBe('4');
  });
});

describe('Séance au procès-verbal approuvé', () => {
  it('says why the meeting cannot change and disables its forms until the PV is reopened', async () => {
    backend = await installRealApi({ now: () => new Date(`${AG_DATE}T18:40:00`) });
    const seed = await seedAssembly(backend.ok);
    await backend.ok('ag.setOfficers', {
      meetingId: seed.meetingId,
      presidentMemberId: seed.members.Martin!,
      secretaireMemberId: seed.members.Bernard!,
    });
    await backend.ok('ag.approvePv', {
      meetingId: seed.meetingId,
      approvedOn: AG_DATE,
      dirigeantsChanged: false,
      statutsChanged: false,
    });
    renderApp(`/reunions/${seed.meetingId}`);
    const note = await screen.findByRole('note');
    expect(note.textContent).toContain('Le procès-verbal de cette séance est approuvé');
    expect(note.textContent).toContain('rouvrez le procès-verbal en brouillon');
    const sections = screen.getByRole('group', {
      name: 'Séance au procès-verbal approuvé, en lecture seule',
    }) as HTMLFieldSetElement;
    expect(sections.disabled).toBe(true);
    expect(within(sections).getAllByRole('button').length).toBeGreaterThan(0);
  });
});
