import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { protocolRegisterExport } from '../../electron/services/report-exports-protocols';
import { testBackend } from '../helpers/handlers';
import { expectFooterOnEveryPage, expectFrench, expectOnlyInter, pdfWorkspace, type RenderedPdf } from '../helpers/pdf';
import { seedCooperationProtocol } from '../helpers/protocol-pdf-seed';

type Backend = Awaited<ReturnType<typeof testBackend>>;

const { render, workDir } = pdfWorkspace('maillage-pdf-register-', 'MAILLAGE_PDF_PREVIEW', 'registre-');
const CLOCK = { now: new Date('2026-11-23T14:05:00'), today: '2026-11-23' };

let backend: Backend;
let pdf: RenderedPdf;
let coopId: number;

/** Uses of a protocol in a year, counted in the database. */
async function usesIn(protocolId: number, year: number): Promise<number> {
  const row = await backend.database.db
    .selectFrom('protocol_use')
    .select(sql<number>`count(*)`.as('n'))
    .where('protocol_id', '=', protocolId)
    .where('used_on', '>=', `${year}-01-01`)
    .where('used_on', '<=', `${year}-12-31`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The line of the register that starts with a protocol's code. */
const lineOf = (code: string) => pdf.text.split('\n').find((line) => line.trim().startsWith(code)) ?? '';

beforeAll(async () => {
  mkdirSync(join(workDir, 'saved'));
  backend = await testBackend({ chooseSavePath: async (name) => join(workDir, 'saved', name) });
  const seeded = await seedCooperationProtocol(backend);
  coopId = seeded.protocolId;
  const { durand, bernard } = seeded.members;
  const use = (usedOn: string, outcome: 'pris_en_charge' | 'reoriente_delegant') =>
    backend.ok('protocolUses.log', {
      protocolId: coopId,
      usedOn,
      professionalMemberId: durand.id,
      delegantMemberId: bernard.id,
      ageBand: '26_45',
      sex: 'F',
      hasMt: true,
      outcome,
      adverseEvent: false,
    });
  for (const day of ['2026-04-02', '2026-05-14', '2026-09-30']) await use(day, 'pris_en_charge');
  await use('2026-10-08', 'reoriente_delegant');

  // A pluriprofessional protocol whose review date has passed.
  const wounds = await backend.ok('protocols.create', {
    code: 'PP-02',
    title: 'Plaies chroniques',
    family: 'pluripro',
    missionCode: 'parcours',
  });
  await backend.ok('protocols.saveVersion', {
    id: wounds.draftVersionId ?? 0,
    steps: [{ professionCode: '60', action: 'Évalue la plaie' }],
  });
  await backend.ok('protocols.validateVersion', {
    id: wounds.draftVersionId ?? 0,
    validatedOn: '2024-01-10',
    validatedBy: 'le bureau',
    nextReviewOn: '2025-01-10',
  });
  // A draft only, and an archived protocol.
  await backend.ok('protocols.create', { code: 'PP-03', title: 'Chutes de la personne âgée', family: 'pluripro' });
  const old = await backend.ok('protocols.create', {
    code: 'PP-01',
    title: 'Ancien protocole AVK',
    family: 'pluripro',
  });
  await backend.ok('protocols.archive', { id: old.id, on: '2026-02-01' });

  const { job, fileName } = await protocolRegisterExport(backend.database.db, 2026, CLOCK);
  expect(fileName).toBe('Registre des protocoles 2026 - CPTS Grenoble Sud - 2026-11-23.pdf');
  pdf = await render(job, '2026');
});
afterAll(async () => {
  await backend.database.dispose();
});

describe('Registre des protocoles (PDF)', () => {
  it('groups the protocols by family, the archived ones last', () => {
    const groups = ['Protocole pluriprofessionnel', 'Protocole de coopération national', 'Protocoles archivés'].map(
      (title) => pdf.flat.indexOf(title),
    );
    expect(groups.every((position) => position >= 0)).toBe(true);
    expect([...groups].sort((a, b) => a - b)).toEqual(groups);
    expect(pdf.flat.indexOf('Ancien protocole AVK')).toBeGreaterThan(groups[2] ?? 0);
  });

  it('shows each protocol’s state, version, validation and its uses of the year as counted in the database', async () => {
    const uses = await usesIn(coopId, 2026);
    expect(uses).toBe(4);
    expect(lineOf('PCO-01')).toMatch(
      new RegExp(`Accès.*En vigueur\\s+v1\\s+10/03/2026\\s+10/03/2028\\s+3\\s+${uses}$`),
    );
    expect(lineOf('PP-03')).toMatch(/Brouillon\s+v1\s+—\s+—\s+0\s+0$/);
    expect(pdf.flat).toContain('Archivé le 01/02/2026');
    expect(lineOf('PP-01')).not.toMatch(/DÉPASSÉE/);
    expect(pdf.flat).toMatch(new RegExp(`Utilisations 2026 ${uses} `, 'i'));
  });

  it('marks a review past due, in the table and in a warning above it', () => {
    expect(lineOf('PP-02')).toMatch(/Validé\s+v1\s+10\/01\/2024\s+DÉPASSÉE/);
    expect(lineOf('PCO-01')).not.toMatch(/DÉPASSÉE/);
    expect(pdf.flat).toContain('Révision dépassée : PP-02 Plaies chroniques (10 janvier 2025).');
    expect(pdf.flat).toMatch(/Révisions dépassées 1 /i);
  });

  it('is a landscape French document in Inter with the footer on every page', () => {
    expectFrench(pdf.text);
    expectOnlyInter(pdf.file);
    expectFooterOnEveryPage(pdf, 'Registre des protocoles 2026 — exporté le 23 novembre 2026 à 14 h 05');
  });

  it('is saved through its channel, and a year not begun is refused', async () => {
    const saved = await backend.ok('reports.exportProtocolRegister', { year: 2026 });
    expect(saved).toMatchObject({ saved: true });
    if (saved.saved) expect(existsSync(saved.path)).toBe(true);
    expect(await backend.call('reports.exportProtocolRegister', { year: 2027 })).toMatchObject({
      ok: false,
      error: { message: 'L’année 2027 n’est pas encore commencée.' },
    });
  });
});
