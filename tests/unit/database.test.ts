import { describe, it, expect, afterEach } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql, type Kysely, type Migration } from 'kysely';
import { openDatabase, DatabaseOpenError } from '../../electron/db/database';
import { migrations } from '../../electron/db/migrations/index';
import { tempDir } from '../helpers/db';

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

describe('openDatabase', () => {
  it('creates the schema with the expected pragmas on a new file', async () => {
    const file = join(workDir(), 'nouvelle.sqlite');
    const opened = await openDatabase({ file });
    expect(opened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(opened.sqlite.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
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
    await v1.db.insertInto('cpts').values({ id: 1, name: 'CPTS Sud-Est Grenoblois', legal_form: 'Association loi 1901' }).execute();
    await v1.close();

    const v2 = await openDatabase({
      file,
      migrations: { ...migrations, '9001_extra_note': extraMigration },
      now: () => new Date('2026-11-23T10:00:00Z'),
    });
    expect(v2.backupBeforeMigration).toMatch(/sauvegardes\/maillage-avant-mise-a-jour-2026-11-23T10-00-00\.sqlite$/);
    const row = await sql<{ name: string; extra_note: string | null }>`select name, extra_note from cpts`.execute(v2.db);
    expect(row.rows).toEqual([{ name: 'CPTS Sud-Est Grenoblois', extra_note: null }]);
    await v2.close();

    const backup = new Database(v2.backupBeforeMigration!, { readonly: true });
    expect(backup.prepare('select name from cpts').get()).toEqual({ name: 'CPTS Sud-Est Grenoblois' });
    expect(backup.prepare("select count(*) as n from pragma_table_info('cpts') where name = 'extra_note'").get()).toEqual({ n: 0 });
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
      code: 'unreadable',
      message: expect.stringContaining("n'est pas une base de données Maillage lisible"),
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

  it('0002_members keeps the CPTS and its territory, and adds the member tables', async () => {
    const file = join(workDir(), 'maillage.sqlite');
    const v1 = await openDatabase({ file, migrations: { '0001_initial': migrations['0001_initial']! } });
    await v1.db.insertInto('cpts').values({ id: 1, name: 'CPTS Sud-Est Grenoblois', legal_form: 'Association loi 1901' }).execute();
    await v1.db.insertInto('territory_commune').values({ code_insee: '38158', cog_year: 2026 }).execute();
    await v1.close();

    const v2 = await openDatabase({ file });
    expect(v2.backupBeforeMigration).not.toBeNull();
    expect(await v2.db.selectFrom('cpts').select('name').execute()).toEqual([{ name: 'CPTS Sud-Est Grenoblois' }]);
    expect(await v2.db.selectFrom('territory_commune').select('code_insee').execute()).toEqual([{ code_insee: '38158' }]);
    const college = await v2.db.insertInto('college').values({ name: 'Professionnels libéraux', voting_right: 'deliberative' }).returning('id').executeTakeFirstOrThrow();
    await v2.db.insertInto('member').values({ kind: 'person', last_name: 'Martin', profession_code: '60', rpps: '10003198511', college_id: college.id }).execute();
    // RPPS is unique; members without RPPS are not constrained.
    await expect(v2.db.insertInto('member').values({ kind: 'person', last_name: 'Autre', rpps: '10003198511' }).execute()).rejects.toThrow(/UNIQUE/);
    await v2.db.insertInto('member').values([{ kind: 'person', last_name: 'Sans RPPS' }, { kind: 'person', last_name: 'Sans RPPS 2' }]).execute();
    // A collège with members cannot be deleted.
    await expect(v2.db.deleteFrom('college').where('id', '=', college.id).execute()).rejects.toThrow(/FOREIGN KEY/);
    await v2.close();
  });

  it('0003_erased_identities keeps the members and adds the erased-identity tables', async () => {
    const file = join(workDir(), 'maillage.sqlite');
    const v2 = await openDatabase({ file, migrations: { '0001_initial': migrations['0001_initial']!, '0002_members': migrations['0002_members']! } });
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
    const { '0004_meetings': _skipped, '0005_general_assembly': _later, '0006_assembly_record': _latest, ...before } = migrations;
    const v3 = await openDatabase({ file, migrations: before });
    const member = await v3.db.insertInto('member').values({ kind: 'person', last_name: 'Martin', profession_code: '60' }).returning('id').executeTakeFirstOrThrow();
    await v3.close();
    const v4 = await openDatabase({ file });
    expect(await v4.db.selectFrom('member').select('last_name').execute()).toEqual([{ last_name: 'Martin' }]);
    const meeting = await v4.db.insertInto('meeting').values({ type: 'rcp', title: 'RCP', date: '2026-03-12', rcp_kind: 'clinique' }).returning('id').executeTakeFirstOrThrow();
    await v4.db.insertInto('meeting_participant').values({ meeting_id: meeting.id, member_id: member.id, attendance: 'present' }).execute();
    await v4.db.insertInto('rcp_case').values({ meeting_id: meeting.id, code: 'RCP26-ABCDE', age_band: '85+', over_75: 1, ald: 0, patient_informed: 0 }).execute();
    // Deleting the meeting removes its participants and cases, not the member.
    await v4.db.deleteFrom('meeting').where('id', '=', meeting.id).execute();
    expect(await v4.db.selectFrom('rcp_case').selectAll().execute()).toEqual([]);
    expect(await v4.db.selectFrom('member').select('id').execute()).toHaveLength(1);
    await v4.close();
  });

  it('0005_general_assembly keeps the meetings and adds rules, presence, pouvoirs, resolutions and formalities', async () => {
    const file = join(workDir(), 'maillage.sqlite');
    const { '0005_general_assembly': _skipped, '0006_assembly_record': _later, ...before } = migrations;
    const v4 = await openDatabase({ file, migrations: before });
    const member = await v4.db.insertInto('member').values({ kind: 'person', last_name: 'Martin', profession_code: '60' }).returning('id').executeTakeFirstOrThrow();
    const other = await v4.db.insertInto('member').values({ kind: 'person', last_name: 'Bernard', profession_code: '10' }).returning('id').executeTakeFirstOrThrow();
    const old = await v4.db.insertInto('meeting').values({ type: 'ago', title: 'AG 2025', date: '2025-06-12' }).returning('id').executeTakeFirstOrThrow();
    await v4.close();
    const v5 = await openDatabase({ file });
    expect(await v5.db.selectFrom('meeting').select(['title', 'convocation_round', 'pv_status', 'convocation_sent_on']).execute()).toEqual([
      { title: 'AG 2025', convocation_round: 1, pv_status: 'brouillon', convocation_sent_on: null },
    ]);
    await v5.db.insertInto('ag_presence').values({ meeting_id: old.id, member_id: member.id, present: 1, arrived_at: null, left_at: null }).execute();
    await expect(v5.db.insertInto('ag_presence').values({ meeting_id: old.id, member_id: member.id, present: 0, arrived_at: null, left_at: null }).execute()).rejects.toThrow(/UNIQUE|PRIMARY/);
    await v5.db.insertInto('ag_proxy').values({ meeting_id: old.id, mandant_member_id: other.id, mandataire_member_id: member.id, received_on: null }).execute();
    // One pouvoir per mandant and meeting.
    await expect(v5.db.insertInto('ag_proxy').values({ meeting_id: old.id, mandant_member_id: other.id, mandataire_member_id: member.id, received_on: null }).execute()).rejects.toThrow(/UNIQUE/);
    await v5.db.insertInto('resolution').values({ meeting_id: old.id, agenda_item_id: null, position: 1, title: 'Comptes', text: 'L’assemblée approuve les comptes.' }).execute();
    await v5.db.insertInto('formality').values({ meeting_id: old.id, kind: 'pv_signe', label: 'Signer', due_on: null, done_on: null, notes: null }).execute();
    await v5.db.insertInto('statutory_rules_version').values({ effective_from: '2021-03-12', source: null, rules_json: '{}' }).execute();
    await expect(v5.db.updateTable('meeting').set({ convocation_round: 3 as never }).execute()).rejects.toThrow(/CHECK/);
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
    const version = async () => Number((await opened.db.selectFrom('app_setting').select('value').where('key', '=', 'roll_version').executeTakeFirstOrThrow()).value);
    const start = await version();
    const college = await opened.db.insertInto('college').values({ name: 'Libéraux', voting_right: 'deliberative' }).returning('id').executeTakeFirstOrThrow();
    const member = await opened.db.insertInto('member').values({ kind: 'person', last_name: 'Martin', college_id: college.id }).returning('id').executeTakeFirstOrThrow();
    await opened.db.updateTable('member').set({ first_name: 'Paul' }).where('id', '=', member.id).execute();
    await opened.db.insertInto('cotisation').values({ member_id: member.id, year: 2026, amount_cents: 3000, paid_on: '2026-02-01', mode: 'virement' }).execute();
    await opened.db.insertInto('cotisation_rate').values({ year: 2026, member_type: 'professionnel', amount_cents: 3000 }).execute();
    await opened.db.updateTable('college').set({ vote_weight: 2 }).where('id', '=', college.id).execute();
    expect(await version()).toBe(start + 6);
    await opened.db.insertInto('meeting').values({ type: 'ago', title: 'AG', date: '2026-06-18' }).execute();
    expect(await version()).toBe(start + 6);
    await opened.close();
  });
});
