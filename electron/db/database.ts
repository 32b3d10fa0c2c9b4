import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type Migration } from 'kysely';
import type { DB } from './schema';
import { migrations as appMigrations } from './migrations/index';

export type DatabaseErrorCode = 'too_new' | 'unreadable' | 'migration_failed';

/** An error opening the database, with a French message for the user. */
export class DatabaseOpenError extends Error {
  constructor(
    readonly code: DatabaseErrorCode,
    message: string,
    readonly detail?: unknown,
  ) {
    super(message);
    this.name = 'DatabaseOpenError';
  }
}

export interface OpenDatabaseOptions {
  /** Path of the SQLite file (created if missing), or ':memory:'. */
  file: string;
  /** Where backups are written before a migration; defaults to a `sauvegardes` folder beside the file. */
  backupsDir?: string;
  now?: () => Date;
  /** The migrations this version of the app knows (tests pass their own lists). */
  migrations?: Record<string, Migration>;
  /** Path of a better-sqlite3 addon compiled for another runtime (Electron), if not the one in node_modules. */
  nativeBinding?: string;
}

export interface OpenedDatabase {
  db: Kysely<DB>;
  sqlite: Database.Database;
  file: string;
  backupsDir: string;
  /** Path of the backup taken before migrating, if one was needed. */
  backupBeforeMigration: string | null;
  close: () => Promise<void>;
}

const MIGRATION_TABLE = 'kysely_migration';

function applyPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  // Deleted or erased personal data is overwritten on disk, not left in free pages.
  sqlite.pragma('secure_delete = ON');
}

function timestamp(date: Date): string {
  return date.toISOString().replace(/[:]/g, '-').replace(/\..+$/, '');
}

/** Copies the live database (WAL included) to `dir` and returns the backup path. */
export async function backupDatabase(sqlite: Database.Database, dir: string, reason: string, now = new Date()): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const target = join(dir, `maillage-${reason}-${timestamp(now)}.sqlite`);
  await sqlite.backup(target);
  return target;
}

function appliedMigrations(sqlite: Database.Database): string[] {
  const table = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?")
    .get(MIGRATION_TABLE);
  if (!table) return [];
  return (sqlite.prepare(`SELECT name FROM ${MIGRATION_TABLE} ORDER BY name`).all() as { name: string }[]).map(
    (row) => row.name,
  );
}

/**
 * Opens (or creates) the Maillage database: pragmas, refusal of a file written by a newer version,
 * backup, then migrations to the latest schema.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const { file } = options;
  const now = options.now ?? (() => new Date());
  const inMemory = file === ':memory:';
  if (!inMemory) mkdirSync(dirname(file), { recursive: true });
  const backupsDir = options.backupsDir ?? (inMemory ? '' : join(dirname(file), 'sauvegardes'));

  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    applyPragmas(sqlite);
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    throw new DatabaseOpenError(
      'unreadable',
      `Le fichier « ${file} » n'est pas une base de données Maillage lisible. Vérifiez qu'il s'agit du bon fichier ; il n'a pas été modifié.`,
      error,
    );
  }

  const applied = appliedMigrations(sqlite);
  const migrations = options.migrations ?? appMigrations;
  const known = Object.keys(migrations).sort();
  const unknown = applied.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    sqlite.close();
    throw new DatabaseOpenError(
      'too_new',
      `Cette base de données a été enregistrée par une version plus récente de Maillage (évolution « ${unknown[unknown.length - 1]} » inconnue de cette version). Installez la dernière version de Maillage pour l'ouvrir ; le fichier n'a pas été modifié.`,
    );
  }

  const pending = known.filter((name) => !applied.includes(name));
  let backupBeforeMigration: string | null = null;
  if (pending.length > 0 && applied.length > 0 && !inMemory) {
    backupBeforeMigration = await backupDatabase(sqlite, backupsDir, 'avant-mise-a-jour', now());
  }

  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  if (pending.length > 0) {
    const migrator = new Migrator({
      db,
      provider: { getMigrations: async () => migrations },
      migrationTableName: MIGRATION_TABLE,
    });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'inconnue';
      await db.destroy();
      throw new DatabaseOpenError(
        'migration_failed',
        `La mise à jour de la base de données a échoué (étape « ${failed} »).` +
          (backupBeforeMigration ? ` Une sauvegarde a été faite juste avant : ${backupBeforeMigration}.` : ''),
        error,
      );
    }
    sqlite.pragma(`user_version = ${known.length}`);
  }

  let closed = false;
  return {
    db,
    sqlite,
    file,
    backupsDir,
    backupBeforeMigration,
    close: async () => {
      if (closed) return;
      closed = true;
      if (!inMemory) {
        try {
          sqlite.pragma('optimize');
          sqlite.pragma('wal_checkpoint(TRUNCATE)');
        } catch {
          // A failed checkpoint leaves the WAL for the next opening: nothing is lost.
        }
      }
      await db.destroy();
    },
  };
}
