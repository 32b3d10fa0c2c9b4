// @vitest-environment jsdom
/**
 * Ma CPTS, « Logo » and « Équipe salariée et prestataires », on the REAL handlers: the logo chosen through the image
 * dialog is shown and can be removed after confirmation; the staff is added, corrected and removed, a bad input
 * refused with its French message under the field and nothing written.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configure, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { pngBytes } from '../fixtures/images';
import { realApiPerTest } from './real-api';
import { renderApp } from './render-app';
import { seedSampleCpts } from './seed-cpts';

configure({ asyncUtilTimeout: 8_000 });

const real = realApiPerTest();

/** The French error shown under an input (through aria-describedby), or '' when none. */
function errorUnder(input: HTMLElement): string {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id.endsWith('-erreur'));
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

describe('Ma CPTS — logo', () => {
  it('shows the chosen image, refuses a file that is not PNG or JPEG, and removes the logo after confirmation', async () => {
    const picked = { path: null as string | null };
    const backend = await real.install({
      chooseOpenPath: async (purpose) => (purpose === 'image' ? picked.path : null),
    });
    await seedSampleCpts(backend);
    const documentsDir = backend.context.documentsDir;
    const { user } = renderApp('/cpts');
    const section = within((await screen.findByRole('heading', { name: 'Logo' })).closest('section')!);
    expect(section.getByText('Aucun logo : les documents portent seulement le nom de la CPTS.')).toBeTruthy();

    picked.path = join(backend.database.dir, 'notes.txt');
    writeFileSync(picked.path, 'pas une image');
    await user.click(section.getByRole('button', { name: 'Choisir une image…' }));
    expect(
      await screen.findByText('Le logo n’a pas été enregistré : « notes.txt » n’est pas une image PNG ou JPEG.'),
    ).toBeTruthy();
    expect(section.queryByRole('img')).toBeNull();

    picked.path = join(backend.database.dir, 'logo-cpts.png');
    writeFileSync(picked.path, pngBytes(60, 30));
    await user.click(section.getByRole('button', { name: 'Choisir une image…' }));
    const image = (await section.findByRole('img', { name: 'Logo de la CPTS' })) as HTMLImageElement;
    expect(image.src).toBe(`data:image/png;base64,${pngBytes(60, 30).toString('base64')}`);
    expect(section.getByText('logo-cpts.png')).toBeTruthy();
    expect(await screen.findByText('Logo enregistré.')).toBeTruthy();

    await user.click(section.getByRole('button', { name: 'Retirer' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Retirer le logo ?' }));
    await user.click(dialog.getByRole('button', { name: 'Retirer le logo' }));
    await waitFor(() => expect(section.queryByRole('img')).toBeNull());
    expect(existsSync(documentsDir) ? readdirSync(documentsDir) : []).toEqual([]);
  });
});

describe('Ma CPTS — équipe salariée et prestataires', () => {
  it('adds a person, refuses a departure before the arrival, corrects and removes after confirmation', async () => {
    const backend = await real.install({ now: () => new Date('2026-05-15T10:00:00') });
    await seedSampleCpts(backend);
    const { user } = renderApp('/cpts');
    const section = within(
      (await screen.findByRole('heading', { name: 'Équipe salariée et prestataires' })).closest('section')!,
    );
    expect(await section.findByText(/Personne dans l’équipe/)).toBeTruthy();

    await user.click(section.getByRole('button', { name: 'Ajouter une personne' }));
    await user.type(section.getByLabelText(/Nom et prénom, ou raison sociale/), 'Camille Bernard');
    await user.type(section.getByLabelText(/Fonction/), 'Coordinatrice');
    await user.type(section.getByLabelText('Temps de travail (ETP)'), '0,8');
    await user.type(section.getByLabelText(/Arrivée le/), '2022-03-01');
    const departure = section.getByLabelText('Départ le');
    await user.type(departure, '2021-12-31');
    await user.click(section.getByRole('button', { name: 'Ajouter à l’équipe' }));
    await waitFor(() =>
      expect(errorUnder(departure)).toBe('La date de départ ne peut pas précéder la date d’arrivée.'),
    );
    expect(await backend.database.db.selectFrom('staff_member').select('id').execute()).toEqual([]);

    await user.clear(departure);
    await user.click(section.getByRole('button', { name: 'Ajouter à l’équipe' }));
    const row = within((await section.findByRole('rowheader', { name: 'Camille Bernard' })).closest('tr')!);
    expect(row.getByText('Coordinatrice')).toBeTruthy();
    expect(row.getByText('Salarié(e)')).toBeTruthy();
    expect(row.getByText('0,8 ETP')).toBeTruthy();
    expect(row.getByText('depuis le 1er mars 2022')).toBeTruthy();
    expect(await screen.findByText('Camille Bernard ajouté(e) à l’équipe.')).toBeTruthy();

    await user.click(row.getByRole('button', { name: 'Modifier : Camille Bernard' }));
    const fte = section.getByLabelText('Temps de travail (ETP)');
    expect((fte as HTMLInputElement).value).toBe('0,8');
    await user.clear(fte);
    await user.type(fte, '1,5');
    await user.click(section.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(errorUnder(fte)).toBe('Le temps de travail ne dépasse pas 1 ETP.'));
    await user.clear(fte);
    await user.type(fte, '1');
    await user.click(section.getByRole('button', { name: 'Enregistrer' }));
    expect(await section.findByText('1 ETP')).toBeTruthy();
    const stored = await backend.database.db.selectFrom('staff_member').select(['fte']).execute();
    expect(stored).toEqual([{ fte: 1 }]);

    await user.click(section.getByRole('button', { name: 'Retirer de l’équipe : Camille Bernard' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Retirer Camille Bernard de l’équipe ?' }));
    await user.click(dialog.getByRole('button', { name: 'Retirer de l’équipe' }));
    expect(await section.findByText(/Personne dans l’équipe/)).toBeTruthy();
    expect(await backend.database.db.selectFrom('staff_member').select('id').execute()).toEqual([]);
  });
});
