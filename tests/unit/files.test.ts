import { describe, it, expect, afterEach } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { syncDirectory, writeFileAtomic } from '../../electron/services/files';
import { tempDir } from '../helpers/db';
import { makeReadOnly } from '../helpers/sqlite-files';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function workDir() {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  return dir;
}

describe('writeFileAtomic', () => {
  it('replaces the file with the whole new content and leaves no temporary file', async () => {
    const dir = workDir();
    const path = join(dir, 'Liste des adhérents.csv');
    writeFileSync(path, 'ancienne version');
    const content = new TextEncoder().encode('nom;prénom\n'.repeat(10_000));
    await writeFileAtomic(path, content);
    expect(readFileSync(path).equals(Buffer.from(content))).toBe(true);
    expect(readdirSync(dir)).toEqual(['Liste des adhérents.csv']);
  });

  it('writes nothing and explains in French when the folder is missing or read-only', async () => {
    const dir = workDir();
    await expect(writeFileAtomic(join(dir, 'absent', 'pv.pdf'), new Uint8Array([1, 2, 3]))).rejects.toMatchObject({
      code: 'io',
      message: expect.stringContaining("n'existe pas"),
    });
    const undo = makeReadOnly(dir);
    try {
      await expect(writeFileAtomic(join(dir, 'pv.pdf'), new Uint8Array([1, 2, 3]))).rejects.toMatchObject({
        code: 'io',
        message: expect.stringContaining("n'a pas le droit d'écrire"),
      });
    } finally {
      undo();
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('syncs a folder without failing, and ignores a folder it cannot open', async () => {
    const dir = workDir();
    await expect(syncDirectory(dir)).resolves.toBeUndefined();
    await expect(syncDirectory(join(dir, 'absent'))).resolves.toBeUndefined();
  });
});
