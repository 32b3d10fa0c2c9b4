// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { installRealApi } from './real-api';
import { renderApp } from './render-app';

type Backend = Awaited<ReturnType<typeof installRealApi>>;
let backend: Backend | null = null;
afterEach(async () => {
  await backend?.dispose();
  backend = null;
});

describe('Adhérents — anonymisation (vrais gestionnaires)', () => {
  it('says plainly what erasure cannot reach, then erases', async () => {
    backend = await installRealApi();
    const member = await backend.ok('members.create', {
      kind: 'person',
      lastName: 'Blanc',
      firstName: 'Marc',
      professionCode: '60',
    });
    const { user } = renderApp(`/adherents/${member.id}`);
    await screen.findByRole('heading', { level: 1, name: 'BLANC Marc' });
    await user.click(screen.getByRole('button', { name: 'Anonymiser ce membre' }));
    const dialog = screen.getByRole('dialog', { name: 'Anonymiser ce membre ?' });
    const limits = within(dialog).getByText('Ce que l’anonymisation n’atteint pas :').closest('li')!;
    expect(limits.textContent).toContain('les sauvegardes déjà faites dans le dossier « sauvegardes »');
    expect(limits.textContent).toContain('elles disparaissent à mesure que de nouvelles les remplacent');
    expect(limits.textContent).toContain('les copies déjà sorties de Maillage');
    expect(limits.textContent).toContain('procès-verbaux déjà approuvés gardent aussi son nom');
    expect(dialog.textContent).toContain('empreinte illisible, pour qu’un import ne recrée pas sa fiche');
    await user.type(within(dialog).getByLabelText('Pour confirmer, tapez EFFACER'), 'EFFACER');
    await user.click(within(dialog).getByRole('button', { name: 'Anonymiser définitivement' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Adhérents' })).toBeTruthy();
    await waitFor(async () => expect((await backend!.ok('members.get', { id: member.id })).erasedAt).not.toBeNull());
    const row = await backend.database.db
      .selectFrom('member')
      .select(['last_name', 'first_name'])
      .where('id', '=', member.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ last_name: null, first_name: null });
  });
});
