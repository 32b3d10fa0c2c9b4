// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProtocolInput } from '@shared/contract';
import { formatDateLong } from '@shared/format';
import { type RealBackend, realApiPerTest } from './real-api';
import { seedTeamMembers } from '../helpers/protocol-team';
import { renderApp } from './render-app';
import { CA_DE_MAI, seedMeeting } from './seed-meetings';

const real = realApiPerTest();
/** 23 November 2026, as the handlers' default clock. */
const install = () => real.install();

const CYSTITE: ProtocolInput = {
  code: 'PR-01',
  title: 'Prise en charge de la cystite simple',
  family: 'coop_nationale',
  theme: 'Infections urinaires',
  arreteReference: 'Arrêté du 9 mars 2023',
  arreteOn: '2023-03-09',
};
const CHUTES: ProtocolInput = {
  code: 'PR-02',
  title: 'Prévention des chutes de la personne âgée',
  family: 'pluripro',
  theme: 'Personnes âgées',
};

/** A protocol with a first draft: its professions and steps (a pharmacien, then an infirmier). */
async function withDraft(backend: RealBackend, input: ProtocolInput = CHUTES) {
  const protocol = await backend.ok('protocols.create', input);
  // A new protocol starts with its first draft.
  const draftId = protocol.draftVersionId!;
  await backend.ok('protocols.saveVersion', {
    id: draftId,
    situation: 'Chute d’une personne de plus de 65 ans à domicile.',
    objectives: 'Éviter la récidive.',
    professions: [{ professionCode: '21', role: 'Repère les patients à risque' }],
    steps: [
      { professionCode: '21', action: 'Repérer le risque de chute au comptoir', timing: 'À la délivrance' },
      { professionCode: '60', action: 'Évaluer le domicile', place: 'Au domicile' },
    ],
  });
  return { protocol, draftId };
}

describe('Protocoles — la bibliothèque', () => {
  it('says what to do when the library is empty', async () => {
    await install();
    renderApp('/protocoles');
    expect(await screen.findByText(/Aucun protocole pour l’instant/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Nouveau protocole' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Importer un protocole Word' })).toBeTruthy();
  });

  it('creates a protocol: a title too short is refused, the arrêté is asked only for a national cooperation protocol', async () => {
    const backend = await install();
    const { user } = renderApp('/protocoles');
    await user.click(await screen.findByRole('button', { name: 'Nouveau protocole' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nouveau protocole' });
    // The two legal families are explained where they are chosen.
    expect(within(dialog).getByText(/sans transfert d’actes/)).toBeTruthy();
    expect(within(dialog).getByText(/autorisé par arrêté/)).toBeTruthy();
    expect(within(dialog).queryByLabelText('Arrêté d’autorisation')).toBeNull();

    await user.type(within(dialog).getByLabelText(/^Titre/), 'Cy');
    await user.click(within(dialog).getByRole('button', { name: 'Créer le protocole' }));
    expect(await within(dialog).findByText(/Donnez un titre au protocole/)).toBeTruthy();
    expect(backend.api['protocols.create']).not.toHaveBeenCalled();
    expect(await backend.ok('protocols.list', {})).toEqual([]);

    await user.type(within(dialog).getByLabelText(/^Titre/), 'stite simple de la femme');
    await user.click(within(dialog).getByRole('radio', { name: /Protocole de coopération national/ }));
    await user.type(within(dialog).getByLabelText('Arrêté d’autorisation'), 'Arrêté du 9 mars 2023');
    await user.type(within(dialog).getByLabelText('Thème'), 'Infections urinaires');
    await user.click(within(dialog).getByRole('button', { name: 'Créer le protocole' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Cystite simple de la femme' })).toBeTruthy();
    expect(screen.getByText('Protocole de coopération national')).toBeTruthy();
    expect(screen.getByText('Arrêté du 9 mars 2023')).toBeTruthy();
    const [stored] = await backend.ok('protocols.list', {});
    expect(stored).toMatchObject({ title: 'Cystite simple de la femme', family: 'coop_nationale' });
  });

  it('filters by family, profession, words and review due, and « retour » keeps the filters', async () => {
    const backend = await install();
    await withDraft(backend, CHUTES);
    await backend.ok('protocols.create', CYSTITE);
    const { user, router } = renderApp('/protocoles');
    const table = await screen.findByRole('table', { name: /2 protocoles/ });
    const chutes = within(table).getByRole('row', { name: /chutes/ });
    expect(within(chutes).getByText('Pluriprofessionnel')).toBeTruthy();
    expect(within(chutes).getByText('Brouillon')).toBeTruthy();
    const cystite = within(table).getByRole('row', { name: /cystite/ });
    expect(within(cystite).getByText('Coopération nationale')).toBeTruthy();

    await user.selectOptions(screen.getByLabelText('Famille'), 'coop_nationale');
    await waitFor(() => expect(screen.queryByRole('link', { name: /chutes/ })).toBeNull());
    expect(screen.getByRole('link', { name: /cystite/ })).toBeTruthy();
    expect(router.state.location.search).toContain('famille=coop_nationale');
    await user.selectOptions(screen.getByLabelText('Famille'), '');

    // The profession is chosen by typing part of its name.
    await user.type(screen.getByLabelText('Profession'), 'infirm');
    await user.click(await screen.findByRole('option', { name: 'Infirmier·ère' }));
    await waitFor(() => expect(screen.queryByRole('link', { name: /cystite/ })).toBeNull());
    expect(screen.getByRole('link', { name: /chutes/ })).toBeTruthy();
    expect(backend.api['protocols.list']).toHaveBeenLastCalledWith({ professionCode: '60' });

    await user.click(screen.getByRole('link', { name: /chutes/ }));
    expect(await screen.findByRole('heading', { level: 1, name: /PR-02 — Prévention des chutes/ })).toBeTruthy();
    await user.click(screen.getByRole('link', { name: '← Bibliothèque des protocoles' }));
    expect(await screen.findByRole('table', { name: /1 protocole/ })).toBeTruthy();
    expect(router.state.location.search).toContain('profession=60');

    await user.click(screen.getByRole('button', { name: 'Effacer les filtres' }));
    await user.type(screen.getByLabelText('Rechercher'), 'domicile');
    await waitFor(() => expect(screen.queryByRole('link', { name: /cystite/ })).toBeNull());
    expect(screen.getByRole('link', { name: /chutes/ })).toBeTruthy();

    await user.clear(screen.getByLabelText('Rechercher'));
    await user.click(screen.getByRole('checkbox', { name: 'Révision à faire' }));
    expect(await screen.findByText('Aucun protocole ne correspond à ces filtres.')).toBeTruthy();
  });
});

describe('Protocoles — la page d’un protocole', () => {
  it('validates the draft at a meeting, refusing a review date before the validation, then puts it in force', async () => {
    const backend = await install();
    const { protocol, draftId } = await withDraft(backend);
    const ca = await seedMeeting(backend, CA_DE_MAI, {
      decisions: [{ text: 'Le protocole chutes est adopté', ownerLabel: 'Bureau', dueOn: null, status: 'fait' }],
    });
    const { user } = renderApp(`/protocoles/${protocol.id}`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'PR-02 — Prévention des chutes de la personne âgée' }),
    ).toBeTruthy();
    expect(screen.getByText(/Aucune version validée pour l’instant/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Valider la version 1…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Valider la version 1' });
    const date = within(dialog).getByLabelText(/^Date de validation/);
    await user.clear(date);
    await user.type(date, '2026-05-20');
    // The next review follows the date: 24 months later by default.
    await waitFor(() =>
      expect(within(dialog).getByLabelText<HTMLInputElement>('Prochaine révision').value).toBe('2028-05-20'),
    );
    await user.selectOptions(
      await within(dialog).findByLabelText('Réunion'),
      await within(dialog).findByRole('option', { name: `CA de mai — ${formatDateLong('2026-05-20')}` }),
    );
    expect(within(dialog).getByLabelText<HTMLSelectElement>('Instance qui a validé').value).toBe(
      'Conseil d’administration',
    );
    await user.selectOptions(
      await within(dialog).findByLabelText('Décision'),
      await within(dialog).findByRole('option', { name: 'Le protocole chutes est adopté' }),
    );
    const review = within(dialog).getByLabelText('Prochaine révision');
    await user.clear(review);
    await user.type(review, '2026-01-10');
    await user.click(within(dialog).getByRole('button', { name: 'Valider la version' }));
    const refusal = await within(dialog).findByText(/révision/i, { selector: '.field-error' });
    expect(refusal.closest('.field')?.querySelector('input')?.id).toBe('validation-revision');
    expect((await backend.ok('protocols.getVersion', { id: draftId })).status).toBe('brouillon');

    await user.clear(review);
    await user.type(review, '2028-05-20');
    await user.click(within(dialog).getByRole('button', { name: 'Valider la version' }));
    expect(await screen.findByText('Version 1 validée.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const header = screen.getByRole('region', { name: 'Le protocole en bref' });
    expect(await within(header).findByRole('link', { name: 'CA de mai' })).toBeTruthy();
    expect(within(header).getByText(/par Conseil d’administration/)).toBeTruthy();
    expect(within(header).getByText('Validé')).toBeTruthy();
    const stored = await backend.ok('protocols.getVersion', { id: draftId });
    expect(stored.validation).toMatchObject({
      validatedOn: '2026-05-20',
      meeting: { id: ca.id },
      decision: { text: 'Le protocole chutes est adopté' },
    });
    // The content of the version that applies, steps as a table.
    const content = screen.getByRole('region', { name: 'Contenu de la version 1' });
    const steps = within(content).getByRole('table', { name: 'Étapes du protocole' });
    expect(within(steps).getByRole('row', { name: /Pharmacien.*Repérer le risque/ })).toBeTruthy();
    expect(within(content).getByText('Éviter la récidive.')).toBeTruthy();

    await user.click(within(header).getByRole('button', { name: 'Mettre en vigueur' }));
    const inForce = await screen.findByRole('dialog', { name: 'Mettre en vigueur la version 1' });
    const on = within(inForce).getByLabelText(/^En vigueur à partir du/);
    await user.clear(on);
    await user.type(on, '2026-06-01');
    await user.click(within(inForce).getByRole('button', { name: 'Mettre en vigueur' }));
    expect(await screen.findByText('Version 1 en vigueur.')).toBeTruthy();
    expect(await within(header).findByText('En vigueur')).toBeTruthy();
    expect(within(header).getByRole('button', { name: 'Suspendre' })).toBeTruthy();
    const versions = screen.getByRole('table', { name: 'Versions' });
    expect(within(versions).getByText(`du ${formatDateLong('2026-06-01')}`)).toBeTruthy();

    // The library finds it by its status.
    const [row] = await backend.ok('protocols.list', { status: 'en_vigueur' });
    expect(row?.id).toBe(protocol.id);
  });

  it('asks before deleting a protocol, then goes back to the library', async () => {
    const backend = await install();
    const { protocol } = await withDraft(backend);
    const { user } = renderApp(`/protocoles/${protocol.id}`);
    await user.click(await screen.findByRole('button', { name: 'Supprimer' }));
    const dialog = await screen.findByRole('dialog', { name: /Supprimer le protocole/ });
    await user.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    expect(await backend.ok('protocols.list', {})).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Supprimer' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Supprimer le protocole' }));
    expect(await screen.findByText(/Aucun protocole pour l’instant/)).toBeTruthy();
    expect(await backend.ok('protocols.list', {})).toEqual([]);
  });
});

describe('Protocoles — le PDF', () => {
  it('exports the protocol as a PDF where the coordinator chooses, and says where', async () => {
    const saved = join(mkdtempSync(join(tmpdir(), 'maillage-protocole-pdf-')), 'protocole.pdf');
    const backend = await real.install({ chooseSavePath: async () => saved });
    const { protocol } = await withDraft(backend);
    const { user } = renderApp(`/protocoles/${protocol.id}`);
    await user.click(await screen.findByRole('button', { name: 'Protocole (PDF)' }));
    expect(
      await screen.findByText(`Protocole « Prévention des chutes de la personne âgée » enregistré en PDF : ${saved}`),
    ).toBeTruthy();
    expect(backend.api['reports.exportProtocol']).toHaveBeenCalledWith({ protocolId: protocol.id });
    // Its text is read in the PDF's own tests: rendered under jsdom, the embedded fonts do not read back.
    expect(readFileSync(saved).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('Tableau de bord — protocoles', () => {
  it('lists the reviews due, overdue first, each linking to its protocol', async () => {
    const backend = await install();
    const { draftId } = await withDraft(backend);
    await backend.ok('protocols.validateVersion', {
      id: draftId,
      validatedOn: '2024-09-01',
      validatedBy: 'Bureau',
      nextReviewOn: '2026-10-01',
    });
    const { user } = renderApp('/');
    const tile = await screen.findByRole('region', { name: 'Protocoles' });
    const link = await within(tile).findByRole('link', { name: 'PR-02 — Prévention des chutes de la personne âgée' });
    expect(within(tile).getByText(`Révision dépassée depuis le ${formatDateLong('2026-10-01')}`)).toBeTruthy();
    expect(within(tile).getByText('1 révision dépassée')).toBeTruthy();
    await user.click(link);
    expect(await screen.findByRole('heading', { level: 1, name: /PR-02/ })).toBeTruthy();
    expect(screen.getByText('Révision dépassée')).toBeTruthy();
  });

  it('lists the cooperation protocols whose team is owed to the ARS', async () => {
    const backend = await install();
    const { doctor, pharmacist } = await seedTeamMembers(backend);
    const cystite = await backend.ok('protocols.create', CYSTITE);
    await backend.ok('protocolTeam.add', {
      protocolId: cystite.id,
      memberId: doctor,
      role: 'delegant',
      joinedOn: '2026-03-01',
    });
    await backend.ok('protocolTeam.add', {
      protocolId: cystite.id,
      memberId: pharmacist,
      role: 'delegue',
      joinedOn: '2026-03-01',
    });
    const { user } = renderApp('/');
    const owed = await screen.findByRole('list', { name: 'Déclarations d’équipe dues à l’ARS' });
    const item = within(owed).getByRole('listitem');
    expect(within(item).getByText('Équipe jamais déclarée à l’ARS')).toBeTruthy();
    expect(within(item).getByText('Équipe à déclarer à l’ARS')).toBeTruthy();
    await user.click(within(item).getByRole('link', { name: 'PR-01 — Prise en charge de la cystite simple' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'PR-01 — Prise en charge de la cystite simple' }),
    ).toBeTruthy();
  });
});
