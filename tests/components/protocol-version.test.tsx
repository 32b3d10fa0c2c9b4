// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type RealBackend, realApiPerTest } from './real-api';
import { renderApp } from './render-app';

const real = realApiPerTest();

/** A pluriprofessional protocol and its first, empty draft. */
async function withEmptyDraft(backend: RealBackend) {
  const protocol = await backend.ok('protocols.create', {
    title: 'Prévention des chutes de la personne âgée',
    family: 'pluripro',
  });
  // A new protocol starts with its first draft.
  return { protocol, draftId: protocol.draftVersionId! };
}

describe('Protocoles — le brouillon d’une version', () => {
  it('writes the HAS fields, the professions and the steps in order, moved with the keyboard', async () => {
    const backend = await real.install();
    const { protocol, draftId } = await withEmptyDraft(backend);
    const { user } = renderApp(`/protocoles/${protocol.id}/versions/${draftId}`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Prévention des chutes de la personne âgée — version 1' }),
    ).toBeTruthy();
    // Each HAS field says which question it answers.
    const situation = screen.getByLabelText('Situation clinique');
    expect(situation.getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText(/Quoi \? La situation ou le problème de santé/)).toBeTruthy();
    // A pluriprofessional protocol transfers no act: no derogatory acts to write.
    expect(screen.queryByLabelText('Actes dérogatoires')).toBeNull();

    await user.type(situation, 'Chute à domicile après 65 ans.');
    await user.type(screen.getByLabelText('Évaluation'), 'Nombre de patients repérés par an.');

    await user.click(screen.getByRole('button', { name: 'Ajouter une profession' }));
    await user.type(screen.getByLabelText(/^Profession 1/), 'pharma');
    await user.keyboard('{ArrowDown}{Enter}');
    expect(screen.getByLabelText<HTMLInputElement>(/^Profession 1/).value).toBe('Pharmacien·ne');
    await user.type(screen.getByLabelText('Son rôle'), 'Repère les patients à risque');

    await user.click(screen.getByRole('button', { name: 'Ajouter une étape' }));
    const first = screen.getByRole('group', { name: 'Étape 1' });
    await user.type(within(first).getByLabelText(/^Qui/), 'infirm');
    await user.click(await screen.findByRole('option', { name: 'Infirmier·ère' }));
    await user.type(within(first).getByLabelText(/^Fait quoi/), 'Évaluer le domicile');
    await user.type(within(first).getByLabelText('Où'), 'Au domicile');

    await user.click(screen.getByRole('button', { name: 'Ajouter une étape' }));
    const second = screen.getByRole('group', { name: 'Étape 2' });
    await user.type(within(second).getByLabelText(/^Qui/), 'pharma');
    await user.click(await screen.findByRole('option', { name: /^Pharmacien/ }));
    await user.type(within(second).getByLabelText(/^Fait quoi/), 'Repérer le risque au comptoir');
    await user.type(within(second).getByLabelText('Quand'), 'À la délivrance');

    // The pharmacist comes first: « Monter » by the keyboard.
    screen.getByRole('button', { name: 'Monter l’étape 2' }).focus();
    await user.keyboard('{Enter}');
    expect(
      within(screen.getByRole('group', { name: 'Étape 1' })).getByLabelText<HTMLTextAreaElement>(/^Fait quoi/).value,
    ).toBe('Repérer le risque au comptoir');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Monter l’étape 1' }).disabled).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Enregistrer le brouillon' }));
    expect(await screen.findByText('Brouillon de la version 1 enregistré.')).toBeTruthy();
    const stored = await backend.ok('protocols.getVersion', { id: draftId });
    expect(stored.situation).toBe('Chute à domicile après 65 ans.');
    expect(stored.evaluation).toBe('Nombre de patients repérés par an.');
    expect(stored.professions).toMatchObject([{ professionCode: '21', role: 'Repère les patients à risque' }]);
    expect(stored.steps.map((step) => [step.rank, step.professionCode, step.action, step.timing, step.place])).toEqual([
      [1, '21', 'Repérer le risque au comptoir', 'À la délivrance', null],
      [2, '60', 'Évaluer le domicile', null, 'Au domicile'],
    ]);
  });

  it('refuses a step without a profession under its field, and writes nothing', async () => {
    const backend = await real.install();
    const { protocol, draftId } = await withEmptyDraft(backend);
    const { user } = renderApp(`/protocoles/${protocol.id}/versions/${draftId}`);
    await user.click(await screen.findByRole('button', { name: 'Ajouter une étape' }));
    const step = screen.getByRole('group', { name: 'Étape 1' });
    await user.type(within(step).getByLabelText(/^Fait quoi/), 'Évaluer le domicile');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le brouillon' }));

    const who = within(step).getByLabelText(/^Qui/);
    await waitFor(() => expect(who.getAttribute('aria-invalid')).toBe('true'));
    const message = document.getElementById(`${who.id}-erreur`);
    expect(message?.textContent).toBe('Choisissez la profession.');
    expect(backend.api['protocols.saveVersion']).not.toHaveBeenCalled();
    expect((await backend.ok('protocols.getVersion', { id: draftId })).steps).toEqual([]);
  });

  it('asks what changed from version 2 on, and shows a validated version read-only', async () => {
    const backend = await real.install();
    const { protocol, draftId } = await withEmptyDraft(backend);
    await backend.ok('protocols.saveVersion', {
      id: draftId,
      situation: 'Chute à domicile.',
      steps: [{ professionCode: '60', action: 'Évaluer le domicile' }],
    });
    await backend.ok('protocols.validateVersion', { id: draftId, validatedOn: '2026-05-20', validatedBy: 'Bureau' });
    const second = await backend.ok('protocols.newVersion', { protocolId: protocol.id });
    expect(second.number).toBe(2);

    const { user, router } = renderApp(`/protocoles/${protocol.id}/versions/${second.id}`);
    // The draft starts from the content of version 1.
    expect(await screen.findByDisplayValue('Chute à domicile.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Enregistrer le brouillon' }));
    const changelog = screen.getByLabelText(/^Modifications depuis la version précédente/);
    await waitFor(() => expect(changelog.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText(/Dites ce qui change depuis la version précédente/)).toBeTruthy();
    expect(backend.api['protocols.saveVersion']).not.toHaveBeenCalled();

    await user.type(changelog, 'Ajout du repérage en pharmacie.');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le brouillon' }));
    expect(await screen.findByText('Brouillon de la version 2 enregistré.')).toBeTruthy();
    expect((await backend.ok('protocols.getVersion', { id: second.id })).changelog).toBe(
      'Ajout du repérage en pharmacie.',
    );

    await router.navigate(`/protocoles/${protocol.id}/versions/${draftId}`);
    expect(await screen.findByText(/elle se lit sans se modifier/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Enregistrer le brouillon' })).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(
      within(screen.getByRole('table', { name: 'Étapes du protocole' })).getByText('Évaluer le domicile'),
    ).toBeTruthy();
    expect(screen.getByText('par Bureau', { exact: false })).toBeTruthy();
  });

  it('asks before leaving a draft with unsaved changes, and stays on it', async () => {
    const backend = await real.install();
    const { protocol, draftId } = await withEmptyDraft(backend);
    const { user, router } = renderApp(`/protocoles/${protocol.id}/versions/${draftId}`);
    await user.type(await screen.findByLabelText('Situation clinique'), 'Chute à domicile.');
    await user.click(screen.getByRole('link', { name: '← Prévention des chutes de la personne âgée' }));
    const dialog = await screen.findByRole('dialog', { name: 'Modifications non enregistrées' });
    await user.click(within(dialog).getByRole('button', { name: 'Rester sur la page' }));
    expect(router.state.location.pathname).toBe(`/protocoles/${protocol.id}/versions/${draftId}`);
    expect(screen.getByLabelText<HTMLTextAreaElement>('Situation clinique').value).toBe('Chute à domicile.');
    expect((await backend.ok('protocols.getVersion', { id: draftId })).situation).toBeNull();
  });
});
