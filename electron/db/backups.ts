/**
 * Backups of the Maillage database as files: copies checked with `integrity_check`, the rotating folder
 * `sauvegardes/` beside the database, and the inspection of a file before it is restored.
 *
 * Each copy in `sauvegardes/` has a sidecar `<name>.json` holding its check result: a full `integrity_check`
 * reads every page, so the list must not redo it for every file each time. A copy without a sidecar (written by
 * an older version, or interrupted) is checked once when it is listed, and its sidecar written then. The startup,
 * which must trust no stale result after a damaged disk, rechecks instead (`latestGoodBackup`, ./latest-backup).
 */
import { existsSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openSqlite } from './sqlite';
import { KEEP_BEFORE_CHANGE, type BackupKind } from '@shared/domain/backups';
import { backupDatabase } from './database';

export type { BackupKind };

export interface BackupCheck {
  status: 'ok' | 'endommagee';
  /** First line of `integrity_check` when the copy is damaged. */
  detail: string | null;
  checkedAt: string;
}

export interface BackupEntry {
  fileName: string;
  path: string;
  kind: BackupKind;
  /** When the copy was taken (ISO, UTC). */
  createdAt: string;
  size: number;
  check: BackupCheck;
}

const NAME =
  /^maillage-(automatique|manuelle|avant-mise-a-jour|avant-restauration)-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})\.sqlite$/;

function sidecarOf(path: string): string {
  return `${path}.json`;
}

/**
 * Makes a fresh copy self-contained (rollback journal, not WAL: opening it later creates no -wal/-shm files)
 * and checks every page of it.
 */
export function sealAndCheck(path: string): BackupCheck {
  const checkedAt = new Date().toISOString();
  let sqlite: Database.Database | null = null;
  try {
    sqlite = openSqlite(path, { fileMustExist: true });
    sqlite.pragma('journal_mode = DELETE');
    const rows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
    const first = rows[0]?.integrity_check ?? 'aucun résultat';
    return first === 'ok'
      ? { status: 'ok', detail: null, checkedAt }
      : { status: 'endommagee', detail: first, checkedAt };
  } catch (error) {
    return { status: 'endommagee', detail: (error as Error).message, checkedAt };
  } finally {
    sqlite?.close();
  }
}

function writeSidecar(path: string, check: BackupCheck, createdAt: string): void {
  writeFileSync(sidecarOf(path), `${JSON.stringify({ createdAt, check }, null, 2)}\n`);
}

function readSidecar(path: string): { createdAt?: string; check?: BackupCheck } | null {
  try {
    return JSON.parse(readFileSync(sidecarOf(path), 'utf8')) as { createdAt?: string; check?: BackupCheck };
  } catch {
    return null;
  }
}

/**
 * Every copy in `dir`, newest first, with its kind, date, size and check result (checked now if it never was).
 * An empty list when the folder does not exist.
 */
export function listBackups(dir: string): BackupEntry[] {
  if (!dir || !existsSync(dir)) return [];
  const entries: BackupEntry[] = [];
  for (const fileName of readdirSync(dir)) {
    const match = NAME.exec(fileName);
    if (!match) continue;
    const path = join(dir, fileName);
    const nameDate = `${match[2]}T${match[3]}:${match[4]}:${match[5]}.000Z`;
    let sidecar = readSidecar(path);
    if (!sidecar?.check) {
      const check = sealAndCheck(path);
      sidecar = { createdAt: nameDate, check };
      try {
        writeSidecar(path, check, nameDate);
      } catch {
        // A read-only folder: the check is redone at the next listing.
      }
    }
    entries.push({
      fileName,
      path,
      kind: match[1] as BackupKind,
      createdAt: sidecar.createdAt ?? nameDate,
      size: statSync(path).size,
      check: sidecar.check!,
    });
  }
  return entries.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.fileName.localeCompare(a.fileName));
}

/**
 * Takes a copy of the live database into `dir` (SQLite backup API: consistent even while the app writes, WAL
 * included), checks it and remembers the result. A damaged copy is kept and listed as such.
 */
export async function takeBackup(
  sqlite: Database.Database,
  dir: string,
  kind: BackupKind,
  now = new Date(),
): Promise<BackupEntry> {
  const path = await backupDatabase(sqlite, dir, kind, now);
  const check = sealAndCheck(path);
  writeSidecar(path, check, now.toISOString());
  return listBackups(dir).find((entry) => entry.path === path)!;
}

/**
 * Copies the live database to a file the user chose: written beside it under a temporary name, checked, then
 * renamed, so a failed or damaged copy never takes the place of a good file.
 */
export async function backupToFile(
  sqlite: Database.Database,
  target: string,
): Promise<{ size: number; check: BackupCheck }> {
  const temporary = `${target}.${process.pid}.part`;
  try {
    await sqlite.backup(temporary);
    const check = sealAndCheck(temporary);
    if (check.status !== 'ok') throw new Error(`copie endommagée : ${check.detail}`);
    renameSync(temporary, target);
    return { size: statSync(target).size, check };
  } finally {
    for (const leftover of [temporary, `${temporary}-journal`]) if (existsSync(leftover)) unlinkSync(leftover);
  }
}

/** Keeps the newest `keep` automatic and manual copies, and the newest 3 taken before a migration or a restore. */
export function rotateBackups(dir: string, keep: number): string[] {
  const removed: string[] = [];
  const seen = new Map<BackupKind, number>();
  for (const entry of listBackups(dir)) {
    const count = (seen.get(entry.kind) ?? 0) + 1;
    seen.set(entry.kind, count);
    const limit = entry.kind === 'automatique' || entry.kind === 'manuelle' ? keep : KEEP_BEFORE_CHANGE;
    if (count <= limit) continue;
    unlinkSync(entry.path);
    if (existsSync(sidecarOf(entry.path))) unlinkSync(sidecarOf(entry.path));
    removed.push(entry.fileName);
  }
  return removed;
}

function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The copy of the day: taken at the first launch of a day (local time) and then the folder is rotated.
 * Returns the new copy, or null when today's copy already exists.
 */
export async function dailyBackup(
  sqlite: Database.Database,
  dir: string,
  keep: number,
  now = new Date(),
): Promise<BackupEntry | null> {
  const today = localDay(now);
  const done = listBackups(dir).some(
    (entry) => entry.kind === 'automatique' && localDay(new Date(entry.createdAt)) === today,
  );
  if (done) return null;
  const entry = await takeBackup(sqlite, dir, 'automatique', now);
  rotateBackups(dir, keep);
  return entry;
}
