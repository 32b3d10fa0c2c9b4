// @vitest-environment jsdom
/**
 * Paramètres › règles statutaires and RCP minimum, and the dashboard's « Formalités après assemblée » tile, on the
 * REAL handlers and a temporary database.
 */
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { realApiPerTest, type RealBackend } from './real-api';
import { renderApp } from './render-app';

const real = realApiPerTest();

// Role queries are slow on a form this size in jsdom: find fieldsets by their legend, buttons by their text.
const legendOf = (fieldset: Element) =>
  [...fieldset.children]
    .find((child) => child.tagName === 'LEGEND')
    ?.textContent?.replace(/[▾▸]/g, '')
    .trim();

/** The fieldset whose legend reads `name` (e.g. a meeting type, « Pouvoirs », « Type « statuts » »). */
function group(container: ParentNode, name: string): HTMLElement {
  const found = [...container.querySelectorAll('fieldset')].find((fieldset) => legendOf(fieldset) === name);
  if (!found) throw new Error(`Aucun groupe « ${name} ».`);
  return found;
}

/** The editor's fieldset of one meeting type. */
const meetingGroup = (name: string) => group(document, name);

/** The open rules editor, checked by its heading. */
function editorTitled(title: string): HTMLElement {
  const form = document.querySelector<HTMLElement>('form.rules-editor');
  expect(form?.querySelector('h3')?.textContent).toBe(title);
  return form!;
}

const saveButton = (editor: HTMLElement) => within(editor).getByText('Enregistrer cette version');

async function replace(user: ReturnType<typeof renderApp>['user'], input: HTMLElement, value: string) {
  await user.clear(input);
  if (value) await user.type(input, value);
}

describe('Paramètres › Règles statutaires', () => {
  it('creates a first version from the usual values with an AGE quorum of 1/3 and one pouvoir per mandataire', async () => {
    const backend = await real.install();
    const { user } = renderApp('/parametres');
    expect(await screen.findByText('Aucune version des statuts n’est enregistrée.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Nouvelle version des statuts' }));
    const editor = editorTitled('Nouvelle version des statuts');
    // Prefilled from the usual values; AGO and AGE open, the others folded.
    const age = meetingGroup('Assemblée générale extraordinaire');
    expect(
      within(age).getByText('Quorum : au moins la moitié des membres votants présents ou représentés.'),
    ).toBeTruthy();
    expect(meetingGroup('Bureau').querySelector('legend button')!.getAttribute('aria-expanded')).toBe('false');

    await user.type(within(editor).getByLabelText(/Date d’entrée en vigueur/), '2020-01-01');
    await user.type(within(editor).getByLabelText('Source'), 'Statuts adoptés le 12 décembre 2019, articles 10 à 14');

    const firstQuorum = group(age, 'Quorum sur première convocation');
    await replace(user, within(firstQuorum).getByLabelText('Dénominateur'), '3');
    const proxies = group(age, 'Pouvoirs');
    await replace(user, within(proxies).getByLabelText('Pouvoirs au plus par mandataire'), '1');

    // The French sentences follow what is typed.
    expect(
      within(age).getByText('Quorum : au moins le tiers des membres votants présents ou représentés.'),
    ).toBeTruthy();
    expect(
      within(age).getByText('Pouvoirs : 1 pouvoir au plus par mandataire, donnés à un membre votant.'),
    ).toBeTruthy();
    expect(
      within(age).getByText(
        'Modification des statuts : majorité des deux tiers des suffrages exprimés (abstentions et blancs non comptés).',
      ),
    ).toBeTruthy();

    await user.click(saveButton(editor));

    // Listed, in force today (it started in 2020), the editor closed.
    const row = (await screen.findByRole('rowheader', { name: /1er janvier 2020/ })).closest('tr')!;
    expect(within(row).getByText('En vigueur aujourd’hui')).toBeTruthy();
    expect(within(row).getByText('Statuts adoptés le 12 décembre 2019, articles 10 à 14')).toBeTruthy();
    expect(document.querySelector('form.rules-editor')).toBeNull();
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Nouvelle version des statuts'));

    const overview = await backend.ok('rules.list');
    expect(overview.versions).toHaveLength(1);
    const saved = overview.versions[0]!;
    expect(saved.effectiveFrom).toBe('2020-01-01');
    expect(saved.source).toBe('Statuts adoptés le 12 décembre 2019, articles 10 à 14');
    expect(saved.rules.meetings.age.quorum.first.fraction).toEqual({ numerator: 1, denominator: 3 });
    expect(saved.rules.meetings.age.proxies.maxPerMandataire).toBe(1);
    // The rest is the usual values, untouched.
    expect(saved.rules.meetings.ago.quorum.first.fraction).toEqual({ numerator: 1, denominator: 4 });
    expect(saved.rules.meetings.age.majorities.statuts?.rule).toBe('deux_tiers');
    expect(saved.rules.meetings.bureau.proxies.allowed).toBe(false);

    // Editing it shows the stored values.
    await user.click(screen.getByRole('button', { name: 'Modifier la version du 1er janvier 2020' }));
    const again = meetingGroup('Assemblée générale extraordinaire');
    expect(
      (within(group(again, 'Quorum sur première convocation')).getByLabelText('Dénominateur') as HTMLInputElement)
        .value,
    ).toBe('3');
    expect((within(again).getByLabelText('Pouvoirs au plus par mandataire') as HTMLInputElement).value).toBe('1');
  });

  it('refuses invalid values in French, next to the fields, and saves nothing', async () => {
    const backend = await real.install();
    const { user } = renderApp('/parametres');
    await user.click(await screen.findByRole('button', { name: 'Nouvelle version des statuts' }));
    const editor = editorTitled('Nouvelle version des statuts');

    // No date of entry into force.
    await user.click(saveButton(editor));
    expect(await within(editor).findByText('Indiquez la date d’entrée en vigueur des statuts.')).toBeTruthy();
    expect(document.activeElement).toBe(within(editor).getByLabelText(/Date d’entrée en vigueur/));

    // A fraction over zero, in a folded fieldset: it opens and shows the message under the input.
    await user.type(within(editor).getByLabelText(/Date d’entrée en vigueur/), '2024-06-01');
    const ca = meetingGroup("Conseil d'administration");
    await user.click(ca.querySelector('legend button')!);
    const caDenominator = () => within(group(ca, 'Quorum sur première convocation')).getByLabelText('Dénominateur');
    await replace(user, caDenominator(), '0');
    // While a value is wrong, no summary is shown for that meeting type.
    expect(within(ca).getByText(/Corrigez ou complétez les valeurs signalées/)).toBeTruthy();
    await user.click(ca.querySelector('legend button')!); // fold it again
    expect(ca.querySelector('input')).toBeNull();
    await user.click(saveButton(editor));
    expect(await within(ca).findByText('Le dénominateur doit valoir au moins 1.')).toBeTruthy();
    expect(ca.querySelector('legend button')!.getAttribute('aria-expanded')).toBe('true');
    expect(caDenominator().getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(caDenominator());
    expect(editor.querySelector('[role="alert"]')?.textContent).toContain('Une valeur est à corriger');

    // An empty cap means « sans limite ».
    const ago = meetingGroup('Assemblée générale ordinaire');
    await replace(user, within(ago).getByLabelText('Pouvoirs au plus par mandataire'), '');
    expect(within(ago).getByText('Pouvoirs : sans limite de nombre, donnés à un membre votant.')).toBeTruthy();

    expect((await backend.ok('rules.list')).versions).toHaveLength(0);

    // Corrected, it saves.
    await replace(user, caDenominator(), '2');
    await user.click(saveButton(editor));
    expect(await screen.findByRole('rowheader', { name: /1er juin 2024/ })).toBeTruthy();
    const saved = (await backend.ok('rules.list')).versions[0]!;
    expect(saved.rules.meetings.ago.proxies.maxPerMandataire).toBeNull();
  });

  it('adds a resolution kind with its own majority; « ordinaire » cannot be removed', async () => {
    const backend = await real.install();
    const { user } = renderApp('/parametres');
    await user.click(await screen.findByRole('button', { name: 'Nouvelle version des statuts' }));
    const editor = editorTitled('Nouvelle version des statuts');
    await user.type(within(editor).getByLabelText(/Date d’entrée en vigueur/), '2023-03-01');
    const ago = meetingGroup('Assemblée générale ordinaire');
    expect(within(ago).queryByRole('button', { name: 'Retirer le type « ordinaire »' })).toBeNull();

    const add = ago.querySelector<HTMLElement>('.rules-add')!;
    await user.type(within(add).getByLabelText('Code du nouveau type'), 'Exclusion');
    await user.type(within(add).getByLabelText('Libellé du nouveau type'), 'Exclusion d’un membre');
    await user.click(within(add).getByText('Ajouter ce type de résolution'));
    expect(within(add).getByText(/Code : lettres minuscules sans accent/)).toBeTruthy();
    await replace(user, within(add).getByLabelText('Code du nouveau type'), 'exclusion{Enter}');

    const row = group(ago, 'Type « exclusion »');
    await user.selectOptions(within(row).getByLabelText('Majorité requise'), 'fraction');
    await user.selectOptions(within(row).getByLabelText('Seuil'), 'plus_de');
    await replace(user, within(row).getByLabelText('Numérateur'), '3');
    await replace(user, within(row).getByLabelText('Dénominateur'), '5');
    await user.selectOptions(within(row).getByLabelText('Calculée sur'), 'presents_et_representes');
    expect(
      within(ago).getByText(
        'Exclusion d’un membre : majorité de plus de 3/5 des voix des membres présents et représentés.',
      ),
    ).toBeTruthy();

    await user.click(saveButton(editor));
    expect(await screen.findByRole('rowheader', { name: /1er mars 2023/ })).toBeTruthy();
    const saved = (await backend.ok('rules.list')).versions[0]!;
    expect(saved.rules.meetings.ago.majorities.exclusion).toEqual({
      label: 'Exclusion d’un membre',
      rule: 'fraction',
      fraction: { numerator: 3, denominator: 5 },
      strict: true,
      base: 'presents_et_representes',
      abstentionsCounted: false,
      blancsCounted: false,
    });
  });

  it('shows the server’s French error for two versions the same day, keeping what was typed', async () => {
    const backend = await real.install();
    const rules = structuredClone((await backend.ok('rules.list')).defaults);
    rules.meetings.age.quorum.first.fraction = { numerator: 1, denominator: 3 };
    await backend.ok('rules.save', {
      id: null,
      effectiveFrom: '2025-01-15',
      rules: { ...rules, source: 'Statuts du 15 janvier 2025' },
    });
    const { user } = renderApp('/parametres');
    await user.click(await screen.findByRole('button', { name: 'Nouvelle version des statuts' }));
    const editor = editorTitled('Nouvelle version des statuts');
    // Prefilled from the latest version (its rules; the source is the new statuts' own).
    const ageQuorum = group(meetingGroup('Assemblée générale extraordinaire'), 'Quorum sur première convocation');
    expect((within(ageQuorum).getByLabelText('Dénominateur') as HTMLInputElement).value).toBe('3');
    expect((within(editor).getByLabelText('Source') as HTMLInputElement).value).toBe('');
    await user.type(within(editor).getByLabelText('Source'), 'Statuts modifiés le 15 janvier 2025, article 12');
    await user.type(within(editor).getByLabelText(/Date d’entrée en vigueur/), '2025-01-15');
    await user.click(saveButton(editor));

    const alert = await waitFor(() => editor.querySelector('.alert[role="alert"]')!);
    expect(alert.textContent).toBe('Une version des statuts entre déjà en vigueur le 15/01/2025.');
    expect(within(editor).getByText('Choisissez une autre date, ou modifiez la version existante.')).toBeTruthy();
    expect((within(editor).getByLabelText('Source') as HTMLInputElement).value).toBe(
      'Statuts modifiés le 15 janvier 2025, article 12',
    );
    expect((await backend.ok('rules.list')).versions).toHaveLength(1);
  });

  it('asks for confirmation before deleting a version', async () => {
    const backend = await real.install();
    const { defaults } = await backend.ok('rules.list');
    await backend.ok('rules.save', {
      id: null,
      effectiveFrom: '2021-03-12',
      rules: { ...defaults, source: 'Statuts initiaux' },
    });
    await backend.ok('rules.save', {
      id: null,
      effectiveFrom: '2099-01-01',
      rules: { ...defaults, source: 'Statuts futurs' },
    });
    const { user } = renderApp('/parametres');

    const current = (await screen.findByRole('rowheader', { name: /12 mars 2021/ })).closest('tr')!;
    expect(within(current).getByText('En vigueur aujourd’hui')).toBeTruthy();
    const future = screen.getByRole('rowheader', { name: /1er janvier 2099/ }).closest('tr')!;
    expect(within(future).getByText('À venir')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Supprimer la version du 12 mars 2021' }));
    let dialog = screen.getByRole('dialog', { name: 'Supprimer cette version des statuts ?' });
    expect(within(dialog).getByText(/Statuts initiaux/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect((await backend.ok('rules.list')).versions).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Supprimer la version du 12 mars 2021' }));
    dialog = screen.getByRole('dialog', { name: 'Supprimer cette version des statuts ?' });
    await user.click(within(dialog).getByRole('button', { name: 'Supprimer la version' }));
    await waitFor(() => expect(screen.queryByRole('rowheader', { name: /12 mars 2021/ })).toBeNull());
    expect(document.activeElement?.textContent).toBe('Nouvelle version des statuts');
    const left = (await backend.ok('rules.list')).versions;
    expect(left.map((version) => version.effectiveFrom)).toEqual(['2099-01-01']);
  });
});

describe('Paramètres › RCP', () => {
  it('saves the minimum number of professions per RCP and reads it back', async () => {
    const backend = await real.install();
    const first = renderApp('/parametres');
    const input = (await screen.findByLabelText(/Nombre minimal de professions par RCP/)) as HTMLInputElement;
    expect(input.value).toBe('2');

    await replace(first.user, input, '0');
    await first.user.click(screen.getByRole('button', { name: 'Enregistrer le minimum' }));
    expect(await screen.findByText('Au moins une profession.')).toBeTruthy();
    expect((await backend.ok('settings.get')).rcpMinProfessions).toBe(2);

    await replace(first.user, input, '3');
    await first.user.click(screen.getByRole('button', { name: 'Enregistrer le minimum' }));
    expect(await screen.findByText('Minimum enregistré : 3 professions par RCP.')).toBeTruthy();
    expect((await backend.ok('settings.get')).rcpMinProfessions).toBe(3);

    first.unmount();
    renderApp('/parametres');
    await waitFor(async () =>
      expect(((await screen.findByLabelText(/Nombre minimal de professions par RCP/)) as HTMLInputElement).value).toBe(
        '3',
      ),
    );
  });
});

describe('Tableau de bord › Formalités après assemblée', () => {
  /**
   * An assembly held on `date` whose PV was approved on `approvedOn`, through the real channels: the approval lists
   * its formalities (PV to sign, and for what the assembly changed the greffe declarations and the registre spécial).
   */
  async function approvedAssembly(
    backend: RealBackend,
    meeting: { type: 'ago' | 'age'; title: string; date: string },
    approval: { approvedOn: string; dirigeantsChanged?: boolean; statutsChanged?: boolean },
  ) {
    const [president, secretaire] = await Promise.all(
      [
        ['Martin', 'Paul'],
        ['Bernard', 'Éloïse'],
      ].map(([lastName, firstName]) =>
        backend.ok('members.create', { kind: 'person', lastName, firstName, professionCode: '10' }),
      ),
    );
    const { id: meetingId } = await backend.ok('meetings.create', { ...meeting, startTime: '18:30' });
    await backend.ok('ag.setOfficers', {
      meetingId,
      presidentMemberId: president!.id,
      secretaireMemberId: secretaire!.id,
    });
    const state = await backend.ok('ag.approvePv', { meetingId, ...approval });
    return { meetingId, formalities: state.formalities };
  }

  /** Marks a formality of the assembly as done, as its screen does. */
  async function done(backend: RealBackend, formalities: { id: number; kind: string }[], kind: string, on: string) {
    const formality = formalities.find((row) => row.kind === kind);
    if (!formality) throw new Error(`Aucune formalité « ${kind} ».`);
    await backend.ok('formalities.save', { id: formality.id, doneOn: on, notes: null });
  }

  it('lists the open formalities, overdue ones first and in red, each linking to its assembly', async () => {
    const backend = await real.install({ now: () => new Date('2026-04-15T10:00:00') });
    // Listed first (lower ids), due later: the dirigeants of the AGO of 20 March, to declare by 20 June.
    const ago = await approvedAssembly(
      backend,
      { type: 'ago', title: 'AG ordinaire 2026', date: '2026-03-20' },
      { approvedOn: '2026-03-27', dirigeantsChanged: true },
    );
    await done(backend, ago.formalities, 'pv_signe', '2026-04-02');
    await done(backend, ago.formalities, 'registre_special', '2026-04-10');
    // The statuts changed by the AGE of 1 December, to declare by 1 March: overdue.
    const age = await approvedAssembly(
      backend,
      { type: 'age', title: 'AG extraordinaire', date: '2025-12-01' },
      { approvedOn: '2025-12-08', statutsChanged: true },
    );
    await done(backend, age.formalities, 'pv_signe', '2025-12-20');
    await done(backend, age.formalities, 'registre_special', '2026-01-05');

    renderApp('/');
    const tile = await screen.findByRole('region', { name: 'Formalités après assemblée' });
    const items = await within(tile).findAllByRole('listitem');
    expect(items.map((item) => within(item).getByRole('link').textContent)).toEqual([
      'Déclarer la modification des statuts au greffe (cerfa 13972) dans les 3 mois, avec les statuts signés par au moins deux dirigeants.',
      'Déclarer le changement de dirigeants au greffe des associations (cerfa 13971, ou en ligne) dans les 3 mois — amende jusqu’à 1 500 € sinon.',
    ]);
    expect(items[0]!.textContent).toContain('AG extraordinaire du 1er décembre 2025');
    expect(items[0]!.textContent).toContain('En retard : à faire avant le 1er mars 2026');
    expect(items[0]!.querySelector('.overdue')).toBeTruthy();
    expect(items[1]!.textContent).toContain('AG ordinaire 2026 du 20 mars 2026');
    expect(items[1]!.textContent).toContain('À faire avant le 20 juin 2026');
    expect(items[1]!.querySelector('.overdue')).toBeNull();
    expect(within(items[0]!).getByRole('link').getAttribute('href')).toBe(`/reunions/${age.meetingId}/assemblee`);
    expect(within(items[1]!).getByRole('link').getAttribute('href')).toBe(`/reunions/${ago.meetingId}/assemblee`);
    expect(within(tile).getByText('1 en retard')).toBeTruthy();
  });

  it('says when nothing is waiting', async () => {
    const backend = await real.install({ now: () => new Date('2026-04-15T10:00:00') });
    // Every formality of the approved assembly is done.
    const ago = await approvedAssembly(
      backend,
      { type: 'ago', title: 'AG ordinaire 2026', date: '2026-03-20' },
      { approvedOn: '2026-03-27' },
    );
    expect(ago.formalities.map((row) => row.kind)).toEqual(['pv_signe']);
    await done(backend, ago.formalities, 'pv_signe', '2026-04-02');
    renderApp('/');
    const tile = await screen.findByRole('region', { name: 'Formalités après assemblée' });
    expect(await within(tile).findByText('Aucune formalité en attente.')).toBeTruthy();
    expect(within(tile).queryByText(/en retard/)).toBeNull();
  });
});
