// @vitest-environment jsdom
/**
 * Leaving a form with unsaved changes asks first — member form, meeting agenda, CPTS identity, rules editor, a tab
 * of the assembly and a modal form — on the REAL handlers and a temporary database: stay (what was typed is still
 * there), then leave; after a save, leaving asks nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { createMemoryRouter, Link, RouterProvider } from 'react-router-dom';
import { Dialog } from '../../renderer/src/components/Dialog';
import { Layout } from '../../renderer/src/components/Layout';
import { useUnsavedValuesGuard } from '../../renderer/src/components/UnsavedChanges';
import { seedAssembly } from '../fixtures/ag-seed';
import { installRealApi } from './real-api';
import { renderApp } from './render-app';

const TITLE = 'Modifications non enregistrées';

let backend: Awaited<ReturnType<typeof installRealApi>>;

beforeEach(async () => {
  backend = await installRealApi();
});

afterEach(async () => {
  await backend.dispose();
});

type View = ReturnType<typeof renderApp>;

const sidebarLink = (name: string) =>
  within(screen.getByRole('navigation', { name: 'Navigation principale' })).getByRole('link', { name });

/** The question, with « Rester sur la page » focused (the safe choice). */
async function question() {
  const dialog = await screen.findByRole('dialog', { name: TITLE });
  expect(
    within(dialog).getByText('Vous avez modifié ce formulaire sans l’enregistrer. Quitter sans enregistrer ?'),
  ).toBeTruthy();
  expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Rester sur la page' }));
  return dialog;
}

const noQuestion = () => expect(screen.queryByRole('dialog', { name: TITLE })).toBeNull();

const path = (view: View) => view.router.state.location.pathname;

/** A sidebar click that must go through at once. */
async function leaveFreely(view: View, link: string, to: string) {
  await view.user.click(sidebarLink(link));
  await waitFor(() => expect(path(view)).toBe(to));
  noQuestion();
}

describe('Modifications non enregistrées', () => {
  it('member form: asks before leaving, keeps what was typed when staying, leaves when asked; a new member saved opens without asking', async () => {
    const view = renderApp('/adherents/nouveau');
    const { user } = view;
    await screen.findByLabelText('Nom');

    // Nothing typed: leaving is free.
    await leaveFreely(view, 'Ma CPTS', '/cpts');
    await user.click(sidebarLink('Adhérents'));
    await user.click((await screen.findAllByRole('link', { name: 'Nouvel adhérent' }))[0]!);
    await user.type(await screen.findByLabelText('Nom'), 'Roux');

    // Typed: « Rester sur la page » keeps the page and the text.
    await user.click(sidebarLink('Ma CPTS'));
    let dialog = await question();
    await user.click(within(dialog).getByRole('button', { name: 'Rester sur la page' }));
    noQuestion();
    expect(path(view)).toBe('/adherents/nouveau');
    expect((screen.getByLabelText('Nom') as HTMLInputElement).value).toBe('Roux');

    // Escape is « Rester » too; the form's own « Annuler » asks as well.
    await user.click(screen.getByRole('button', { name: 'Annuler' }));
    await question();
    await user.keyboard('{Escape}');
    noQuestion();
    expect(path(view)).toBe('/adherents/nouveau');

    // Save: the new member opens (a navigation right after the save) without any question, then leaving is free.
    await user.selectOptions(screen.getByLabelText('Profession'), '60');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(path(view)).toMatch(/^\/adherents\/\d+$/));
    noQuestion();
    const [member] = await backend.ok('members.list');
    expect(member).toMatchObject({ displayName: expect.stringMatching(/ROUX/) });
    await leaveFreely(view, 'Réunions', '/reunions');

    // Typed on an existing member, then left without saving: nothing written.
    await act(() => view.router.navigate(`/adherents/${member!.id}`));
    const again = await screen.findByLabelText('Nom');
    await user.clear(again);
    await user.type(again, 'Rousseau');
    await user.click(sidebarLink('Tableau de bord'));
    dialog = await question();
    await user.click(within(dialog).getByRole('button', { name: 'Quitter sans enregistrer' }));
    await waitFor(() => expect(path(view)).toBe('/'));
    noQuestion();
    expect((await backend.ok('members.get', { id: member!.id })).data.lastName).toBe('Roux');
  });

  it('meeting agenda: a point added but not saved asks; once saved, leaving asks nothing', async () => {
    const meeting = await backend.ok('meetings.create', {
      type: 'bureau',
      title: 'Bureau de juin',
      date: '2026-06-03',
    });
    const view = renderApp(`/reunions/${meeting.id}`);
    const { user } = view;
    await user.click(await screen.findByRole('button', { name: 'Ajouter un point' }));
    await user.type(screen.getByLabelText('Point 1'), 'Budget 2027');

    await user.click(sidebarLink('Réunions'));
    const dialog = await question();
    await user.click(within(dialog).getByRole('button', { name: 'Rester sur la page' }));
    expect(path(view)).toBe(`/reunions/${meeting.id}`);
    expect((screen.getByLabelText('Point 1') as HTMLInputElement).value).toBe('Budget 2027');

    await user.click(screen.getByRole('button', { name: 'Enregistrer l’ordre du jour' }));
    await waitFor(async () =>
      expect((await backend.ok('meetings.get', { id: meeting.id })).agenda.map((item) => item.title)).toEqual([
        'Budget 2027',
      ]),
    );
    await leaveFreely(view, 'Réunions', '/reunions');
  });

  it('CPTS identity: leaving without saving writes nothing; saving then leaving asks nothing', async () => {
    const view = renderApp('/cpts');
    const { user } = view;
    await user.type(await screen.findByLabelText(/Nom de la CPTS/), 'CPTS du Grésivaudan');

    await user.click(sidebarLink('Territoire'));
    let dialog = await question();
    await user.click(within(dialog).getByRole('button', { name: 'Rester sur la page' }));
    expect((screen.getByLabelText(/Nom de la CPTS/) as HTMLInputElement).value).toBe('CPTS du Grésivaudan');

    await user.click(sidebarLink('Territoire'));
    dialog = await question();
    await user.click(within(dialog).getByRole('button', { name: 'Quitter sans enregistrer' }));
    await waitFor(() => expect(path(view)).toBe('/territoire'));
    expect(JSON.stringify(await backend.ok('cpts.get'))).not.toContain('Grésivaudan');

    // Back on the page: the form is clean again, then saved, then left freely.
    await user.click(sidebarLink('Ma CPTS'));
    await user.type(await screen.findByLabelText(/Nom de la CPTS/), 'CPTS du Grésivaudan');
    await user.click(screen.getByRole('button', { name: "Enregistrer l'identité" }));
    await waitFor(async () => expect((await backend.ok('cpts.get'))?.identity.name).toBe('CPTS du Grésivaudan'));
    await leaveFreely(view, 'Territoire', '/territoire');
  });

  it('rules editor: a new version typed asks before leaving Paramètres; the window asks too before closing', async () => {
    const view = renderApp('/parametres');
    const { user } = view;
    await user.click(await screen.findByRole('button', { name: 'Nouvelle version des statuts' }));
    const editor = document.querySelector<HTMLElement>('form.rules-editor')!;
    const beforeUnload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(beforeUnload()).toBe(false);
    await user.type(within(editor).getByLabelText('Source'), 'Statuts du 12 décembre 2019');
    expect(beforeUnload()).toBe(true);

    await user.click(sidebarLink('Rapports'));
    const dialog = await question();
    await user.click(within(dialog).getByRole('button', { name: 'Rester sur la page' }));
    expect((within(editor).getByLabelText('Source') as HTMLInputElement).value).toBe('Statuts du 12 décembre 2019');

    await user.click(sidebarLink('Rapports'));
    await user.click(within(await question()).getByRole('button', { name: 'Quitter sans enregistrer' }));
    await waitFor(() => expect(path(view)).toBe('/rapports'));
    expect(beforeUnload()).toBe(false);
    expect((await backend.ok('rules.list')).versions).toHaveLength(0);
  });

  it('assembly: a synthesis typed asks before another tab; the approval dialog asks before closing with changes', async () => {
    const seed = await seedAssembly(backend.ok);
    await backend.ok('ag.setOfficers', {
      meetingId: seed.meetingId,
      presidentMemberId: seed.members.Martin!,
      secretaireMemberId: seed.members.Bernard!,
    });
    const view = renderApp(`/reunions/${seed.meetingId}/assemblee?onglet=pv`);
    const { user } = view;

    // Another tab of the same page is another place: the synthesis would be lost.
    const synthesis = await screen.findByLabelText('Synthèse des débats — point 1');
    await user.type(synthesis, 'Aucune question.');
    await user.click(screen.getByRole('tab', { name: /Votes/ }));
    await user.click(within(await question()).getByRole('button', { name: 'Rester sur la page' }));
    expect(view.router.state.location.search).toBe('?onglet=pv');
    expect((screen.getByLabelText('Synthèse des débats — point 1') as HTMLTextAreaElement).value).toBe(
      'Aucune question.',
    );
    await user.click(screen.getByRole('button', { name: 'Enregistrer la synthèse des débats' }));
    await waitFor(async () =>
      expect((await backend.ok('meetings.get', { id: seed.meetingId })).agenda[0]!.minutes).toBe('Aucune question.'),
    );

    // The approval dialog: unchanged, Escape closes it at once.
    await user.click(screen.getByRole('button', { name: 'Approuver le procès-verbal' }));
    await screen.findByRole('dialog', { name: 'Approuver le procès-verbal' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Approuver le procès-verbal' })).toBeNull());
    noQuestion();

    // Changed: Escape, then a click outside, ask first; staying keeps the box ticked.
    await user.click(screen.getByRole('button', { name: 'Approuver le procès-verbal' }));
    let approval = await screen.findByRole('dialog', { name: 'Approuver le procès-verbal' });
    await user.click(within(approval).getByLabelText('L’assemblée a changé des dirigeants'));
    await user.keyboard('{Escape}');
    await user.click(within(await question()).getByRole('button', { name: 'Rester sur la page' }));
    approval = screen.getByRole('dialog', { name: 'Approuver le procès-verbal' });
    expect((within(approval).getByLabelText('L’assemblée a changé des dirigeants') as HTMLInputElement).checked).toBe(
      true,
    );

    fireEvent.mouseDown(approval.parentElement!);
    await user.click(within(await question()).getByRole('button', { name: 'Quitter sans enregistrer' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Approuver le procès-verbal' })).toBeNull());
    noQuestion();
    expect((await backend.ok('ag.get', { meetingId: seed.meetingId })).pv.status).toBe('brouillon');

    // Nothing left unsaved on the page: another tab opens at once.
    await user.click(screen.getByRole('tab', { name: /Votes/ }));
    await waitFor(() => expect(view.router.state.location.search).toBe('?onglet=votes'));
    noQuestion();
  });
});

/** A form in plain state over a stored record, as the assembly's formalities and convocation are. */
function RecordEditor() {
  const [record, setRecord] = useState({ text: 'Déclaration au greffe' });
  const [text, setText] = useState(record.text);
  const [open, setOpen] = useState(false);
  useUnsavedValuesGuard([text], record);
  return (
    <>
      <label>
        Texte
        <input value={text} onChange={(event) => setText(event.target.value)} />
      </label>
      <button type="button" onClick={() => setRecord({ text })}>
        Enregistrer
      </button>
      <button type="button" onClick={() => setOpen(true)}>
        Ouvrir
      </button>
      <Link to="/ailleurs">Ailleurs</Link>
      {open && (
        <Dialog title="Détails" onClose={() => setOpen(false)} actions={null}>
          <p>Rien à saisir ici.</p>
        </Dialog>
      )}
    </>
  );
}

describe('Modifications non enregistrées — formulaires en état simple', () => {
  function renderEditor() {
    const router = createMemoryRouter([
      {
        element: <Layout />,
        children: [
          { path: '/', element: <RecordEditor /> },
          { path: '/ailleurs', element: <p>Autre page</p> },
        ],
      },
    ]);
    render(<RouterProvider router={router} />);
    return { router, user: userEvent.setup() };
  }

  it('compares with the stored record: typing back the same text or saving leaves nothing to ask', async () => {
    const { router, user } = renderEditor();
    const input = screen.getByLabelText('Texte');
    await user.type(input, ' du 3 mars');
    await user.click(screen.getByRole('link', { name: 'Ailleurs' }));
    await user.click(within(await question()).getByRole('button', { name: 'Rester sur la page' }));
    expect(router.state.location.pathname).toBe('/');

    // Back to the stored text by hand: nothing to lose.
    await user.clear(input);
    await user.type(input, 'Déclaration au greffe');
    await user.click(screen.getByRole('link', { name: 'Ailleurs' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/ailleurs'));
    noQuestion();

    // Changed then saved (the record is refreshed): nothing to lose either.
    await act(() => router.navigate('/'));
    await user.type(screen.getByLabelText('Texte'), ' du 3 mars');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await user.click(screen.getByRole('link', { name: 'Ailleurs' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/ailleurs'));
    noQuestion();
  });

  it('a dialog opened over a page already changed closes at once: the changes are the page’s, not its own', async () => {
    const { router, user } = renderEditor();
    await user.type(screen.getByLabelText('Texte'), ' du 3 mars');
    await user.click(screen.getByRole('button', { name: 'Ouvrir' }));
    await screen.findByRole('dialog', { name: 'Détails' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Détails' })).toBeNull());
    noQuestion();
    // The page still asks before being left.
    await user.click(screen.getByRole('link', { name: 'Ailleurs' }));
    await user.click(within(await question()).getByRole('button', { name: 'Quitter sans enregistrer' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/ailleurs'));
    expect(screen.getByText('Autre page')).toBeTruthy();
  });
});
