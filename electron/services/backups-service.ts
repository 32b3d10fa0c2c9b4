import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, readdir, rename, rm, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { format } from 'date-fns';
import { listBackups, rotateBackups, takeBackup } from '../db/backups';
import { discardStaged, stageDatabaseFile, type LiveDatabase, type StagedRestore } from '../db/restore';
import { stageTransferFile, transferKind, writeTransferFile } from '../db/transfer';
import { getCptsProfile } from './cpts';
import { UserError } from './errors';
import { getBackupKeep, setBackupKeep } from './settings';
import type { Kysely } from 'kysely';
import type { BackupsOverview, ChannelParsedInput, ExportResult, RestoreInspection } from '@shared/contract';
import { toIsoDate } from '@shared/format';
import type { DB } from '../db/schema';

/** What the backups need from outside: the open database, where the files are, the clock and the dialogs. */
export interface BackupsEnv {
  /** Read at each call: a restore replaces it with the reopened connection. */
  db: Kysely<DB>;
  databasePath: string;
  backupsDir: string;
  documentsDir: string;
  now: () => Date;
  /** The open database, which a restore replaces; without it, backups are refused. */
  live?: LiveDatabase;
  /** Asks where to save a copy (null: cancelled). */
  chooseSavePath: (suggestedName: string, kind: 'sqlite' | 'maillage') => Promise<string | null>;
  /** Asks which file to restore (null: cancelled). */
  chooseOpenPath: (purpose: 'restore') => Promise<string | null>;
}

/**
 * The backups of one window: list, manual copy, restore in two steps (inspect, then confirm or discard) and
 * transfer file. A restore reopens the database and sets `env.db` to the new connection.
 */
export function createBackupsService(env: BackupsEnv) {
  const today = () => toIsoDate(env.now());
  /** Files chosen for a restore, staged and checked, waiting for the user's confirmation (one at a time). */
  const pendingRestores = new Map<string, { source: string; fileName: string; staged: StagedRestore | null }>();
  return {
    overview: backupsOverview,
    async saveNow(): Promise<ExportResult> {
      const live = requireLive();
      const path = await env.chooseSavePath(`${await backupBaseName()}.sqlite`, 'sqlite');
      if (!path) return { saved: false };
      const entry = await takeBackup(live.current.sqlite, env.backupsDir, 'manuelle', env.now());
      rotateBackups(env.backupsDir, await getBackupKeep(env.db));
      if (entry.check.status !== 'ok') {
        throw new UserError(
          'io',
          'La copie de la base de données est endommagée : elle n’a pas été enregistrée. Réessayez ; si cela se reproduit, la base doit être vérifiée.',
        );
      }
      const part = `${path}.${process.pid}.part`;
      try {
        await copyFile(entry.path, part);
        await rename(part, path);
      } catch (error) {
        await unlink(part).catch(() => undefined);
        throw new UserError(
          'io',
          `Impossible d’enregistrer la sauvegarde dans « ${path} » (${(error as NodeJS.ErrnoException).code ?? 'erreur'}). Choisissez un autre emplacement.`,
        );
      }
      return { saved: true, path, pages: 0, bytes: entry.size };
    },
    async setKeep(keep: number): Promise<BackupsOverview> {
      await setBackupKeep(env.db, keep);
      rotateBackups(env.backupsDir, keep);
      return backupsOverview();
    },
    async inspect(input: ChannelParsedInput<'backups.inspect'>): Promise<RestoreInspection> {
      if ('token' in input) {
        const pending = pendingRestores.get(input.token);
        if (!pending || pending.staged)
          throw new UserError('not_found', 'Ce fichier n’est plus en attente : choisissez-le de nouveau.');
        const { staged, preview } = await stageTransferFile(pending.source, input.passphrase, stagingDir(input.token));
        pending.staged = staged;
        return { token: input.token, fileName: pending.fileName, origin: 'transfert' as const, preview };
      }
      await discardPending();
      const token = randomUUID();
      if (input.source === 'sauvegarde') {
        const entry = listBackups(env.backupsDir).find((row) => row.fileName === input.fileName);
        if (!entry) throw new UserError('not_found', 'Cette sauvegarde n’existe plus dans le dossier des sauvegardes.');
        const { staged, preview } = await stageDatabaseFile(entry.path, stagingDir(token));
        pendingRestores.set(token, { source: entry.path, fileName: entry.fileName, staged });
        return { token, fileName: entry.fileName, origin: 'sauvegarde' as const, preview };
      }
      const path = await env.chooseOpenPath('restore');
      if (!path) return { cancelled: true as const };
      if (resolve(path) === resolve(env.databasePath)) {
        throw new UserError(
          'invalid_input',
          'Ce fichier est la base de données ouverte en ce moment : choisissez une sauvegarde ou un fichier de transfert.',
        );
      }
      const fileName = basename(path);
      const transfer = await transferKind(path);
      if (transfer?.encrypted) {
        pendingRestores.set(token, { source: path, fileName, staged: null });
        return { needsPassphrase: true as const, token, fileName };
      }
      const { staged, preview } = transfer
        ? await stageTransferFile(path, null, stagingDir(token))
        : await stageDatabaseFile(path, stagingDir(token));
      pendingRestores.set(token, { source: path, fileName, staged });
      return { token, fileName, origin: transfer ? ('transfert' as const) : ('fichier' as const), preview };
    },
    async restore(token: string): Promise<{ restored: true; safetyCopy: string }> {
      const live = requireLive();
      const pending = pendingRestores.get(token);
      if (!pending?.staged)
        throw new UserError(
          'not_found',
          'Cette restauration n’est plus en attente : choisissez de nouveau la sauvegarde.',
        );
      pendingRestores.delete(token);
      try {
        const { safetyCopy } = await live.restore(pending.staged, { documentsDir: env.documentsDir, now: env.now() });
        return { restored: true as const, safetyCopy: safetyCopy.fileName };
      } finally {
        // Restored or put back, the database was reopened: every handler reads the new connection.
        env.db = live.db;
        await discardStaged(pending.staged);
      }
    },
    async discard(token: string): Promise<{ discarded: true }> {
      const pending = pendingRestores.get(token);
      pendingRestores.delete(token);
      if (pending?.staged) await discardStaged(pending.staged);
      return { discarded: true as const };
    },
    async transfer(passphrase: string | null): Promise<ExportResult> {
      const live = requireLive();
      const path = await env.chooseSavePath(`${await backupBaseName()}.maillage`, 'maillage');
      if (!path) return { saved: false };
      const { bytes } = await writeTransferFile({
        sqlite: live.current.sqlite,
        documentsDir: env.documentsDir,
        target: path,
        workDir: dirname(env.databasePath),
        passphrase,
      });
      return { saved: true, path, pages: 0, bytes };
    },
  };

  function requireLive(): LiveDatabase {
    if (!env.live) throw new UserError('internal', 'Les sauvegardes ne sont pas disponibles dans cette fenêtre.');
    return env.live;
  }

  async function backupsOverview(): Promise<BackupsOverview> {
    const entries = listBackups(env.backupsDir).map((entry) => ({
      fileName: entry.fileName,
      kind: entry.kind,
      createdAt: entry.createdAt,
      size: entry.size,
      check: entry.check.status,
      checkDetail: entry.check.detail,
    }));
    return { dir: env.backupsDir, keep: await getBackupKeep(env.db), entries };
  }

  /** « Maillage CPTS Sud-Est Grenoblois 2026-12-03 14h05 » */
  async function backupBaseName(): Promise<string> {
    const name = (await getCptsProfile(env.db, today())).identity.name.trim();
    const label = name ? (/^maillage\b/i.test(name) ? name : `Maillage ${name}`) : 'Maillage';
    return `${label.replace(/[\\/:*?"<>|]/g, '-')} ${format(env.now(), "yyyy-MM-dd HH'h'mm")}`;
  }

  function stagingDir(token: string): string {
    return join(dirname(env.databasePath), `.restauration-${token}`);
  }

  /** Drops the restore waiting for confirmation, and any staging folder a closed window left behind. */
  async function discardPending(): Promise<void> {
    pendingRestores.clear();
    const folder = dirname(env.databasePath);
    const leftovers = existsSync(folder)
      ? (await readdir(folder)).filter((name) => name.startsWith('.restauration-'))
      : [];
    await Promise.all(leftovers.map((name) => rm(join(folder, name), { recursive: true, force: true })));
  }
}
