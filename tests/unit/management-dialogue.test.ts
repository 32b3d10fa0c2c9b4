import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { formatEurosFromCents, formatShare } from '@shared/format';
import { PIECES_LIST_ENTRY } from '@shared/reports/management-dialogue';
import { managementDialogueDossier, managementDialogueExport } from '../../electron/services/management-dialogue';
import { testBackend } from '../helpers/handlers';
import {
  expectFooterOnEveryPage,
  expectFrench,
  expectOnlyInter,
  normalise,
  pdfWorkspace,
  type RenderedPdf,
} from '../helpers/pdf';
import {
  CONTRACT_NUMBER,
  type Expected,
  expectedFromRows,
  seedTrackingYear,
  type SeededYear,
} from '../helpers/tracking-seed';

type Backend = Awaited<ReturnType<typeof testBackend>>;

const { render, workDir } = pdfWorkspace('maillage-pdf-dialogue-', 'MAILLAGE_PDF_PREVIEW', 'dialogue-');
const CLOCK = { now: new Date('2026-11-23T14:05:00'), today: '2026-11-23' };
let backend: Backend;
let seeded: SeededYear;
let expected: Expected[];
let pdf: RenderedPdf;
let lostFile: string;

const plain = (text: string) => normalise(text);

/** Adds what the tracking seed lacks: a meeting and its compte rendu as evidence, a fiche's evidence, payments, the dialogue. */
async function seedDossier(): Promise<void> {
  const db = backend.database.db;
  const documentsDir = backend.context.documentsDir;
  const meeting = await db
    .insertInto('meeting')
    .values({ type: 'commission', title: 'Commission soins non programmés', date: '2026-06-12', status: 'tenue' })
    .returning('id')
    .executeTakeFirstOrThrow();
  writeFileSync(join(documentsDir, 'cr-snp-stocke.pdf'), '%PDF-1.4 compte rendu');
  const meetingDocument = await db
    .insertInto('meeting_document')
    .values({ meeting_id: meeting.id, file_name: 'Compte rendu SNP.pdf', stored_name: 'cr-snp-stocke.pdf', size: 21 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const requirementOf = async (code: string, label: string) =>
    (
      await db
        .selectFrom('evidence_requirement')
        .innerJoin('indicator', 'indicator.id', 'evidence_requirement.indicator_id')
        .select('evidence_requirement.id')
        .where('indicator.code', '=', code)
        .where('evidence_requirement.label', '=', label)
        .executeTakeFirstOrThrow()
    ).id;
  // ACC-2 « Comptes rendus » (missing in the seed) and a new QUA-1 requirement share the same compte rendu.
  for (const requirementId of [
    await requirementOf('ACC-2', 'Comptes rendus'),
    (
      await backend.ok('indicators.saveRequirement', {
        indicatorId: (
          await db.selectFrom('indicator').select('id').where('code', '=', 'QUA-1').executeTakeFirstOrThrow()
        ).id,
        label: 'Supports des réunions',
      })
    ).id,
  ]) {
    await backend.ok('indicators.linkEvidence', {
      requirementId,
      contractYearId: seeded.yearId,
      source: { kind: 'meeting_document', meetingDocumentId: meetingDocument.id },
      providedOn: '2026-06-20',
    });
  }
  // ACC-3 gets a requirement nobody answered.
  await backend.ok('indicators.saveRequirement', {
    indicatorId: (await db.selectFrom('indicator').select('id').where('code', '=', 'ACC-3').executeTakeFirstOrThrow())
      .id,
    label: 'Extraction CPAM à six mois',
  });
  // PAR-1 « Bilans… » answered by the meeting itself (no file).
  await backend.ok('indicators.linkEvidence', {
    requirementId: await requirementOf('PAR-1', 'Bilans et évaluations de satisfaction'),
    contractYearId: seeded.yearId,
    source: { kind: 'meeting', meetingId: meeting.id },
    providedOn: '2026-06-13',
  });
  // A fiche action of prévention with one piece provided and one missing.
  const fiche = await db
    .insertInto('fiche_action')
    .values({ code: 'FA-07', title: 'Journées de sensibilisation', mission_code: 'prevention', status: 'en_cours' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const bilan = await backend.ok('indicators.saveRequirement', { ficheId: fiche.id, label: 'Bilan des journées' });
  await backend.ok('indicators.saveRequirement', { ficheId: fiche.id, label: 'Liste des participants' });
  const source = join(mkdtempSync(join(tmpdir(), 'maillage-bilan-')), 'Bilan: journées 2026?.pdf');
  writeFileSync(source, '%PDF-1.4 bilan');
  backend.context.chooseOpenPath = async () => source;
  await backend.ok('indicators.attachEvidenceFile', {
    requirementId: bilan.id,
    contractYearId: seeded.yearId,
    title: null,
    providedOn: '2026-10-02',
  });
  // The ACC-1 « Données statistiques CPAM » file is gone from Maillage's folder.
  const lost = await db
    .selectFrom('evidence')
    .innerJoin('evidence_requirement as q', 'q.id', 'evidence.requirement_id')
    .innerJoin('document', 'document.id', 'evidence.document_id')
    .select('document.stored_name')
    .where('q.label', '=', 'Données statistiques CPAM')
    .executeTakeFirstOrThrow();
  lostFile = lost.stored_name;
  unlinkSync(join(documentsDir, lostFile));
  await db
    .insertInto('aci_contract_mission')
    .values([
      { contract_id: seeded.contractId, mission_code: 'acces', started_on: '2022-04-15' },
      { contract_id: seeded.contractId, mission_code: 'parcours', started_on: '2022-10-15' },
    ])
    .execute();
  await backend.ok('contract.savePayment', {
    yearId: seeded.yearId,
    kind: 'avance_fixe',
    missionCode: 'acces',
    label: 'Avance part fixe accès aux soins',
    expectedOn: '2026-05-15',
    expectedCents: 6_750_000,
    receivedOn: '2026-05-28',
    receivedCents: 6_750_000,
  });
  await backend.ok('contract.savePayment', {
    yearId: seeded.yearId,
    kind: 'avance_fixe',
    missionCode: 'parcours',
    label: 'Avance part fixe parcours',
    expectedOn: '2026-05-15',
    expectedCents: 3_375_000,
    receivedOn: '2026-06-02',
    receivedCents: 3_000_000,
  });
  await backend.ok('contract.saveDialogue', {
    yearId: seeded.yearId,
    heldOn: '2026-11-20',
    participants: 'CPAM de l’Isère, ARS Auvergne-Rhône-Alpes, bureau de la CPTS',
    outcome: 'Cibles de l’année 5 maintenues.',
  });
}

beforeAll(async () => {
  backend = await testBackend();
  seeded = await seedTrackingYear(backend);
  await seedDossier();
  expected = await expectedFromRows(backend, seeded.yearId);
  const dossier = await managementDialogueDossier(backend.database.db, seeded.yearId, {
    ...CLOCK,
    documentsDir: backend.context.documentsDir,
  });
  pdf = await render(managementDialogueExport(dossier.data, CLOCK.today).job, 'annee-5');
});
afterAll(async () => {
  await backend.database.dispose();
});

/** Required requirements of the year and those with a piece, counted in SQL (indicators of the contract and fiches). */
async function evidenceCountsFromRows(yearId: number) {
  const db = backend.database.db;
  const rows = await db
    .selectFrom('evidence_requirement as q')
    .leftJoin('indicator as i', 'i.id', 'q.indicator_id')
    .leftJoin('fiche_action as f', 'f.id', 'q.fiche_id')
    .select((eb) => [
      'q.id',
      'i.mission_code as indicator_mission',
      'f.mission_code as fiche_mission',
      eb
        .exists(
          eb
            .selectFrom('evidence as v')
            .select('v.id')
            .whereRef('v.requirement_id', '=', 'q.id')
            .where('v.contract_year_id', '=', yearId),
        )
        .as('provided'),
    ])
    .where('q.required', '=', 1)
    .execute();
  const byMission = new Map<string, { expected: number; provided: number }>();
  for (const row of rows) {
    const mission = row.indicator_mission ?? row.fiche_mission ?? 'aucune';
    const counts = byMission.get(mission) ?? { expected: 0, provided: 0 };
    counts.expected += 1;
    if (row.provided) counts.provided += 1;
    byMission.set(mission, counts);
  }
  const expected = rows.length;
  const provided = rows.filter((row) => row.provided).length;
  return { expected, provided, missing: expected - provided, byMission };
}

/** Distinct files given as evidence for the year (documents and meeting documents). */
async function distinctFilesFromRows(yearId: number) {
  const rows = await backend.database.db
    .selectFrom('evidence')
    .select(['document_id', 'meeting_document_id'])
    .where('contract_year_id', '=', yearId)
    .execute();
  return new Set(
    rows.flatMap((row) =>
      row.document_id !== null
        ? [`d${row.document_id}`]
        : row.meeting_document_id !== null
          ? [`m${row.meeting_document_id}`]
          : [],
    ),
  );
}

describe('Dossier du dialogue de gestion (PDF)', () => {
  it('opens on a cover naming the CPTS, the contract and the year, landscape pages with the running footer', async () => {
    const cover = plain(pdf.pages[0]!).replace(/\s+/g, ' ');
    expect(cover).toContain('Dossier du dialogue de gestion');
    expect(cover).toContain('CPTS Grenoble Sud');
    expect(cover).toContain(`Année 5 du contrat n° ${CONTRACT_NUMBER}, du 15 avril 2026 au 14 avril 2027`);
    expectFooterOnEveryPage(pdf, 'Dossier du dialogue de gestion — année 5 — exporté le 23 novembre 2026 à 14 h 05');
    expectOnlyInter(pdf.file);
    expectFrench(pdf.text);
    const info = execFileSync('pdfinfo', [pdf.file], { encoding: 'utf8' });
    const [, width, height] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info) ?? [];
    expect(Number(width)).toBeGreaterThan(Number(height));
  });

  it('projects the part variable per mission and in total as the rows give it', async () => {
    const envelopes = await backend.database.db
      .selectFrom('aci_envelope')
      .select(['mission_code', 'variable_max_cents'])
      .where('contract_year_id', '=', seeded.yearId)
      .execute();
    const earned = expected.reduce((sum, line) => sum + line.earned, 0);
    const max = envelopes.reduce((sum, envelope) => sum + envelope.variable_max_cents, 0);
    expect(pdf.flat).toContain(
      plain(
        `PART VARIABLE PROJETÉE ${formatEurosFromCents(earned)} / ${formatEurosFromCents(max)} ${formatShare(earned, max)} de la part variable maximale`,
      ),
    );
    for (const envelope of envelopes) {
      const missionEarned = expected
        .filter((line) => line.mission === envelope.mission_code)
        .reduce((sum, line) => sum + line.earned, 0);
      expect(pdf.flat).toContain(
        plain(
          `Part variable projetée de la mission ${formatEurosFromCents(missionEarned)} / ${formatEurosFromCents(envelope.variable_max_cents)}`,
        ),
      );
    }
    for (const line of expected) expect(pdf.flat).toContain(line.code);
  });

  it('counts the justificatifs fournis and attendus, and names every missing one by mission', async () => {
    const counts = await evidenceCountsFromRows(seeded.yearId);
    expect(counts).toMatchObject({ expected: 11, provided: 9, missing: 2 });
    expect(pdf.flat).toContain(
      `FOURNIS / ATTENDUS ${counts.provided} / ${counts.expected} ${counts.missing} manquants`,
    );
    for (const [mission, { expected: required, provided }] of counts.byMission) {
      if (required - provided > 0) expect(pdf.flat).toMatch(new RegExp(`: ${required - provided} manquants?`));
      expect(mission).not.toBe('aucune');
    }
    expect(pdf.flat).toContain('Amélioration de l’accès aux soins : 1 manquant');
    expect(pdf.flat).toContain('Liste des participants (Fiche FA-07 — Journées de sensibilisation)');
    expect(pdf.flat).toContain('Manquant : aucune pièce fournie pour l’année');
    expect(pdf.flat).toContain(
      'Réunion « Commission soins non programmés » (réunion du 12/06/2026, fourni le 13/06/2026)',
    );
  });

  it('numbers each file once, in order of appearance, and lists the pieces with what they justify', async () => {
    const files = await distinctFilesFromRows(seeded.yearId);
    const list = plain(pdf.pages[pdf.pageCount - 1]!).replace(/\s+/g, ' ');
    expect(list).toContain('Liste des pièces jointes');
    for (let number = 1; number <= files.size; number++) {
      expect(list).toContain(`Pièce ${String(number).padStart(2, '0')}`);
    }
    expect(list).not.toContain(`Pièce ${String(files.size + 1).padStart(2, '0')}`);
    // The shared compte rendu is one piece, justifying two requirements.
    expect(pdf.flat.match(/Compte rendu SNP\.pdf \(Commission soins non programmés\)/g)).toHaveLength(2);
    expect(pdf.flat).toMatch(/Pièce 03 Compte rendu SNP\.pdf Accès aux soins ACC-2 — [^;]*? — Comptes rendus ; QUA-1 /);
    expect(pdf.flat).toMatch(/Pièce 01 emargement\.pdf .*? Manquante : fichier introuvable Pièce 02/);
    expect(pdf.flat).toContain('1 pièce est introuvable dans le dossier des documents de Maillage');
  });

  it('shows the payments of the year and the dialogue de gestion held', async () => {
    const received = await backend.database.db
      .selectFrom('aci_payment')
      .select((eb) => eb.fn.sum<number>('received_cents').as('total'))
      .where('contract_year_id', '=', seeded.yearId)
      .executeTakeFirstOrThrow();
    expect(Number(received.total)).toBe(9_750_000);
    expect(pdf.flat).toContain('Avance part fixe parcours');
    expect(pdf.flat).toContain(plain(`VERSEMENTS REÇUS / ATTENDUS ${formatEurosFromCents(9_750_000)} /`));
    expect(pdf.flat).toContain(plain(formatEurosFromCents(3_000_000)));
    expect(pdf.flat).toContain('Dialogue de gestion du 20 novembre 2026');
    expect(pdf.flat).toContain('Cibles de l’année 5 maintenues.');
  });

  it('says so for a contract year without any evidence nor envelope', async () => {
    const dossier = await managementDialogueDossier(backend.database.db, seeded.years[0]!, {
      ...CLOCK,
      documentsDir: backend.context.documentsDir,
    });
    expect(dossier.data.pieces).toEqual([]);
    const empty = await render(managementDialogueExport(dossier.data, CLOCK.today).job, 'annee-1');
    expect(empty.flat).toContain('Année 1 du contrat');
    expect(empty.flat).toContain('Aucun fichier n’est joint aux justificatifs de cette année.');
    expect(empty.flat).not.toContain('Pièce 01');
    expect(empty.flat).toContain('Aucun indicateur avec une cible cette année pour cette mission.');
    expect(empty.flat).toContain('Le dialogue de gestion de cette année n’est pas encore enregistré.');
    const counts = await evidenceCountsFromRows(seeded.years[0]!);
    expect(counts.provided).toBe(0);
    expect(empty.flat).toContain(`FOURNIS / ATTENDUS 0 / ${counts.expected} ${counts.expected} manquants`);
  });
});

describe('Export with the zip of justificatifs', () => {
  it('writes the PDF and beside it a zip whose entries are the PDF’s numbered pieces', async () => {
    const folder = mkdtempSync(join(workDir, 'export-'));
    const chosen = join(folder, 'Dossier année 5.pdf');
    backend.context.chooseSavePath = async () => chosen;
    const result = await backend.ok('reports.exportManagementDialogue', { contractYearId: seeded.yearId });
    expect(result).toMatchObject({
      saved: true,
      path: chosen,
      bundle: { path: join(folder, 'Dossier année 5 - justificatifs.zip') },
    });
    const files = await distinctFilesFromRows(seeded.yearId);
    const zip = await JSZip.loadAsync(readFileSync(join(folder, 'Dossier année 5 - justificatifs.zip')));
    const entries = Object.keys(zip.files).sort();
    // Every file but the lost one, and the list.
    expect(entries).toHaveLength(files.size - 1 + 1);
    expect(result.saved && result.bundle?.files).toBe(files.size - 1);
    expect(entries[0]).toBe(PIECES_LIST_ENTRY);
    const exported = execFileSync('pdftotext', ['-raw', chosen, '-'], { encoding: 'utf8' });
    for (const entry of entries.slice(1)) {
      const [, number, mission] = /^(\d{2}) - ([^-]+) - /.exec(entry) ?? [];
      expect(number).toBeDefined();
      // The PDF lists the same number for the same mission.
      expect(plain(exported).replace(/\s+/g, ' ')).toContain(`Pièce ${number} `);
      expect(plain(exported).replace(/\s+/g, ' ')).toMatch(new RegExp(`Pièce ${number} .*?${mission!.trim()}`));
    }
    expect(entries).toContain('02 - Accès aux soins - emargement.pdf');
    expect(entries.some((entry) => entry.includes('Compte rendu SNP.pdf'))).toBe(true);
    // A name unsafe on Windows is made safe, its extension kept.
    expect(entries).toContain(
      `${entries.find((entry) => entry.includes('Bilan'))!.slice(0, 2)} - Prévention - Bilan- journées 2026-.pdf`,
    );
    expect(await zip.file(entries.find((entry) => entry.includes('Compte rendu SNP'))!)!.async('string')).toBe(
      '%PDF-1.4 compte rendu',
    );
    const list = await zip.file(PIECES_LIST_ENTRY)!.async('string');
    expect(list).toContain('Pièce 01 — Accès aux soins — emargement.pdf — MANQUANTE');
    expect(list.match(/^Pièce \d\d/gm)).toHaveLength(files.size);
  });

  it('writes nothing when the save dialog is closed, and no zip for a year without files', async () => {
    const folder = mkdtempSync(join(workDir, 'annule-'));
    backend.context.chooseSavePath = async () => null;
    expect(await backend.ok('reports.exportManagementDialogue', { contractYearId: seeded.yearId })).toEqual({
      saved: false,
      bundle: null,
    });
    expect(readdirSync(folder)).toEqual([]);
    backend.context.chooseSavePath = async () => join(folder, 'Année 1.pdf');
    const result = await backend.ok('reports.exportManagementDialogue', { contractYearId: seeded.years[0]! });
    expect(result).toMatchObject({ saved: true, bundle: null });
    expect(readdirSync(folder)).toEqual(['Année 1.pdf']);
    rmSync(folder, { recursive: true });
  });

  it('keeps no PDF when the zip cannot be written beside it', async () => {
    const folder = mkdtempSync(join(workDir, 'bloque-'));
    // A folder where the zip should go: writing the zip fails.
    const chosen = join(folder, 'Dossier.pdf');
    execFileSync('mkdir', [join(folder, 'Dossier - justificatifs.zip')]);
    backend.context.chooseSavePath = async () => chosen;
    const result = await backend.call('reports.exportManagementDialogue', { contractYearId: seeded.yearId });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('Les justificatifs n’ont pas pu être enregistrés');
    expect(existsSync(chosen)).toBe(false);
  });

  it('refuses an unknown contract year in French', async () => {
    const refused = await backend.call('reports.exportManagementDialogue', { contractYearId: 9999 });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain('Cette année de contrat n’existe pas');
  });
});
