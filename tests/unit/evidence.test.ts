import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { ChannelInput } from '@shared/contract';
import type { AciMissionCode } from '@shared/domain/aci';
import type { DB } from '../../electron/db/schema';
import { testBackend } from '../helpers/handlers';

type Backend = Awaited<ReturnType<typeof testBackend>>;

/** Contract signed 15 April 2023: year N runs 15 April to 14 April; « today » (23 November 2026) is in year 4. */
async function insertContract(db: Kysely<DB>, number: string): Promise<{ id: number; years: number[] }> {
  const { id } = await db
    .insertInto('aci_contract')
    .values({ number, aci_version: 'avenant_2', signed_on: '2023-04-15', anniversary_on: '2023-04-15' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const years: number[] = [];
  for (let index = 1; index <= 5; index++) {
    const row = await db
      .insertInto('aci_contract_year')
      .values({
        contract_id: id,
        year_index: index,
        start_on: `${2022 + index}-04-15`,
        end_on: `${2023 + index}-04-14`,
        taille: 3,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    years.push(row.id);
  }
  return { id, years };
}

async function snapshot(db: Kysely<DB>) {
  const rows: Record<string, unknown[]> = {};
  for (const table of ['evidence_requirement', 'evidence', 'document', 'audit_log'] as const)
    rows[table] = await db.selectFrom(table).selectAll().execute();
  return rows;
}

let backend: Backend;
let contract: { id: number; years: number[] };
const year = (n: number) => contract.years[n - 1]!;

beforeEach(async () => {
  backend = await testBackend();
  contract = await insertContract(backend.database.db, 'CPTS-38-2023-01');
});
afterEach(async () => {
  await backend.database.dispose();
});

async function expectRefused<C extends Parameters<Backend['call']>[0]>(
  channel: C,
  input: ChannelInput<C>,
  pattern: RegExp,
) {
  const before = await snapshot(backend.database.db);
  const result = await backend.call(channel, input);
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.error.message).toMatch(pattern);
  expect(await snapshot(backend.database.db)).toEqual(before);
}

async function fiche(
  db: Kysely<DB>,
  code: string | null,
  title: string,
  missionCode: AciMissionCode | null,
  status: 'en_cours' | 'abandonnee' = 'en_cours',
) {
  return (
    await db
      .insertInto('fiche_action')
      .values({ code, title, mission_code: missionCode, status })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

const indicator = (missionCode: AciMissionCode, label: string) =>
  backend.ok('indicators.create', {
    contractId: contract.id,
    missionCode,
    label,
    kind: 'processus',
    valueType: 'nombre',
    direction: 'hausse',
    dataSource: 'cpts',
  });

async function meetingWithDocument(db: Kysely<DB>, title: string, date: string, fileName: string) {
  const meeting = await db
    .insertInto('meeting')
    .values({ type: 'commission', title, date, status: 'tenue' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const document = await db
    .insertInto('meeting_document')
    .values({ meeting_id: meeting.id, file_name: fileName, stored_name: `${fileName}-stocke`, size: 10 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { meetingId: meeting.id, documentId: document.id };
}

describe('requirements of a fiche action', () => {
  it('belong to exactly one indicator or one fiche, with a French message otherwise', async () => {
    const db = backend.database.db;
    const ficheId = await fiche(db, 'FA-1', 'Parcours diabète', 'parcours');
    const ind = await indicator('parcours', 'Soirées pluriprofessionnelles');
    await expectRefused(
      'indicators.saveRequirement',
      { label: 'Bilan' },
      /soit à un indicateur, soit à une fiche action/,
    );
    await expectRefused(
      'indicators.saveRequirement',
      { indicatorId: ind.id, ficheId, label: 'Bilan' },
      /soit à un indicateur, soit à une fiche action/,
    );
    await expectRefused('indicators.saveRequirement', { ficheId: ficheId + 99, label: 'Bilan' }, /fiche action/);

    const saved = await backend.ok('indicators.saveRequirement', { ficheId, label: 'Bilan annuel' });
    expect(saved).toEqual({ id: saved.id, indicatorId: null, ficheId, label: 'Bilan annuel', required: true });
    const renamed = await backend.ok('indicators.saveRequirement', {
      id: saved.id,
      ficheId,
      label: 'Bilan de l’action',
      required: false,
    });
    expect(renamed).toMatchObject({ label: 'Bilan de l’action', required: false });
    // The requirement is the fiche's: it cannot be renamed as an indicator's.
    await expectRefused(
      'indicators.saveRequirement',
      { id: saved.id, indicatorId: ind.id, label: 'Autre' },
      /n’existe pas ou plus/,
    );
  });

  it('join the checklist per mission, indicators by position then fiches by code, per contract year', async () => {
    const db = backend.database.db;
    const fa10 = await fiche(db, 'FA-10', 'Coordination ville-hôpital', 'parcours');
    const fa2 = await fiche(db, 'FA-2', 'Parcours insuffisance cardiaque', 'parcours');
    const noMission = await fiche(db, null, 'Communication', null);
    const prevention = await fiche(db, 'PR-1', 'Dépistage du cancer du sein', 'prevention');
    const abandoned = await fiche(db, 'FA-9', 'Télé-expertise', 'parcours', 'abandonnee');
    const second = await indicator('parcours', 'Deuxième indicateur');
    const first = await indicator('acces', 'Patients sans médecin traitant');
    const third = await indicator('parcours', 'Troisième indicateur');
    const requirement = (owner: { indicatorId: number } | { ficheId: number }, label: string) =>
      backend.ok('indicators.saveRequirement', { ...owner, label });
    const r = {
      fa10: await requirement({ ficheId: fa10 }, 'Conventions'),
      noMission: await requirement({ ficheId: noMission }, 'Supports'),
      third: await requirement({ indicatorId: third.id }, 'Comptes rendus'),
      fa2: await requirement({ ficheId: fa2 }, 'Feuilles d’émargement'),
      prevention: await requirement({ ficheId: prevention }, 'Données CPAM'),
      second: await requirement({ indicatorId: second.id }, 'Feuilles d’émargement'),
      first: await requirement({ indicatorId: first.id }, 'Données CPAM'),
      abandoned: await requirement({ ficheId: abandoned }, 'Bilan'),
    };

    const checklist = await backend.ok('indicators.evidence', { contractYearId: year(4) });
    expect(checklist.map((row) => row.requirementId)).toEqual([
      r.first.id,
      r.second.id,
      r.third.id,
      r.fa2.id,
      r.fa10.id,
      r.prevention.id,
      r.noMission.id,
    ]);
    // Indicator rows as they were, with no fiche; fiche rows with the fiche's code, title and mission.
    expect(checklist[0]).toEqual({
      requirementId: r.first.id,
      owner: 'indicator',
      indicatorId: first.id,
      indicatorCode: null,
      indicatorLabel: 'Patients sans médecin traitant',
      missionCode: 'acces',
      ficheId: null,
      ficheCode: null,
      ficheTitle: null,
      label: 'Données CPAM',
      required: true,
      evidence: [],
      missing: true,
    });
    expect(checklist[3]).toMatchObject({
      owner: 'fiche',
      indicatorId: null,
      ficheId: fa2,
      ficheCode: 'FA-2',
      ficheTitle: 'Parcours insuffisance cardiaque',
      missionCode: 'parcours',
      missing: true,
    });
    expect(checklist[6]).toMatchObject({ ficheId: noMission, missionCode: null });

    // Evidence for a fiche counts for its year only, and an abandoned fiche reappears when something was provided.
    const sheets = await meetingWithDocument(db, 'Groupe de travail insuffisance cardiaque', '2026-06-02', 'ce.pdf');
    await backend.ok('indicators.linkEvidence', {
      requirementId: r.fa2.id,
      contractYearId: year(4),
      source: { kind: 'meeting', meetingId: sheets.meetingId },
    });
    await backend.ok('indicators.linkEvidence', {
      requirementId: r.abandoned.id,
      contractYearId: year(3),
      source: { kind: 'meeting', meetingId: sheets.meetingId },
    });
    const missing4 = await backend.ok('indicators.missingEvidence', { contractYearId: year(4) });
    expect(missing4.map((row) => row.requirementId)).toEqual([
      r.first.id,
      r.second.id,
      r.third.id,
      r.fa10.id,
      r.prevention.id,
      r.noMission.id,
    ]);
    const checklist3 = await backend.ok('indicators.evidence', { contractYearId: year(3) });
    expect(checklist3.find((row) => row.requirementId === r.abandoned.id)).toMatchObject({
      ficheCode: 'FA-9',
      missing: false,
    });
    expect(checklist3.find((row) => row.requirementId === r.fa2.id)).toMatchObject({ missing: true, evidence: [] });
  });

  it('takes evidence for a year of any contract, since a fiche is not bound to one', async () => {
    const db = backend.database.db;
    const ficheId = await fiche(db, 'FA-1', 'Parcours diabète', 'parcours');
    const other = await insertContract(db, 'AUTRE');
    const requirement = await backend.ok('indicators.saveRequirement', { ficheId, label: 'Bilan' });
    const { meetingId } = await meetingWithDocument(db, 'COPIL diabète', '2025-05-12', 'cr.pdf');
    const linked = await backend.ok('indicators.linkEvidence', {
      requirementId: requirement.id,
      contractYearId: other.years[2]!,
      source: { kind: 'meeting', meetingId },
    });
    expect(linked).toMatchObject({ kind: 'meeting', label: 'COPIL diabète', contractYearId: other.years[2] });
  });

  it('go with the fiche when it is deleted, and so do the files kept for them', async () => {
    const source = join(backend.database.dir, 'bilan.pdf');
    writeFileSync(source, '%PDF-1.4 bilan');
    const withFile = await testBackend({ chooseOpenPath: async () => source });
    try {
      const db = withFile.database.db;
      const own = await insertContract(db, 'C');
      const ficheId = await fiche(db, 'FA-1', 'Parcours diabète', 'parcours');
      const kept = await fiche(db, 'FA-2', 'Soins non programmés', 'acces');
      const requirement = await withFile.ok('indicators.saveRequirement', { ficheId, label: 'Bilan' });
      const keptRequirement = await withFile.ok('indicators.saveRequirement', { ficheId: kept, label: 'Bilan' });
      for (const id of [requirement.id, keptRequirement.id]) {
        const attached = await withFile.ok('indicators.attachEvidenceFile', {
          requirementId: id,
          contractYearId: own.years[3]!,
          title: 'Bilan 2026',
        });
        expect(attached).toMatchObject({ kind: 'document', label: 'Bilan 2026', providedOn: '2026-11-23' });
      }
      expect(readdirSync(withFile.context.documentsDir)).toHaveLength(2);

      const result = await withFile.ok('fiches.delete', { id: ficheId, confirm: true });
      expect(result).toMatchObject({ deleted: true, requirementsRemoved: 1 });
      expect(readdirSync(withFile.context.documentsDir)).toHaveLength(1);
      expect(await db.selectFrom('document').select('title').execute()).toEqual([{ title: 'Bilan 2026' }]);
      expect(await db.selectFrom('evidence_requirement').select('id').execute()).toEqual([{ id: keptRequirement.id }]);
      const checklist = await withFile.ok('indicators.evidence', { contractYearId: own.years[3]! });
      expect(checklist.map((row) => row.ficheId)).toEqual([kept]);
    } finally {
      await withFile.database.dispose();
    }
  });
});

describe('a meeting document as evidence', () => {
  it('is named by its file and meeting, and refused when it no longer exists', async () => {
    const db = backend.database.db;
    const ficheId = await fiche(db, 'FA-1', 'Parcours diabète', 'parcours');
    const requirement = await backend.ok('indicators.saveRequirement', { ficheId, label: 'Comptes rendus' });
    const { meetingId, documentId } = await meetingWithDocument(
      db,
      'Groupe de travail diabète',
      '2026-09-14',
      'compte-rendu-septembre.pdf',
    );
    const linked = await backend.ok('indicators.linkEvidence', {
      requirementId: requirement.id,
      contractYearId: year(4),
      source: { kind: 'meeting_document', meetingDocumentId: documentId },
      providedOn: '2026-10-01',
    });
    expect(linked).toMatchObject({
      kind: 'meeting_document',
      meetingDocumentId: documentId,
      meetingId,
      label: 'compte-rendu-septembre.pdf (Groupe de travail diabète)',
      meetingDate: '2026-09-14',
      providedOn: '2026-10-01',
    });
    await expectRefused(
      'indicators.linkEvidence',
      {
        requirementId: requirement.id,
        contractYearId: year(4),
        source: { kind: 'meeting_document', meetingDocumentId: documentId + 50 },
      },
      /document de réunion n’existe pas/,
    );
    await expectRefused(
      'indicators.linkEvidence',
      {
        requirementId: requirement.id,
        contractYearId: year(4),
        source: { kind: 'meeting_document', meetingDocumentId: documentId },
        providedOn: '2026-11-24',
      },
      /ne peut pas être dans le futur/,
    );
  });
});

describe('editing a piece of evidence', () => {
  it('corrects its date « fourni le » and its remark, never to a day after today', async () => {
    const db = backend.database.db;
    const ind = await indicator('acces', 'Patients sans médecin traitant');
    const requirement = await backend.ok('indicators.saveRequirement', { indicatorId: ind.id, label: 'Données' });
    const { meetingId } = await meetingWithDocument(db, 'Bureau', '2026-06-02', 'pv.pdf');
    const linked = await backend.ok('indicators.linkEvidence', {
      requirementId: requirement.id,
      contractYearId: year(4),
      source: { kind: 'meeting', meetingId },
    });
    expect(linked.providedOn).toBe('2026-11-23');

    const edited = await backend.ok('indicators.updateEvidence', {
      id: linked.id,
      checked: false,
      providedOn: '2026-11-23',
      remark: 'Envoyé à la CPAM par courriel',
    });
    expect(edited).toMatchObject({ providedOn: '2026-11-23', remark: 'Envoyé à la CPAM par courriel' });
    const earlier = await backend.ok('indicators.updateEvidence', {
      id: linked.id,
      checked: true,
      providedOn: '2026-06-30',
      remark: null,
    });
    expect(earlier).toMatchObject({ providedOn: '2026-06-30', remark: null, checked: true });

    await expectRefused(
      'indicators.updateEvidence',
      { id: linked.id, checked: true, providedOn: '2026-11-24', remark: 'Demain' },
      /La date « fourni le » ne peut pas être dans le futur/,
    );
    await expectRefused(
      'indicators.updateEvidence',
      { id: linked.id, checked: true, providedOn: '2026-02-30', remark: null },
      /n'est pas une date valide/,
    );
    const [row] = await backend.ok('indicators.evidence', { contractYearId: year(4) });
    expect(row?.evidence).toEqual([earlier]);
  });
});
