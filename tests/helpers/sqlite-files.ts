import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, openSync, statSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3';

/** A logical dump of a SQLite file: every schema object and every row, in a stable order. */
export function dumpDatabase(file: string): string {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const objects = sqlite
      .prepare(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name",
      )
      .all() as { type: string; name: string; sql: string | null }[];
    const lines: string[] = [];
    for (const object of objects) {
      lines.push(`${object.type} ${object.name}: ${object.sql ?? ''}`);
      if (object.type !== 'table') continue;
      for (const row of sqlite.prepare(`SELECT * FROM "${object.name}" ORDER BY rowid`).all())
        lines.push(`  ${JSON.stringify(row)}`);
    }
    return lines.join('\n');
  } finally {
    sqlite.close();
  }
}

/**
 * Makes a file or folder unwritable for this process and returns the undo. As root, permissions are ignored, so
 * the immutable attribute is used instead (`chattr +i`, ext4 and most Linux file systems).
 */
export function makeReadOnly(path: string): () => void {
  if (process.getuid?.() === 0) {
    execFileSync('chattr', ['+i', path]);
    return () => execFileSync('chattr', ['-i', path]);
  }
  const mode = statSync(path).mode & 0o777;
  chmodSync(path, statSync(path).isDirectory() ? 0o555 : 0o444);
  return () => chmodSync(path, mode);
}

/** Overwrites page `page` (1-based) of a SQLite file with garbage, as a failing disk would. */
export function damagePage(file: string, page: number, pageSize = 4096): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
}
