/**
 * Restoring a backup: inspect a copy of the chosen file (never the file itself) and show what it holds, then swap
 * it with the open database. Everything here works on file paths and an {@link OpenedDatabase}; the main process
 * only asks the window to reload afterwards, so tests run the whole restore without Electron.
 */
import { copyFile, mkdir, readdir, rm } from 'node:fs/promises';
import { existsSync, renameSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openSqlite } from './sqlite';
import { UserError } from '../services/errors';
import { rotateBackups, sealAndCheck, takeBackup, type BackupEntry } from './backups';
import type { OpenedDatabase } from './database';
import { migrations as appMigrations } from './migrations/index';

/** What a file to restore holds, shown before anything happens. */
export interface RestorePreview {
  cptsName: string | null;
  members: number;
  meetings: number;
  /** Attached documents that come with it (a transfer file); 0 for a plain backup. */
  documents: number;
  /** Latest date written in the file (ISO or SQLite « YYYY-MM-DD HH:MM:SS », UTC), or null for an empty file. */
  lastChange: string | null;
  /** Updates of the file format this copy will receive once restored (0: same version as this app). */
  pendingMigrations: number;
}

/** A file copied into a staging folder, checked, waiting for the user's confirmation. */
export interface StagedRestore {
  stagingDir: string;
  dbFile: string;
  /** Documents to bring back (a transfer file), or null. */
  documentsDir: string | null;
}

const SIDE_FILES = ['-wal', '-shm', '-journal'];

function count(sqlite: Database.Database, table: string): number {
  const exists = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
  if (!exists) return 0;
  return (sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
}

/** The latest date written anywhere: every created_at / updated_at / added_at column, and the change log. */
function lastChange(sqlite: Database.Database): string | null {
  const tables = (
    sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
      name: string;
    }[]
  ).map((row) => row.name);
  let latest: string | null = null;
  for (const table of tables) {
    const columns = (sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map(
      (row) => row.name,
    );
    for (const column of columns) {
      if (!['created_at', 'updated_at', 'added_at'].includes(column) && !(table === 'audit_log' && column === 'at'))
        continue;
      const value = (sqlite.prepare(`SELECT max("${column}") AS v FROM "${table}"`).get() as { v: string | null }).v;
      if (typeof value === 'string' && (latest === null || value > latest)) latest = value;
    }
  }
  return latest;
}

/**
 * Checks a staged copy (integrity, a Maillage file, not newer than this app) and tells what it holds.
 * Throws a {@link UserError} with a French sentence otherwise. The copy is turned into a self-contained file.
 */
export function inspectDatabaseFile(
  file: string,
  knownMigrations: string[] = Object.keys(appMigrations),
): RestorePreview {
  const check = sealAndCheck(file);
  if (check.status !== 'ok') {
    const notDatabase = /not a database|file is encrypted/i.test(check.detail ?? '');
    throw new UserError(
      'invalid_input',
      notDatabase
        ? 'Ce fichier n’est pas une base de données Maillage : il ne peut pas être restauré. Rien n’a été modifié.'
        : 'Ce fichier est endommagé (la vérification de son intégrité a échoué) : il ne peut pas être restauré. Rien n’a été modifié ; choisissez une autre sauvegarde.',
    );
  }
  const sqlite = openSqlite(file, { readonly: true, fileMustExist: true });
  try {
    const has = (table: string) =>
      Boolean(sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table));
    const applied = has('kysely_migration')
      ? (sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]).map(
          (row) => row.name,
        )
      : [];
    if (!has('cpts') || !applied.includes(knownMigrations[0] ?? '0001_initial')) {
      throw new UserError(
        'invalid_input',
        'Ce fichier est une base de données SQLite, mais pas une sauvegarde de Maillage : il ne peut pas être restauré. Rien n’a été modifié.',
      );
    }
    const unknown = applied.filter((name) => !knownMigrations.includes(name));
    if (unknown.length > 0) {
      throw new UserError(
        'invalid_input',
        'Cette sauvegarde a été faite par une version plus récente de Maillage : installez la dernière version pour la restaurer. Rien n’a été modifié.',
      );
    }
    const cpts = sqlite.prepare('SELECT name FROM cpts ORDER BY id LIMIT 1').get() as { name: string } | undefined;
    return {
      cptsName: cpts?.name?.trim() || null,
      members: count(sqlite, 'member'),
      meetings: count(sqlite, 'meeting'),
      documents: 0,
      lastChange: lastChange(sqlite),
      pendingMigrations: knownMigrations.filter((name) => !applied.includes(name)).length,
    };
  } finally {
    sqlite.close();
  }
}

/** Copies the chosen file into `stagingDir` (the original is never opened) and inspects the copy. */
export async function stageDatabaseFile(
  source: string,
  stagingDir: string,
  knownMigrations?: string[],
): Promise<{ staged: StagedRestore; preview: RestorePreview }> {
  await mkdir(stagingDir, { recursive: true });
  const dbFile = join(stagingDir, 'maillage.sqlite');
  try {
    await copyFile(source, dbFile);
  } catch {
    throw new UserError(
      'io',
      `Impossible de lire « ${source} ». Vérifiez que le fichier existe et qu’il n’est pas ouvert ailleurs. Rien n’a été modifié.`,
    );
  }
  try {
    return {
      staged: { stagingDir, dbFile, documentsDir: null },
      preview: inspectDatabaseFile(dbFile, knownMigrations),
    };
  } catch (error) {
    await rm(stagingDir, { recursive: true, force: true });
    throw error;
  }
}

export async function discardStaged(staged: StagedRestore): Promise<void> {
  await rm(staged.stagingDir, { recursive: true, force: true });
}

export interface RestoreOptions {
  /** Folder of the attached documents beside the open database. */
  documentsDir: string;
  now?: Date;
  /** How the staged file is copied into place (tests make it fail). */
  copy?: (from: string, to: string) => Promise<void>;
}

function moveSideFiles(from: string, to: string): void {
  for (const suffix of SIDE_FILES) if (existsSync(from + suffix)) renameSync(from + suffix, to + suffix);
}

function removeWithSideFiles(file: string): void {
  for (const path of [file, ...SIDE_FILES.map((suffix) => file + suffix)]) if (existsSync(path)) unlinkSync(path);
}

/**
 * The open database, which a restore can replace. `open` opens (and migrates) a file the way the app does.
 * Whoever holds a `db` must read {@link LiveDatabase.current} again after {@link LiveDatabase.restore}.
 */
export class LiveDatabase {
  constructor(
    public current: OpenedDatabase,
    private readonly open: (file: string) => Promise<OpenedDatabase>,
  ) {}

  get db() {
    return this.current.db;
  }

  /**
   * Keeps a checked copy of the open file in `sauvegardes/` (« avant restauration »), closes it, puts the staged
   * file in its place (stale -wal/-shm removed), copies the documents it brings, and opens it (migrated if older).
   * If any step fails, the previous file and documents are put back and reopened, and a French error is thrown.
   */
  async restore(staged: StagedRestore, options: RestoreOptions): Promise<{ safetyCopy: BackupEntry }> {
    const now = options.now ?? new Date();
    const copy = options.copy ?? ((from: string, to: string) => copyFile(from, to));
    const { file, backupsDir } = this.current;

    // Taken and checked before anything changes. When the current file is damaged (the very reason to restore),
    // its copy is too: the restore goes on, and the file itself is also kept beside the database.
    const safetyCopy = await takeBackup(this.current.sqlite, backupsDir, 'avant-restauration', now);
    rotateBackups(backupsDir, Number.MAX_SAFE_INTEGER);

    await this.current.close();
    const aside = `${file}.avant-restauration`;
    removeWithSideFiles(aside);
    renameSync(file, aside);
    moveSideFiles(file, aside);

    const addedDocuments: string[] = [];
    try {
      const part = `${file}.restauration.part`;
      try {
        await copy(staged.dbFile, part);
        renameSync(part, file);
      } catch (error) {
        if (existsSync(part)) unlinkSync(part);
        throw new UserError(
          'io',
          `La sauvegarde n’a pas pu être copiée à la place des données actuelles (${(error as NodeJS.ErrnoException).code ?? 'erreur'}).`,
        );
      }
      if (staged.documentsDir && existsSync(staged.documentsDir)) {
        await mkdir(options.documentsDir, { recursive: true });
        for (const name of await readdir(staged.documentsDir)) {
          const target = join(options.documentsDir, name);
          if (existsSync(target)) continue;
          await copy(join(staged.documentsDir, name), target);
          addedDocuments.push(target);
        }
      }
      try {
        this.current = await this.open(file);
      } catch (error) {
        throw new UserError(
          'io',
          `La sauvegarde n’a pas pu être ouverte ni mise à jour par cette version de Maillage. ${error instanceof Error ? error.message : ''}`.trim(),
        );
      }
    } catch (error) {
      // Put everything back as it was, then reopen the previous file.
      removeWithSideFiles(file);
      renameSync(aside, file);
      moveSideFiles(aside, file);
      for (const path of addedDocuments) if (existsSync(path)) unlinkSync(path);
      try {
        this.current = await this.open(file);
      } catch {
        throw new UserError(
          'io',
          `La restauration a échoué et les données actuelles, remises en place dans « ${file} », ne se rouvrent pas. Fermez puis relancez Maillage.`,
        );
      }
      const reason = error instanceof UserError ? error.message : 'La restauration a échoué.';
      throw new UserError('io', `${reason} Vos données actuelles sont intactes et toujours ouvertes.`);
    }
    if (safetyCopy.check.status === 'ok') removeWithSideFiles(aside);
    await discardStaged(staged);
    return { safetyCopy };
  }
}
