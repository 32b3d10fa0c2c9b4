// @vitest-environment jsdom
/**
 * The live tabs of a general assembly (émargement, pouvoirs, votes) on the REAL main-process handlers and a
 * temporary database: every figure on screen comes from the service's answer, put straight into the query cache.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createQueryClient, useApiQuery } from '../../renderer/src/api';
import { Providers } from '../../renderer/src/App';
import { CheckInTab } from '../../renderer/src/features/ag/CheckInTab';
import { ProxiesTab } from '../../renderer/src/features/ag/ProxiesTab';
import { VotesTab } from '../../renderer/src/features/ag/VotesTab';
import { seedAssembly, type AgSeed } from '../fixtures/ag-seed';
import { installRealApi } from './real-api';

type Backend = Awaited<ReturnType<typeof installRealApi>>;

const TABS = { emargement: 'Émargement', pouvoirs: 'Pouvoirs', votes: 'Votes' } as const;

/** Stands in for the AG page: reads `ag.get` through the cache and shows one of the three tabs. */
function Harness({ meetingId }: { meetingId: number }) {
  const [tab, setTab] = useState<keyof typeof TABS>('emargement');
  const query = useApiQuery('ag.get', [{ meetingId }]);
  if (!query.data) return <p>Chargement…</p>;
  return (
    <div>
      <div role="tablist">
        {Object.entries(TABS).map(([code, label]) => (
          <button
            key={code}
            type="button"
            role="tab"
            aria-selected={tab === code}
            onClick={() => setTab(code as keyof typeof TABS)}
          >
            {label}
          </button>
        ))}
      </div>
      {tab === 'emargement' && <CheckInTab state={query.data} />}
      {tab === 'pouvoirs' && <ProxiesTab state={query.data} />}
      {tab === 'votes' && <VotesTab state={query.data} />}
    </div>
  );
}

function renderTabs(meetingId: number) {
  const client = createQueryClient();
  client.setDefaultOptions({
    queries: { ...client.getDefaultOptions().queries, retry: false },
    mutations: { retry: false },
  });
  const user = userEvent.setup();
  render(
    <Providers client={client}>
      <Harness meetingId={meetingId} />
    </Providers>,
  );
  return { user, client };
}

/** The big figure of the quorum panel under `label`. */
function figure(label: string): string {
  const panel = screen.getByTestId('quorum-panel');
  const term = within(panel).getByText(label, { selector: 'dt' });
  return term.parentElement!.querySelector('.agl-figure-value')!.textContent!;
}

const status = () => screen.getByTestId('quorum-status').textContent;

/** The row of the voters' table for a member. */
function voterRow(name: string): HTMLElement {
  const table = screen.getByRole('table', { name: 'Membres votants' });
  return within(table).getByText(name, { selector: '.agl-name' }).closest('[role="row"]') as HTMLElement;
}

let backend: Backend;
let seed: AgSeed;

beforeEach(async () => {
  backend = await installRealApi({ now: () => new Date('2026-06-18T18:40:00') });
  seed = await seedAssembly(backend.ok);
});

afterEach(async () => {
  cleanup();
  await backend.dispose();
});

describe('Assemblée générale — émargement, pouvoirs et votes en direct', () => {
  it('follows arrivals, pouvoirs and departures in the quorum, refuses a pouvoir over the cap and records votes', async () => {
    const { user } = renderTabs(seed.meetingId);
    const search = await screen.findByLabelText('Rechercher un membre');
    expect(figure('Présents ou représentés')).toBe('0');
    expect(figure('Requis')).toBe('3');
    expect(screen.getByText('sur 9 membres votants', { selector: '.agl-figure-sub' })).toBeTruthy();
    // Two collèges: one line each.
    expect(within(screen.getByRole('list', { name: 'Par collège' })).getAllByRole('listitem')).toHaveLength(2);

    // Arrival by search (accents and case ignored) + Enter on the only match; then a click on a row.
    await user.type(search, 'lefevre');
    expect(within(screen.getByRole('table', { name: 'Membres votants' })).getAllByRole('row')).toHaveLength(2);
    await user.clear(search);
    await user.type(search, 'martin{Enter}');
    await waitFor(() => expect(figure('Présents')).toBe('1'));
    expect(await screen.findByText('MARTIN Paul : arrivée enregistrée à 18 h 40.')).toBeTruthy();
    await user.clear(search);
    await user.click(screen.getByRole('button', { name: 'Arrivée de BERNARD Éloïse' }));
    await waitFor(() => expect(figure('Présents ou représentés')).toBe('2'));
    expect(status()).toContain('Il manque 1 membre présent ou représenté');
    expect(screen.getByTestId('quorum-panel').className).toContain('agl-quorum-missing');
    expect(within(voterRow('BERNARD Éloïse')).getByText(/arrivée à 18 h 40/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Départ de BERNARD Éloïse' })).toBeTruthy();

    // Filter chips.
    await user.click(screen.getByRole('button', { name: /^Présents 2/ }));
    expect(within(screen.getByRole('table', { name: 'Membres votants' })).getAllByRole('row')).toHaveLength(3);
    await user.click(screen.getByRole('button', { name: /^Tous 9/ }));

    // A pouvoir from a third member to a present one: the quorum is met.
    await user.click(screen.getByRole('tab', { name: 'Pouvoirs' }));
    expect(screen.getByText('Pouvoirs : 2 pouvoirs au plus par mandataire, donnés à un membre votant.')).toBeTruthy();
    const addProxy = async (mandant: string, mandataire: string) => {
      await user.type(screen.getByRole('combobox', { name: 'Mandant' }), mandant.split(' ')[0]!.toLowerCase());
      await user.click(await screen.findByRole('option', { name: new RegExp(`^${mandant}`) }));
      await user.type(screen.getByRole('combobox', { name: 'Mandataire' }), mandataire.split(' ')[0]!.toLowerCase());
      await user.click(await screen.findByRole('option', { name: new RegExp(`^${mandataire}`) }));
      await user.click(screen.getByRole('button', { name: 'Enregistrer le pouvoir' }));
    };
    await addProxy('DURAND Thomas', 'MARTIN Paul');
    expect(
      await screen.findByText(
        'Pouvoir enregistré : DURAND Thomas donne pouvoir à MARTIN Paul. Il compte dès maintenant.',
      ),
    ).toBeTruthy();
    const proxyTable = screen.getByRole('table', { name: /Pouvoirs enregistrés/ });
    expect(within(proxyTable).getByText('Compte')).toBeTruthy();

    await user.click(screen.getByRole('tab', { name: 'Émargement' }));
    expect(figure('Présents ou représentés')).toBe('3');
    expect(figure('Représentés')).toBe('1');
    expect(status()).toContain('Quorum atteint');
    expect(screen.getByTestId('quorum-panel').className).toContain('agl-quorum-met');
    expect(within(voterRow('DURAND Thomas')).getByText('Représenté')).toBeTruthy();

    // The mandataire leaves (after confirming): his pouvoir stops counting, the quorum drops.
    await user.click(screen.getByRole('button', { name: 'Départ de MARTIN Paul' }));
    const leaving = screen.getByRole('dialog', { name: 'Enregistrer le départ de MARTIN Paul ?' });
    await user.click(within(leaving).getByRole('button', { name: 'Enregistrer le départ' }));
    await waitFor(() => expect(figure('Présents ou représentés')).toBe('1'));
    expect(screen.queryByRole('dialog')).toBeNull();
    const martin = voterRow('MARTIN Paul');
    expect(within(martin).getByText('DURAND Thomas', { selector: 's' })).toBeTruthy();
    expect(within(martin).getByText('ne compte pas : mandataire absent')).toBeTruthy();
    expect(within(martin).getByText('Départ', { selector: '.badge' })).toBeTruthy();
    expect(within(martin).getByText(/à 18 h 40/)).toBeTruthy();
    expect(status()).toContain('Il manque 2 membres présents ou représentés');
    expect(
      screen.getByText(/MARTIN Paul : départ enregistré à 18 h 40\. Le pouvoir détenu ne compte plus/),
    ).toBeTruthy();

    await user.click(screen.getByRole('tab', { name: 'Pouvoirs' }));
    expect(
      within(screen.getByRole('table', { name: /Pouvoirs enregistrés/ })).getByText(
        'Ne compte pas : mandataire absent',
      ),
    ).toBeTruthy();

    // Over the cap (2 per mandataire): refused with the French reason, next to the form.
    await addProxy('PETIT Lucie', 'BERNARD Éloïse');
    await screen.findByText(/PETIT Lucie donne pouvoir à BERNARD Éloïse/);
    await addProxy('ROUX Hugo', 'BERNARD Éloïse');
    await screen.findByText(/ROUX Hugo donne pouvoir à BERNARD Éloïse/);
    await addProxy('FOURNIER Chloé', 'BERNARD Éloïse');
    const refusal = await screen.findByRole('alert');
    expect(refusal.textContent).toBe(
      'Pouvoir refusé : BERNARD Éloïse détient déjà 2 pouvoirs, le maximum prévu par les statuts.',
    );
    expect(within(screen.getByRole('table', { name: /Pouvoirs enregistrés/ })).getAllByRole('row')).toHaveLength(4);

    // Martin comes back, three more arrive: 5 present + 3 represented.
    await user.click(screen.getByRole('tab', { name: 'Émargement' }));
    for (const name of ['MARTIN Paul', 'GIRARD Nina', 'LEFÈVRE Jules', 'MOREL Inès']) {
      await user.click(screen.getByRole('button', { name: `Arrivée de ${name}` }));
      await screen.findByRole('button', { name: `Départ de ${name}` });
    }
    expect(figure('Présents')).toBe('5');
    expect(figure('Présents ou représentés')).toBe('8');

    // Votes: 5 / 1 / 1 / 0 on resolution 1 → adoptée, with the arithmetic.
    await user.click(screen.getByRole('tab', { name: 'Votes' }));
    const first = screen.getByRole('region', { name: /Résolution n° 1 — Approbation du rapport d’activité/ });
    await user.type(within(first).getByLabelText('Pour'), '5');
    await user.type(within(first).getByLabelText('Contre'), '1');
    await user.type(within(first).getByLabelText('Abstentions'), '1');
    await user.type(within(first).getByLabelText('Blancs ou nuls'), '0');
    expect(within(first).getByText(/Total saisi/).textContent).toMatch(
      /Total saisi : 7 votes sur 8 membres présents ou représentés/,
    );
    await user.click(within(first).getByRole('button', { name: 'Enregistrer le vote' }));
    expect(await within(first).findByText('Adoptée')).toBeTruthy();
    expect(
      within(first).getByText(
        /^Pour 5, contre 1, abstentions 1, blancs 0\. Base : 6 suffrages exprimés \(abstentions et blancs non comptés\)\. Majorité simple : plus de voix pour que de voix contre, soit 2 voix requises\. Résolution adoptée\.$/,
      ),
    ).toBeTruthy();

    // More votes than members present or represented: refused with the French message.
    const second = screen.getByRole('region', { name: /Résolution n° 2 — Approbation des comptes/ });
    await user.type(within(second).getByLabelText('Pour'), '6');
    await user.type(within(second).getByLabelText('Contre'), '2');
    await user.type(within(second).getByLabelText('Abstentions'), '1');
    expect(within(second).getByText(/Plus de votes que de membres présents ou représentés/)).toBeTruthy();
    await user.click(within(second).getByRole('button', { name: 'Enregistrer le vote' }));
    expect((await within(second).findByRole('alert')).textContent).toBe(
      'Décompte incohérent : 9 votes saisis (pour, contre, abstentions et blancs) pour seulement 8 membres votants présents ou représentés. Vérifiez le décompte.',
    );
    expect(within(second).queryByText('Adoptée')).toBeNull();

    // « Corriger le vote » asks first, then gives the figures back to the form.
    await user.click(within(first).getByRole('button', { name: 'Corriger le vote' }));
    const dialog = screen.getByRole('dialog', { name: 'Corriger le vote ?' });
    await user.click(within(dialog).getByRole('button', { name: 'Effacer le vote' }));
    await waitFor(() => expect(within(first).queryByText('Adoptée')).toBeNull());
    expect((within(first).getByLabelText('Pour') as HTMLInputElement).value).toBe('5');
    expect((within(first).getByLabelText('Abstentions') as HTMLInputElement).value).toBe('1');
  }, 120_000);

  it('records arrivals only with Enter, and confirms the departure of a member holding pouvoirs', async () => {
    const ids = seed.members;
    await backend.ok('ag.setPresence', { meetingId: seed.meetingId, memberId: ids.Martin!, present: true });
    await backend.ok('ag.setPresence', { meetingId: seed.meetingId, memberId: ids.Bernard!, present: true });
    await backend.ok('ag.saveProxy', { meetingId: seed.meetingId, mandantId: ids.Durand!, mandataireId: ids.Martin! });
    await backend.ok('ag.saveProxy', { meetingId: seed.meetingId, mandantId: ids.Petit!, mandataireId: ids.Martin! });
    const { user } = renderTabs(seed.meetingId);
    const search = await screen.findByLabelText('Rechercher un membre');
    expect(figure('Présents ou représentés')).toBe('4');
    expect(status()).toContain('Quorum atteint');

    // Enter on someone already present: a polite message, no departure.
    await user.type(search, 'martin{Enter}');
    expect(
      await screen.findByText('MARTIN Paul est déjà pointé·e présent·e ; utilisez le bouton Départ.'),
    ).toBeTruthy();
    expect(figure('Présents ou représentés')).toBe('4');
    expect(screen.getByRole('button', { name: 'Départ de MARTIN Paul' })).toBeTruthy();
    expect(
      (await backend.ok('ag.get', { meetingId: seed.meetingId })).voters.find((v) => v.id === ids.Martin)!.present,
    ).toBe(true);
    // A member without a vote: Enter records the arrival, a second Enter does not send them away.
    await user.clear(search);
    await user.type(search, 'garnier{Enter}');
    expect(await screen.findByText(/^GARNIER Anne : arrivée enregistrée/)).toBeTruthy();
    await user.clear(search);
    await user.type(search, 'garnier{Enter}');
    expect(
      await screen.findByText('GARNIER Anne est déjà pointé·e présent·e ; utilisez le bouton Départ.'),
    ).toBeTruthy();
    expect(
      (await backend.ok('ag.get', { meetingId: seed.meetingId })).nonVoters.find((v) => v.id === ids.Garnier)!.present,
    ).toBe(true);
    await user.clear(search);

    // The row's « Départ » asks first, saying which pouvoirs stop counting; « Annuler » changes nothing.
    await user.click(screen.getByRole('button', { name: 'Départ de MARTIN Paul' }));
    let dialog = screen.getByRole('dialog', { name: 'Enregistrer le départ de MARTIN Paul ?' });
    expect(within(dialog).getByText('MARTIN Paul détient 2 pouvoirs (DURAND Thomas, PETIT Lucie).')).toBeTruthy();
    expect(within(dialog).getByText('À son départ, 2 pouvoirs cesseront de compter')).toBeTruthy();
    expect(dialog.textContent).toContain('ces membres ne seront plus représentés, ni pour le quorum ni pour les votes');
    await user.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(figure('Présents ou représentés')).toBe('4');
    expect(
      (await backend.ok('ag.get', { meetingId: seed.meetingId })).voters.find((v) => v.id === ids.Martin)!.present,
    ).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Départ de MARTIN Paul' }));
    dialog = screen.getByRole('dialog', { name: 'Enregistrer le départ de MARTIN Paul ?' });
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer le départ' }));
    await waitFor(() => expect(figure('Présents ou représentés')).toBe('1'));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Arrivée de MARTIN Paul' })).toBeTruthy();

    // A member holding no pouvoir leaves at once; Enter brings them back.
    await user.click(screen.getByRole('button', { name: 'Départ de BERNARD Éloïse' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(figure('Présents ou représentés')).toBe('0'));
    await user.type(screen.getByLabelText('Rechercher un membre'), 'bernard{Enter}');
    await waitFor(() => expect(figure('Présents ou représentés')).toBe('1'));
    expect(await screen.findByText('BERNARD Éloïse : arrivée enregistrée à 18 h 40.')).toBeTruthy();
  }, 60_000);

  it('refuses a vote without quorum, deletes a pouvoir after confirmation and lists members without a vote', async () => {
    const { user } = renderTabs(seed.meetingId);
    const search = await screen.findByLabelText('Rechercher un membre');
    // « / » brings the focus to the search box; Enter with several matches says so.
    await user.click(screen.getByRole('button', { name: /^Tous/ }));
    await user.keyboard('/');
    expect(document.activeElement).toBe(search);
    await user.keyboard('l{Enter}');
    expect(await screen.findByText(/3 membres correspondent à « l » : précisez le nom/)).toBeTruthy();
    await user.clear(search);

    // Members without a vote: collapsed, with their reason; they can sign in without counting.
    const toggle = screen.getByRole('button', { name: /Membres sans droit de vote \(3/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    const others = screen.getByRole('table', { name: 'Membres sans droit de vote' });
    expect(within(others).getByText('collège consultatif')).toBeTruthy();
    expect(within(others).getAllByText('cotisation 2026 non à jour')).toHaveLength(2);
    expect(screen.getByText(/ne comptent ni dans le quorum ni dans les votes/)).toBeTruthy();
    await user.click(within(others).getByRole('button', { name: 'Arrivée de GARNIER Anne' }));
    await within(others).findByRole('button', { name: 'Départ de GARNIER Anne' });
    expect(figure('Présents')).toBe('0');

    // A vote without quorum is refused by the service, inline.
    await user.click(screen.getByRole('tab', { name: 'Votes' }));
    const first = screen.getByRole('region', { name: /Résolution n° 1/ });
    await user.type(within(first).getByLabelText('Pour'), '0');
    await user.type(within(first).getByLabelText('Contre'), '0');
    await user.click(within(first).getByRole('button', { name: 'Enregistrer le vote' }));
    expect((await within(first).findByRole('alert')).textContent).toBe(
      "Le quorum n'est pas atteint : l'assemblée ne peut pas valablement délibérer.",
    );

    // A pouvoir is deleted only after confirmation.
    await user.click(screen.getByRole('tab', { name: 'Pouvoirs' }));
    await user.type(screen.getByRole('combobox', { name: 'Mandant' }), 'petit');
    await user.keyboard('{Enter}');
    await user.type(screen.getByRole('combobox', { name: 'Mandataire' }), 'morel');
    await user.keyboard('{ArrowDown}{Enter}');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le pouvoir' }));
    expect(
      await screen.findByText(
        /PETIT Lucie donne pouvoir à MOREL Inès\. Il ne compte pas pour l’instant \(mandataire absent\)\./,
      ),
    ).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Supprimer le pouvoir de PETIT Lucie à MOREL Inès' }));
    const dialog = screen.getByRole('dialog', { name: 'Supprimer ce pouvoir ?' });
    await user.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    expect(screen.getByRole('table', { name: /Pouvoirs enregistrés/ })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Supprimer le pouvoir de PETIT Lucie à MOREL Inès' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Supprimer le pouvoir' }));
    expect(await screen.findByText('Aucun pouvoir enregistré pour cette assemblée.')).toBeTruthy();
  }, 60_000);

  it('is read-only once the PV is approved', async () => {
    await backend.ok('ag.setOfficers', {
      meetingId: seed.meetingId,
      presidentMemberId: seed.members.Martin!,
      secretaireMemberId: seed.members.Bernard!,
    });
    await backend.ok('ag.approvePv', {
      meetingId: seed.meetingId,
      approvedOn: '2026-06-18',
      dirigeantsChanged: false,
      statutsChanged: false,
    });
    const { user } = renderTabs(seed.meetingId);
    await screen.findByLabelText('Rechercher un membre');
    expect(screen.getByText(/Le procès-verbal est approuvé : l’émargement est en lecture seule/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Arrivée de MARTIN Paul' }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole('tab', { name: 'Pouvoirs' }));
    expect(screen.queryByRole('button', { name: 'Enregistrer le pouvoir' })).toBeNull();
    await user.click(screen.getByRole('tab', { name: 'Votes' }));
    expect(screen.queryByRole('button', { name: 'Enregistrer le vote' })).toBeNull();
  });

  it('says plainly that the statuts forbid pouvoirs', async () => {
    const { defaults } = await backend.ok('rules.list');
    const rules = structuredClone(defaults);
    rules.meetings.ago.proxies = { allowed: false, maxPerMandataire: null, mandataireMustBeVoter: true };
    await backend.ok('rules.save', { id: null, effectiveFrom: '2020-01-01', rules });
    const { user } = renderTabs(seed.meetingId);
    await screen.findByLabelText('Rechercher un membre');
    await user.click(screen.getByRole('tab', { name: 'Pouvoirs' }));
    expect(screen.getByText(/Les statuts en vigueur ne permettent pas de voter par procuration/)).toBeTruthy();
    expect(screen.queryByRole('combobox', { name: 'Mandant' })).toBeNull();
  });
});
