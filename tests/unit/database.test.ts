import { describe, it, expect, afterEach } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql, type Kysely, type Migration } from 'kysely';
import { openDatabase, DatabaseOpenError } from '../../electron/db/database';
import { migrations } from '../../electron/db/migrations/index';
import { latestGoodBackup } from '../../electron/db/latest-backup';
import { tempDir } from '../helpers/db';
import { damagePage, dumpDatabase, makeReadOnly } from '../helpers/sqlite-files';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function workDir() {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  return dir;
}

const extraMigration: Migration = {
  up: async (db: Kysely<unknown>) => {
    await db.schema.alterTable('cpts').addColumn('extra_note', 'text').execute();
  },
};

/** The migrations a database had before `name` was released. */
function migrationsBefore(name: string): typeof migrations {
  return Object.fromEntries(Object.entries(migrations).filter(([key]) => key < name));
}

describe('openDatabase', () => {
  it('creates the schema with the expected pragmas on a new file', async () => {
    const file = join(workDir(), 'nouvelle.sqlite');
    const opened = await openDatabase({ file });
    expect(opened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(opened.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(opened.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(opened.sqlite.pragma('secure_delete', { simple: true })).toBe(1);
    expect(opened.sqlite.pragma('user_version', { simple: true })).toBe(Object.keys(migrations).length);
    const tables = opened.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
      .all()
      .map((row) => (row as { name: string }).name);
    expect(tables).toEqual(expect.arrayContaining(['cpts', 'territory_commune', 'audit_log', 'kysely_migration']));
    expect(opened.backupBeforeMigration).toBeNull();
    await opened.close();
  });

  it('keeps data across reopenings and takes no backup when nothing is pending', async () => {
    const dir = workDir();
    const file = join(dir, 'maillage.sqlite');
    const first = await openDatabase({ file });
    await first.db.insertInto('territory_commune').values({ code_insee: '38421', cog_year: 2026 }).execute();
    await first.close();
    const second = await openDatabase({ file });
    const rows = await second.db.selectFrom('territory_commune').selectAll().execute();
    expect(rows.map((row) => row.code_insee)).toEqual(['38421']);
    expect(second.backupBeforeMigration).toBeNull();
    expect(existsSync(join(dir, 'sauvegardes'))).toBe(false);
    await second.close();
  });

  it('backs the file up before applying a new migration, and the data survive the migration', async () => {
    const dir = workDir();
    const file = join(dir, 'maillage.sqlite');
    const v1 = await openDatabase({ file });
    await v1.db
      .insertInto('cpts')
      .values({ id: 1, name: 'CPTS Sud-Est Grenoblois', legal_form: 'Association loi 1901' })
      .execute();
    await v1.close();

    const v2 = await openDatabase({
      file,
      migrations: { ...migrations, '9001_extra_note': extraMigration },
      now: () => new Date('2026-11-23T10:00:00Z'),
    });
    expect(v2.backupBeforeMigration).toMatch(/sauvegardes\/maillage-avant-mise-a-jour-2026-11-23T10-00-00\.sqlite$/);
    const row = await sql<{ name: string; extra_note: string | null }>`select name, extra_note from cpts`.execute(
      v2.db,
    );
    expect(row.rows).toEqual([{ name: 'CPTS Sud-Est Grenoblois', extra_note: null }]);
    await v2.close();

    const backup = new Database(v2.backupBeforeMigration!, { readonly: true });
    expect(backup.prepare('select name from cpts').get()).toEqual({ name: 'CPTS Sud-Est Grenoblois' });
    expect(
      backup.prepare("select count(*) as n from pragma_table_info('cpts') where name = 'extra_note'").get(),
    ).toEqual({ n: 0 });
    backup.close();
  });

  it('refuses a database written by a newer version, in French, without touching it', async () => {
    const dir = workDir();
    const file = join(dir, 'maillage.sqlite');
    const newer = await openDatabase({ file, migrations: { ...migrations, '0099_future': extraMigration } });
    await newer.close();
    const before = readFileSync(file);

    const attempt = openDatabase({ file });
    await expect(attempt).rejects.toBeInstanceOf(DatabaseOpenError);
    await expect(attempt).rejects.toMatchObject({ code: 'too_new' });
    await expect(openDatabase({ file })).rejects.toThrow(/version plus récente de Maillage.*0099_future/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir)).not.toContain('sauvegardes');
  });

  it('refuses a file that is not a database with a French message', async () => {
    const file = join(workDir(), 'pas-une-base.sqlite');
    writeFileSync(file, 'Ceci est un tableur exporté, pas une base SQLite.'.repeat(20));
    await expect(openDatabase({ file })).rejects.toMatchObject({
      code: 'not_sqlite',
      message: expect.stringMatching(/n'est pas une base de données Maillage lisible.*Aucune sauvegarde saine/),
    });
  });

  it('reports a failing migration with the name of the step and the backup path', async () => {
    const dir = workDir();
    const file = join(dir, 'maillage.sqlite');
    await (await openDatabase({ file })).close();
    const broken: Migration = {
      up: async (db: Kysely<unknown>) => {
        await sql`select * from table_qui_n_existe_pas`.execute(db);
      },
    };
    await expect(openDatabase({ file, migrations: { ...migrations, '9002_cassee': broken } })).rejects.toMatchObject({
      code: 'migration_failed',
      message: expect.stringMatching(/9002_cassee.*sauvegarde/),
    });
    // The failed step left the schema as it was: the app still opens with its own migrations.
    const again = await openDatabase({ file });
    await again.close();
  });

  it('runs each migration in its own transaction: a failure on its second statement leaves the file exactly as before', async () => {
    const dir = workDir();
    const file = join(dir, 'maillage.sqlite');
    const first = await openDatabase({ file });
    await first.db
      .insertInto('cpts')
      .values({ id: 1, name: 'CPTS Sud-Est Grenoblois', legal_form: 'Association loi 1901' })
      .execute();
    await first.db
      .insertInto('member')
      .values({ kind: 'person', last_name: 'Martin', profession_code: '60' })
      .execute();
    await first.close();
    const before = dumpDatabase(file);

    const secondStatementFails: Migration = {
      up: async (db: Kysely<unknown>) => {
        await db.schema.alterTable('cpts').addColumn('extra_note', 'text').execute();
        await sql`update cpts set name = 'Écrasé'`.execute(db);
        await sql`insert into table_qui_n_existe_pas values (1)`.execute(db);
      },
    };
    await expect(
      openDatabase({ file, migrations: { ...migrations, '9003_deux_etapes': secondStatementFails } }),
    ).rejects.toMatchObject({
      code: 'migration_failed',
      message: expect.stringMatching(/9003_deux_etapes.*annulée en entier/),
      backup: { path: expect.stringMatching(/maillage-avant-mise-a-jour-.*\.sqlite$/) },
    });
    expect(dumpDatabase(file)).toBe(before);
    expect(before).toContain('CPTS Sud-Est Grenoblois');

    // Two pending steps: the first is kept with its row in kysely_migration, the second leaves no trace.
    await expect(
      openDatabase({
        file,
        migrations: { ...migrations, '9001_extra_note': extraMigration, '9003_deux_etapes': secondStatementFails },
      }),
    ).rejects.toMatchObject({ code: 'migration_failed', message: expect.stringContaining('9003_deux_etapes') });
    const after = new Database(file, { readonly: true });
    expect(after.prepare('select name from kysely_migration where name like ? order by name').all('9%')).toEqual([
      { name: '9001_extra_note' },
    ]);
    expect(after.prepare('select name, extra_note from cpts').all()).toEqual([
      { name: 'CPTS Sud-Est Grenoblois', extra_note: null },
    ]);
    after.close();
  });

  it('refuses a damaged file at opening (quick_check), without writing to it, and names the latest sound backup', async () => {
    const dir = workDir();
    const file = join(dir, 'maillage.sqlite');
    const opened = await openDatabase({ file });
    for (let index = 0; index < 300; index += 1) {
      await opened.db
        .insertInto('member')
        .values({ kind: 'person', last_name: `Membre ${index} ${'x'.repeat(150)}`, profession_code: '60' })
        .execute();
    }
    await opened.close();
    mkdirSync(join(dir, 'sauvegardes'));
    const good = join(dir, 'sauvegardes', 'maillage-auto-2026-11-20.sqlite');
    copyFileSync(file, good);
    utimesSync(good, new Date('2026-11-20T08:00:00Z'), new Date('2026-11-20T08:00:00Z'));
    const pages = readFileSync(file).length / 4096;
    damagePage(file, Math.floor(pages / 2));
    const damaged = readFileSync(file);

    const attempt = openDatabase({ file });
    await expect(attempt).rejects.toMatchObject({
      code: 'corrupt',
      message: expect.stringMatching(
        /est endommagé.*La dernière sauvegarde saine est « maillage-auto-2026-11-20\.sqlite » du 20 novembre 2026/,
      ),
      backup: { path: good },
    });
    expect(readFileSync(file).equals(damaged)).toBe(true);
  });

  it('refuses a file locked by another process, with its own message', async () => {
    const dir = workDir();
    const file = join(dir, 'maillage.sqlite');
    await (await openDatabase({ file })).close();
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const D = require('better-sqlite3'); const d = new D(${JSON.stringify(file)}); d.exec('BEGIN EXCLUSIVE'); console.log('verrou'); setInterval(() => {}, 1000);`,
      ],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('verrou') && resolve());
        holder.on('exit', () => reject(new Error('le processus qui verrouille est sorti')));
      });
      await expect(openDatabase({ file })).rejects.toMatchObject({
        code: 'locked',
        message: expect.stringMatching(/verrouillé par un autre programme.*Aucune sauvegarde saine/),
      });
    } finally {
      holder.kill('SIGKILL');
    }
    // Once the other program is gone, the file opens.
    await new Promise((resolve) => holder.once('close', resolve));
    await (await openDatabase({ file })).close();
  });

  it('refuses a read-only file and a read-only folder, each with its own message', async () => {
    const dir = workDir();
    const file = join(dir, 'maillage.sqlite');
    await (await openDatabase({ file })).close();
    const before = readFileSync(file);

    const undoFile = makeReadOnly(file);
    try {
      await expect(openDatabase({ file })).rejects.toMatchObject({
        code: 'read_only',
        message: expect.stringMatching(/est en lecture seule/),
      });
    } finally {
      undoFile();
    }
    const undoFolder = makeReadOnly(dir);
    try {
      await expect(openDatabase({ file })).rejects.toMatchObject({
        code: 'read_only',
        message: expect.stringMatching(/dans le dossier .* qui contient la base/),
      });
    } finally {
      undoFolder();
    }
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it("refuses a SQLite file that is not Maillage's without writing to it (WAL is set only after the checks)", async () => {
    const dir = workDir();
    const file = join(dir, 'carnet.sqlite');
    const other = new Database(file);
    other.exec(
      "create table contacts (id integer primary key, nom text); insert into contacts (nom) values ('Dupont');",
    );
    other.close();
    const before = readFileSync(file);

    await expect(openDatabase({ file })).rejects.toMatchObject({
      code: 'foreign',
      message: expect.stringMatching(/n'appartient pas à Maillage \(tables : contacts\).*n'y a rien écrit/),
    });
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['carnet.sqlite']);

    // Another Kysely program: a migration table with its own steps, but no CPTS.
    const kyselyFile = join(dir, 'autre-appli.sqlite');
    const kyselyApp = new Database(kyselyFile);
    kyselyApp.exec(
      "create table kysely_migration (name text primary key, timestamp text); insert into kysely_migration values ('2024_01_init', '2024-01-01'); create table users (id integer);",
    );
    kyselyApp.close();
    await expect(openDatabase({ file: kyselyFile })).rejects.toMatchObject({
      code: 'foreign',
      message: expect.stringContaining('(tables : users)'),
    });

    // A foreign file in WAL mode: no -wal or -shm left beside it either.
    const walFile = join(dir, 'wal.sqlite');
    const walApp = new Database(walFile);
    walApp.pragma('journal_mode = WAL');
    walApp.exec('create table notes (texte text)');
    walApp.close();
    const walBefore = readFileSync(walFile);
    await expect(openDatabase({ file: walFile })).rejects.toMatchObject({ code: 'foreign' });
    expect(readFileSync(walFile).equals(walBefore)).toBe(true);
    expect(readdirSync(dir).filter((name) => name.startsWith('wal.sqlite'))).toEqual(['wal.sqlite']);
  });

  it('opens a new file whose first update was interrupted (migration tables only, no step applied)', async () => {
    const file = join(workDir(), 'maillage.sqlite');
    const interrupted = new Database(file);
    interrupted.exec(
      'create table kysely_migration (name varchar(255) not null primary key, timestamp varchar(255) not null); create table kysely_migration_lock (id varchar(255) not null primary key, is_locked integer default 0 not null);',
    );
    interrupted.close();
    const opened = await openDatabase({ file });
    expect(await opened.db.selectFrom('cpts').selectAll().execute()).toEqual([]);
    await opened.close();
  });

  it('finds the latest sound backup: newest first, damaged copies and other files skipped', async () => {
    const dir = workDir();
    const source = join(dir, 'maillage.sqlite');
    const opened = await openDatabase({ file: source });
    for (let index = 0; index < 200; index += 1) {
      await opened.db
        .insertInto('member')
        .values({ kind: 'person', last_name: `Membre ${index} ${'x'.repeat(150)}` })
        .execute();
    }
    await opened.close();
    const backups = join(dir, 'sauvegardes');
    mkdirSync(backups);
    const copy = (name: string, date: string) => {
      const path = join(backups, name);
      copyFileSync(source, path);
      utimesSync(path, new Date(date), new Date(date));
      return path;
    };
    copy('maillage-2026-11-01.sqlite', '2026-11-01T10:00:00Z');
    const sound = copy('maillage-2026-11-10.sqlite', '2026-11-10T10:00:00Z');
    const damaged = copy('maillage-2026-11-20.sqlite', '2026-11-20T10:00:00Z');
    damagePage(damaged, 20);
    writeFileSync(join(backups, 'notes.txt'), 'pas une sauvegarde');
    writeFileSync(join(backups, 'vide.sqlite'), 'pas une base');
    utimesSync(join(backups, 'vide.sqlite'), new Date('2026-11-30T10:00:00Z'), new Date('2026-11-30T10:00:00Z'));
    const listing = readdirSync(backups).sort();

    expect(latestGoodBackup(backups)).toEqual({ path: sound, date: new Date('2026-11-10T10:00:00Z') });
    expect(readdirSync(backups).sort()).toEqual(listing); // checking wrote nothing beside the copies
    expect(latestGoodBackup(join(dir, 'absent'))).toBeNull();
  });

  it('0002_members keeps the CPTS and its territory, and adds the member tables', async () => {
    const file = join(workDir(), 'maillage.sqlite');
    const v1 = await openDatabase({ file, migrations: { '0001_initial': migrations['0001_initial']! } });
    await v1.db
      .insertInto('cpts')
      .values({ id: 1, name: 'CPTS Sud-Est Grenoblois', legal_form: 'Association loi 1901' })
      .execute();
    await v1.db.insertInto('territory_commune').values({ code_insee: '38158', cog_year: 2026 }).execute();
    await v1.close();

    const v2 = await openDatabase({ file });
    expect(v2.backupBeforeMigration).not.toBeNull();
    expect(await v2.db.selectFrom('cpts').select('name').execute()).toEqual([{ name: 'CPTS Sud-Est Grenoblois' }]);
    expect(await v2.db.selectFrom('territory_commune').select('code_insee').execute()).toEqual([
      { code_insee: '38158' },
    ]);
    const college = await v2.db
      .insertInto('college')
      .values({ name: 'Professionnels libéraux', voting_right: 'deliberative' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await v2.db
      .insertInto('member')
      .values({
        kind: 'person',
        last_name: 'Martin',
        profession_code: '60',
        rpps: '10003198511',
        college_id: college.id,
      })
      .execute();
    // RPPS is unique; members without RPPS are not constrained.
    await expect(
      v2.db.insertInto('member').values({ kind: 'person', last_name: 'Autre', rpps: '10003198511' }).execute(),
    ).rejects.toThrow(/UNIQUE/);
    await v2.db
      .insertInto('member')
      .values([
        { kind: 'person', last_name: 'Sans RPPS' },
        { kind: 'person', last_name: 'Sans RPPS 2' },
      ])
      .execute();
    // A collège with members cannot be deleted.
    await expect(v2.db.deleteFrom('college').where('id', '=', college.id).execute()).rejects.toThrow(/FOREIGN KEY/);
    await v2.close();
  });

  it('0003_erased_identities keeps the members and adds the erased-identity tables', async () => {
    const file = join(workDir(), 'maillage.sqlite');
    const v2 = await openDatabase({
      file,
      migrations: { '0001_initial': migrations['0001_initial']!, '0002_members': migrations['0002_members']! },
    });
    await v2.db.insertInto('member').values({ kind: 'person', last_name: 'Martin', profession_code: '60' }).execute();
    await v2.close();
    const v3 = await openDatabase({ file });
    expect(await v3.db.selectFrom('member').select('last_name').execute()).toEqual([{ last_name: 'Martin' }]);
    await v3.db.insertInto('erased_identity').values({ hash: 'abc' }).execute();
    await v3.db.insertInto('app_setting').values({ key: 'k', value: 'v' }).execute();
    expect(await v3.db.selectFrom('erased_identity').select('hash').execute()).toEqual([{ hash: 'abc' }]);
    await v3.close();
  });

  it('0004_meetings keeps members and accepts meetings, participants and RCP cases', async () => {
    const file = join(workDir(), 'maillage.sqlite');
    const before = migrationsBefore('0004_meetings');
    const v3 = await openDatabase({ file, migrations: before });
    const member = await v3.db
      .insertInto('member')
      .values({ kind: 'person', last_name: 'Martin', profession_code: '60' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await v3.close();
    const v4 = await openDatabase({ file });
    expect(await v4.db.selectFrom('member').select('last_name').execute()).toEqual([{ last_name: 'Martin' }]);
    const meeting = await v4.db
      .insertInto('meeting')
      .values({ type: 'rcp', title: 'RCP', date: '2026-03-12', rcp_kind: 'clinique' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await v4.db
      .insertInto('meeting_participant')
      .values({ meeting_id: meeting.id, member_id: member.id, attendance: 'present' })
      .execute();
    await v4.db
      .insertInto('rcp_case')
      .values({ meeting_id: meeting.id, code: 'RCP26-ABCDE', age_band: '85+', over_75: 1, ald: 0, patient_informed: 0 })
      .execute();
    // Deleting the meeting removes its participants and cases, not the member.
    await v4.db.deleteFrom('meeting').where('id', '=', meeting.id).execute();
    expect(await v4.db.selectFrom('rcp_case').selectAll().execute()).toEqual([]);
    expect(await v4.db.selectFrom('member').select('id').execute()).toHaveLength(1);
    await v4.close();
  });

  it('0005_general_assembly keeps the meetings and adds rules, presence, pouvoirs, resolutions and formalities', async () => {
    const file = join(workDir(), 'maillage.sqlite');
    const before = migrationsBefore('0005_general_assembly');
    const v4 = await openDatabase({ file, migrations: before });
    const member = await v4.db
      .insertInto('member')
      .values({ kind: 'person', last_name: 'Martin', profession_code: '60' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const other = await v4.db
      .insertInto('member')
      .values({ kind: 'person', last_name: 'Bernard', profession_code: '10' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const old = await v4.db
      .insertInto('meeting')
      .values({ type: 'ago', title: 'AG 2025', date: '2025-06-12' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await v4.close();
    const v5 = await openDatabase({ file });
    expect(
      await v5.db
        .selectFrom('meeting')
        .select(['title', 'convocation_round', 'pv_status', 'convocation_sent_on'])
        .execute(),
    ).toEqual([{ title: 'AG 2025', convocation_round: 1, pv_status: 'brouillon', convocation_sent_on: null }]);
    await v5.db
      .insertInto('ag_presence')
      .values({ meeting_id: old.id, member_id: member.id, present: 1, arrived_at: null, left_at: null })
      .execute();
    await expect(
      v5.db
        .insertInto('ag_presence')
        .values({ meeting_id: old.id, member_id: member.id, present: 0, arrived_at: null, left_at: null })
        .execute(),
    ).rejects.toThrow(/UNIQUE|PRIMARY/);
    await v5.db
      .insertInto('ag_proxy')
      .values({ meeting_id: old.id, mandant_member_id: other.id, mandataire_member_id: member.id, received_on: null })
      .execute();
    // One pouvoir per mandant and meeting.
    await expect(
      v5.db
        .insertInto('ag_proxy')
        .values({ meeting_id: old.id, mandant_member_id: other.id, mandataire_member_id: member.id, received_on: null })
        .execute(),
    ).rejects.toThrow(/UNIQUE/);
    await v5.db
      .insertInto('resolution')
      .values({
        meeting_id: old.id,
        agenda_item_id: null,
        position: 1,
        title: 'Comptes',
        text: 'L’assemblée approuve les comptes.',
      })
      .execute();
    await v5.db
      .insertInto('formality')
      .values({ meeting_id: old.id, kind: 'pv_signe', label: 'Signer', due_on: null, done_on: null, notes: null })
      .execute();
    await v5.db
      .insertInto('statutory_rules_version')
      .values({ effective_from: '2021-03-12', source: null, rules_json: '{}' })
      .execute();
    await expect(
      v5.db
        .updateTable('meeting')
        .set({ convocation_round: 3 as never })
        .execute(),
    ).rejects.toThrow(/CHECK/);
    // Deleting the meeting removes its assembly data, not the members.
    await v5.db.deleteFrom('meeting').where('id', '=', old.id).execute();
    for (const table of ['ag_presence', 'ag_proxy', 'resolution', 'formality'] as const) {
      expect(await v5.db.selectFrom(table).selectAll().execute()).toEqual([]);
    }
    expect(await v5.db.selectFrom('member').select('id').execute()).toHaveLength(2);
    await v5.close();
  });

  it('bumps roll_version on every change of members, cotisations, collèges and rates, and on nothing else', async () => {
    const opened = await openDatabase({ file: join(workDir(), 'maillage.sqlite') });
    const version = async () =>
      Number(
        (
          await opened.db
            .selectFrom('app_setting')
            .select('value')
            .where('key', '=', 'roll_version')
            .executeTakeFirstOrThrow()
        ).value,
      );
    const start = await version();
    const college = await opened.db
      .insertInto('college')
      .values({ name: 'Libéraux', voting_right: 'deliberative' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const member = await opened.db
      .insertInto('member')
      .values({ kind: 'person', last_name: 'Martin', college_id: college.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await opened.db.updateTable('member').set({ first_name: 'Paul' }).where('id', '=', member.id).execute();
    await opened.db
      .insertInto('cotisation')
      .values({ member_id: member.id, year: 2026, amount_cents: 3000, paid_on: '2026-02-01', mode: 'virement' })
      .execute();
    await opened.db
      .insertInto('cotisation_rate')
      .values({ year: 2026, member_type: 'professionnel', amount_cents: 3000 })
      .execute();
    await opened.db.updateTable('college').set({ vote_weight: 2 }).where('id', '=', college.id).execute();
    expect(await version()).toBe(start + 6);
    await opened.db.insertInto('meeting').values({ type: 'ago', title: 'AG', date: '2026-06-18' }).execute();
    expect(await version()).toBe(start + 6);
    await opened.close();
  });
});
