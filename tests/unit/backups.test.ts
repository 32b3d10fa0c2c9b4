import { describe, it, expect, afterEach } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql, type Kysely, type Migration } from 'kysely';
import { dailyBackup, listBackups, rotateBackups, takeBackup } from '../../electron/db/backups';
import { latestGoodBackup } from '../../electron/db/latest-backup';
import { openDatabase } from '../../electron/db/database';
import { migrations } from '../../electron/db/migrations/index';
import { LiveDatabase, stageDatabaseFile } from '../../electron/db/restore';
import type { DB } from '../../electron/db/schema';
import { testBackend } from '../helpers/handlers';
import { tempDir } from '../helpers/db';

type Backend = Awaited<ReturnType<typeof testBackend>>;
const backends: Backend[] = [];
const cleanups: (() => void | Promise<void>)[] = [];
async function backend(overrides: Parameters<typeof testBackend>[0] = {}) {
  const created = await testBackend(overrides);
  backends.push(created);
  return created;
}
function workDir(): string {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  return dir;
}
afterEach(async () => {
  while (backends.length) await backends.pop()!.database.dispose();
  while (cleanups.length) await cleanups.pop()!();
});

async function setCptsName(db: Kysely<DB>, name: string) {
  await db
    .insertInto('cpts')
    .values({ id: 1, name, legal_form: 'Association loi 1901' })
    .onConflict((conflict) => conflict.column('id').doUpdateSet({ name }))
    .execute();
}

async function cptsName(db: Kysely<DB>): Promise<string | undefined> {
  return (await db.selectFrom('cpts').select('name').executeTakeFirst())?.name;
}

/** A Maillage file written by this version, outside any app, holding a CPTS of that name. */
async function maillageFile(
  path: string,
  name: string,
  migrationList: Record<string, Migration> = migrations,
): Promise<string> {
  const opened = await openDatabase({ file: path, migrations: migrationList });
  await setCptsName(opened.db, name);
  await opened.close();
  return path;
}

describe('backups in sauvegardes/', () => {
  it('takes a checked, self-contained copy and lists it with its kind, date, size and check', async () => {
    const b = await backend();
    await setCptsName(b.context.db, 'CPTS Sud-Est Grenoblois');
    const entry = await takeBackup(
      b.live.current.sqlite,
      b.context.backupsDir,
      'automatique',
      new Date('2026-12-03T13:05:00Z'),
    );
    expect(entry).toMatchObject({
      kind: 'automatique',
      createdAt: '2026-12-03T13:05:00.000Z',
      check: { status: 'ok', detail: null },
    });
    expect(entry.size).toBe(statSync(entry.path).size);
    // A rollback-journal file with its check remembered beside it; opening it leaves no -wal/-shm behind.
    expect(JSON.parse(readFileSync(`${entry.path}.json`, 'utf8')).check.status).toBe('ok');
    const copy = new Database(entry.path, { readonly: true });
    expect(copy.prepare('select name from cpts').get()).toEqual({ name: 'CPTS Sud-Est Grenoblois' });
    copy.close();
    expect(readdirSync(b.context.backupsDir).sort()).toEqual([entry.fileName, `${entry.fileName}.json`]);
    expect(listBackups(b.context.backupsDir)).toEqual([entry]);
  });

  it('checks once a copy found without its check (an older backup) and reports a damaged one', async () => {
    const b = await backend();
    const dir = b.context.backupsDir;
    const good = await takeBackup(b.live.current.sqlite, dir, 'avant-mise-a-jour', new Date('2026-12-01T08:00:00Z'));
    unlinkSync(`${good.path}.json`);
    writeFileSync(join(dir, 'maillage-automatique-2026-12-02T08-00-00.sqlite'), Buffer.alloc(8192, 7));
    writeFileSync(join(dir, 'notes.txt'), 'pas une sauvegarde');

    const listed = listBackups(dir);
    expect(listed.map((entry) => [entry.fileName, entry.check.status])).toEqual([
      ['maillage-automatique-2026-12-02T08-00-00.sqlite', 'endommagee'],
      [good.fileName, 'ok'],
    ]);
    expect(existsSync(`${good.path}.json`)).toBe(true);
    expect(latestGoodBackup(dir)?.path).toBe(good.path);
    expect(latestGoodBackup(join(dir, 'absent'))).toBeNull();
  });

  it('keeps the last N automatic copies and the last 3 taken before an update', async () => {
    const b = await backend();
    const dir = b.context.backupsDir;
    for (let day = 1; day <= 6; day += 1) {
      await takeBackup(b.live.current.sqlite, dir, 'automatique', new Date(`2026-11-0${day}T09:00:00Z`));
      await takeBackup(b.live.current.sqlite, dir, 'avant-mise-a-jour', new Date(`2026-11-0${day}T10:00:00Z`));
    }
    const removed = rotateBackups(dir, 4);
    expect(removed).toHaveLength(2 + 3);
    const left = listBackups(dir);
    expect(left.filter((entry) => entry.kind === 'automatique').map((entry) => entry.createdAt.slice(0, 10))).toEqual([
      '2026-11-06',
      '2026-11-05',
      '2026-11-04',
      '2026-11-03',
    ]);
    expect(left.filter((entry) => entry.kind === 'avant-mise-a-jour')).toHaveLength(3);
    expect(readdirSync(dir)).toHaveLength(7 * 2);
  });

  it('takes the daily copy at the first launch of the day only, and applies the retention', async () => {
    const b = await backend();
    const dir = b.context.backupsDir;
    expect(await dailyBackup(b.live.current.sqlite, dir, 2, new Date('2026-12-01T08:00:00'))).not.toBeNull();
    expect(await dailyBackup(b.live.current.sqlite, dir, 2, new Date('2026-12-01T18:00:00'))).toBeNull();
    expect(await dailyBackup(b.live.current.sqlite, dir, 2, new Date('2026-12-02T08:00:00'))).not.toBeNull();
    expect(await dailyBackup(b.live.current.sqlite, dir, 2, new Date('2026-12-03T08:00:00'))).not.toBeNull();
    expect(listBackups(dir).map((entry) => entry.createdAt)).toEqual([
      new Date('2026-12-03T08:00:00').toISOString(),
      new Date('2026-12-02T08:00:00').toISOString(),
    ]);
  });

  it('« Sauvegarder maintenant » writes a checked copy where the user chose, named with the CPTS and the time, and keeps one in sauvegardes/', async () => {
    const target = join(workDir(), 'ma-sauvegarde.sqlite');
    const suggested: string[] = [];
    const b = await backend({
      now: () => new Date('2026-12-03T14:05:00'),
      chooseSavePath: async (name) => {
        suggested.push(name);
        return target;
      },
    });
    await setCptsName(b.context.db, 'CPTS Sud-Est Grenoblois');
    const saved = await b.ok('backups.saveNow');
    expect(saved).toMatchObject({ saved: true, path: target });
    expect(suggested).toEqual(['Maillage CPTS Sud-Est Grenoblois 2026-12-03 14h05.sqlite']);
    const copy = new Database(target, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('select name from cpts').get()).toEqual({ name: 'CPTS Sud-Est Grenoblois' });
    copy.close();
    const overview = await b.ok('backups.list');
    expect(overview).toMatchObject({ keep: 10, entries: [{ kind: 'manuelle', check: 'ok' }] });

    const kept = await b.ok('backups.setKeep', { keep: 3 });
    expect(kept.keep).toBe(3);
    expect(await b.call('backups.setKeep', { keep: 0 })).toMatchObject({
      ok: false,
      error: { message: 'Gardez au moins une sauvegarde.' },
    });
  });
});

describe('restore', () => {
  it('round trip: shows what the copy holds, keeps a copy of the current data, swaps and reopens', async () => {
    const saved = join(workDir(), 'sauvegarde.sqlite');
    const b = await backend({ chooseSavePath: async () => saved, chooseOpenPath: async () => saved });
    await setCptsName(b.context.db, 'CPTS du Grésivaudan');
    await b.ok('members.create', { kind: 'person', lastName: 'Bernard', firstName: 'Éloïse', professionCode: '60' });
    await b.ok('backups.saveNow');

    await setCptsName(b.context.db, 'CPTS renommée après la sauvegarde');
    await b.ok('members.create', { kind: 'person', lastName: 'Durand', firstName: 'Thomas', professionCode: '10' });

    const inspection = await b.ok('backups.inspect', { source: 'fichier' });
    if (!('preview' in inspection)) throw new Error('aperçu attendu');
    expect(inspection).toMatchObject({ fileName: 'sauvegarde.sqlite', origin: 'fichier' });
    expect(inspection.preview).toMatchObject({
      cptsName: 'CPTS du Grésivaudan',
      members: 1,
      meetings: 0,
      documents: 0,
      pendingMigrations: 0,
    });
    expect(inspection.preview.lastChange).toMatch(/^\d{4}-\d{2}-\d{2}/);
    // Nothing has changed yet.
    expect(await cptsName(b.context.db)).toBe('CPTS renommée après la sauvegarde');

    const restored = await b.ok('backups.restore', { token: inspection.token, confirm: true });
    expect(restored.safetyCopy).toMatch(/^maillage-avant-restauration-/);
    expect(await cptsName(b.context.db)).toBe('CPTS du Grésivaudan');
    expect((await b.ok('members.list')).map((member) => member.lastName)).toEqual(['Bernard']);
    // The data replaced are in the « avant restauration » copy, checked.
    const safety = listBackups(b.context.backupsDir).find((entry) => entry.kind === 'avant-restauration')!;
    expect(safety.check.status).toBe('ok');
    const before = new Database(safety.path, { readonly: true });
    expect(before.prepare('select name from cpts').get()).toEqual({ name: 'CPTS renommée après la sauvegarde' });
    before.close();
    // No staging folder and no side file left beside the database.
    expect(
      readdirSync(b.database.dir).filter(
        (name) => name.startsWith('.restauration') || name.includes('avant-restauration'),
      ),
    ).toEqual([]);
    // The token is spent.
    expect(await b.call('backups.restore', { token: inspection.token, confirm: true })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('restores a copy listed in sauvegardes/ and refuses an unknown name', async () => {
    const b = await backend();
    await setCptsName(b.context.db, 'Avant');
    const entry = await takeBackup(
      b.live.current.sqlite,
      b.context.backupsDir,
      'automatique',
      new Date('2026-12-01T08:00:00Z'),
    );
    await setCptsName(b.context.db, 'Après');
    const inspection = await b.ok('backups.inspect', { source: 'sauvegarde', fileName: entry.fileName });
    if (!('preview' in inspection)) throw new Error('aperçu attendu');
    expect(inspection.preview.cptsName).toBe('Avant');
    await b.ok('backups.restore', { token: inspection.token, confirm: true });
    expect(await cptsName(b.context.db)).toBe('Avant');
    expect(
      await b.call('backups.inspect', {
        source: 'sauvegarde',
        fileName: 'maillage-automatique-2020-01-01T00-00-00.sqlite',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await b.call('backups.inspect', { source: 'sauvegarde', fileName: '../maillage.sqlite' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  async function refused(file: string, message: RegExp) {
    const b = await backend({ chooseOpenPath: async () => file });
    await setCptsName(b.context.db, 'Données actuelles');
    const before = readFileSync(file);
    const result = await b.call('backups.inspect', { source: 'fichier' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!result.ok) expect(result.error.message).toMatch(message);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(await cptsName(b.context.db)).toBe('Données actuelles');
    expect(readdirSync(b.database.dir).filter((name) => name.startsWith('.restauration'))).toEqual([]);
  }

  it('refuses a file that is not a database', async () => {
    const file = join(workDir(), 'photo.sqlite');
    writeFileSync(file, Buffer.alloc(20_000, 0x41));
    await refused(file, /n’est pas une base de données Maillage/);
  });

  it('refuses a damaged Maillage file', async () => {
    const file = await maillageFile(join(workDir(), 'abimee.sqlite'), 'CPTS abîmée');
    // Overwrite the middle of the file (table and index pages) with noise, header kept.
    const bytes = readFileSync(file);
    for (let at = 4096 * 3; at < bytes.length - 4096; at += 1) bytes[at] = (at * 31) & 0xff;
    writeFileSync(file, bytes);
    await refused(file, /^Ce fichier est endommagé/);
  });

  it('refuses a SQLite file that is not Maillage’s', async () => {
    const file = join(workDir(), 'autre.sqlite');
    const other = new Database(file);
    other.exec("create table notes (texte text); insert into notes values ('bonjour')");
    other.close();
    await refused(file, /pas une sauvegarde de Maillage/);
  });

  it('refuses a file written by a newer version of Maillage', async () => {
    const file = await maillageFile(join(workDir(), 'future.sqlite'), 'CPTS du futur');
    const future = new Database(file);
    future.prepare("insert into kysely_migration (name, timestamp) values ('9999_futur', '2030-01-01')").run();
    future.close();
    await refused(file, /version plus récente de Maillage/);
  });

  it('migrates a backup made by an earlier version once restored', async () => {
    const added: Migration = {
      up: async (db: Kysely<unknown>) => {
        await db.schema.alterTable('cpts').addColumn('note_future', 'text').execute();
      },
    };
    const newer = { ...migrations, '9001_note_future': added };
    const dir = workDir();
    const current = await openDatabase({ file: join(dir, 'maillage.sqlite'), migrations: newer });
    await setCptsName(current.db, 'Actuelle');
    const live = new LiveDatabase(current, (file) => openDatabase({ file, migrations: newer }));
    cleanups.push(() => live.current.close());

    const old = await maillageFile(join(workDir(), 'ancienne.sqlite'), 'Ancienne');
    const { staged, preview } = await stageDatabaseFile(old, join(dir, '.restauration-test'), Object.keys(newer));
    expect(preview.pendingMigrations).toBe(1);
    await live.restore(staged, { documentsDir: join(dir, 'documents') });
    const row = await sql<{ name: string; note_future: string | null }>`select name, note_future from cpts`.execute(
      live.db,
    );
    expect(row.rows).toEqual([{ name: 'Ancienne', note_future: null }]);
    expect(
      listBackups(join(dir, 'sauvegardes'))
        .map((entry) => entry.kind)
        .sort(),
    ).toEqual(['avant-mise-a-jour', 'avant-restauration']);
  });

  it('refuses to restore the open database onto itself', async () => {
    const b = await backend({ chooseOpenPath: async () => b.context.databasePath });
    const result = await b.call('backups.inspect', { source: 'fichier' });
    expect(result).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/base de données ouverte en ce moment/) },
    });
  });

  it('puts the current file back when copying the backup into place fails', async () => {
    const b = await backend();
    await setCptsName(b.context.db, 'Données actuelles');
    const source = await maillageFile(join(workDir(), 'autre.sqlite'), 'Sauvegarde');
    const { staged } = await stageDatabaseFile(source, join(workDir(), 'staging'));
    await expect(
      b.live.restore(staged, {
        documentsDir: b.context.documentsDir,
        copy: async () => {
          throw Object.assign(new Error('disque plein'), { code: 'ENOSPC' });
        },
      }),
    ).rejects.toThrow(/n’a pas pu être copiée.*Vos données actuelles sont intactes/);
    expect(await cptsName(b.live.db)).toBe('Données actuelles');
    await setCptsName(b.live.db, 'Toujours modifiable');
    expect(await cptsName(b.live.db)).toBe('Toujours modifiable');
  });

  it('puts the current file back when the restored file fails to migrate', async () => {
    // This version knows one more migration, which fails on the restored (older) file.
    const failing: Migration = {
      up: async (db: Kysely<unknown>) => {
        const row = await sql<{ name: string }>`select name from cpts`.execute(db);
        if (row.rows[0]?.name === 'Ancienne') throw new Error('échec volontaire');
      },
    };
    const withFailing = { ...migrations, '9001_echoue_sur_ancienne': failing };
    const dir = workDir();
    const current = await openDatabase({ file: join(dir, 'maillage.sqlite'), migrations: withFailing });
    await setCptsName(current.db, 'Actuelle');
    const live = new LiveDatabase(current, (file) => openDatabase({ file, migrations: withFailing }));
    cleanups.push(() => live.current.close());

    const old = await maillageFile(join(workDir(), 'ancienne.sqlite'), 'Ancienne');
    const { staged, preview } = await stageDatabaseFile(old, join(dir, '.restauration-test'), Object.keys(withFailing));
    expect(preview).toMatchObject({ cptsName: 'Ancienne', pendingMigrations: 1 });
    await expect(live.restore(staged, { documentsDir: join(dir, 'documents') })).rejects.toThrow(
      /n’a pas pu être ouverte.*intactes/,
    );
    expect(await cptsName(live.db)).toBe('Actuelle');
    expect(live.current.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(readdirSync(dir).filter((name) => name.includes('avant-restauration') || name.endsWith('.part'))).toEqual(
      [],
    );
  });
});
