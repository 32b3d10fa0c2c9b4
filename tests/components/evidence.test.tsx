// @vitest-environment jsdom
/**
 * The evidence of a fiche action on its page, a meeting's document linked as evidence, a piece edited in place, and
 * the dashboard's count of what is missing, on the REAL handlers over a temporary database with the sample contract
 * (signed 1 April 2022) and today in its second year (15 June 2023).
 */
import { cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '@shared/contract';
import { seedContract } from '../fixtures/contract';
import { realApiPerTest, type RealBackend } from './real-api';
import { renderApp } from './render-app';
import { SAMPLE_IDENTITY } from './seed-cpts';
import { seedMeeting } from './seed-meetings';

configure({ asyncUtilTimeout: 8_000 });

const real = realApiPerTest();

/** The sample contract, a fiche action of the parcours mission and a meeting of year 2 with its compte rendu. */
async function setUp() {
  let chosen: string | null = null;
  const backend = await real.install({
    now: () => new Date('2023-06-15T10:00:00'),
    chooseOpenPath: async () => chosen,
  });
  const contract = await seedContract(backend);
  const fiche = await backend.ok('fiches.create', {
    code: 'FA-02',
    title: 'Parcours de l’insuffisant cardiaque',
    missionCode: 'parcours',
    cptsRole: 'porteur',
  } as ChannelInput<'fiches.create'>);
  const meeting = await seedMeeting(backend, {
    type: 'commission',
    title: 'Groupe de travail insuffisance cardiaque',
    date: '2023-05-11',
  } as ChannelInput<'meetings.create'>);
  chosen = join(backend.database.dir, 'compte-rendu-mai.pdf');
  writeFileSync(chosen, '%PDF-1.4 compte rendu');
  const withDocument = await backend.ok('meetings.addDocument', { meetingId: meeting.id });
  if ('cancelled' in withDocument) throw new Error('document attendu');
  chosen = null;
  return { backend, contract, fiche, meeting: withDocument };
}

const evidenceRows = (backend: RealBackend) =>
  backend.database.db
    .selectFrom('evidence')
    .select(['requirement_id', 'contract_year_id', 'meeting_id', 'meeting_document_id', 'provided_on', 'remark'])
    .execute();

describe('Fiche action — justificatifs', () => {
  it('adds a requirement to the fiche and links a meeting’s document for the chosen contract year', async () => {
    const { backend, contract, fiche, meeting } = await setUp();
    const { user } = renderApp(`/projet-de-sante/fiches/${fiche.id}`);
    const section = await screen.findByRole('region', { name: 'Justificatifs de l’année 2' });
    expect(await within(section).findByText(/Aucun justificatif attendu/)).toBeTruthy();

    await user.click(within(section).getByRole('button', { name: 'Ajouter un justificatif attendu' }));
    await user.type(within(section).getByLabelText(/^Justificatif/), 'Comptes rendus');
    await user.click(within(section).getByRole('button', { name: 'Ajouter le justificatif' }));
    expect(await within(section).findByText('1 justificatif obligatoire encore manquant pour l’année 2.')).toBeTruthy();
    const [requirement] = await backend.database.db.selectFrom('evidence_requirement').selectAll().execute();
    expect(requirement).toMatchObject({ fiche_id: fiche.id, indicator_id: null, label: 'Comptes rendus' });

    await user.click(within(section).getByRole('button', { name: 'Lier une réunion : Comptes rendus' }));
    await user.selectOptions(
      await within(section).findByLabelText('Réunion de l’année 2'),
      within(section).getByRole('option', { name: /Groupe de travail insuffisance cardiaque/ }),
    );
    const piece = await within(section).findByLabelText<HTMLSelectElement>('Pièce à lier');
    expect(Array.from(piece.options).map((option) => option.textContent)).toEqual([
      'La réunion elle-même (présences, relevé)',
      'Document : compte-rendu-mai.pdf',
    ]);
    await user.selectOptions(piece, 'Document : compte-rendu-mai.pdf');
    await user.click(within(section).getByRole('button', { name: 'Lier' }));

    const link = await within(section).findByRole('link', {
      name: 'compte-rendu-mai.pdf (Groupe de travail insuffisance cardiaque)',
    });
    expect(link.getAttribute('href')).toBe(`/reunions/${meeting.id}`);
    expect(within(section).getByText('Document de réunion')).toBeTruthy();
    expect(
      await within(section).findByText('Tous les justificatifs obligatoires de l’année 2 sont fournis.'),
    ).toBeTruthy();
    expect(await evidenceRows(backend)).toEqual([
      {
        requirement_id: requirement!.id,
        contract_year_id: contract.years[1]!.id,
        meeting_id: null,
        meeting_document_id: meeting.documents[0]!.id,
        provided_on: '2023-06-15',
        remark: null,
      },
    ]);

    // The document already linked is not offered again: only the meeting itself remains.
    await user.click(within(section).getByRole('button', { name: 'Lier une réunion : Comptes rendus' }));
    await user.selectOptions(
      await within(section).findByLabelText('Réunion de l’année 2'),
      within(section).getByRole('option', { name: /Groupe de travail insuffisance cardiaque/ }),
    );
    const again = await within(section).findByLabelText<HTMLSelectElement>('Pièce à lier');
    expect(Array.from(again.options).map((option) => option.textContent)).toEqual([
      'La réunion elle-même (présences, relevé)',
    ]);

    // Evidence is per contract year: year 3 still misses it.
    await user.selectOptions(within(section).getByLabelText('Année de contrat'), '3');
    expect(await screen.findByText('1 justificatif obligatoire encore manquant pour l’année 3.')).toBeTruthy();
  });

  it('edits a piece’s date and remark in place, refuses a date in the future, and Échap leaves it as it was', async () => {
    const { backend, contract, fiche, meeting } = await setUp();
    const requirement = await backend.ok('indicators.saveRequirement', { ficheId: fiche.id, label: 'Émargements' });
    await backend.ok('indicators.linkEvidence', {
      requirementId: requirement.id,
      contractYearId: contract.years[1]!.id,
      source: { kind: 'meeting', meetingId: meeting.id },
    });
    const { user } = renderApp(`/projet-de-sante/fiches/${fiche.id}`);
    const section = await screen.findByRole('region', { name: 'Justificatifs de l’année 2' });
    const label = 'Groupe de travail insuffisance cardiaque';
    expect(await within(section).findByText(/fourni le 15 juin 2023/)).toBeTruthy();

    await user.click(within(section).getByRole('button', { name: `Modifier « ${label} »` }));
    const form = within(section).getByRole('form', { name: `Modifier « ${label} »` });
    const before = await evidenceRows(backend);
    fireEvent.change(within(form).getByLabelText('Fourni le'), { target: { value: '2023-06-16' } });
    await user.click(within(form).getByRole('button', { name: 'Enregistrer' }));
    expect(await within(form).findByText('Cette date est dans le futur.')).toBeTruthy();
    expect(await evidenceRows(backend)).toEqual(before);

    fireEvent.change(within(form).getByLabelText('Fourni le'), { target: { value: '2023-05-12' } });
    await user.type(within(form).getByLabelText('Remarque'), 'Envoyé à la CPAM');
    await user.click(within(form).getByRole('button', { name: 'Enregistrer' }));
    expect(await within(section).findByText(/fourni le 12 mai 2023/)).toBeTruthy();
    expect(within(section).getByText('Envoyé à la CPAM')).toBeTruthy();
    expect(within(section).queryByRole('form')).toBeNull();
    expect(await evidenceRows(backend)).toMatchObject([{ provided_on: '2023-05-12', remark: 'Envoyé à la CPAM' }]);

    // Échap closes the fields and writes nothing.
    const calls = backend.api['indicators.updateEvidence'].mock.calls.length;
    await user.click(within(section).getByRole('button', { name: `Modifier « ${label} »` }));
    const remark = within(section).getByLabelText('Remarque');
    await user.clear(remark);
    await user.type(remark, 'Brouillon{Escape}');
    await waitFor(() => expect(within(section).queryByRole('form')).toBeNull());
    expect(within(section).getByText('Envoyé à la CPAM')).toBeTruthy();
    expect(backend.api['indicators.updateEvidence'].mock.calls.length).toBe(calls);
  });

  it('says so on the fiche page while no contract is entered', async () => {
    const backend = await real.install({ now: () => new Date('2023-06-15T10:00:00') });
    const fiche = await backend.ok('fiches.create', {
      title: 'Parcours de l’insuffisant cardiaque',
      cptsRole: 'porteur',
    } as ChannelInput<'fiches.create'>);
    renderApp(`/projet-de-sante/fiches/${fiche.id}`);
    const section = await screen.findByRole('region', { name: 'Justificatifs' });
    expect(within(section).getByText(/saisissez d’abord le contrat/)).toBeTruthy();
  });
});

describe('Tableau de bord — justificatifs manquants', () => {
  it('counts a fiche’s missing evidence with the indicators’, and leads to the fiche when it is the only one', async () => {
    const { backend, fiche } = await setUp();
    // The CPTS's identity only: its contract dates come from the contract the set-up entered.
    await backend.ok('cpts.saveIdentity', SAMPLE_IDENTITY);
    await backend.ok('indicators.saveRequirement', { ficheId: fiche.id, label: 'Bilan de l’action' });
    renderApp('/');
    const heading = await screen.findByRole('heading', { name: 'Projet de santé' });
    const tile = heading.closest('section') as HTMLElement;
    const missing = await within(tile).findByRole('link', { name: '1 justificatif obligatoire manquant' });
    expect(missing.getAttribute('href')).toBe(`/projet-de-sante/fiches/${fiche.id}`);

    const indicator = await backend.ok('indicators.create', {
      contractId: (await backend.ok('contract.overview')).contract!.id,
      missionCode: 'acces',
      label: 'Patients sans médecin traitant réorientés',
      kind: 'resultat',
      valueType: 'nombre',
      direction: 'hausse',
      dataSource: 'cpam',
    } as ChannelInput<'indicators.create'>);
    await backend.ok('indicators.saveRequirement', { indicatorId: indicator.id, label: 'Données CPAM' });
    // A fresh window: the tile reads the checklist again.
    cleanup();
    renderApp('/');
    const both = await within(
      (await screen.findByRole('heading', { name: 'Projet de santé' })).closest('section') as HTMLElement,
    ).findByRole('link', { name: '2 justificatifs obligatoires manquants' });
    expect(both.getAttribute('href')).toBe('/projet-de-sante');
  });
});
