import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UserError } from './errors';

function describeFsError(error: unknown, path: string): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `Maillage n'a pas le droit d'écrire dans « ${path} ». Choisissez un autre dossier.`;
    case 'ENOENT':
      return `Le dossier de « ${path} » n'existe pas. Choisissez un autre emplacement.`;
    case 'ENOSPC':
      return `Le disque est plein : impossible d'enregistrer « ${path} ».`;
    case 'EBUSY':
      return `Le fichier « ${path} » est ouvert dans un autre logiciel. Fermez-le puis recommencez.`;
    default:
      return `Impossible d'enregistrer « ${path} » (${code ?? 'erreur inconnue'}).`;
  }
}

/**
 * Makes a rename or a new file in `dir` durable (fsync of the folder). Windows cannot open a folder for this and
 * makes its renames durable itself: there the call does nothing.
 */
export async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle | null = null;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Not supported here (Windows, some network drives): the rename is still atomic.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Writes a whole file or nothing, and keeps it through a power cut: a temporary file beside the target, written and
 * fsynced, then renamed over the target, then the folder fsynced (without it, a rename can be lost on power cut and
 * the old file, or an empty one, comes back).
 */
export async function writeFileAtomic(path: string, data: Uint8Array): Promise<void> {
  const temporary = `${path}.${process.pid}.${Date.now()}.part`;
  try {
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw new UserError('io', describeFsError(error, path));
  }
  await syncDirectory(dirname(path));
}
