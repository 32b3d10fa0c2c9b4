import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDateLong } from '@shared/format';
import { protocolExport } from '../../electron/services/report-exports-protocols';
import { testBackend } from '../helpers/handlers';
import { expectFooterOnEveryPage, expectFrench, expectOnlyInter, pdfWorkspace, type RenderedPdf } from '../helpers/pdf';
import { CYSTITE_STEP, RPPS, seedCooperationProtocol } from '../helpers/protocol-pdf-seed';

type Backend = Awaited<ReturnType<typeof testBackend>>;

const { render } = pdfWorkspace('maillage-pdf-protocol-', 'MAILLAGE_PDF_PREVIEW', 'protocole-');
const CLOCK = { now: new Date('2026-11-23T14:05:00'), today: '2026-11-23' };
const CHANGELOG = 'Orientation vers les urgences en cas de fièvre ajoutée à l’étape 2.';

let backend: Backend;
let seeded: Awaited<ReturnType<typeof seedCooperationProtocol>>;
let inForce: RenderedPdf;
let draft: RenderedPdf;
let draftVersionId: number;

beforeAll(async () => {
  backend = await testBackend();
  seeded = await seedCooperationProtocol(backend);
  const next = await backend.ok('protocols.newVersion', { protocolId: seeded.protocolId });
  draftVersionId = next.id;
  await backend.ok('protocols.saveVersion', { ...next.data, id: next.id, changelog: CHANGELOG });

  const current = await protocolExport(backend.database.db, { protocolId: seeded.protocolId }, CLOCK);
  expect(current.fileName).toBe(
    'PCO-01 — Pollakiurie et brûlures mictionnelles chez la femme de 16 à 65 ans - version 1 - CPTS Grenoble Sud - 2026-11-23.pdf',
  );
  inForce = await render(current.job, 'en-vigueur');
  const drafted = await protocolExport(
    backend.database.db,
    { protocolId: seeded.protocolId, versionId: draftVersionId },
    CLOCK,
  );
  expect(drafted.fileName).toContain('version 2 (brouillon)');
  draft = await render(drafted.job, 'brouillon');
});
afterAll(async () => {
  await backend.database.dispose();
});

describe('Protocole (PDF)', () => {
  it('opens with the identity, the arrêté, the version and its validation at the board meeting', async () => {
    const detail = await backend.ok('protocols.get', { id: seeded.protocolId });
    const version = detail.versions.find((entry) => entry.id === seeded.firstVersionId);
    expect(version?.nextReviewOn).toBeTruthy();
    expect(inForce.flat).toContain('PCO-01 — Pollakiurie et brûlures mictionnelles chez la femme de 16 à 65 ans');
    expect(inForce.flat).toContain('Protocole de coopération national');
    expect(inForce.flat).toContain('Autorisé par Arrêté du 9 mars 2023');
    expect(inForce.flat).toContain('Mission ACI Amélioration de l’accès aux soins');
    expect(inForce.flat).toContain('n° 1 — En vigueur depuis le 20 mars 2026');
    expect(inForce.flat).toContain('Validé le 10 mars 2026 par le conseil d’administration (réunion du 10 mars 2026)');
    expect(inForce.flat).toContain(`Prochaine révision ${formatDateLong(version?.nextReviewOn)}`);
    expect(inForce.flat).not.toContain('Brouillon — non validé');
  });

  it('follows the HAS order and leaves out the sections left empty', () => {
    const order = [
      'Situation et besoin',
      'Besoin identifié',
      'Population cible',
      'Critères d’inclusion',
      'Critères d’exclusion',
      'Objectifs',
      'Professions concernées',
      'Les étapes',
      'Traçabilité et communication',
      'Références',
      'Actes dérogatoires',
      'L’équipe',
      'Historique des versions',
    ].map((title) => inForce.flat.indexOf(title));
    expect(order.every((position) => position >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // No critical points nor evaluation were written: their sections are not printed empty.
    expect(inForce.flat).not.toContain('Points critiques');
    expect(inForce.flat).not.toContain('Indicateurs d’évaluation');
  });

  it('prints the steps with the profession’s label and each profession’s role', () => {
    expect(inForce.flat).toContain(CYSTITE_STEP);
    expect(inForce.text).toMatch(/2\s+Pharmacien\s+Réalise la bandelette/);
    expect(inForce.text).toMatch(/3\s+Médecin\s+Revoit la patiente réorientée\s+Sous 48 h\s+Cabinet/);
    expect(inForce.flat).toContain('Délégant : forme les délégués et revoit les patientes réorientées.');
  });

  it('lists the team by role, with the RPPS of a cooperation protocol', () => {
    const team = inForce.flat.slice(inForce.flat.indexOf('L’équipe'));
    expect(team).toMatch(new RegExp(`Délégants Nom Profession RPPS Depuis le BERNARD Camille Médecin ${RPPS.bernard}`));
    expect(team).toContain(`DURAND Léa Pharmacien ${RPPS.durand}`);
    expect(team).toContain('Rédacteurs');
    expect(team).toContain('PETIT Anaïs Infirmier');
  });

  it('keeps the history of versions with their changelog, newest first', () => {
    const history = inForce.flat.slice(inForce.flat.indexOf('Historique des versions'));
    expect(history.indexOf('Version 2 — Brouillon')).toBeLessThan(history.indexOf('Version 1 — En vigueur'));
    expect(history).toContain(CHANGELOG);
    expect(history).toContain('Validée le 10 mars 2026, en vigueur le 20 mars 2026');
  });

  it('marks a draft « Brouillon — non validé » in the header of every page, without validation nor review', () => {
    for (const page of draft.pages) expect(page).toContain('Protocole — Brouillon — non validé');
    expect(draft.flat).toContain('n° 2 — Brouillon');
    expect(draft.flat).not.toContain('Validé le 10 mars 2026');
    expect(draft.flat).not.toContain('Prochaine révision');
    // The draft starts as a copy of the version in force.
    expect(draft.flat).toContain(CYSTITE_STEP);
  });

  it('is a French document in Inter with the footer on every page', () => {
    for (const pdf of [inForce, draft]) {
      expectFrench(pdf.text);
      expectOnlyInter(pdf.file);
    }
    expectFooterOnEveryPage(inForce, 'Protocole PCO-01, version 1 — exporté le 23 novembre 2026 à 14 h 05');
    expectFooterOnEveryPage(draft, 'Protocole PCO-01, version 2 — exporté le');
    // « : » never starts a line (non-breaking space before it).
    expect(inForce.raw).not.toMatch(/^\s*:/m);
  });

  it('refuses a version of another protocol, with a French message', async () => {
    const other = await backend.ok('protocols.create', { title: 'Plaies chroniques', family: 'pluripro' });
    expect(
      await backend.call('reports.exportProtocol', { protocolId: other.id, versionId: seeded.firstVersionId }),
    ).toMatchObject({ ok: false, error: { message: 'Cette version n’appartient pas à ce protocole.' } });
  });

  it('prints a superseded version with the day it stopped applying and no review to come', async () => {
    await backend.ok('protocols.validateVersion', {
      id: draftVersionId,
      validatedOn: '2026-11-02',
      validatedBy: 'le bureau',
    });
    await backend.ok('protocols.setVersionStatus', { id: draftVersionId, status: 'en_vigueur', on: '2026-11-10' });
    const first = await backend.ok('protocols.getVersion', { id: seeded.firstVersionId });
    expect(first.status).toBe('remplace');
    const { job } = await protocolExport(
      backend.database.db,
      { protocolId: seeded.protocolId, versionId: seeded.firstVersionId },
      CLOCK,
    );
    const superseded = await render(job, 'remplacee');
    expect(superseded.flat).toContain(`n° 1 — Remplacé le ${formatDateLong(first.endedOn)}`);
    expect(superseded.flat).not.toContain('Prochaine révision');
    // Without a version asked for, the export is the one now in force.
    const current = await protocolExport(backend.database.db, { protocolId: seeded.protocolId }, CLOCK);
    expect((await render(current.job, 'v2-en-vigueur')).flat).toContain('n° 2 — En vigueur depuis le 10 novembre 2026');
  });
});
