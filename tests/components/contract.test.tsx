// @vitest-environment jsdom
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../electron/ipc/handlers';
import type { ChannelInput } from '@shared/contract';
import { formatEurosFromCents } from '@shared/format';
import { realApiPerTest, type RealBackend } from './real-api';
import { renderApp } from './render-app';
import { SAMPLE_IDENTITY, SAMPLE_LIFECYCLE, seedSampleCpts } from './seed-cpts';

const real = realApiPerTest();
/** 15 February 2023: year 1 of a contract signed on 1 April 2022. */
const install = (overrides: Partial<HandlerContext> = {}) =>
  real.install({ now: () => new Date('2023-02-15T10:00:00'), ...overrides });

const CONTRACT: ChannelInput<'contract.create'> = {
  number: 'CPTS-38-2022-004',
  aciVersion: 'avenant_2',
  signedOn: '2022-04-01',
  durationYears: 5,
  status: 'actif',
  signatories: [
    { party: 'cpts', organisation: 'CPTS Sud-Est Grenoblois', name: 'Claire Vasseur', role: 'Présidente' },
    { party: 'cpam', organisation: 'CPAM de l’Isère', name: 'Jean Morel', role: 'Directeur' },
  ],
  optionalMissions: ['qualite'],
};

async function withContract(backend: RealBackend, population: number | null = null) {
  const contract = await backend.ok('contract.create', CONTRACT);
  if (population !== null) {
    await backend.ok('contract.saveYear', { yearId: contract.years[0]!.id, population, envelopes: [] });
  }
  return contract;
}

/** The screen's text with every kind of space made plain, to compare with the French formatters' output. */
const plain = (text: string | null | undefined) => (text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/** The row of a table whose header cell starts with `header` (a string) or matches it (a pattern). */
const rowOf = (table: HTMLElement, header: string | RegExp) =>
  within(table)
    .getAllByRole('row')
    .find((row) => {
      const cell = row.querySelector('th[scope="row"]');
      const text = plain(cell?.textContent);
      return typeof header === 'string' ? text.startsWith(plain(header)) : header.test(text);
    }) as HTMLElement;

describe('Projet de santé — navigation', () => {
  it('replaces « Fiches actions » in the sidebar and shows the area’s sub-navigation, the page marked', async () => {
    await install();
    renderApp('/projet-de-sante/contrat');
    expect(await screen.findByRole('heading', { level: 1, name: 'Contrat ACI' })).toBeTruthy();
    const sidebar = screen.getByRole('navigation', { name: 'Navigation principale' });
    expect(within(sidebar).getByRole('link', { name: 'Projet de santé' }).getAttribute('aria-current')).toBe('page');
    expect(within(sidebar).queryByRole('link', { name: 'Fiches actions' })).toBeNull();
    const area = screen.getByRole('navigation', { name: 'Projet de santé' });
    expect(
      within(area)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Missions', 'Contrat ACI', 'Fiches actions', 'Partenariats', 'Plan de crise']);
    expect(within(area).getByRole('link', { name: 'Contrat ACI' }).getAttribute('aria-current')).toBe('page');
    expect(within(area).getByRole('link', { name: 'Missions' }).getAttribute('aria-current')).toBeNull();
    expect(within(area).getByRole('link', { name: 'Fiches actions' }).getAttribute('href')).toBe(
      '/projet-de-sante/fiches',
    );
  });
});

describe('Contrat ACI — saisie', () => {
  it('starts from an empty state, prefills the contract from Ma CPTS and saves it', async () => {
    const backend = await install();
    await seedSampleCpts(backend);
    const { user } = renderApp('/projet-de-sante/contrat');
    expect(await screen.findByRole('heading', { name: 'Aucun contrat ACI enregistré' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Saisir le contrat ACI' }));

    expect(((await screen.findByLabelText('Numéro du contrat')) as HTMLInputElement).value).toBe(
      SAMPLE_LIFECYCLE.aciContractNumber,
    );
    expect((screen.getByLabelText(/^Date de signature/) as HTMLInputElement).value).toBe(SAMPLE_LIFECYCLE.aciSignedOn);
    expect((screen.getByLabelText('Organisme (CPAM)') as HTMLInputElement).value).toBe(SAMPLE_IDENTITY.cpam);
    expect((screen.getByLabelText('Organisme (CPTS)') as HTMLInputElement).value).toBe(SAMPLE_IDENTITY.name);
    // Version labels in French, never a code.
    const versions = within(screen.getByLabelText(/^Version de l’ACI/)).getAllByRole('option');
    expect(versions.map((option) => option.textContent)).not.toContain('avenant_2');

    await user.type(screen.getByLabelText('Nom du signataire (CPAM)'), 'Jean Morel');
    await user.click(screen.getByRole('checkbox', { name: /qualité et de la pertinence/ }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer le contrat' }));

    expect(
      await screen.findByRole('heading', {
        level: 2,
        name: new RegExp(`Contrat n° ${SAMPLE_LIFECYCLE.aciContractNumber}`),
      }),
    ).toBeTruthy();
    expect(await screen.findByText('Contrat ACI enregistré.')).toBeTruthy();
    const stored = await backend.ok('contract.list');
    expect(stored).toHaveLength(1);
    const detail = await backend.ok('contract.get', { id: stored[0]!.id });
    expect(detail.signatories.find((s) => s.party === 'cpam')?.name).toBe('Jean Morel');
    expect(detail.missions.map((mission) => mission.code)).toContain('qualite');
    // Five contract years, the current one said in words.
    const years = screen.getByRole('region', { name: 'Années du contrat' });
    expect(within(years).getAllByRole('button')).toHaveLength(5);
    expect(within(years).getAllByText('Année en cours')).toHaveLength(1);
    const signatories = screen.getByRole('table', { name: 'Signataires' });
    expect(within(signatories).getByText('Jean Morel')).toBeTruthy();
  });

  it('refuses a contract without signature date, under the field, and writes nothing', async () => {
    const backend = await install();
    const { user } = renderApp('/projet-de-sante/contrat');
    await user.click(await screen.findByRole('button', { name: 'Saisir le contrat ACI' }));
    await user.type(await screen.findByLabelText('Nom du signataire (ARS)'), 'Sophie Lambert');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le contrat' }));
    const date = screen.getByLabelText(/^Date de signature/);
    await waitFor(() => expect(date.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Renseignez la date de signature du contrat.')).toBeTruthy();
    // The ARS block was started without its organisation: the message is under that block, not the CPTS one.
    expect(screen.getByLabelText('Organisme (ARS)').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Organisme (CPTS)').getAttribute('aria-invalid')).toBe('false');
    expect(backend.api['contract.create']).not.toHaveBeenCalled();
    expect(await backend.ok('contract.list')).toHaveLength(0);
  });
});

describe('Contrat ACI — modification', () => {
  it('changes the contract’s status and signatory, refusing a duration beyond ten years first', async () => {
    const backend = await install();
    const contract = await withContract(backend);
    const { user } = renderApp('/projet-de-sante/contrat');
    await user.click(await screen.findByRole('button', { name: 'Modifier le contrat' }));
    expect((screen.getByLabelText('Nom du signataire (CPAM)') as HTMLInputElement).value).toBe('Jean Morel');
    const duration = screen.getByLabelText('Durée (années)');
    await user.clear(duration);
    await user.type(duration, '12');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le contrat' }));
    expect(await screen.findByText('Le contrat dure au plus 10 ans.')).toBeTruthy();
    expect(backend.api['contract.update']).not.toHaveBeenCalled();

    await user.clear(duration);
    await user.type(duration, '5');
    await user.selectOptions(screen.getByLabelText('Statut'), 'echu');
    await user.clear(screen.getByLabelText('Nom du signataire (CPAM)'));
    await user.type(screen.getByLabelText('Nom du signataire (CPAM)'), 'Anne Roux');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le contrat' }));
    expect(await screen.findByText('Contrat ACI enregistré.')).toBeTruthy();
    const stored = await backend.ok('contract.get', { id: contract.id });
    expect(stored.status).toBe('echu');
    expect(stored.signatories.find((s) => s.party === 'cpam')?.name).toBe('Anne Roux');
    expect(stored.signatories.find((s) => s.party === 'cpts')?.name).toBe('Claire Vasseur');
    const header = screen.getByRole('region', { name: /Contrat n° CPTS-38-2022-004/ });
    expect(within(header).getByText(stored.statusLabel)).toBeTruthy();
  });

  it('enters the next contract at renewal, linked to the previous one, and switches between them', async () => {
    const backend = await install();
    const previous = await withContract(backend);
    const { user } = renderApp('/projet-de-sante/contrat');
    await user.click(await screen.findByRole('button', { name: 'Saisir le contrat suivant (renouvellement)' }));
    expect(await screen.findByText(/Renouvellement du contrat n° CPTS-38-2022-004/)).toBeTruthy();
    expect((screen.getByLabelText('Organisme (CPAM)') as HTMLInputElement).value).toBe('CPAM de l’Isère');
    await user.type(screen.getByLabelText('Numéro du contrat'), 'CPTS-38-2027-010');
    await user.type(screen.getByLabelText(/^Date de signature/), '2027-04-01');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le contrat' }));

    expect(await screen.findByRole('heading', { level: 2, name: /Contrat n° CPTS-38-2027-010/ })).toBeTruthy();
    const renewed = (await backend.ok('contract.list')).find((row) => row.number === 'CPTS-38-2027-010')!;
    expect(renewed.previousContractId).toBe(previous.id);
    const chooser = screen.getByLabelText('Contrat affiché');
    expect(within(chooser).getAllByRole('option')).toHaveLength(2);
    await user.selectOptions(chooser, String(previous.id));
    expect(await screen.findByRole('heading', { level: 2, name: /Contrat n° CPTS-38-2022-004/ })).toBeTruthy();
  });

  it('adds an optional mission to the contract and removes it after confirmation', async () => {
    const backend = await install();
    const contract = await withContract(backend);
    const { user } = renderApp('/projet-de-sante/contrat');
    await user.click(await screen.findByRole('button', { name: /Ajouter la mission optionnelle « Accompagnement »/ }));
    const table = screen.getByRole('table', { name: 'Missions et échéances' });
    expect(await within(table).findByText(/Accompagnement des professionnels/)).toBeTruthy();
    expect((await backend.ok('contract.get', { id: contract.id })).missions.map((m) => m.code)).toContain(
      'accompagnement',
    );
    // Socle missions cannot be removed.
    expect(within(table).queryByRole('button', { name: /Retirer la mission Accès aux soins/ })).toBeNull();
    await user.click(within(table).getByRole('button', { name: 'Retirer la mission Accompagnement du contrat' }));
    const dialog = screen.getByRole('dialog', { name: 'Retirer la mission « Accompagnement » du contrat ?' });
    await user.click(within(dialog).getByRole('button', { name: 'Retirer la mission' }));
    await waitFor(() => expect(within(table).queryByText(/Accompagnement des professionnels/)).toBeNull());
    expect((await backend.ok('contract.get', { id: contract.id })).missions.map((m) => m.code)).not.toContain(
      'accompagnement',
    );
  });
});

describe('Contrat ACI — missions, enveloppes, versements', () => {
  it('shows each mission’s deadline status in words and records its start', async () => {
    const backend = await install();
    await withContract(backend);
    const { user } = renderApp('/projet-de-sante/contrat');
    const table = await screen.findByRole('table', { name: 'Missions et échéances' });
    // Accès aux soins had to start by 1 October 2022; parcours must by 1 April 2023, within 60 days.
    const acces = rowOf(table, /Amélioration de l’accès aux soins/);
    expect(within(acces).getAllByText('Échéance dépassée').length).toBeGreaterThan(0);
    const parcours = rowOf(table, /parcours pluriprofessionnels/);
    expect(within(parcours).getAllByText('Échéance proche').length).toBeGreaterThan(0);

    await user.click(within(acces).getByRole('button', { name: 'Modifier les dates de la mission Accès aux soins' }));
    await user.type(screen.getByLabelText('Démarrée le'), '2022-09-15');
    await user.click(screen.getByRole('button', { name: 'Enregistrer les dates' }));
    await waitFor(() =>
      expect(
        within(rowOf(screen.getByRole('table', { name: 'Missions et échéances' }), /accès aux soins/)).getByText(
          'Fait',
        ),
      ).toBeTruthy(),
    );
    const contract = (await backend.ok('contract.list'))[0]!;
    const detail = await backend.ok('contract.get', { id: contract.id });
    expect(detail.missions.find((mission) => mission.code === 'acces')?.startedOn).toBe('2022-09-15');
  });

  it('refuses an amount that is not in euros, then saves the envelopes of year 1 in cents', async () => {
    const backend = await install();
    const contract = await withContract(backend);
    const { user } = renderApp('/projet-de-sante/contrat');
    await user.click(await screen.findByRole('button', { name: 'Modifier l’année' }));

    const fixed = screen.getByLabelText('Part fixe, Accès aux soins');
    await user.type(fixed, 'douze euros');
    await user.type(screen.getByLabelText('Part variable maximale, Accès aux soins'), '-5');
    await user.click(screen.getByRole('button', { name: 'Enregistrer l’année' }));
    expect(await screen.findByText(/« douze euros » n'est pas un montant en euros/)).toBeTruthy();
    expect(screen.getByText('Le montant ne peut pas être négatif.')).toBeTruthy();
    expect(fixed.getAttribute('aria-invalid')).toBe('true');
    expect(backend.api['contract.saveYear']).not.toHaveBeenCalled();

    await user.clear(fixed);
    await user.type(fixed, '90 000');
    await user.clear(screen.getByLabelText('Part variable maximale, Accès aux soins'));
    await user.type(screen.getByLabelText('Part variable maximale, Accès aux soins'), '35000,50');
    await user.type(screen.getByLabelText('Population (habitants)'), '120000');
    await user.click(screen.getByRole('button', { name: 'Enregistrer l’année' }));
    expect(await screen.findByText('Année 1 enregistrée.')).toBeTruthy();

    const detail = await backend.ok('contract.get', { id: contract.id });
    const year1 = detail.years[0]!;
    const acces = year1.envelopes.find((envelope) => envelope.missionCode === 'acces');
    expect(acces).toMatchObject({ fixedCents: 9_000_000, variableMaxCents: 3_500_050 });
    expect(year1.population).toBe(120_000);
    const table = screen.getByRole('table', { name: 'Enveloppes de l’année 1' });
    const row = rowOf(table, /accès aux soins/);
    expect(plain(row.textContent)).toContain(plain(formatEurosFromCents(9_000_000)));
    expect(plain(row.textContent)).toContain(plain(formatEurosFromCents(3_500_050)));
    // Fonctionnement comes from the ACI's established amount for the taille, and says so.
    const fonctionnement = rowOf(table, /Fonctionnement/);
    expect(year1.fonctionnement.source).toBe('reference');
    expect(within(fonctionnement).getByText(new RegExp(year1.fonctionnement.sourceLabel))).toBeTruthy();
    expect(plain(fonctionnement.textContent)).toContain(plain(formatEurosFromCents(year1.fonctionnement.cents!)));
  });

  it('records a payment received against what was expected and shows the gap', async () => {
    const backend = await install();
    const contract = await withContract(backend, 120_000);
    const expected = (await backend.ok('contract.get', { id: contract.id })).years[0]!.payments.find(
      (line) => line.kind === 'fonctionnement',
    )!;
    expect(expected.expectedCents).toBeGreaterThan(0);
    const { user } = renderApp('/projet-de-sante/contrat');
    const table = await screen.findByRole('table', { name: 'Versements attendus et reçus' });
    await user.click(within(table).getByRole('button', { name: `Saisir le versement reçu : ${expected.label}` }));
    const received = screen.getByLabelText('Montant reçu (€)') as HTMLInputElement;
    // Prefilled with the expected amount; the CPAM paid 5 000 € less.
    expect(received.value).not.toBe('');
    await user.clear(received);
    await user.type(received, '12,345');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le versement' }));
    expect(await screen.findByText(/« 12,345 » n'est pas un montant en euros/)).toBeTruthy();
    expect(backend.api['contract.savePayment']).not.toHaveBeenCalled();

    const paid = expected.expectedCents! - 500_000;
    await user.clear(received);
    await user.type(received, String(paid / 100));
    await user.clear(screen.getByLabelText('Reçu le'));
    await user.type(screen.getByLabelText('Reçu le'), '2022-05-20');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le versement' }));
    const toast = plain(`Versement reçu enregistré : ${formatEurosFromCents(paid)}.`);
    expect(await screen.findByText((text) => plain(text) === toast)).toBeTruthy();

    const line = (await backend.ok('contract.get', { id: contract.id })).years[0]!.payments.find(
      (candidate) => candidate.kind === 'fonctionnement',
    )!;
    expect(line).toMatchObject({ receivedCents: paid, receivedOn: '2022-05-20', gapCents: -500_000 });
    const row = rowOf(screen.getByRole('table', { name: 'Versements attendus et reçus' }), expected.label);
    expect(plain(row.textContent)).toContain(plain(`−${formatEurosFromCents(500_000)}`));
    expect(within(row).getByText(line.statusLabel)).toBeTruthy();
  });
});

describe('Contrat ACI — dialogue de gestion et documents', () => {
  it('records the dialogue de gestion of the year with the variable amount validated, then joins its minutes', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'maillage-dialogue-'));
    const minutes = join(folder, 'cr-dialogue.pdf');
    writeFileSync(minutes, '%PDF-1.4 compte rendu');
    const backend = await install({ chooseOpenPath: async () => minutes });
    const contract = await withContract(backend);
    const { user } = renderApp('/projet-de-sante/contrat');
    await user.click(await screen.findByRole('button', { name: 'Saisir un dialogue de gestion' }));
    await user.type(screen.getByLabelText(/^Date du dialogue/), '2023-02-10');
    await user.type(screen.getByLabelText('Participants'), 'CPAM, ARS, bureau de la CPTS');
    await user.type(screen.getByLabelText('Part variable validée (€)'), '42 000');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le dialogue' }));
    expect(await screen.findByText('Dialogue de gestion enregistré.')).toBeTruthy();
    const dialogue = (await backend.ok('contract.get', { id: contract.id })).years[0]!.dialogues[0]!;
    expect(dialogue).toMatchObject({ heldOn: '2023-02-10', variableValidatedCents: 4_200_000 });
    const shown = screen.getByRole('article', { name: 'Dialogue du 10 février 2023' });
    expect(plain(shown.textContent)).toContain(plain(formatEurosFromCents(4_200_000)));

    await user.click(
      within(shown).getByRole('button', { name: 'Joindre le compte rendu du dialogue du 10 février 2023' }),
    );
    expect(await screen.findByText('Compte rendu joint.')).toBeTruthy();
    const joined = (await backend.ok('contract.get', { id: contract.id })).years[0]!.dialogues[0]!;
    expect(joined.minutes?.fileName).toBe('cr-dialogue.pdf');
    expect(await within(shown).findByText(/cr-dialogue\.pdf/)).toBeTruthy();
  });

  it('attaches the signed contract through the file dialog and deletes it after confirmation', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'maillage-contrat-'));
    const file = join(folder, 'contrat-signe.pdf');
    writeFileSync(file, '%PDF-1.4 contrat');
    const backend = await install({ chooseOpenPath: async () => file });
    const contract = await withContract(backend);
    const { user } = renderApp('/projet-de-sante/contrat');
    const section = await screen.findByRole('region', { name: 'Documents du contrat' });
    expect(within(section).getByText(/Aucun document joint/)).toBeTruthy();
    await user.selectOptions(within(section).getByLabelText('Nature du document'), 'contrat_signe');
    await user.click(within(section).getByRole('button', { name: 'Ajouter un document…' }));
    expect(await screen.findByText('Document ajouté.')).toBeTruthy();
    const table = within(section).getByRole('table', { name: 'Documents du contrat' });
    expect(within(table).getByText('Contrat signé')).toBeTruthy();

    await user.click(within(table).getByRole('button', { name: /^Supprimer / }));
    const dialog = screen.getByRole('dialog', { name: 'Supprimer le document ?' });
    await user.click(within(dialog).getByRole('button', { name: 'Supprimer le document' }));
    expect(await within(section).findByText(/Aucun document joint/)).toBeTruthy();
    expect((await backend.ok('contract.get', { id: contract.id })).documents).toHaveLength(0);
  });
});
