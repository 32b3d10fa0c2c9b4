// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { realApiPerTest } from './real-api';
import { renderApp } from './render-app';
import { seedProtocolInForce, seedProtocolPeople } from './seed-protocol-team';

const real = realApiPerTest();
/** 23 November 2026 for the handlers and for the screens (today’s date of the form, the year shown). */
const NOW = new Date('2026-11-23T14:05:00');
const install = (overrides: Parameters<typeof real.install>[0] = {}) => real.install({ now: () => NOW, ...overrides });

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

async function seeded(overrides: Parameters<typeof real.install>[0] = {}) {
  const backend = await install(overrides);
  const people = await seedProtocolPeople(backend);
  const protocol = await seedProtocolInForce(backend, people);
  return { backend, people, protocol };
}

const countUses = (backend: Awaited<ReturnType<typeof install>>) =>
  backend.database.db
    .selectFrom('protocol_use')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
    .then((row) => Number(row.n));

/** The figure of a tile of the year's bilan. */
function tile(label: string): string {
  const bilan = screen.getByRole('region', { name: 'Bilan 2026' });
  const term = within(bilan).getByText(label, { selector: 'dt' });
  return term.parentElement!.querySelector('.tile-value')!.textContent!;
}

describe('Journal des utilisations d’un protocole', () => {
  it('refuses a note naming the patient, under the field, and writes nothing', async () => {
    const { backend, protocol } = await seeded();
    const { user } = renderApp(`/protocoles/${protocol.id}/utilisations`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Utilisations — Pollakiurie et brûlures mictionnelles' }),
    ).toBeTruthy();
    expect(screen.getByRole('note').textContent).toMatch(/n’écrivez ni le nom du patient, ni sa date de naissance/);

    // The only délégué and the only délégant are already chosen.
    expect(screen.getByLabelText<HTMLSelectElement>(/^Professionnel/).selectedOptions[0]!.textContent).toBe(
      'BERNARD Hugo — Pharmacien',
    );
    expect(screen.getByLabelText<HTMLSelectElement>('Délégant').selectedOptions[0]!.textContent).toBe(
      'MARTIN Claire — Médecin',
    );
    await user.selectOptions(screen.getByLabelText(/^Tranche d’âge/), '26_45');
    await user.selectOptions(screen.getByLabelText(/^Sexe/), 'F');
    await user.selectOptions(screen.getByLabelText(/^Médecin traitant/), 'oui');
    await user.type(screen.getByLabelText('Note'), 'Revue par Mme Dupont au comptoir');
    await user.click(screen.getByRole('button', { name: 'Enregistrer l’utilisation' }));

    const note = screen.getByLabelText('Note');
    await waitFor(() => expect(note.getAttribute('aria-invalid')).toBe('true'));
    const error = document.getElementById(note.getAttribute('aria-describedby')!.split(' ')[0]!)!;
    expect(error.textContent).toMatch(/Note/);
    expect(error.textContent).toMatch(/Dupont|civilité|nom/i);
    expect(backend.api['protocolUses.log']).toHaveBeenCalledTimes(1);
    expect(await countUses(backend)).toBe(0);
    expect(
      screen.getByText('Aucune utilisation notée en 2026. Saisissez-les au fil de l’eau avec le formulaire ci-dessus.'),
    ).toBeTruthy();
  });

  it('logs uses one after the other at the keyboard, and the bilan counts what was logged', async () => {
    const { backend, people, protocol } = await seeded();
    const { user } = renderApp(`/protocoles/${protocol.id}/utilisations`);
    const date = await screen.findByLabelText<HTMLInputElement>(/^Date/);
    expect(date.value).toBe('2026-11-23');

    const entries = [
      { day: '2026-03-10', age: '26_45', sex: 'F', mt: 'oui', outcome: 'pris_en_charge' },
      { day: '2026-03-18', age: '16_25', sex: 'F', mt: 'non', outcome: 'reoriente_delegant' },
      { day: '2026-06-02', age: '66_75', sex: 'M', mt: 'oui', outcome: 'pris_en_charge', event: 'Allergie cutanée' },
      { day: '2026-09-14', age: '26_45', sex: 'X', mt: 'oui', outcome: 'oriente_urgences' },
    ];
    for (const entry of entries) {
      await user.clear(screen.getByLabelText(/^Date/));
      await user.type(screen.getByLabelText(/^Date/), entry.day);
      await user.selectOptions(screen.getByLabelText(/^Tranche d’âge/), entry.age);
      await user.selectOptions(screen.getByLabelText(/^Sexe/), entry.sex);
      await user.selectOptions(screen.getByLabelText(/^Médecin traitant/), entry.mt);
      await user.selectOptions(screen.getByLabelText(/^Issue/), entry.outcome);
      if (entry.event) {
        await user.click(screen.getByLabelText('Événement indésirable'));
        await user.type(screen.getByLabelText(/^Description de l’événement indésirable/), entry.event);
      }
      await user.click(screen.getByRole('button', { name: 'Enregistrer l’utilisation' }));
      // The form stays for the next entry, emptied, the focus back on the date.
      await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/^Date/)));
      expect(screen.getByLabelText<HTMLSelectElement>(/^Tranche d’âge/).value).toBe('');
      expect(screen.getByLabelText<HTMLSelectElement>(/^Professionnel/).value).toBe(String(people.bernard));
    }
    expect(screen.getAllByText('Utilisation enregistrée').length).toBeGreaterThan(0);

    const journal = screen.getByRole('table', { name: 'Journal 2026' });
    await waitFor(() => expect(within(journal).getAllByRole('row')).toHaveLength(1 + entries.length));
    const allergy = within(journal).getByRole('row', { name: /2 juin 2026/ });
    expect(within(allergy).getByText('Allergie cutanée')).toBeTruthy();
    expect(within(allergy).getByText('66 à 75 ans')).toBeTruthy();
    expect(within(allergy).getByText('Homme')).toBeTruthy();

    // Every figure of the bilan is a count of what is stored.
    const stored = await backend.database.db.selectFrom('protocol_use').selectAll().execute();
    expect(stored).toHaveLength(entries.length);
    const count = (test: (row: (typeof stored)[number]) => boolean) => String(stored.filter(test).length);
    await waitFor(() => expect(tile('Utilisations')).toBe(String(stored.length)));
    expect(tile('Pris en charge')).toBe(count((row) => row.outcome === 'pris_en_charge'));
    expect(tile('Réorientations')).toBe(count((row) => row.outcome === 'reoriente_delegant'));
    expect(tile('Urgences')).toBe(count((row) => row.outcome === 'oriente_urgences'));
    expect(tile('Événements indésirables')).toBe(count((row) => row.adverse_event === 1));
    expect(tile('Professionnels actifs')).toBe(String(new Set(stored.map((row) => row.professional_member_id)).size));
    const ages = screen.getByRole('table', { name: 'Utilisations 2026 par tranche d’âge' });
    expect(
      within(within(ages).getByRole('row', { name: /26 à 45 ans/ })).getByText(count((r) => r.age_band === '26_45')),
    ).toBeTruthy();
    const sexes = screen.getByRole('table', { name: 'Utilisations 2026 par sexe' });
    expect(
      within(within(sexes).getByRole('row', { name: /Femme/ })).getByText(count((r) => r.sex === 'F')),
    ).toBeTruthy();
    expect(
      within(within(sexes).getByRole('row', { name: /Avec un médecin traitant/ })).getByText(
        count((r) => r.has_mt === 1),
      ),
    ).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Utilisations 2026 par mois et par issue' })).toBeTruthy();
  });

  it('refuses a use on a day the protocol was not in force, deletes one after confirming, notes the yearly report', async () => {
    const { backend, people, protocol } = await seeded();
    await backend.ok('protocolUses.log', {
      protocolId: protocol.id,
      usedOn: '2026-04-07',
      professionalMemberId: people.bernard,
      delegantMemberId: people.martin,
      ageBand: '46_65',
      sex: 'F',
      hasMt: true,
      outcome: 'pris_en_charge',
      adverseEvent: false,
    });
    const { user } = renderApp(`/protocoles/${protocol.id}/utilisations`);
    await screen.findByRole('table', { name: 'Journal 2026' });

    await user.clear(screen.getByLabelText(/^Date/));
    await user.type(screen.getByLabelText(/^Date/), '2026-01-15');
    await user.selectOptions(screen.getByLabelText(/^Tranche d’âge/), '46_65');
    await user.selectOptions(screen.getByLabelText(/^Sexe/), 'F');
    await user.selectOptions(screen.getByLabelText(/^Médecin traitant/), 'non');
    await user.click(screen.getByRole('button', { name: 'Enregistrer l’utilisation' }));
    expect(
      await screen.findByText(/Le protocole n’était pas en vigueur le 15 janvier 2026/, { selector: '.field-error' }),
    ).toBeTruthy();
    expect(await countUses(backend)).toBe(1);

    const journal = screen.getByRole('table', { name: 'Journal 2026' });
    await user.click(within(journal).getByRole('button', { name: 'Supprimer l’utilisation du 7 avril 2026' }));
    const dialog = await screen.findByRole('dialog', { name: 'Supprimer l’utilisation du 7 avril 2026 ?' });
    await user.click(within(dialog).getByRole('button', { name: 'Supprimer l’utilisation' }));
    expect(
      await screen.findByText(
        'Aucune utilisation notée en 2026. Saisissez-les au fil de l’eau avec le formulaire ci-dessus.',
      ),
    ).toBeTruthy();
    expect(await countUses(backend)).toBe(0);

    await user.clear(screen.getByLabelText('Suivi annuel transmis à l’ARS le'));
    await user.type(screen.getByLabelText('Suivi annuel transmis à l’ARS le'), '2026-11-20');
    await user.click(screen.getByRole('button', { name: 'Noter la transmission' }));
    expect(
      await screen.findByText('Suivi annuel 2026 transmis à l’ARS le 20 novembre 2026.', { selector: 'p' }),
    ).toBeTruthy();
  });
});
