import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type OpenedDatabase } from '../../electron/db/database';

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(prefix = 'maillage-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A migrated database in a temporary file. */
export async function tempDatabase(): Promise<OpenedDatabase & { dir: string; dispose: () => Promise<void> }> {
  const { dir, cleanup } = tempDir();
  const opened = await openDatabase({ file: join(dir, 'maillage.sqlite') });
  return {
    ...opened,
    dir,
    dispose: async () => {
      await opened.close();
      cleanup();
    },
  };
}

/** The three communes of the CPTS Sud-Est Grenoblois (seeds/004): Saint-Martin-d'Hères, Poisat, Eybens. */
export const SEG_CODES = ['38421', '38309', '38158'];
