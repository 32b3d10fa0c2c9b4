import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChannelInput } from '@shared/contract';
import { tempDir } from '../helpers/db';
import { testBackend } from '../helpers/handlers';

type Backend = Awaited<ReturnType<typeof testBackend>>;
const backends: Backend[] = [];
const cleanups: (() => void)[] = [];
async function backend(overrides: Parameters<typeof testBackend>[0] = {}) {
  const created = await testBackend(overrides);
  backends.push(created);
  return created;
}
afterEach(async () => {
  while (backends.length) await backends.pop()!.database.dispose();
  while (cleanups.length) cleanups.pop()!();
});

/** Every table the library writes, and the audit log: a refusal leaves them as they were. */
const TABLES = [
  'protocol',
  'protocol_version',
  'protocol_profession',
  'protocol_step',
  'protocol_document',
  'document',
  'audit_log',
] as const;
async function snapshot(b: Backend) {
  const rows: Record<string, unknown[]> = {};
  for (const table of TABLES) rows[table] = await b.database.db.selectFrom(table).selectAll().execute();
  return rows;
}

const cystite: ChannelInput<'protocols.create'> = {
  code: 'PC-01',
  title: 'Pollakiurie et brûlures mictionnelles chez la femme',
  theme: 'Infectiologie',
  family: 'coop_nationale',
  missionCode: 'acces',
  arreteReference: 'Arrêté du 9 mars 2023',
  arreteOn: '2023-03-09',
};
const chute: ChannelInput<'protocols.create'> = {
  code: 'PP-02',
  title: 'Prévention des chutes de la personne âgée',
  theme: 'Gériatrie',
  family: 'pluripro',
  missionCode: 'parcours',
  reviewEveryMonths: 36,
};
const plaie: ChannelInput<'protocols.create'> = {
  title: 'Plaies chroniques : suivi infirmier et médecin traitant',
  theme: 'Soins infirmiers',
  family: 'parcours',
};

/** Writes the content of a protocol's draft: professions and steps. */
async function draft(b: Backend, protocolId: number, steps: [string, string][], professions: string[] = []) {
  const protocol = await b.ok('protocols.get', { id: protocolId });
  return b.ok('protocols.saveVersion', {
    id: protocol.draftVersionId!,
    objectives: 'Éviter les passages aux urgences',
    professions: professions.map((professionCode) => ({ professionCode, role: null })),
    steps: steps.map(([professionCode, action]) => ({ professionCode, action })),
  });
}

describe('library of protocols', () => {
  it('creates a protocol with its first draft, reads and updates its identity', async () => {
    const b = await backend();
    const created = await b.ok('protocols.create', cystite);
    expect(created).toMatchObject({
      code: 'PC-01',
      family: 'coop_nationale',
      familyLabel: 'Protocole de coopération national',
      isCooperation: true,
      status: 'brouillon',
      statusLabel: 'Brouillon',
      versionNumber: 1,
      hasDraft: true,
      currentVersionId: null,
      review: null,
      teamSize: 0,
      reviewEveryMonths: 24,
      warnings: [],
    });
    expect(created.versions).toHaveLength(1);
    expect(created.draftVersionId).toBe(created.versions[0]!.id);
    expect(created.versions[0]!.status).toBe('brouillon');

    const updated = await b.ok('protocols.update', {
      id: created.id,
      data: { ...cystite, arreteReference: null, reviewEveryMonths: 12 },
    });
    expect(updated.reviewEveryMonths).toBe(12);
    expect(updated.warnings).toEqual([expect.stringMatching(/indiquez l’arrêté qui l’autorise/)]);
    expect(updated.data).toMatchObject({ code: 'PC-01', arreteReference: null, reviewEveryMonths: 12 });
    const audit = await b.database.db.selectFrom('audit_log').select(['action', 'entity']).execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'create', entity: 'protocol' },
        { action: 'update', entity: 'protocol' },
      ]),
    );
  });

  it('refuses a code already used (any case), an unknown fiche, a short title: nothing written', async () => {
    const b = await backend();
    await b.ok('protocols.create', cystite);
    const before = await snapshot(b);
    const duplicate = await b.call('protocols.create', { ...chute, code: 'pc-01' });
    expect(duplicate).toMatchObject({
      ok: false,
      error: { code: 'conflict', fields: { code: expect.stringMatching(/PC-01|pc-01/) } },
    });
    const fiche = await b.call('protocols.create', { ...chute, ficheId: 999 });
    expect(fiche).toMatchObject({ ok: false, error: { fields: { ficheId: expect.any(String) } } });
    const title = await b.call('protocols.create', { ...chute, title: 'A' });
    expect(title).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { title: expect.any(String) } } });
    const period = await b.call('protocols.create', { ...chute, reviewEveryMonths: 0 });
    expect(period).toMatchObject({ ok: false, error: { fields: { reviewEveryMonths: expect.any(String) } } });
    expect(await snapshot(b)).toEqual(before);
  });

  it('filters in SQL by family, status, profession, theme and finds words without accents in a step’s action', async () => {
    const b = await backend();
    const coop = await b.ok('protocols.create', cystite);
    const falls = await b.ok('protocols.create', chute);
    const wounds = await b.ok('protocols.create', plaie);
    await draft(b, coop.id, [['21', 'Réalise la bandelette urinaire (BU)']], ['10']);
    await draft(b, falls.id, [['60', 'Évalue le risque de chute à domicile']], ['70']);
    await draft(b, wounds.id, [['60', 'Mesure la plaie et photographie']]);

    const titles = async (filters: ChannelInput<'protocols.list'>) =>
      (await b.ok('protocols.list', filters)).map((row) => row.title);
    expect(await titles({})).toEqual([plaie.title, cystite.title, chute.title]);
    expect(await titles({ family: 'pluripro' })).toEqual([chute.title]);
    expect(await titles({ search: 'BANDELETTE' })).toEqual([cystite.title]);
    expect(await titles({ search: 'evalue chute' })).toEqual([chute.title]);
    expect(await titles({ search: 'brulures' })).toEqual([cystite.title]);
    expect(await titles({ search: 'pc-01' })).toEqual([cystite.title]);
    expect(await titles({ search: 'geriatrie' })).toEqual([chute.title]);
    expect(await titles({ search: 'introuvable' })).toEqual([]);
    expect(await titles({ professionCode: '60' })).toEqual([plaie.title, chute.title]);
    expect(await titles({ professionCode: '10' })).toEqual([cystite.title]);
    expect(await titles({ theme: 'GERIATRIE' })).toEqual([chute.title]);
    expect(await titles({ theme: 'Géria' })).toEqual([]);
    expect(await titles({ status: 'brouillon' })).toHaveLength(3);
    expect(await titles({ status: 'en_vigueur' })).toEqual([]);
    const row = (await b.ok('protocols.list', { search: 'chute' }))[0]!;
    expect(row.professionCodes).toEqual(['60', '70']);
  });

  it('stays fast for 80 protocols of 3 versions', async () => {
    const b = await backend();
    const db = b.database.db;
    for (let i = 1; i <= 80; i++) {
      const p = await db
        .insertInto('protocol')
        .values({ title: `Protocole numéro ${i}`, family: i % 2 ? 'pluripro' : 'coop_locale' })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (let number = 1; number <= 3; number++) {
        const status = number === 1 ? 'remplace' : number === 2 ? 'en_vigueur' : 'brouillon';
        const v = await db
          .insertInto('protocol_version')
          .values({
            protocol_id: p.id,
            number,
            status,
            validated_on: '2025-01-10',
            next_review_on: `2027-0${(i % 9) + 1}-01`,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await db
          .insertInto('protocol_step')
          .values([1, 2, 3].map((rank) => ({ version_id: v.id, rank, profession_code: '60', action: `Étape ${rank}` })))
          .execute();
      }
    }
    await b.ok('protocols.list', {});
    const started = performance.now();
    const rows = await b.ok('protocols.list', { search: 'etape', status: 'en_vigueur', professionCode: '60' });
    const all = await b.ok('protocols.list', {});
    const elapsed = performance.now() - started;
    console.info(
      `[protocoles] liste filtrée et liste complète de 80 protocoles × 3 versions : ${elapsed.toFixed(1)} ms`,
    );
    expect(rows).toHaveLength(80);
    expect(all.every((row) => row.versionNumber === 2 && row.hasDraft)).toBe(true);
    expect(elapsed).toBeLessThan(500);
  });

  it('deletes a protocol that never applied with its documents; refuses once a version was in force or a use logged', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const file = join(dir, 'annexe.pdf');
    writeFileSync(file, '%PDF-1.4 annexe');
    const b = await backend({ chooseOpenPath: async () => file });
    const created = await b.ok('protocols.create', chute);
    const withDocument = await b.ok('protocols.addDocument', {
      protocolId: created.id,
      kind: 'annexe',
      title: 'Grille',
    });
    if ('cancelled' in withDocument) throw new Error('annulé');
    const stored = await b.database.db.selectFrom('document').select('stored_name').executeTakeFirstOrThrow();
    expect(existsSync(join(b.context.documentsDir, stored.stored_name))).toBe(true);
    // The receipt of an ARS declaration goes with the protocol too.
    writeFileSync(join(b.context.documentsDir, 'recepisse.pdf'), '%PDF-1.4 récépissé');
    const receipt = await b.database.db
      .insertInto('document')
      .values({ title: 'Récépissé', file_name: 'récépissé.pdf', stored_name: 'recepisse.pdf', size: 18 })
      .returning('id')
      .executeTakeFirstOrThrow();
    await b.database.db
      .insertInto('protocol_declaration')
      .values({
        protocol_id: created.id,
        kind: 'initiale',
        declared_on: '2026-01-10',
        team_snapshot: '[]',
        document_id: receipt.id,
      })
      .execute();
    expect(await b.call('protocols.delete', { id: created.id } as ChannelInput<'protocols.delete'>)).toMatchObject({
      ok: false,
      error: { fields: { confirm: expect.any(String) } },
    });
    expect(await b.ok('protocols.delete', { id: created.id, confirm: true })).toEqual({ deleted: true });
    expect(await b.database.db.selectFrom('document').selectAll().execute()).toEqual([]);
    expect(existsSync(join(b.context.documentsDir, stored.stored_name))).toBe(false);
    expect(existsSync(join(b.context.documentsDir, 'recepisse.pdf'))).toBe(false);

    const used = await b.ok('protocols.create', plaie);
    await b.database.db
      .insertInto('protocol_use')
      .values({ protocol_id: used.id, used_on: '2026-05-02', outcome: 'pris_en_charge' })
      .execute();
    const refusedUse = await b.call('protocols.delete', { id: used.id, confirm: true });
    expect(refusedUse).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/1 utilisation notée.*Archivez-le/) },
    });

    const applied = await b.ok('protocols.create', cystite);
    await b.database.db
      .updateTable('protocol_version')
      .set({ status: 'remplace', in_force_on: '2025-01-01', ended_on: '2025-06-01' })
      .where('protocol_id', '=', applied.id)
      .execute();
    const refused = await b.call('protocols.delete', { id: applied.id, confirm: true });
    expect(refused).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/version 1 .* a été en vigueur.*Archivez-le/) },
    });
    expect(await b.database.db.selectFrom('protocol').select('id').execute()).toHaveLength(2);
  });

  it('attaches a document to a version, refuses a version of another protocol, detaches it', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const file = join(dir, 'protocole-signé.pdf');
    writeFileSync(file, '%PDF-1.4 signé');
    const b = await backend({ chooseOpenPath: async () => file });
    const one = await b.ok('protocols.create', chute);
    const other = await b.ok('protocols.create', plaie);
    const before = await snapshot(b);
    const wrong = await b.call('protocols.addDocument', {
      protocolId: one.id,
      versionId: other.draftVersionId,
      kind: 'protocole_signe',
    });
    expect(wrong).toMatchObject({ ok: false, error: { fields: { versionId: expect.any(String) } } });
    expect(await snapshot(b)).toEqual(before);
    const detail = await b.ok('protocols.addDocument', {
      protocolId: one.id,
      versionId: one.draftVersionId,
      kind: 'protocole_signe',
    });
    if ('cancelled' in detail) throw new Error('annulé');
    expect(detail.documents).toEqual([
      expect.objectContaining({
        fileName: 'protocole-signé.pdf',
        kind: 'protocole_signe',
        kindLabel: 'Protocole signé',
        versionId: one.draftVersionId,
      }),
    ]);
    const after = await b.ok('protocols.deleteDocument', { id: detail.documents[0]!.id });
    expect(after.documents).toEqual([]);
    expect(await b.database.db.selectFrom('document').selectAll().execute()).toEqual([]);

    const cancelled = await (await backend()).call('protocols.importWord');
    expect(cancelled).toEqual({ ok: true, data: { cancelled: true } });
  });
});
