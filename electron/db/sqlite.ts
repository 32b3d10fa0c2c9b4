import Database from 'better-sqlite3';

let defaultNativeBinding: string | undefined;

/**
 * Where the app runs better-sqlite3 compiled for another runtime than the one in node_modules (Electron in
 * development, see scripts/prepare-electron.mjs), every connection must load that addon: the main process sets it
 * once at startup, before the first opening.
 */
export function setDefaultNativeBinding(path: string | undefined): void {
  defaultNativeBinding = path;
}

/** A better-sqlite3 connection (file path or in-memory image) with the process-wide addon, if one is set. */
export function openSqlite(source: string | Buffer, options: Database.Options = {}): Database.Database {
  const nativeBinding = options.nativeBinding ?? defaultNativeBinding;
  return new Database(source, nativeBinding ? { ...options, nativeBinding } : options);
}
