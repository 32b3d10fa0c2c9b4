// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { HandlerContext } from '../../electron/ipc/handlers';
import type { MemberData } from '@shared/schemas/members';
import { realApiPerTest } from './real-api';
import { seedColleges, seedMembers, type SeedMember } from './seed-members';
import { renderApp } from './render-app';

const { install, current } = realApiPerTest();

async function withMembers(members: SeedMember[] = [], overrides: Partial<HandlerContext> = {}) {
  const backend = await install(overrides);
  await seedColleges(backend.database.db);
  const ids = await seedMembers(backend.database.db, members);
  return { ...backend, ids };
}

/** One member in the database; its id for the route. */
async function withMember(data: Partial<MemberData>, overrides: Partial<HandlerContext> = {}) {
  const real = await withMembers([{ data }], overrides);
  return { ...real, id: real.ids[0]! };
}

function errorOf(label: string): string | null {
  const input = screen.getByLabelText(label);
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id.endsWith('-erreur'));
  return ids.length ? (document.getElementById(ids[0]!)?.textContent ?? null) : null;
}

describe('Adhérents — fiche', () => {
  it('shows the French errors of an empty name and an invalid RPPS, and does not call the API', async () => {
    const { api } = await withMembers();
    const { user } = renderApp('/adherents/nouveau');
    await user.type(await screen.findByLabelText('N° RPPS'), '12345678901');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

    await waitFor(() => expect(errorOf('Nom')).toBe('Le nom est obligatoire.'));
    expect(errorOf('Profession')).toBe('Choisissez la profession ou la qualité du membre.');
    expect(errorOf('N° RPPS')).toMatch(/^Le numéro RPPS n'est pas valide \(clé de contrôle incorrecte\)/);
    expect(screen.getByLabelText('Nom').getAttribute('aria-invalid')).toBe('true');
    expect(api['members.create']).not.toHaveBeenCalled();
    // What was typed is still there.
    expect((screen.getByLabelText('N° RPPS') as HTMLInputElement).value).toBe('12345678901');
  });

  it('shows the structure fields when switching to « Structure »', async () => {
    await withMembers();
    const { user } = renderApp('/adherents/nouveau');
    await screen.findByLabelText('Nom');
    expect(screen.queryByLabelText('Nom de la structure')).toBeNull();
    await user.click(screen.getByRole('radio', { name: 'Structure' }));
    for (const label of [
      'Nom de la structure',
      'Type de structure',
      'FINESS juridique (EJ)',
      'FINESS géographique (ET)',
      'SIRET',
      'Représentant·e',
    ]) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
    expect(screen.queryByLabelText('Nom')).toBeNull();
    expect(screen.queryByLabelText('N° RPPS')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(errorOf('Nom de la structure')).toBe('Le nom de la structure est obligatoire.'));
    expect(errorOf('Type de structure')).toBe('Choisissez le type de structure.');
  });

  it('shows the specialty only for a médecin, with suggestions', async () => {
    await withMembers();
    const { user } = renderApp('/adherents/nouveau');
    await screen.findByLabelText('Profession');
    expect(screen.queryByLabelText('Spécialité')).toBeNull();
    await user.selectOptions(screen.getByLabelText('Profession'), '10');
    const specialty = screen.getByLabelText('Spécialité');
    const list = document.getElementById(specialty.getAttribute('list')!)!;
    expect([...list.querySelectorAll('option')].map((o) => o.value)).toContain('Médecine générale');
    // The select groups professions.
    const groups = [...screen.getByLabelText('Profession').querySelectorAll('optgroup')].map((g) => g.label);
    expect(groups).toEqual(['Professions de santé', 'Usage de titre', 'Social', 'Autres']);
  });

  it('creates a valid member with the commune chosen in the list, then opens it', async () => {
    const { api, ok } = await withMembers();
    const { user } = renderApp('/adherents/nouveau');
    await screen.findByLabelText('Nom');
    await user.selectOptions(screen.getByLabelText('Civilité'), 'Mme');
    await user.type(screen.getByLabelText('Nom'), 'Roux');
    await user.type(screen.getByLabelText('Prénom'), 'Élodie');
    await user.selectOptions(screen.getByLabelText('Profession'), '60');
    await user.type(screen.getByLabelText('N° RPPS'), '10003000006');
    await user.selectOptions(screen.getByLabelText("Mode d'exercice"), 'liberal');
    await user.type(screen.getByLabelText("Commune d'exercice"), 'eyb');
    await user.click(await screen.findByRole('option', { name: /Eybens \(38158\)/ }));
    expect((screen.getByLabelText("Commune d'exercice") as HTMLInputElement).value).toBe('Eybens (38158)');
    await user.type(screen.getByLabelText('Courriel'), 'elodie.roux@exemple.fr');
    await user.selectOptions(screen.getByLabelText('Collège'), '1');
    await user.click(screen.getByLabelText("Accepte de figurer dans l'annuaire partagé entre adhérents"));
    expect(screen.getByText(/^Consentement enregistré le /)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

    await waitFor(() => expect(api['members.create']).toHaveBeenCalledTimes(1));
    expect(api['members.create'].mock.calls[0]![0]).toMatchObject({
      kind: 'person',
      civility: 'Mme',
      lastName: 'Roux',
      firstName: 'Élodie',
      professionCode: '60',
      rpps: '10003000006',
      practiceMode: 'liberal',
      communeCode: '38158',
      email: 'elodie.roux@exemple.fr',
      collegeId: 1,
    });
    expect(api['members.create'].mock.calls[0]![0].directoryConsentOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await screen.findByRole('heading', { level: 1, name: 'ROUX Élodie' })).toBeTruthy();
    expect(await screen.findByText('ROUX Élodie ajouté·e aux adhérents.')).toBeTruthy();
    expect(await ok('members.list')).toHaveLength(1);
  });

  it('does not save a commune typed but not chosen in the list', async () => {
    const { api } = await withMembers();
    const { user } = renderApp('/adherents/nouveau');
    await user.type(await screen.findByLabelText('Nom'), 'Roux');
    await user.selectOptions(screen.getByLabelText('Profession'), '60');
    await user.type(screen.getByLabelText("Commune d'exercice"), 'Eybens');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() =>
      expect(errorOf("Commune d'exercice")).toBe('Choisissez la commune dans la liste proposée, ou videz le champ.'),
    );
    expect(api['members.create']).not.toHaveBeenCalled();
  });

  it('creates a structure', async () => {
    const { api } = await withMembers();
    const { user } = renderApp('/adherents/nouveau');
    await user.click(await screen.findByRole('radio', { name: 'Structure' }));
    await user.type(screen.getByLabelText('Nom de la structure'), 'MSP des Alpes');
    await user.selectOptions(screen.getByLabelText('Type de structure'), 'MSP');
    await user.type(screen.getByLabelText('SIRET'), '732 829 320 00074');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(api['members.create']).toHaveBeenCalledTimes(1));
    expect(api['members.create'].mock.calls[0]![0]).toMatchObject({
      kind: 'structure',
      structureName: 'MSP des Alpes',
      structureType: 'MSP',
      siret: '73282932000074',
      lastName: null,
      professionCode: null,
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'MSP des Alpes' })).toBeTruthy();
  });

  it('keeps what was typed and shows the server’s message under the field when it refuses', async () => {
    const { api } = await withMember({
      lastName: 'Blanc',
      firstName: 'Marc',
      professionCode: '60',
      rpps: '10003000006',
    });
    const { user } = renderApp('/adherents/nouveau');
    await user.type(await screen.findByLabelText('Nom'), 'Noir');
    await user.selectOptions(screen.getByLabelText('Profession'), '60');
    await user.type(screen.getByLabelText('N° RPPS'), '10003000006');
    // Ctrl+S saves too.
    fireEvent.keyDown(window, { key: 's', ctrlKey: true });
    await waitFor(() => expect(api['members.create']).toHaveBeenCalledTimes(1));
    await waitFor(() =>
      expect(errorOf('N° RPPS')).toBe(
        'Le RPPS 10003000006 est déjà celui de BLANC Marc : un même professionnel ne peut pas être inscrit deux fois.',
      ),
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Nouvel adhérent' })).toBeTruthy();
    expect((screen.getByLabelText('Nom') as HTMLInputElement).value).toBe('Noir');
  });

  it('edits a member and saves the change', async () => {
    const { api, id } = await withMember({
      lastName: 'Blanc',
      firstName: 'Marc',
      professionCode: '60',
      communeCode: '38185',
    });
    const { user } = renderApp(`/adherents/${id}`);
    await screen.findByRole('heading', { level: 1, name: 'BLANC Marc' });
    expect((screen.getByLabelText("Commune d'exercice") as HTMLInputElement).value).toBe('Grenoble (38185)');
    await user.type(screen.getByLabelText('Téléphone'), '0476000000');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(api['members.update']).toHaveBeenCalledTimes(1));
    expect(api['members.update'].mock.calls[0]![0]).toMatchObject({
      id,
      data: { phone: '04 76 00 00 00', communeCode: '38185' },
    });
    // The stored, normalised value comes back.
    await waitFor(() => expect((screen.getByLabelText('Téléphone') as HTMLInputElement).value).toBe('04 76 00 00 00'));
    expect(await screen.findByText('Fiche de BLANC Marc enregistrée.')).toBeTruthy();
  });

  it('places the errors of a refused update under the fields (« data.email » → Courriel)', async () => {
    const { api, id } = await withMember({ lastName: 'Blanc', firstName: 'Marc', professionCode: '60' });
    api['members.update'].mockResolvedValueOnce({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'Certaines informations ne sont pas valides.',
        fields: { 'data.email': 'Adresse refusée par le serveur.' },
      },
    });
    const { user } = renderApp(`/adherents/${id}`);
    await user.type(await screen.findByLabelText('Courriel'), 'marc@exemple.fr');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(errorOf('Courriel')).toBe('Adresse refusée par le serveur.'));
    expect(screen.getByRole('alert').textContent).toBe('Certaines informations ne sont pas valides.');
    expect((screen.getByLabelText('Courriel') as HTMLInputElement).value).toBe('marc@exemple.fr');
  });

  it('records a cotisation typed in euros, then deletes it after confirmation', async () => {
    const { api, id, ok } = await withMember({ lastName: 'Blanc', firstName: 'Marc', professionCode: '60' });
    await ok('cotisationRates.save', {
      year: new Date().getFullYear(),
      memberType: 'professionnel',
      amountCents: 4500,
    });
    const { user } = renderApp(`/adherents/${id}`);
    const section = await screen.findByRole('region', { name: 'Cotisations' });
    await user.click(within(section).getByRole('button', { name: 'Ajouter une cotisation' }));
    const amount = within(section).getByLabelText(/Montant/);
    expect((amount as HTMLInputElement).value).toBe('45');
    await user.clear(amount);
    await user.type(amount, '45,5');
    await user.selectOptions(within(section).getByLabelText('Mode de paiement'), 'cheque');
    await user.click(within(section).getByRole('button', { name: 'Enregistrer la cotisation' }));
    await waitFor(() => expect(api['members.setCotisation']).toHaveBeenCalledTimes(1));
    expect(api['members.setCotisation'].mock.calls[0]![0]).toMatchObject({
      memberId: id,
      year: new Date().getFullYear(),
      amountCents: 4550,
      mode: 'cheque',
    });
    const row = await within(section).findByRole('row', { name: new RegExp(`^${new Date().getFullYear()}`) });
    expect(row.textContent).toContain('45,50\u00a0€');
    expect(within(row).getByText('à jour')).toBeTruthy();

    await user.click(within(row).getByRole('button', { name: /Supprimer la cotisation/ }));
    const dialog = screen.getByRole('dialog', { name: `Supprimer la cotisation ${new Date().getFullYear()} ?` });
    await user.click(within(dialog).getByRole('button', { name: 'Supprimer' }));
    await waitFor(() =>
      expect(api['members.deleteCotisation']).toHaveBeenCalledWith({ memberId: id, year: new Date().getFullYear() }),
    );
    expect(await within(section).findByText('Aucune cotisation enregistrée.')).toBeTruthy();
  });

  it('refuses an amount that is not in euros', async () => {
    const { api, id } = await withMember({ lastName: 'Blanc', professionCode: '60' });
    const { user } = renderApp(`/adherents/${id}`);
    const section = await screen.findByRole('region', { name: 'Cotisations' });
    await user.click(within(section).getByRole('button', { name: 'Ajouter une cotisation' }));
    await user.type(within(section).getByLabelText(/Montant/), '45,505');
    await user.click(within(section).getByRole('button', { name: 'Enregistrer la cotisation' }));
    expect(await within(section).findByText(/n'est pas un montant en euros/)).toBeTruthy();
    expect(api['members.setCotisation']).not.toHaveBeenCalled();
  });

  it('adds a mandate, records the departure and reinstates', async () => {
    const { api, id } = await withMember({ lastName: 'Blanc', firstName: 'Marc', professionCode: '60' });
    const { user } = renderApp(`/adherents/${id}`);
    const mandates = await screen.findByRole('region', { name: 'Mandats' });
    await user.click(within(mandates).getByRole('button', { name: 'Ajouter un mandat' }));
    await user.click(within(mandates).getByRole('button', { name: 'Ajouter le mandat' }));
    expect(await within(mandates).findByText('Choisissez le mandat dans la liste.')).toBeTruthy();
    await user.selectOptions(within(mandates).getByLabelText('Mandat'), 'tresorier');
    await user.click(within(mandates).getByRole('button', { name: 'Ajouter le mandat' }));
    expect(await within(mandates).findByRole('rowheader', { name: /Trésorier·ère/ })).toBeTruthy();

    const departure = screen.getByRole('region', { name: 'Sortie' });
    await user.type(within(departure).getByLabelText('Motif'), 'Départ en retraite');
    await user.click(within(departure).getByRole('button', { name: 'Enregistrer la sortie' }));
    await waitFor(() => expect(api['members.depart']).toHaveBeenCalledTimes(1));
    expect(await within(departure).findByText(/Départ en retraite/)).toBeTruthy();
    await user.click(within(departure).getByRole('button', { name: 'Réintégrer' }));
    await waitFor(() => expect(api['members.reinstate']).toHaveBeenCalledWith({ id }));
    expect(await within(departure).findByRole('button', { name: 'Enregistrer la sortie' })).toBeTruthy();
  });

  it('anonymises a member only once EFFACER is typed, then goes back to the list', async () => {
    const { api, id } = await withMember({ lastName: 'Blanc', firstName: 'Marc', professionCode: '60' });
    const { user } = renderApp(`/adherents/${id}`);
    await screen.findByRole('heading', { level: 1, name: 'BLANC Marc' });
    await user.click(screen.getByRole('button', { name: 'Anonymiser ce membre' }));
    const dialog = screen.getByRole('dialog', { name: 'Anonymiser ce membre ?' });
    expect(dialog.textContent).toMatch(/irréversible/);
    expect(dialog.textContent).toMatch(/rapports des années passées/);
    const confirm = within(dialog).getByRole('button', { name: 'Anonymiser définitivement' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    const input = within(dialog).getByLabelText('Pour confirmer, tapez EFFACER');
    await user.type(input, 'effacer');
    expect(confirm.disabled).toBe(true);
    await user.keyboard('{Enter}');
    expect(api['members.erase']).not.toHaveBeenCalled();
    await user.clear(input);
    await user.type(input, 'EFFACER');
    expect(confirm.disabled).toBe(false);
    await user.click(confirm);
    await waitFor(() => expect(api['members.erase']).toHaveBeenCalledWith({ id, confirm: 'EFFACER' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Adhérents' })).toBeTruthy();
    expect(
      await screen.findByText('BLANC Marc a été anonymisé·e : ses données personnelles sont effacées.'),
    ).toBeTruthy();
  });

  it('cancels the anonymisation with Escape and keeps the member', async () => {
    const { api, id } = await withMember({ lastName: 'Blanc', firstName: 'Marc', professionCode: '60' });
    const { user } = renderApp(`/adherents/${id}`);
    await screen.findByRole('heading', { level: 1, name: 'BLANC Marc' });
    const open = screen.getByRole('button', { name: 'Anonymiser ce membre' });
    await user.click(open);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(open);
    expect(api['members.erase']).not.toHaveBeenCalled();
  });

  it('exports the member’s personal data', async () => {
    let savedTo = '';
    const { api, id } = await withMember(
      { lastName: 'Blanc', professionCode: '60' },
      { chooseSavePath: async (name) => (savedTo = `${current().database.dir}/${name}`) },
    );
    const { user } = renderApp(`/adherents/${id}`);
    await user.click(await screen.findByRole('button', { name: 'Exporter ses données (JSON)' }));
    expect(await screen.findByText(savedTo)).toBeTruthy();
    expect(api['members.exportPersonalData']).toHaveBeenCalledWith({ id });
  });
});
