// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { installRealApi } from './real-api';
import { renderApp } from './render-app';

type Backend = Awaited<ReturnType<typeof installRealApi>>;
let backend: Backend | null = null;
afterEach(async () => {
  await backend?.dispose();
  backend = null;
});

const SAFETY_NET = /un nom de famille écrit seul ne peut pas être détecté/;

describe('Réunions — confidentialité d’une RCP (vrais gestionnaires)', () => {
  it('says once on the RCP screen that the guard is a safety net, and offers no document to attach', async () => {
    backend = await installRealApi();
    const meeting = await backend.ok('meetings.create', {
      type: 'rcp',
      title: 'RCP chutes',
      date: '2026-05-22',
      rcpKind: 'clinique',
    });
    renderApp(`/reunions/${meeting.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'RCP chutes' })).toBeTruthy();
    const notes = screen.getAllByText(SAFETY_NET);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.closest('[role="note"]')?.textContent).toContain('RCP pseudonymisée');
    const documents = screen.getByRole('region', { name: 'Documents' });
    expect(within(documents).queryByRole('button', { name: 'Ajouter un document' })).toBeNull();
    expect(within(documents).getByText(/Aucun document ne se joint à une RCP/)).toBeTruthy();
  });

  it('repeats the safety net in the case form', async () => {
    backend = await installRealApi();
    const meeting = await backend.ok('meetings.create', {
      type: 'rcp',
      title: 'RCP chutes',
      date: '2026-05-22',
      rcpKind: 'clinique',
    });
    const { user } = renderApp(`/reunions/${meeting.id}`);
    await user.click(await screen.findByRole('button', { name: 'Ajouter un cas' }));
    const form = screen.getByRole('form', { name: 'Nouveau cas' });
    expect(within(form).getByText(SAFETY_NET)).toBeTruthy();
  });

  it('flags a document attached before the meeting became an RCP, and deletes it', async () => {
    const source = { path: '' };
    backend = await installRealApi({ chooseOpenPath: async () => source.path });
    source.path = join(backend.database.dir, 'liste-patients.pdf');
    writeFileSync(source.path, '%PDF-1.4 liste');
    const team = { type: 'autre' as const, title: 'Réunion d’équipe', date: '2026-05-22' };
    const meeting = await backend.ok('meetings.create', team);
    await backend.ok('meetings.addDocument', { meetingId: meeting.id });
    await backend.ok('meetings.update', { id: meeting.id, data: { ...team, type: 'rcp', rcpKind: 'clinique' } });

    const { user } = renderApp(`/reunions/${meeting.id}`);
    const documents = await screen.findByRole('region', { name: 'Documents' });
    await within(documents).findByText('liste-patients.pdf');
    expect(within(documents).getByRole('alert').textContent).toBe(
      'Ce document a été joint avant que la réunion devienne une RCP. Il ne figure pas dans le compte rendu ; s’il peut contenir l’identité d’un patient, supprimez-le.',
    );
    expect(within(documents).getByText('hors compte rendu, à supprimer')).toBeTruthy();
    await user.click(within(documents).getByRole('button', { name: 'Supprimer liste-patients.pdf' }));
    const dialog = screen.getByRole('dialog', { name: 'Supprimer le document ?' });
    await user.click(within(dialog).getByRole('button', { name: 'Supprimer le document' }));
    await waitFor(() => expect(within(documents).queryByText('liste-patients.pdf')).toBeNull());
    expect(within(documents).queryByRole('alert')).toBeNull();
    expect((await backend.ok('meetings.get', { id: meeting.id })).documents).toEqual([]);
  });
});
