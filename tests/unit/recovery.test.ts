import { describe, it, expect, afterEach } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql, type Kysely, type Migration } from 'kysely';
import { openDatabase } from '../../electron/db/database';
import { migrations } from '../../electron/db/migrations/index';
import {
  openWithRecovery,
  restoreBackupInPlace,
  type RecoveryChoice,
  type RecoveryPrompt,
} from '../../electron/db/recovery';
import { tempDir } from '../helpers/db';
import { testBackend } from '../helpers/handlers';
import { damagePage, dumpDatabase } from '../helpers/sqlite-files';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function workDir() {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  return dir;
}

const NOW = new Date('2026-12-03T07:00:00Z');

/** A database with `count` members, closed. */
async function databaseWithMembers(file: string, count: number, prefix = 'Membre') {
  const opened = await openDatabase({ file });
  for (let index = 0; index < count; index += 1) {
    await opened.db
      .insertInto('member')
      .values({ kind: 'person', last_name: `${prefix} ${index} ${'x'.repeat(150)}` })
      .execute();
  }
  await opened.close();
}

/** Answers the prompts in order and keeps them. */
function answers(...choices: (RecoveryChoice | (() => RecoveryChoice))[]) {
  const prompts: RecoveryPrompt[] = [];
  const ask = async (prompt: RecoveryPrompt) => {
    prompts.push(prompt);
    const next = choices.shift();
    if (!next) throw new Error('question de trop');
    return typeof next === 'function' ? next() : next;
  };
  return { prompts, ask };
}

describe('opening with recovery', () => {
  it('restores the latest sound backup of a damaged file, keeping the damaged file (and its WAL) aside', async () => {
    const dir = workDir();
    const file = join(dir, 'maillage.sqlite');
    await databaseWithMembers(file, 250);
    mkdirSync(join(dir, 'sauvegardes'));
    const backup = join(dir, 'sauvegardes', 'maillage-auto-2026-12-01.sqlite');
    copyFileSync(file, backup);
    utimesSync(backup, new Date('2026-12-01T08:00:00Z'), new Date('2026-12-01T08:00:00Z'));
    damagePage(file, 30);
    writeFileSync(`${file}-wal`, 'journal du fichier endommagé');
    const damaged = readFileSync(file);

    const { prompts, ask } = answers('restore');
    const opened = await openWithRecovery({ file }, ask, () => NOW);
    expect(opened).not.toBeNull();
    expect(
      await opened!.db
        .selectFrom('member')
        .select(({ fn }) => fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ).toEqual({ n: 250 });
    await opened!.close();

    expect(prompts).toHaveLength(1);
    expect(prompts[0]!.message).toMatch(/est endommagé.*maillage-auto-2026-12-01\.sqlite » du 1er décembre 2026/);
    expect(prompts[0]!.choices.map((choice) => choice.label)).toEqual(['Restaurer la dernière sauvegarde', 'Quitter']);
    expect(prompts[0]!.detail).toContain('maillage-endommagee-2026-12-03T07-00-00.sqlite');
    const aside = join(dir, 'maillage-endommagee-2026-12-03T07-00-00.sqlite');
    expect(readFileSync(aside).equals(damaged)).toBe(true);
    expect(readFileSync(`${aside}-wal`, 'utf8')).toBe('journal du fichier endommagé');
    expect(dumpDatabase(file)).toBe(dumpDatabase(backup));
  });

  it('offers only « Quitter » when there is no sound backup, and leaves the file as it was', async () => {
    const dir = workDir();
    const file = join(dir, 'maillage.sqlite');
    writeFileSync(file, 'Nom;Prénom\nDupont;Marie\n');
    const { prompts, ask } = answers('quit');
    expect(await openWithRecovery({ file }, ask, () => NOW)).toBeNull();
    expect(prompts[0]!.message).toMatch(/n'est pas une base de données Maillage lisible.*Aucune sauvegarde saine/);
    expect(prompts[0]!.choices).toEqual([{ choice: 'quit', label: 'Quitter' }]);
    expect(readFileSync(file, 'utf8')).toBe('Nom;Prénom\nDupont;Marie\n');
    expect(readdirSync(dir)).toEqual(['maillage.sqlite']);
  });

  it('retries a locked file once the other program lets it go', async () => {
    const dir = workDir();
    const file = join(dir, 'maillage.sqlite');
    await databaseWithMembers(file, 1);
    const other = new Database(file);
    other.exec('BEGIN EXCLUSIVE');
    const { prompts, ask } = answers(() => {
      other.exec('ROLLBACK');
      other.close();
      return 'retry';
    });
    const opened = await openWithRecovery({ file }, ask, () => NOW);
    expect(prompts[0]!.message).toContain('verrouillé par un autre programme');
    expect(prompts[0]!.choices.map((choice) => choice.choice)).toEqual(['retry', 'quit']);
    expect(opened).not.toBeNull();
    await opened!.close();
  });

  it('after a failed update, offers the backup taken just before it', async () => {
    const dir = workDir();
    const file = join(dir, 'maillage.sqlite');
    await databaseWithMembers(file, 3);
    const broken: Migration = {
      up: async (db: Kysely<unknown>) => {
        await db.schema.createTable('table_de_la_mise_a_jour_cassee').addColumn('id', 'integer').execute();
        await sql`select * from table_qui_n_existe_pas`.execute(db);
      },
    };
    const { prompts, ask } = answers('restore', 'quit');
    const result = await openWithRecovery(
      { file, migrations: { ...migrations, '9004_cassee': broken }, now: () => NOW },
      ask,
      () => NOW,
    );
    expect(result).toBeNull();
    const backup = join(dir, 'sauvegardes', 'maillage-avant-mise-a-jour-2026-12-03T07-00-00.sqlite');
    expect(prompts[0]!.message).toMatch(/9004_cassee.*maillage-avant-mise-a-jour-2026-12-03T07-00-00\.sqlite/);
    expect(prompts[0]!.choices[0]).toEqual({ choice: 'restore', label: 'Restaurer la dernière sauvegarde' });
    // Restored, the update was tried again and failed again: asked once more, then the user quit.
    expect(prompts).toHaveLength(2);
    expect(existsSync(join(dir, 'maillage-endommagee-2026-12-03T07-00-00.sqlite'))).toBe(true);
    expect(dumpDatabase(file)).toBe(dumpDatabase(backup));
    expect(dumpDatabase(file)).not.toContain('table_de_la_mise_a_jour_cassee');
  });

  it('refuses to restore a backup damaged since it was found, and touches nothing', async () => {
    const dir = workDir();
    const file = join(dir, 'maillage.sqlite');
    await databaseWithMembers(file, 200);
    const backup = join(dir, 'copie.sqlite');
    copyFileSync(file, backup);
    damagePage(backup, 20);
    const before = readFileSync(file);
    await expect(restoreBackupInPlace(file, backup, NOW)).rejects.toThrow(/ne passe plus la vérification/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['copie.sqlite', 'maillage.sqlite']);
  });

  it('a page damaged while the app runs is reported as a damaged file to reopen, never as « réessayez »', async () => {
    const backend = await testBackend();
    try {
      const college = await backend.database.db
        .insertInto('college')
        .values({ name: 'Libéraux', voting_right: 'deliberative' })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (let index = 0; index < 300; index += 1) {
        await backend.database.db
          .insertInto('member')
          .values({ kind: 'person', last_name: `Membre ${index} ${'x'.repeat(150)}`, college_id: college.id })
          .execute();
      }
      backend.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      const pages = Number(backend.database.sqlite.pragma('page_count', { simple: true }));
      for (let page = Math.floor(pages / 3); page < pages - 2; page += 1) damagePage(backend.database.file, page);
      backend.database.sqlite.pragma('cache_size = 0'); // the next read goes to the disk
      const result = await backend.call('members.list');
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'io', message: expect.stringMatching(/endommagée.*restaurer la dernière sauvegarde saine/) },
      });
      expect(JSON.stringify(result)).not.toMatch(/réessayez/i);
    } finally {
      await backend.database.dispose();
    }
  });
});
