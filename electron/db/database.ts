import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { openSqlite } from './sqlite';
import { Kysely, Migrator, SqliteAdapter, SqliteDialect, type DialectAdapter, type Migration } from 'kysely';
import { formatDateTimeLong } from '@shared/format';
import type { DB } from './schema';
import { migrations as appMigrations } from './migrations/index';
import { latestGoodBackup, type GoodBackup } from './latest-backup';

export type DatabaseErrorCode =
  | 'too_new'
  | 'not_sqlite'
  | 'corrupt'
  | 'locked'
  | 'read_only'
  | 'foreign'
  | 'unreadable'
  | 'migration_failed';

/** An error opening the database, with a French message for the user that names the backup to fall back on. */
export class DatabaseOpenError extends Error {
  constructor(
    readonly code: DatabaseErrorCode,
    message: string,
    readonly detail?: unknown,
    /** The copy the user can restore (latest sound backup, or the one taken just before a failed update). */
    readonly backup: GoodBackup | null = null,
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
const SQLITE_HEADER = 'SQLite format 3\0';
/** How long the checks at opening wait for another program's lock before calling the file locked. */
const OPENING_BUSY_TIMEOUT_MS = 1500;

/**
 * Kysely's SQLite adapter declares no transactional DDL (kysely-org/kysely#56), so its Migrator runs migrations
 * without a transaction: a migration failing on its second statement would keep the first. SQLite's DDL is
 * transactional; this adapter says so, and `openDatabase` applies one migration per `migrateUp()` call, so each
 * migration and its row in `kysely_migration` commit together or not at all. Consequence for migration authors:
 * `PRAGMA foreign_keys` cannot change inside a migration (it is a no-op in a transaction); use
 * `PRAGMA defer_foreign_keys = ON` for a table rebuild.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class MaillageSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

/**
 * Written only once the file has passed the checks (setting WAL writes to the file).
 * synchronous=FULL: a commit reaches the disk before the call returns, so a power cut cannot roll back a
 * vote that the screen showed as recorded (cost measured in bench/results.md, suite « synchronisation »).
 */
function applyPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  // Deleted or erased personal data is overwritten on disk, not left in free pages.
  sqlite.pragma('secure_delete = ON');
}

/** 2026-11-23T10:00:00.000Z → "2026-11-23T10-00-00", for file names. */
export function fileTimestamp(date: Date): string {
  return date.toISOString().replace(/[:]/g, '-').replace(/\..+$/, '');
}

/** Copies the live database (WAL included) to `dir` and returns the backup path. */
export async function backupDatabase(
  sqlite: Database.Database,
  dir: string,
  reason: string,
  now = new Date(),
): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const target = join(dir, `maillage-${reason}-${fileTimestamp(now)}.sqlite`);
  await sqlite.backup(target);
  return target;
}

function appliedMigrations(sqlite: Database.Database): string[] {
  const table = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?").get(MIGRATION_TABLE);
  if (!table) return [];
  return (sqlite.prepare(`SELECT name FROM ${MIGRATION_TABLE} ORDER BY name`).all() as { name: string }[]).map(
    (row) => row.name,
  );
}

/** « … La dernière sauvegarde saine est … » or « Aucune sauvegarde saine … », for every refusal but a newer file. */
function backupSentence(backup: GoodBackup | null, backupsDir: string): string {
  if (!backupsDir) return '';
  if (!backup) return ` Aucune sauvegarde saine n'a été trouvée dans « ${backupsDir} ».`;
  return ` La dernière sauvegarde saine est « ${basename(backup.path)} » du ${formatDateTimeLong(backup.date)}, dans « ${dirname(backup.path)} ».`;
}

interface OpeningContext {
  file: string;
  backupsDir: string;
  nativeBinding?: string;
}

/** A refusal that names the latest sound backup (looked for only now: checking backups takes a moment). */
function refusal(
  context: OpeningContext,
  code: DatabaseErrorCode,
  reason: string,
  detail?: unknown,
): DatabaseOpenError {
  const backup = context.backupsDir
    ? latestGoodBackup(context.backupsDir, context.nativeBinding ? { nativeBinding: context.nativeBinding } : {})
    : null;
  return new DatabaseOpenError(code, reason + backupSentence(backup, context.backupsDir), detail, backup);
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' ? code : '';
}

/** SQLite or file-system error while opening or checking → the refusal the user understands. */
function classifyOpeningError(context: OpeningContext, error: unknown): DatabaseOpenError {
  if (error instanceof DatabaseOpenError) return error;
  const { file } = context;
  const code = errorCode(error);
  if (code === 'SQLITE_NOTADB') return notSqlite(context, error);
  if (code.startsWith('SQLITE_CORRUPT')) return corrupt(context, error);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || code === 'EBUSY') {
    return refusal(
      context,
      'locked',
      `Le fichier « ${file} » est verrouillé par un autre programme (une autre fenêtre de Maillage, un outil SQLite ou un logiciel de synchronisation). Fermez ce programme puis relancez Maillage ; le fichier n'a pas été modifié.`,
      error,
    );
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return refusal(
      context,
      'read_only',
      `Maillage ne peut pas écrire dans « ${file} » ni dans son dossier (lecture seule ou droits insuffisants). Retirez la protection en écriture, ou copiez le fichier dans un dossier à vous.`,
      error,
    );
  }
  return refusal(
    context,
    'unreadable',
    `Impossible d'ouvrir le fichier « ${file} » (${code || 'erreur inconnue'}). Il n'a pas été modifié.`,
    error,
  );
}

function notSqlite(context: OpeningContext, detail?: unknown): DatabaseOpenError {
  return refusal(
    context,
    'not_sqlite',
    `Le fichier « ${context.file} » n'est pas une base de données Maillage lisible : ce n'est pas un fichier SQLite (un tableur, un document, ou une copie incomplète ?). Il n'a pas été modifié.`,
    detail,
  );
}

function corrupt(context: OpeningContext, detail?: unknown): DatabaseOpenError {
  return refusal(
    context,
    'corrupt',
    `Le fichier « ${context.file} » est endommagé : la vérification faite au démarrage a trouvé des pages illisibles (disque défaillant, copie interrompue ou coupure de courant). Maillage ne l'ouvre pas pour ne pas aggraver les dégâts ; il n'a pas été modifié.`,
    detail,
  );
}

/**
 * Checks made with the file system before SQLite touches anything: the folder and the file can be written, and an
 * existing non-empty file starts with the SQLite header.
 */
function checkFileBeforeOpening(context: OpeningContext): { existing: boolean } {
  const { file } = context;
  const folder = dirname(file);
  const readOnly = (path: string, what: 'file' | 'folder', error: unknown) =>
    refusal(
      context,
      'read_only',
      what === 'folder'
        ? `Maillage ne peut pas écrire dans le dossier « ${path} » qui contient la base de données (dossier en lecture seule, clé USB protégée ou droits insuffisants). Maillage doit y écrire son journal et ses sauvegardes : copiez le fichier dans un dossier où vous pouvez écrire.`
        : `Le fichier « ${path} » est en lecture seule : Maillage ne pourrait rien y enregistrer. Retirez la protection en écriture (propriétés du fichier) ou copiez-le dans un dossier à vous ; il n'a pas été modifié.`,
      error,
    );
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw readOnly(folder, 'folder', error);
  }
  let size: number | null = null;
  try {
    const stats = statSync(file);
    if (!stats.isFile())
      throw refusal(context, 'unreadable', `« ${file} » n'est pas un fichier de base de données (c'est un dossier ?).`);
    size = stats.size;
  } catch (error) {
    if (error instanceof DatabaseOpenError) throw error;
    if (errorCode(error) !== 'ENOENT') throw classifyOpeningError(context, error);
  }
  if (size !== null) {
    try {
      accessSync(file, constants.W_OK);
    } catch (error) {
      throw readOnly(file, 'file', error);
    }
  }
  try {
    accessSync(folder, constants.W_OK);
  } catch (error) {
    throw readOnly(folder, 'folder', error);
  }
  if (size !== null && size > 0) {
    const header = Buffer.alloc(16);
    let read = 0;
    try {
      const fd = openSync(file, 'r');
      try {
        read = readSync(fd, header, 0, 16, 0);
      } finally {
        closeSync(fd);
      }
    } catch (error) {
      throw classifyOpeningError(context, error);
    }
    if (read < 16 || header.toString('latin1') !== SQLITE_HEADER) throw notSqlite(context);
  }
  return { existing: size !== null && size > 0 };
}

/**
 * Checks that read only: `quick_check`, a SQLite file that belongs to another program, a file written by a newer
 * Maillage. Returns the migrations already applied.
 */
function checkFileContent(context: OpeningContext, sqlite: Database.Database, known: string[]): string[] {
  const check = sqlite.pragma('quick_check') as { quick_check: string }[];
  if (check.length !== 1 || check[0]?.quick_check !== 'ok') {
    throw corrupt(
      context,
      check.slice(0, 10).map((row) => row.quick_check),
    );
  }
  const tables = (
    sqlite
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
      )
      .all() as {
      name: string;
    }[]
  ).map((row) => row.name);
  const applied = appliedMigrations(sqlite);
  // Kysely's own tables alone, without any applied migration: a new file whose first update was interrupted.
  const ownTables = tables.filter((name) => !name.startsWith(MIGRATION_TABLE));
  const maillage = tables.includes(MIGRATION_TABLE) && ownTables.includes('cpts');
  const unstarted = ownTables.length === 0 && applied.length === 0;
  if (!maillage && !unstarted) {
    const shown = ownTables.slice(0, 5).join(', ') + (ownTables.length > 5 ? '…' : '');
    throw refusal(
      context,
      'foreign',
      `Le fichier « ${context.file} » est une base SQLite qui n'appartient pas à Maillage (tables : ${shown}). Maillage ne l'ouvre pas et n'y a rien écrit ; vérifiez le fichier indiqué avec --database.`,
    );
  }
  const unknown = applied.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new DatabaseOpenError(
      'too_new',
      `Cette base de données a été enregistrée par une version plus récente de Maillage (évolution « ${unknown[unknown.length - 1]} » inconnue de cette version). Installez la dernière version de Maillage pour l'ouvrir ; le fichier n'a pas été modifié.`,
    );
  }
  return applied;
}

/**
 * The content checks on a read-only connection: closing it writes nothing, where closing a read-write connection
 * would checkpoint the WAL into a damaged file. Null when they must run on the read-write connection instead (a
 * hot journal that only a writer can roll back).
 */
function checkExistingFileReadOnly(context: OpeningContext, known: string[]): string[] | null {
  // A read-only connection to a WAL file creates its -wal and -shm and leaves them: removed again on a refusal.
  const sideFiles = [`${context.file}-wal`, `${context.file}-shm`].filter((path) => !existsSync(path));
  let reader: Database.Database | null = null;
  try {
    reader = openSqlite(context.file, {
      readonly: true,
      fileMustExist: true,
      ...(context.nativeBinding ? { nativeBinding: context.nativeBinding } : {}),
    });
    reader.pragma(`busy_timeout = ${OPENING_BUSY_TIMEOUT_MS}`);
    return checkFileContent(context, reader, known);
  } catch (error) {
    reader?.close();
    reader = null;
    for (const path of sideFiles) rmSync(path, { force: true });
    if (errorCode(error).startsWith('SQLITE_READONLY')) return null;
    throw classifyOpeningError(context, error);
  } finally {
    reader?.close();
  }
}

/** Takes (and gives back) the write lock: SQLITE_BUSY here means another program is writing or holds the file. */
function checkWriteLock(sqlite: Database.Database): void {
  sqlite.exec('BEGIN IMMEDIATE');
  sqlite.exec('ROLLBACK');
}

/**
 * Opens (or creates) the Maillage database: checks that refuse, without writing, a read-only, non-SQLite, damaged,
 * locked, foreign or newer file; then pragmas (WAL), a backup, and the migrations to the latest schema, each in its
 * own transaction.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const { file } = options;
  const now = options.now ?? (() => new Date());
  const inMemory = file === ':memory:';
  const backupsDir = options.backupsDir ?? (inMemory ? '' : join(dirname(file), 'sauvegardes'));
  const context: OpeningContext = {
    file,
    backupsDir,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  };
  const migrations = options.migrations ?? appMigrations;
  const known = Object.keys(migrations).sort();

  const existing = inMemory ? false : checkFileBeforeOpening(context).existing;
  const checked = existing ? checkExistingFileReadOnly(context, known) : null;
  let sqlite: Database.Database;
  try {
    sqlite = openSqlite(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    throw classifyOpeningError(context, error);
  }
  let applied: string[];
  try {
    sqlite.pragma(`busy_timeout = ${OPENING_BUSY_TIMEOUT_MS}`);
    applied = checked ?? checkFileContent(context, sqlite, known);
    checkWriteLock(sqlite);
    applyPragmas(sqlite);
  } catch (error) {
    sqlite.close();
    throw classifyOpeningError(context, error);
  }

  const pending = known.filter((name) => !applied.includes(name));
  let backupBeforeMigration: string | null = null;
  if (pending.length > 0 && applied.length > 0 && !inMemory) {
    try {
      backupBeforeMigration = await backupDatabase(sqlite, backupsDir, 'avant-mise-a-jour', now());
    } catch (error) {
      sqlite.close();
      throw refusal(
        context,
        'read_only',
        `Maillage doit mettre à jour la base de données, mais n'a pas pu en faire d'abord une sauvegarde dans « ${backupsDir} » (${errorCode(error) || 'erreur inconnue'}). Rien n'a été modifié.`,
        error,
      );
    }
  }

  const db = new Kysely<DB>({ dialect: new MaillageSqliteDialect({ database: sqlite }) });
  if (pending.length > 0) {
    const migrator = new Migrator({
      db,
      provider: { getMigrations: async () => migrations },
      migrationTableName: MIGRATION_TABLE,
    });
    // One migration per call: each runs in its own transaction with its row in kysely_migration.
    for (const name of pending) {
      const { error, results } = await migrator.migrateUp();
      if (!error && results?.length === 1 && results[0]!.status === 'Success') continue;
      const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? name;
      await db.destroy();
      const backup: GoodBackup | null = backupBeforeMigration
        ? { path: backupBeforeMigration, date: now() }
        : latestGoodBackup(backupsDir, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
      const reason =
        `La mise à jour de la base de données a échoué à l'étape « ${failed} ». Cette étape a été annulée en entier : le fichier est resté tel qu'il était avant elle.` +
        (backupBeforeMigration
          ? ` Une sauvegarde a été faite juste avant la mise à jour : « ${basename(backupBeforeMigration)} », dans « ${dirname(backupBeforeMigration)} ».`
          : backupSentence(backup, backupsDir));
      throw new DatabaseOpenError('migration_failed', reason, error, backup);
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
