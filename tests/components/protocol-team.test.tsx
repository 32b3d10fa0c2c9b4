// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { realApiPerTest } from './real-api';
import { renderApp } from './render-app';
import { seedMeeting } from './seed-meetings';
import { seedCooperationProtocol, seedProtocolInForce, seedProtocolPeople } from './seed-protocol-team';

const real = realApiPerTest();
const NOW = new Date('2026-11-23T14:05:00');
const install = (overrides: Parameters<typeof real.install>[0] = {}) => real.install({ now: () => NOW, ...overrides });

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

const teamRows = (backend: Awaited<ReturnType<typeof install>>) =>
  backend.database.db.selectFrom('protocol_member').selectAll().execute();

/** Chooses a member in the « Adhérent » combobox of the team form. */
async function chooseMember(
  user: ReturnType<typeof renderApp>['user'],
  form: HTMLElement,
  name: RegExp,
  typed: string,
) {
  await user.type(within(form).getByRole('combobox', { name: /^Adhérent/ }), typed);
  await user.click(await within(form).findByRole('option', { name }));
}

describe('Équipe d’un protocole de coopération', () => {
  it('refuses a délégué without RPPS under the field and writes nothing, then lists délégants before délégués', async () => {
    const backend = await install();
    await seedProtocolPeople(backend);
    const protocol = await seedCooperationProtocol(backend);
    const { user } = renderApp(`/protocoles/${protocol.id}`);
    const team = await screen.findByRole('region', { name: /^Équipe/ });
    expect(await within(team).findByText(/Personne dans l’équipe pour l’instant/)).toBeTruthy();

    await user.click(within(team).getByRole('button', { name: 'Ajouter à l’équipe' }));
    let form = within(team).getByRole('form', { name: 'Ajouter à l’équipe' });
    const roles = within(form).getByLabelText<HTMLSelectElement>(/^Rôle/);
    expect([...roles.options].map((option) => option.textContent)).toEqual([
      'Délégant',
      'Délégué',
      'Référent',
      'Rédacteur',
      'Utilisateur',
    ]);
    await chooseMember(user, form, /DUPUIS Léa/, 'dupu');
    await user.selectOptions(roles, 'delegue');
    await user.click(within(form).getByRole('button', { name: 'Ajouter à l’équipe' }));
    const member = within(form).getByRole('combobox', { name: /^Adhérent/ });
    await waitFor(() => expect(member.getAttribute('aria-invalid')).toBe('true'));
    expect(
      within(form).getByText('Un délégué doit avoir un numéro RPPS valide : complétez la fiche de l’adhérent.'),
    ).toBeTruthy();
    expect(await teamRows(backend)).toHaveLength(0);

    await user.click(within(form).getByRole('button', { name: 'Annuler' }));
    for (const [typed, name, role] of [
      ['bern', /BERNARD Hugo/, 'delegue'],
      ['mart', /MARTIN Claire/, 'delegant'],
    ] as const) {
      await user.click(within(team).getByRole('button', { name: 'Ajouter à l’équipe' }));
      form = within(team).getByRole('form', { name: 'Ajouter à l’équipe' });
      await chooseMember(user, form, name, typed);
      await user.selectOptions(within(form).getByLabelText(/^Rôle/), role);
      await user.clear(within(form).getByLabelText(/^Entrée dans l’équipe le/));
      await user.type(within(form).getByLabelText(/^Entrée dans l’équipe le/), '2026-01-05');
      await user.click(within(form).getByRole('button', { name: 'Ajouter à l’équipe' }));
      await waitFor(() => expect(within(team).queryByRole('form')).toBeNull());
    }
    const headings = within(team)
      .getAllByRole('heading', { level: 3 })
      .map((heading) => heading.textContent);
    expect(headings).toEqual(['Délégant (1)', 'Délégué (1)']);
    const delegant = within(team).getByRole('table', { name: 'Délégant (1)' });
    const martin = within(delegant).getByRole('row', { name: /MARTIN Claire/ });
    expect(within(martin).getByText('Médecin')).toBeTruthy();
    expect(within(martin).getByText('10003000006')).toBeTruthy();
    expect(within(martin).getByText('5 janvier 2026')).toBeTruthy();
    const delegue = within(team).getByRole('table', { name: 'Délégué (1)' });
    expect(within(delegue).getByRole('row', { name: /BERNARD Hugo/ })).toBeTruthy();
    expect((await teamRows(backend)).map((row) => row.role).sort()).toEqual(['delegant', 'delegue']);
  });

  it('shows a délégué whose RPPS was lost in red, with a link to complete the member', async () => {
    const backend = await install();
    const people = await seedProtocolPeople(backend);
    const protocol = await seedProtocolInForce(backend, people);
    await backend.database.db.updateTable('member').set({ rpps: null }).where('id', '=', people.bernard).execute();
    renderApp(`/protocoles/${protocol.id}`);
    const team = await screen.findByRole('region', { name: /^Équipe/ });
    const row = await within(team).findByRole('row', { name: /BERNARD Hugo/ });
    expect(within(row).getByText('RPPS manquant').className).toContain('error-text');
    expect(within(row).getByRole('link', { name: 'Compléter la fiche de BERNARD Hugo' }).getAttribute('href')).toBe(
      `/adherents/${people.bernard}`,
    );
  });

  it('offers no délégant or délégué in a pluriprofessional protocol', async () => {
    const backend = await install();
    const protocol = await backend.ok('protocols.create', { title: 'Prévention des chutes', family: 'pluripro' });
    const { user } = renderApp(`/protocoles/${protocol.id}`);
    const team = await screen.findByRole('region', { name: /^Équipe/ });
    await user.click(within(team).getByRole('button', { name: 'Ajouter à l’équipe' }));
    const roles = within(team).getByLabelText<HTMLSelectElement>(/^Rôle/);
    expect([...roles.options].map((option) => option.value)).toEqual(['referent', 'redacteur', 'utilisateur']);
    expect(screen.queryByRole('region', { name: 'Déclaration à l’ARS' })).toBeNull();
  });
});

describe('Déclaration de l’équipe à l’ARS', () => {
  it('says the initial declaration is owed, records it, then names the arrivals and departures since', async () => {
    const backend = await install();
    const people = await seedProtocolPeople(backend);
    const protocol = await seedProtocolInForce(backend, people);
    const { user } = renderApp(`/protocoles/${protocol.id}`);
    const ars = await screen.findByRole('region', { name: 'Déclaration à l’ARS' });
    expect(await within(ars).findByText('Déclaration initiale à faire')).toBeTruthy();
    expect(within(ars).getByText(/MARTIN Claire \(délégant\), BERNARD Hugo \(délégué\)/)).toBeTruthy();

    await user.click(within(ars).getByRole('button', { name: 'Enregistrer une déclaration' }));
    const form = within(ars).getByRole('form', { name: 'Nouvelle déclaration à l’ARS' });
    expect(within(form).getByLabelText<HTMLInputElement>('Canal').value).toBe('Démarches simplifiées');
    await user.clear(within(form).getByLabelText(/^Déclarée le/));
    await user.type(within(form).getByLabelText(/^Déclarée le/), '2026-02-03');
    await user.type(within(form).getByLabelText('Référence du dossier'), 'DS-2026-0042');
    await user.click(within(form).getByRole('button', { name: 'Enregistrer la déclaration' }));
    expect(
      await within(ars).findByText('Équipe déclarée à l’ARS le 3 février 2026 : aucun changement depuis.'),
    ).toBeTruthy();
    const history = within(ars).getByRole('table', { name: 'Déclarations enregistrées' });
    const row = within(history).getByRole('row', { name: /3 février 2026/ });
    expect(within(row).getByText('Déclaration initiale')).toBeTruthy();
    expect(within(row).getByText('Démarches simplifiées — DS-2026-0042')).toBeTruthy();
    expect(within(row).getByText('1 délégant, 1 délégué')).toBeTruthy();

    // Hugo Bernard leaves, Inès Petit (infirmière) arrives.
    const team = screen.getByRole('region', { name: /^Équipe/ });
    await user.click(within(team).getByRole('button', { name: 'Départ de BERNARD Hugo' }));
    const leave = within(team).getByRole('form', { name: 'Départ de BERNARD Hugo' });
    await user.clear(within(leave).getByLabelText(/^Quitte l’équipe le/));
    await user.type(within(leave).getByLabelText(/^Quitte l’équipe le/), '2026-10-31');
    await user.click(within(leave).getByRole('button', { name: 'Enregistrer le départ' }));
    await waitFor(() => expect(within(team).queryByRole('form')).toBeNull());
    await user.click(within(team).getByRole('button', { name: 'Ajouter à l’équipe' }));
    const add = within(team).getByRole('form', { name: 'Ajouter à l’équipe' });
    await chooseMember(user, add, /PETIT Inès/, 'peti');
    await user.selectOptions(within(add).getByLabelText(/^Rôle/), 'delegue');
    await user.clear(within(add).getByLabelText(/^Entrée dans l’équipe le/));
    await user.type(within(add).getByLabelText(/^Entrée dans l’équipe le/), '2026-11-02');
    await user.click(within(add).getByRole('button', { name: 'Ajouter à l’équipe' }));
    expect(
      await within(ars).findByText(
        'L’équipe a changé depuis la déclaration du 3 février 2026 : 1 arrivée, 1 départ — à déclarer à l’ARS',
      ),
    ).toBeTruthy();
    expect(within(ars).getByText('Arrivées : PETIT Inès (délégué).')).toBeTruthy();
    expect(within(ars).getByText('Départs : BERNARD Hugo (délégué).')).toBeTruthy();
  });
});

describe('Déclaration d’équipe en PDF', () => {
  it('writes the team’s declaration as a PDF from its section', async () => {
    const saved = join(mkdtempSync(join(tmpdir(), 'maillage-declaration-')), 'declaration.pdf');
    const backend = await install({ chooseSavePath: async () => saved });
    const people = await seedProtocolPeople(backend);
    const protocol = await seedProtocolInForce(backend, people);
    const { user } = renderApp(`/protocoles/${protocol.id}`);
    const ars = await screen.findByRole('region', { name: 'Déclaration à l’ARS' });
    await user.click(within(ars).getByRole('button', { name: 'Déclaration d’équipe (PDF)' }));
    expect(await screen.findByText(`Déclaration d’équipe enregistrée : ${saved}`)).toBeTruthy();
    expect(backend.api['reports.exportTeamDeclaration']).toHaveBeenCalledWith({ protocolId: protocol.id });
    // Written as a PDF (its text is read in the PDF's own tests: rendered inside jsdom, its streams are not).
    expect(readFileSync(saved).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('Présentations et formations', () => {
  it('records a training at a meeting with its attendance, and a presentation with a typed number', async () => {
    const backend = await install();
    const people = await seedProtocolPeople(backend);
    const protocol = await seedProtocolInForce(backend, people);
    await seedMeeting(
      backend,
      { type: 'commission', title: 'Soirée protocoles', date: '2026-03-12', startTime: '20:00' },
      {
        participants: [
          { memberId: people.martin, attendance: 'present' },
          { memberId: people.bernard, attendance: 'present' },
          { memberId: people.petit, attendance: 'excuse' },
        ],
      },
    );
    const { user } = renderApp(`/protocoles/${protocol.id}`);
    const sessions = await screen.findByRole('region', { name: 'Présentations et formations' });
    expect(await within(sessions).findByText(/Aucune séance enregistrée/)).toBeTruthy();

    await user.click(within(sessions).getByRole('button', { name: 'Ajouter une séance' }));
    let form = within(sessions).getByRole('form', { name: 'Nouvelle séance' });
    await user.selectOptions(within(form).getByLabelText(/^Type de séance/), 'formation');
    await user.clear(within(form).getByLabelText(/^Date/));
    await user.type(within(form).getByLabelText(/^Date/), '2026-03-12');
    await user.selectOptions(
      within(form).getByLabelText('Réunion'),
      within(form).getByRole('option', { name: /Soirée protocoles/ }),
    );
    expect(within(form).queryByLabelText('Nombre de participants')).toBeNull();
    await user.click(within(form).getByRole('button', { name: 'Enregistrer la séance' }));
    const table = await within(sessions).findByRole('table', { name: 'Présentations et formations' });
    const training = within(table).getByRole('row', { name: /12 mars 2026/ });
    expect(within(training).getByText('Formation')).toBeTruthy();
    expect(within(training).getByRole('link', { name: 'Soirée protocoles' })).toBeTruthy();
    expect(within(training).getByText('2 présents à la réunion')).toBeTruthy();
    expect(within(training).getByText('Version 1')).toBeTruthy();

    await user.click(within(sessions).getByRole('button', { name: 'Ajouter une séance' }));
    form = within(sessions).getByRole('form', { name: 'Nouvelle séance' });
    await user.clear(within(form).getByLabelText(/^Date/));
    await user.type(within(form).getByLabelText(/^Date/), '2026-04-02');
    await user.type(within(form).getByLabelText('Nombre de participants'), '-3');
    await user.click(within(form).getByRole('button', { name: 'Enregistrer la séance' }));
    expect(await within(form).findByText('Le nombre de participants ne peut pas être négatif.')).toBeTruthy();
    await user.clear(within(form).getByLabelText('Nombre de participants'));
    await user.type(within(form).getByLabelText('Nombre de participants'), '14');
    await user.type(within(form).getByLabelText('Public'), 'Pharmaciens du secteur nord');
    await user.click(within(form).getByRole('button', { name: 'Enregistrer la séance' }));
    const presentation = await within(table).findByRole('row', { name: /2 avril 2026/ });
    expect(within(presentation).getByText('Présentation')).toBeTruthy();
    expect(within(presentation).getByText('14')).toBeTruthy();

    await user.click(within(presentation).getByRole('button', { name: 'Supprimer la séance du 2 avril 2026' }));
    const dialog = await screen.findByRole('dialog', { name: 'Supprimer la séance du 2 avril 2026 ?' });
    await user.click(within(dialog).getByRole('button', { name: 'Supprimer la séance' }));
    await waitFor(() => expect(within(table).queryByRole('row', { name: /2 avril 2026/ })).toBeNull());
    expect(await backend.database.db.selectFrom('protocol_session').select('kind').execute()).toEqual([
      { kind: 'formation' },
    ]);
  });
});
