import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openSqlite } from './sqlite';

export interface GoodBackup {
  path: string;
  /** When the copy was written (file modification time). */
  date: Date;
}

export interface BackupCheckOptions {
  /** Path of a better-sqlite3 addon compiled for another runtime (Electron), if not the one in node_modules. */
  nativeBinding?: string;
}

const SQLITE_HEADER = 'SQLite format 3\0';

/**
 * `PRAGMA quick_check` on a copy of the file held in memory: the backup folder is only read, never written
 * (opening a WAL file, even read-only, would leave -wal and -shm files beside it).
 */
export function isSqliteFileSound(path: string, options: BackupCheckOptions = {}): boolean {
  let image: Buffer;
  try {
    image = readFileSync(path);
  } catch {
    return false;
  }
  if (image.length < 100 || image.subarray(0, 16).toString('latin1') !== SQLITE_HEADER) return false;
  // Bytes 18-19 say "WAL mode" (2); an in-memory image must read as a rollback-journal file (1).
  if (image[18] === 2) image[18] = 1;
  if (image[19] === 2) image[19] = 1;
  let sqlite: Database.Database | null = null;
  try {
    sqlite = openSqlite(image, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    return sqlite.pragma('quick_check', { simple: true }) === 'ok';
  } catch {
    return false;
  } finally {
    sqlite?.close();
  }
}

/**
 * The newest `*.sqlite` file of `dir` that passes `quick_check`, or null (no folder, no copy, or none sound).
 * Newest means the latest modification time; damaged copies are skipped.
 */
export function latestGoodBackup(dir: string, options: BackupCheckOptions = {}): GoodBackup | null {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return null;
  }
  const candidates: GoodBackup[] = [];
  for (const name of names) {
    if (!name.toLowerCase().endsWith('.sqlite')) continue;
    const path = join(dir, name);
    try {
      const stats = statSync(path);
      if (stats.isFile()) candidates.push({ path, date: stats.mtime });
    } catch {
      // Removed while listing: not a candidate.
    }
  }
  candidates.sort((a, b) => b.date.getTime() - a.date.getTime() || b.path.localeCompare(a.path));
  return candidates.find((candidate) => isSqliteFileSound(candidate.path, options)) ?? null;
}
