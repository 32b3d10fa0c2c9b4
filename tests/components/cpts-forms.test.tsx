// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { checkSiret } from '@shared/domain/identifiers';
import { realApiPerTest } from './real-api';
import { SAMPLE_IDENTITY, SAMPLE_LIFECYCLE, seedSampleCpts } from './seed-cpts';
import { renderApp } from './render-app';

const perTest = realApiPerTest();
/** Mid-May 2026: year 5 of the sample contract. */
const install = () => perTest.install({ now: () => new Date('2026-05-15T10:00:00') });

/** A fresh database, with the sample CPTS (identity, signed contract, territory in Isère) when `sample`. */
async function backend({ sample = false } = {}) {
  const real = await install();
  if (sample) {
    await seedSampleCpts(real);
    real.api['cpts.saveIdentity'].mockClear();
    real.api['cpts.saveLifecycle'].mockClear();
  }
  return real;
}

/** The French error shown under an input (through aria-describedby), or '' when none. */
function errorUnder(input: HTMLElement): string {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id.endsWith('-erreur'));
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

async function openIdentityForm(options: { sample?: boolean } = {}) {
  const real = await backend(options);
  const view = renderApp('/cpts');
  await screen.findByLabelText('Nom de la CPTS');
  return { ...real, ...view };
}

describe('Ma CPTS — identité', () => {
  it('shows the French zod error for an empty name and does not call the API', async () => {
    const { api, user } = await openIdentityForm();
    await user.click(screen.getByRole('button', { name: "Enregistrer l'identité" }));

    const name = screen.getByLabelText('Nom de la CPTS');
    await waitFor(() => expect(errorUnder(name)).toBe('Le nom de la CPTS est obligatoire (2 caractères au moins).'));
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(api['cpts.saveIdentity']).not.toHaveBeenCalled();
  });

  it('shows the French error for an invalid SIRET and does not call the API', async () => {
    const { api, user } = await openIdentityForm();
    await user.type(screen.getByLabelText('Nom de la CPTS'), 'CPTS du Grésivaudan');
    await user.type(screen.getByLabelText('SIRET'), '12345678901234');
    await user.click(screen.getByRole('button', { name: "Enregistrer l'identité" }));

    const siret = screen.getByLabelText('SIRET');
    const expected = checkSiret('12345678901234');
    expect(expected.ok).toBe(false);
    await waitFor(() => expect(errorUnder(siret)).toContain("Le SIRET 12345678901234 n'est pas valide"));
    if (!expected.ok) expect(errorUnder(siret)).toBe(expected.message);
    expect(errorUnder(screen.getByLabelText('Nom de la CPTS'))).toBe('');
    expect(api['cpts.saveIdentity']).not.toHaveBeenCalled();
  });

  it('saves valid input with the normalised values and says so', async () => {
    const { api, ok, user } = await openIdentityForm();
    await user.type(screen.getByLabelText('Nom de la CPTS'), '  CPTS du Grésivaudan  ');
    await user.type(screen.getByLabelText('Numéro RNA'), 'w381.012.345');
    await user.type(screen.getByLabelText('SIREN'), '732 829 320');
    await user.type(screen.getByLabelText('SIRET'), '732 829 320 00074');
    await user.type(screen.getByLabelText('Code postal'), '38 330');
    await user.type(screen.getByLabelText('Commune du siège'), 'Saint-Ismier');
    await user.type(screen.getByLabelText('Courriel'), 'Contact@CPTS-Gresivaudan.fr');
    await user.type(screen.getByLabelText('Téléphone'), '0476000000');
    await user.selectOptions(screen.getByLabelText('ARS de rattachement'), 'ARS Auvergne-Rhône-Alpes');
    await user.type(screen.getByLabelText('CPAM de rattachement'), "CPAM de l'Isère");

    const button = screen.getByRole('button', { name: "Enregistrer l'identité" });
    await user.click(button);

    await waitFor(() => expect(api['cpts.saveIdentity']).toHaveBeenCalledTimes(1));
    expect(api['cpts.saveIdentity']).toHaveBeenCalledWith({
      name: 'CPTS du Grésivaudan',
      legalForm: 'Association loi 1901',
      rna: 'W381012345',
      siren: '732829320',
      siret: '73282932000074',
      addressLine: null,
      postalCode: '38330',
      city: 'Saint-Ismier',
      presidentName: null,
      coordinatorName: null,
      email: 'contact@cpts-gresivaudan.fr',
      phone: '04 76 00 00 00',
      website: null,
      arsRegionCode: '84',
      cpam: "CPAM de l'Isère",
    });
    expect(await screen.findByText('Identité enregistrée')).toBeTruthy();
    // The form now shows the values as stored.
    await waitFor(() => expect((screen.getByLabelText('SIRET') as HTMLInputElement).value).toBe('73282932000074'));
    expect((screen.getByLabelText('Téléphone') as HTMLInputElement).value).toBe('04 76 00 00 00');
    expect((await ok('cpts.get')).identity).toEqual(api['cpts.saveIdentity'].mock.calls[0]![0]);
  });

  it('disables the button with « Enregistrement… » while saving', async () => {
    const { api, ok, user } = await openIdentityForm({ sample: true });
    let release!: () => void;
    const original = api['cpts.saveIdentity'].getMockImplementation()!;
    api['cpts.saveIdentity'].mockImplementationOnce(
      (input) => new Promise((resolve) => (release = () => resolve(original(input)))),
    );
    await user.clear(screen.getByLabelText('Coordinateur·rice'));
    await user.type(screen.getByLabelText('Coordinateur·rice'), 'Inès Morel');
    await user.click(screen.getByRole('button', { name: "Enregistrer l'identité" }));
    const busy = await screen.findByRole('button', { name: 'Enregistrement…' });
    expect((busy as HTMLButtonElement).disabled).toBe(true);
    release();
    expect(await screen.findByText('Identité enregistrée')).toBeTruthy();
    expect((screen.getByRole('button', { name: "Enregistrer l'identité" }) as HTMLButtonElement).disabled).toBe(false);
    expect((await ok('cpts.get')).identity).toEqual({ ...SAMPLE_IDENTITY, coordinatorName: 'Inès Morel' });
  });

  it("shows a server error's fields under the right inputs and keeps what was typed", async () => {
    const { api, ok, user } = await openIdentityForm();
    api['cpts.saveIdentity'].mockImplementationOnce(async () => ({
      ok: false,
      error: {
        code: 'conflict',
        message: 'Ces identifiants sont déjà utilisés par une autre structure.',
        fields: {
          siret: 'Ce SIRET est déjà enregistré pour une autre structure.',
          rna: 'Ce numéro RNA est déjà enregistré.',
        },
      },
    }));
    await user.type(screen.getByLabelText('Nom de la CPTS'), 'CPTS du Grésivaudan');
    await user.type(screen.getByLabelText('Numéro RNA'), 'W381012345');
    await user.type(screen.getByLabelText('SIRET'), '73282932000074');
    await user.type(screen.getByLabelText('Président·e'), 'Dr Anne Petit');
    await user.click(screen.getByRole('button', { name: "Enregistrer l'identité" }));

    await waitFor(() =>
      expect(errorUnder(screen.getByLabelText('SIRET'))).toBe('Ce SIRET est déjà enregistré pour une autre structure.'),
    );
    expect(errorUnder(screen.getByLabelText('Numéro RNA'))).toBe('Ce numéro RNA est déjà enregistré.');
    expect(errorUnder(screen.getByLabelText('Nom de la CPTS'))).toBe('');
    // The general message is shown above the form.
    const form = screen.getByRole('form', { name: 'Identité' });
    expect(within(form).getByRole('alert').textContent).toBe(
      'Ces identifiants sont déjà utilisés par une autre structure.',
    );
    // Nothing typed is lost.
    expect((screen.getByLabelText('Nom de la CPTS') as HTMLInputElement).value).toBe('CPTS du Grésivaudan');
    expect((screen.getByLabelText('Président·e') as HTMLInputElement).value).toBe('Dr Anne Petit');
    expect((screen.getByLabelText('SIRET') as HTMLInputElement).value).toBe('73282932000074');
    expect(screen.queryByText('Identité enregistrée')).toBeNull();
    expect((await ok('cpts.get')).identity.name).toBe('');
  });

  it('fills the form from cpts.get, lists the ARS by name and suggests the CPAM of the territory', async () => {
    await openIdentityForm({ sample: true });
    expect((screen.getByLabelText('Nom de la CPTS') as HTMLInputElement).value).toBe(SAMPLE_IDENTITY.name);
    const ars = screen.getByLabelText('ARS de rattachement') as HTMLSelectElement;
    expect(ars.value).toBe('84');
    expect(ars.selectedOptions[0]?.textContent).toBe('ARS Auvergne-Rhône-Alpes');
    const cpam = screen.getByLabelText('CPAM de rattachement') as HTMLInputElement;
    await waitFor(() => {
      const options = [...(cpam.list?.querySelectorAll('option') ?? [])].map((o) => o.value);
      expect(options).toEqual(["CPAM de l'Isère"]);
    });
    for (const label of [
      'Numéro RNA',
      'SIREN',
      'SIRET',
      'Adresse du siège',
      'Code postal',
      'Commune du siège',
      'Président·e',
      'Coordinateur·rice',
      'Courriel',
      'Téléphone',
      'Site internet',
    ]) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
  });
});

describe('Ma CPTS — étapes et contrat ACI', () => {
  it('shows the current stage and the end of the contract in French', async () => {
    await backend({ sample: true });
    renderApp('/cpts');
    expect(await screen.findByText('Contrat ACI signé — année 5 sur 5')).toBeTruthy();
    expect(screen.getByText('14 mars 2027')).toBeTruthy();
    expect((screen.getByLabelText('Contrat ACI signé le') as HTMLInputElement).value).toBe(
      SAMPLE_LIFECYCLE.aciSignedOn,
    );
    expect(screen.getByText(/Laissez vide pour retenir la date de signature \(15 mars 2022\)/)).toBeTruthy();
  });

  it('refuses a validation before the deposit, under the right field, without calling the API', async () => {
    const { api } = await backend();
    const { user } = renderApp('/cpts');
    const submitted = await screen.findByLabelText("Lettre d'intention déposée le");
    await user.type(submitted, '2024-05-10');
    await user.type(screen.getByLabelText("Lettre d'intention validée le"), '2024-04-01');
    await user.click(screen.getByRole('button', { name: 'Enregistrer les étapes' }));

    const validated = screen.getByLabelText("Lettre d'intention validée le");
    await waitFor(() =>
      expect(errorUnder(validated)).toBe('La validation de la lettre d’intention ne peut pas précéder son dépôt.'),
    );
    expect(api['cpts.saveLifecycle']).not.toHaveBeenCalled();
  });

  it('asks for the identity first when the CPTS has no name yet, and keeps the dates typed', async () => {
    const { api, ok } = await backend();
    const { user } = renderApp('/cpts');
    await user.type(await screen.findByLabelText("Lettre d'intention déposée le"), '2025-01-10');
    await user.click(screen.getByRole('button', { name: 'Enregistrer les étapes' }));

    await waitFor(() => expect(api['cpts.saveLifecycle']).toHaveBeenCalledTimes(1));
    const form = screen.getByRole('form', { name: 'Étapes et contrat ACI' });
    expect((await within(form).findByRole('alert')).textContent).toBe(
      'Enregistrez d’abord l’identité de la CPTS (au moins son nom), puis ses étapes.',
    );
    expect((screen.getByLabelText("Lettre d'intention déposée le") as HTMLInputElement).value).toBe('2025-01-10');
    expect((await ok('cpts.get')).lifecycle.letterOfIntentSubmittedOn).toBeNull();
  });

  it('saves the dates and shows the new stage', async () => {
    const { api, ok } = await backend();
    await ok('cpts.saveIdentity', { ...SAMPLE_IDENTITY, name: 'CPTS du Grésivaudan' });
    const { user } = renderApp('/cpts');
    await user.type(await screen.findByLabelText("Lettre d'intention déposée le"), '2025-01-10');
    await user.type(screen.getByLabelText("Lettre d'intention validée le"), '2025-03-01');
    await user.type(screen.getByLabelText('Numéro du contrat ACI'), ' ');
    await user.click(screen.getByRole('button', { name: 'Enregistrer les étapes' }));

    await waitFor(() => expect(api['cpts.saveLifecycle']).toHaveBeenCalledTimes(1));
    expect(api['cpts.saveLifecycle']).toHaveBeenCalledWith({
      letterOfIntentSubmittedOn: '2025-01-10',
      letterOfIntentValidatedOn: '2025-03-01',
      healthProjectSubmittedOn: null,
      healthProjectValidatedOn: null,
      aciSignedOn: null,
      aciContractNumber: null,
      aciAnniversaryOn: null,
    });
    expect(await screen.findByText('Étapes enregistrées')).toBeTruthy();
    expect(await screen.findByText('Lettre d’intention validée : projet de santé à rédiger')).toBeTruthy();
    expect((await ok('cpts.get')).lifecycle).toEqual(api['cpts.saveLifecycle'].mock.calls[0]![0]);
  });
});
