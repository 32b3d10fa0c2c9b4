import { existsSync, readFileSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { formatDateTimeLong } from '@shared/format';
import { UserError } from '../services/errors';
import { writeFileAtomic } from '../services/files';
import {
  DatabaseOpenError,
  fileTimestamp,
  openDatabase,
  type OpenDatabaseOptions,
  type OpenedDatabase,
} from './database';
import { isSqliteFileSound, type BackupCheckOptions } from './latest-backup';

// What the app does when the database does not open: the decision and the file work live here, without
// 'electron', so they are tested; electron/main only shows the question in a native dialog.

export type RecoveryChoice = 'restore' | 'retry' | 'quit';

export interface RecoveryPrompt {
  title: string;
  message: string;
  detail: string;
  /** Buttons in order; the last is always « Quitter ». */
  choices: { choice: RecoveryChoice; label: string }[];
}

/** `…/maillage.sqlite` → `…/maillage-endommagee-2026-12-03T06-40-00.sqlite`: where the refused file is kept. */
export function setAsidePath(file: string, now: Date): string {
  const name = basename(file).replace(/\.sqlite$/i, '');
  return join(dirname(file), `${name}-endommagee-${fileTimestamp(now)}.sqlite`);
}

/** The question to ask after a refusal: restore the named backup (when there is one), retry a locked file, or quit. */
export function recoveryPrompt(error: unknown, file: string, now: Date): RecoveryPrompt {
  const title = 'Maillage ne peut pas ouvrir la base de données';
  const quit = { choice: 'quit' as const, label: 'Quitter' };
  if (!(error instanceof DatabaseOpenError)) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      title,
      message: `Impossible d'ouvrir la base de données « ${file} ».`,
      detail: `Détail technique : ${reason}`,
      choices: [quit],
    };
  }
  const choices: RecoveryPrompt['choices'] = [];
  const details: string[] = [];
  if (error.backup && error.code !== 'too_new') {
    choices.push({ choice: 'restore', label: 'Restaurer la dernière sauvegarde' });
    details.push(
      `« Restaurer la dernière sauvegarde » garde le fichier actuel de côté sous le nom « ${basename(setAsidePath(file, now))} », ` +
        `puis remet à sa place la sauvegarde du ${formatDateTimeLong(error.backup.date)}. ` +
        'Ce qui a été saisi depuis cette sauvegarde ne sera pas dans la base restaurée ; rien n’est effacé.',
    );
  }
  if (error.code === 'locked') {
    choices.push({ choice: 'retry', label: 'Réessayer' });
    details.push('« Réessayer » ouvre de nouveau le fichier, une fois l’autre programme fermé.');
  }
  choices.push(quit);
  return { title, message: error.message, detail: details.join('\n\n'), choices };
}

/**
 * Puts `backupPath` in place of `file`: the refused file (with its -wal and -shm, which belong to it) is renamed
 * aside, never deleted, then the backup is copied in (written, fsynced, renamed). If the copy fails, the refused file
 * goes back where it was: nothing is lost at any step. Returns the path of the file kept aside.
 */
export async function restoreBackupInPlace(
  file: string,
  backupPath: string,
  now: Date,
  checkOptions: BackupCheckOptions = {},
): Promise<{ setAside: string | null }> {
  if (!isSqliteFileSound(backupPath, checkOptions)) {
    throw new UserError(
      'io',
      `La sauvegarde « ${backupPath} » ne passe plus la vérification : elle n'a pas été restaurée.`,
    );
  }
  const backup = readFileSync(backupPath);
  let aside = setAsidePath(file, now);
  for (let index = 2; existsSync(aside); index += 1)
    aside = setAsidePath(file, now).replace(/\.sqlite$/, `-${index}.sqlite`);
  const moved: [string, string][] = [];
  try {
    for (const suffix of ['', '-wal', '-shm']) {
      if (!existsSync(file + suffix)) continue;
      renameSync(file + suffix, aside + suffix);
      moved.push([file + suffix, aside + suffix]);
    }
  } catch (error) {
    for (const [from, to] of moved.reverse()) renameSync(to, from);
    const code = (error as NodeJS.ErrnoException)?.code ?? 'erreur inconnue';
    throw new UserError(
      'io',
      `Le fichier « ${file} » n'a pas pu être mis de côté (${code}) : fermez les programmes qui l'utilisent, puis recommencez. Rien n'a été modifié.`,
    );
  }
  try {
    await writeFileAtomic(file, backup);
  } catch (error) {
    for (const [from, to] of moved.reverse()) renameSync(to, from);
    throw error;
  }
  return { setAside: moved.length > 0 ? aside : null };
}

/**
 * Opens the database; on a refusal, asks the user (`ask` shows the prompt and returns the choice) and restores the
 * backup, retries or gives up (null). A failed restore is asked about again with its own message.
 */
export async function openWithRecovery(
  options: OpenDatabaseOptions,
  ask: (prompt: RecoveryPrompt) => Promise<RecoveryChoice>,
  now: () => Date = () => new Date(),
): Promise<OpenedDatabase | null> {
  let failure: unknown = null;
  for (;;) {
    if (failure === null) {
      try {
        return await openDatabase(options);
      } catch (error) {
        failure = error;
      }
    }
    const prompt = recoveryPrompt(failure, options.file, now());
    const choice = await ask(prompt);
    if (choice === 'quit' || !prompt.choices.some((offered) => offered.choice === choice)) return null;
    if (choice === 'restore' && failure instanceof DatabaseOpenError && failure.backup) {
      try {
        await restoreBackupInPlace(
          options.file,
          failure.backup.path,
          now(),
          options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
        );
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        failure = new DatabaseOpenError(
          failure.code,
          `${failure.message}\n\nLa restauration a échoué : ${message}`,
          error,
          failure.backup,
        );
        continue;
      }
    }
    failure = null;
  }
}
