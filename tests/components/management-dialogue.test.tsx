// @vitest-environment jsdom
/**
 * The « Dossier du dialogue de gestion » button beside the tableau de suivi, on the REAL handlers: the sample contract
 * (today in its second year), one indicator of the year with a justificatif attached and one missing.
 */
import { configure, screen } from '@testing-library/react';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '@shared/contract';
import { PIECES_LIST_ENTRY } from '@shared/reports/management-dialogue';
import { seedContract } from '../fixtures/contract';
import { realApiPerTest, type RealBackend } from './real-api';
import { renderApp } from './render-app';

configure({ asyncUtilTimeout: 20_000 });

const real = realApiPerTest();

/** An indicator of year 2 with two required justificatifs, the first one attached as « Bilan SNP.pdf ». */
async function seedYear(backend: RealBackend) {
  const contract = await seedContract(backend);
  const year2 = contract.years[1]!;
  const indicator = await backend.ok('indicators.create', {
    contractId: contract.id,
    missionCode: 'acces',
    code: 'ACC-1',
    label: 'Soins non programmés : créneaux ouverts',
    kind: 'processus',
    valueType: 'nombre',
    direction: 'hausse',
    dataSource: 'cpts',
  } as ChannelInput<'indicators.create'>);
  await backend.ok('indicators.saveTarget', {
    indicatorId: indicator.id,
    contractYearId: year2.id,
    paymentRule: 'tout_ou_rien',
    targetValue: 20,
    maxCents: 500_000,
  } as ChannelInput<'indicators.saveTarget'>);
  const bilan = await backend.ok('indicators.saveRequirement', { indicatorId: indicator.id, label: 'Bilan annuel' });
  await backend.ok('indicators.saveRequirement', { indicatorId: indicator.id, label: 'Planning des créneaux' });
  const source = join(mkdtempSync(join(tmpdir(), 'maillage-bilan-')), 'Bilan SNP.pdf');
  writeFileSync(source, '%PDF-1.4 bilan');
  backend.context.chooseOpenPath = async () => source;
  await backend.ok('indicators.attachEvidenceFile', {
    requirementId: bilan.id,
    contractYearId: year2.id,
    title: null,
  } as ChannelInput<'indicators.attachEvidenceFile'>);
  return { contract, year2 };
}

const install = (saveTo: () => string | null) =>
  real.install({ now: () => new Date('2023-06-15T10:00:00'), chooseSavePath: async () => saveTo() });

describe('Dossier du dialogue de gestion — le bouton du tableau de suivi', () => {
  it('saves the PDF and its justificatifs zip beside it, and says where both went', async () => {
    const out = mkdtempSync(join(tmpdir(), 'maillage-dossier-'));
    const saved = join(out, 'Dossier année 2.pdf');
    const backend = await install(() => saved);
    const { year2 } = await seedYear(backend);
    const { user } = renderApp('/projet-de-sante');
    await user.click(await screen.findByRole('button', { name: 'Dossier du dialogue de gestion' }));
    const zipPath = join(out, 'Dossier année 2 - justificatifs.zip');
    expect(
      await screen.findByText(
        `Dossier du dialogue de gestion enregistré : ${saved}, et son justificatif dans ${zipPath}`,
      ),
    ).toBeTruthy();
    expect(backend.api['reports.exportManagementDialogue']).toHaveBeenCalledWith({ contractYearId: year2.id });
    expect(readFileSync(saved).subarray(0, 5).toString()).toBe('%PDF-');
    const zip = await JSZip.loadAsync(readFileSync(zipPath));
    expect(Object.keys(zip.files).sort()).toEqual([PIECES_LIST_ENTRY, '01 - Accès aux soins - Bilan SNP.pdf']);
    const list = await zip.file(PIECES_LIST_ENTRY)!.async('string');
    expect(list).toContain('Pièce 01 — Accès aux soins — Bilan SNP.pdf');
    expect(list).toContain('justifie : ACC-1 — Soins non programmés : créneaux ouverts — Bilan annuel');
  });

  it('writes nothing and says so when the save dialog is closed', async () => {
    const backend = await install(() => null);
    await seedYear(backend);
    const { user } = renderApp('/projet-de-sante');
    await user.click(await screen.findByRole('button', { name: 'Dossier du dialogue de gestion' }));
    expect(await screen.findByText('Export annulé : aucun fichier n’a été enregistré.')).toBeTruthy();
    expect(await backend.api['reports.exportManagementDialogue'].mock.results[0]!.value).toEqual({
      ok: true,
      data: { saved: false, bundle: null },
    });
  });

  it('keeps neither file and says why in French when the zip cannot be written', async () => {
    const out = mkdtempSync(join(tmpdir(), 'maillage-dossier-bloque-'));
    const saved = join(out, 'Dossier.pdf');
    mkdirSync(join(out, 'Dossier - justificatifs.zip'));
    const backend = await install(() => saved);
    await seedYear(backend);
    const { user } = renderApp('/projet-de-sante');
    await user.click(await screen.findByRole('button', { name: 'Dossier du dialogue de gestion' }));
    expect(
      await screen.findByText(
        /^Le dossier du dialogue de gestion n’a pas été exporté : Les justificatifs n’ont pas pu/,
      ),
    ).toBeTruthy();
    expect(existsSync(saved)).toBe(false);
  });
});
