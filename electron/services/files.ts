import { rename, unlink, writeFile } from 'node:fs/promises';
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

/** Writes a whole file or nothing: a temporary file beside the target, then a rename. */
export async function writeFileAtomic(path: string, data: Uint8Array): Promise<void> {
  const temporary = `${path}.${process.pid}.${Date.now()}.part`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw new UserError('io', describeFsError(error, path));
  }
}
