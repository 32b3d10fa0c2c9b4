// @vitest-environment jsdom
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../electron/ipc/handlers';
import type { ChannelInput } from '@shared/contract';
import { realApiPerTest, type RealBackend } from './real-api';
import { renderApp } from './render-app';
import { seedMeeting } from './seed-meetings';

const real = realApiPerTest();
/** 1 December 2025: the last year of a contract signed on 1 April 2021. */
const install = (overrides: Partial<HandlerContext> = {}) =>
  real.install({ now: () => new Date('2025-12-01T10:00:00'), ...overrides });

const CONTRACT: ChannelInput<'contract.create'> = {
  number: 'ACI-71-2021-007',
  aciVersion: 'avenant_2',
  signedOn: '2021-04-01',
  durationYears: 5,
  status: 'actif',
  signatories: [{ party: 'cpts', organisation: 'CPTS du Creusot', name: 'Claire Morel', role: 'Présidente' }],
  optionalMissions: [],
};

const SNP = 'Part des demandes de soins non programmés prises en charge sous 24 h';
const MT = 'Patients en ALD sans médecin traitant';
/** The lines of the annex taken from the current indicators: code and wording. */
const SNP_LINE = `1.1 — ${SNP}`;
const MT_LINE = `1.2 — ${MT}`;

/** A contract with two indicators, each with a target for the last contract year. */
async function withIndicators(backend: RealBackend) {
  const contract = await backend.ok('contract.create', CONTRACT);
  const lastYear = contract.years[contract.years.length - 1]!;
  for (const [code, label, target] of [
    ['1.1', SNP, 80],
    ['1.2', MT, 120],
  ] as const) {
    const indicator = await backend.ok('indicators.create', {
      contractId: contract.id,
      missionCode: 'acces',
      code,
      label,
      kind: 'resultat',
      valueType: code === '1.1' ? 'taux' : 'nombre',
      direction: code === '1.1' ? 'hausse' : 'baisse',
      dataSource: 'cpam',
      baselineValue: code === '1.1' ? 60 : 200,
      baselineOn: '2021-03-31',
    } as ChannelInput<'indicators.create'>);
    await backend.ok('indicators.saveTarget', {
      indicatorId: indicator.id,
      contractYearId: lastYear.id,
      paymentRule: 'tout_ou_rien',
      targetValue: target,
      maxCents: 500_000,
    } as ChannelInput<'indicators.saveTarget'>);
  }
  return contract;
}

const annexTable = () => screen.getByRole('table', { name: 'Indicateurs proposés pour le contrat suivant' });
const annexLabels = () =>
  within(annexTable())
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent);

describe('Dossier de renouvellement — annexe des indicateurs proposée', () => {
  it('takes the current indicators, then edits, moves and removes a line', async () => {
    const backend = await install();
    const contract = await withIndicators(backend);
    const { user } = renderApp('/projet-de-sante/contrat/renouvellement');
    expect(await screen.findByRole('heading', { level: 1, name: 'Dossier de renouvellement du contrat' })).toBeTruthy();
    expect(await screen.findByRole('heading', { name: /Contrat n° ACI-71-2021-007/ })).toBeTruthy();
    expect(screen.getByText(/Aucun indicateur proposé/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Reprendre les indicateurs actuels' }));
    expect(await screen.findByText('2 indicateurs repris du contrat actuel.')).toBeTruthy();
    expect(annexLabels()).toEqual([SNP_LINE, MT_LINE]);
    expect(screen.queryByRole('button', { name: 'Reprendre les indicateurs actuels' })).toBeNull();

    await user.click(screen.getByRole('button', { name: `Modifier « ${MT_LINE} »` }));
    const target = screen.getByLabelText('Cible proposée');
    await user.clear(target);
    await user.type(target, 'Moins de 100 patients');
    await user.type(screen.getByLabelText('Commentaire'), 'Cible resserrée avec la CPAM.');
    await user.click(screen.getByRole('button', { name: 'Enregistrer l’indicateur' }));
    expect(await screen.findByText('Indicateur proposé modifié.')).toBeTruthy();
    expect(within(annexTable()).getByText('Moins de 100 patients')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: `Descendre « ${SNP_LINE} »` }));
    await waitFor(() => expect(annexLabels()).toEqual([MT_LINE, SNP_LINE]));

    await user.click(screen.getByRole('button', { name: `Retirer « ${SNP_LINE} »` }));
    const dialog = await screen.findByRole('dialog', { name: /Retirer l’indicateur/ });
    await user.click(within(dialog).getByRole('button', { name: 'Retirer l’indicateur' }));
    await waitFor(() => expect(annexLabels()).toEqual([MT_LINE]));

    const draft = await backend.ok('renewal.getDraft', { contractId: contract.id });
    expect(draft.proposals.map((proposal) => [proposal.label, proposal.targetText, proposal.comment])).toEqual([
      [MT_LINE, 'Moins de 100 patients', 'Cible resserrée avec la CPAM.'],
    ]);
  });

  it('refuses a new line without a real label, in French, and writes nothing', async () => {
    const backend = await install();
    const contract = await withIndicators(backend);
    const { user } = renderApp('/projet-de-sante/contrat/renouvellement');
    await user.click(await screen.findByRole('button', { name: 'Ajouter un indicateur' }));
    await user.selectOptions(screen.getByLabelText(/^Mission/), 'Amélioration de l’accès aux soins');
    await user.type(screen.getByLabelText(/^Indicateur/), 'ab');
    await user.click(screen.getByRole('button', { name: 'Ajouter l’indicateur' }));
    expect(await screen.findByText('Nommez l’indicateur proposé.')).toBeTruthy();
    expect(screen.getByLabelText(/^Indicateur/).getAttribute('aria-invalid')).toBe('true');
    expect((await backend.ok('renewal.getDraft', { contractId: contract.id })).proposals).toEqual([]);
  });
});

describe('Dossier de renouvellement — textes et délibération', () => {
  it('saves a section left out with its text, and the CA decision that authorised the renewal', async () => {
    const backend = await install();
    const contract = await withIndicators(backend);
    await seedMeeting(
      backend,
      { type: 'ca', title: 'CA de novembre', date: '2025-11-18', startTime: '19:00' },
      { decisions: [{ text: 'Le conseil autorise le renouvellement du contrat ACI.' }] },
    );
    const { user } = renderApp('/projet-de-sante/contrat/renouvellement');

    const section = await screen.findByRole('form', { name: 'Section « Bilan du contrat »' });
    await user.click(within(section).getByRole('checkbox', { name: /Inclure la section « Bilan du contrat »/ }));
    await user.type(
      within(section).getByLabelText('Texte de la section « Bilan du contrat »'),
      'Cinq années de travail commun.',
    );
    await user.click(within(section).getByRole('button', { name: 'Enregistrer la section' }));
    expect(await screen.findByText('Section « Bilan du contrat » enregistrée.')).toBeTruthy();

    const deliberation = screen.getByRole('form', { name: 'Délibération' });
    await user.selectOptions(
      within(deliberation).getByLabelText('Réunion qui a délibéré'),
      within(deliberation).getByRole('option', { name: /CA de novembre/ }),
    );
    await user.selectOptions(
      await within(deliberation).findByLabelText('Décision prise'),
      'Le conseil autorise le renouvellement du contrat ACI.',
    );
    await user.click(within(deliberation).getByRole('button', { name: 'Enregistrer la délibération' }));
    expect(await screen.findByText('Délibération enregistrée.')).toBeTruthy();

    const draft = await backend.ok('renewal.getDraft', { contractId: contract.id });
    const bilan = draft.sections.find((candidate) => candidate.key === 'bilan')!;
    expect([bilan.included, bilan.body]).toEqual([false, 'Cinq années de travail commun.']);
    expect(draft.approvalMeetingId).not.toBeNull();
    expect(draft.approvalDecisionId).toBe(
      draft.choices.meetings.find((meeting) => meeting.id === draft.approvalMeetingId)!.decisions[0]!.id,
    );
  });

  it('exports the dossier as a PDF where the coordinator chose', async () => {
    let pdfPath = '';
    const backend = await install({
      chooseSavePath: async (suggested) => {
        pdfPath = join(real.current().database.dir, suggested);
        return pdfPath;
      },
    });
    await withIndicators(backend);
    const { user } = renderApp('/projet-de-sante/contrat/renouvellement');
    await user.click(await screen.findByRole('button', { name: 'Exporter le dossier (PDF)' }));
    expect(await screen.findByText(/^Dossier de renouvellement enregistré : /, {}, { timeout: 20_000 })).toBeTruthy();
    expect(existsSync(pdfPath)).toBe(true);
    expect(readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 30_000);
});

describe('Dossier de renouvellement — sans contrat', () => {
  it('says to enter the contract first', async () => {
    await install();
    renderApp('/projet-de-sante/contrat/renouvellement');
    const empty = await screen.findByRole('region', { name: 'Aucun contrat ACI enregistré' });
    expect(within(empty).getByRole('link', { name: 'Contrat ACI' }).getAttribute('href')).toBe(
      '/projet-de-sante/contrat',
    );
    expect(screen.queryByRole('button', { name: 'Exporter le dossier (PDF)' })).toBeNull();
  });
});
