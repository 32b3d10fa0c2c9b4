// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { formatInteger } from '@shared/format';
import type { HandlerContext } from '../../electron/ipc/handlers';
import { realApiPerTest } from './real-api';
import { generateMembers, seedColleges, seedMembers, type SeedMember } from './seed-members';
import { renderApp } from './render-app';

/** generateMembers makes every 50th member a former one. */
const ACTIVE_OF_10000 = 10_000 - 200;

const { install, current } = realApiPerTest();

async function withMembers(members: SeedMember[], overrides: Partial<HandlerContext> = {}) {
  const backend = await install(overrides);
  await seedColleges(backend.database.db);
  await seedMembers(backend.database.db, members);
  return backend;
}

async function openList(count = 10_000, overrides: Partial<HandlerContext> = {}) {
  const real = await withMembers(generateMembers(count), overrides);
  const view = renderApp('/adherents');
  await screen.findByRole('table', { name: 'Liste des adhérents' });
  return { ...real, ...view };
}

const count = () => screen.getByTestId('member-count').textContent;
const bodyRows = () =>
  within(screen.getByRole('table', { name: 'Liste des adhérents' }))
    .getAllByRole('row')
    .slice(1);

describe('Adhérents — liste', () => {
  it('loads every member once and shows the active ones, virtualised', async () => {
    const { api } = await openList();
    expect(count()).toBe(`${formatInteger(ACTIVE_OF_10000)} adhérents sur ${formatInteger(10_000)}`);
    const rows = bodyRows();
    expect(rows.length).toBeGreaterThan(5);
    // Far fewer rows in the DOM than members.
    expect(rows.length).toBeLessThan(60);
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe(String(ACTIVE_OF_10000 + 1));
    expect(api['members.list']).toHaveBeenCalledTimes(1);
  });

  it('finds « Éloïse » when typing « eloise », without any call to the backend', async () => {
    const { api, user } = await openList();
    await user.type(screen.getByLabelText('Rechercher un adhérent'), 'eloise');
    await waitFor(() => expect(count()).toBe(`3 adhérents sur ${formatInteger(10_000)}`));
    const names = bodyRows().map((row) => within(row).getAllByRole('cell')[0]!.textContent);
    expect(names).toEqual(['CHABERT Éloïse', 'NOËL Éloïse', 'VASSEUR Éloïse']);
    expect(api['members.list']).toHaveBeenCalledTimes(1);

    // Several words: each must start a word of the name, the commune, the email…
    await user.clear(screen.getByLabelText('Rechercher un adhérent'));
    await user.type(screen.getByLabelText('Rechercher un adhérent'), 'noel elo');
    await waitFor(() => expect(count()).toBe(`1 adhérent sur ${formatInteger(10_000)}`));
  });

  it('filters by profession and by status, and counts', async () => {
    const { user } = await openList();
    await user.selectOptions(screen.getByLabelText('Profession'), '70');
    // Kinés are every 12th generated member (index 2 mod 12), former ones excluded.
    const all = generateMembers(10_000);
    const kines = all.filter((m) => m.data.professionCode === '70');
    const activeKines = kines.filter((m) => !m.leftOn);
    await waitFor(() =>
      expect(count()).toBe(`${formatInteger(activeKines.length)} adhérents sur ${formatInteger(10_000)}`),
    );
    for (const row of bodyRows())
      expect(within(row).getAllByRole('cell')[1]!.textContent).toContain('Masseur-Kinésithérapeute');

    await user.selectOptions(screen.getByLabelText('Statut'), 'all');
    await waitFor(() => expect(count()).toBe(`${formatInteger(kines.length)} adhérents sur ${formatInteger(10_000)}`));

    await user.click(screen.getByRole('button', { name: 'Effacer les filtres' }));
    await waitFor(() =>
      expect(count()).toBe(`${formatInteger(ACTIVE_OF_10000)} adhérents sur ${formatInteger(10_000)}`),
    );
  });

  it('sorts by a column header and says so with aria-sort', async () => {
    await withMembers([
      { data: { lastName: 'Bernard', firstName: 'Zoé', professionCode: '60', communeCode: '38185' } },
      { data: { lastName: 'Arnaud', firstName: 'Yves', professionCode: '10', communeCode: '38421' } },
      { data: { lastName: 'Carpentier', firstName: 'Xavier', professionCode: '70', communeCode: '38151' } },
    ]);
    const { user } = renderApp('/adherents');
    await screen.findByRole('table');
    const first = () => within(bodyRows()[0]!).getAllByRole('cell')[0]!.textContent;
    expect(first()).toBe('ARNAUD Yves');
    const nameHeader = screen.getByRole('columnheader', { name: /Nom/ });
    expect(nameHeader.getAttribute('aria-sort')).toBe('ascending');

    await user.click(within(nameHeader).getByRole('button'));
    expect(nameHeader.getAttribute('aria-sort')).toBe('descending');
    expect(first()).toBe('CARPENTIER Xavier');

    const communeHeader = screen.getByRole('columnheader', { name: /Commune/ });
    await user.click(within(communeHeader).getByRole('button'));
    expect(communeHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(nameHeader.getAttribute('aria-sort')).toBe('none');
    expect(first()).toBe('CARPENTIER Xavier'); // Échirolles sorts before Grenoble and Saint-Martin-d'Hères
  });

  it('opens a member with Enter on its row, and with a click', async () => {
    await withMembers([
      { data: { lastName: 'Favre', firstName: 'Julie', professionCode: '60' } },
      { data: { lastName: 'Gomez', firstName: 'Ana', professionCode: '60' } },
    ]);
    const { user } = renderApp('/adherents');
    await screen.findByRole('table');
    const row = screen.getByRole('row', { name: /FAVRE Julie/ });
    row.focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'FAVRE Julie' })).toBeTruthy();
    await user.click(screen.getByRole('link', { name: '← Liste des adhérents' }));
    await user.click(await screen.findByRole('row', { name: /GOMEZ Ana/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'GOMEZ Ana' })).toBeTruthy();
  });

  it('moves between rows with the arrow keys', async () => {
    const { user } = await openList(500);
    const rows = bodyRows();
    rows[0]!.focus();
    expect(rows[0]!.getAttribute('tabindex')).toBe('0');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-rowindex')).toBe('4'));
    await user.keyboard('{ArrowUp}');
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-rowindex')).toBe('3'));
    // Only one row is in the Tab order.
    expect(bodyRows().filter((row) => row.getAttribute('tabindex') === '0')).toHaveLength(1);
  });

  it('exports the current filters', async () => {
    let savedTo = '';
    const { api, user } = await openList(200, {
      chooseSavePath: async (name) => (savedTo = `${current().database.dir}/${name}`),
    });
    await user.selectOptions(screen.getByLabelText('Profession'), '60');
    await user.type(screen.getByLabelText('Rechercher un adhérent'), 'martin');
    await user.click(screen.getByRole('button', { name: /Exporter/ }));
    await user.click(screen.getByRole('button', { name: 'Classeur Excel (.xlsx)' }));
    await waitFor(() => expect(api['members.exportList']).toHaveBeenCalledTimes(1));
    expect(api['members.exportList'].mock.calls[0]![0]).toMatchObject({
      format: 'xlsx',
      filters: { search: 'martin', professionCodes: ['60'], status: 'active', kind: 'all' },
    });
    expect(await screen.findByText(`Liste exportée : ${savedTo}`)).toBeTruthy();
    expect(savedTo).toMatch(/Adhérents - 2026-11-23\.xlsx$/);
  });

  it('invites to import a file when there is no member yet', async () => {
    await withMembers([]);
    const { user } = renderApp('/adherents');
    expect(await screen.findByRole('heading', { name: 'Aucun adhérent pour l’instant' })).toBeTruthy();
    await user.click(screen.getByRole('link', { name: 'Importer un fichier…' }));
    expect(await screen.findByRole('button', { name: 'Choisir un fichier…' })).toBeTruthy();
  });
});
