import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, readdir, rename, rm, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { format } from 'date-fns';
import { listBackups, rotateBackups, takeBackup } from '../../db/backups';
import { discardStaged, stageDatabaseFile, type LiveDatabase, type StagedRestore } from '../../db/restore';
import { stageTransferFile, transferKind, writeTransferFile } from '../../db/transfer';
import { getCptsProfile } from '../../services/cpts';
import { UserError } from '../../services/errors';
import { getBackupKeep, setBackupKeep } from '../../services/settings';
import type { backupsChannels } from '@shared/contract';
import { type HandlerContext, type HandlersFor, todayIn } from './context';

/** Backups, restores and transfers. */
export function backupsHandlers(ctx: HandlerContext): HandlersFor<keyof typeof backupsChannels> {
  const today = todayIn(ctx);
  /** Files chosen for a restore, staged and checked, waiting for the user's confirmation (one at a time). */
  const pendingRestores = new Map<string, { source: string; fileName: string; staged: StagedRestore | null }>();
  return {
    'backups.list': async () => backupsOverview(),
    'backups.saveNow': async () => {
      const live = requireLive();
      const path = await ctx.chooseSavePath(`${await backupBaseName()}.sqlite`, 'sqlite');
      if (!path) return { saved: false };
      const entry = await takeBackup(live.current.sqlite, ctx.backupsDir, 'manuelle', ctx.now());
      rotateBackups(ctx.backupsDir, await getBackupKeep(ctx.db));
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
    'backups.setKeep': async ({ keep }) => {
      await setBackupKeep(ctx.db, keep);
      rotateBackups(ctx.backupsDir, keep);
      return backupsOverview();
    },
    'backups.inspect': async (input) => {
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
        const entry = listBackups(ctx.backupsDir).find((row) => row.fileName === input.fileName);
        if (!entry) throw new UserError('not_found', 'Cette sauvegarde n’existe plus dans le dossier des sauvegardes.');
        const { staged, preview } = await stageDatabaseFile(entry.path, stagingDir(token));
        pendingRestores.set(token, { source: entry.path, fileName: entry.fileName, staged });
        return { token, fileName: entry.fileName, origin: 'sauvegarde' as const, preview };
      }
      const path = await ctx.chooseOpenPath('restore');
      if (!path) return { cancelled: true as const };
      if (resolve(path) === resolve(ctx.databasePath)) {
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
    'backups.restore': async ({ token }) => {
      const live = requireLive();
      const pending = pendingRestores.get(token);
      if (!pending?.staged)
        throw new UserError(
          'not_found',
          'Cette restauration n’est plus en attente : choisissez de nouveau la sauvegarde.',
        );
      pendingRestores.delete(token);
      try {
        const { safetyCopy } = await live.restore(pending.staged, { documentsDir: ctx.documentsDir, now: ctx.now() });
        return { restored: true as const, safetyCopy: safetyCopy.fileName };
      } finally {
        // Restored or put back, the database was reopened: every handler reads the new connection.
        ctx.db = live.db;
        await discardStaged(pending.staged);
      }
    },
    'backups.discard': async ({ token }) => {
      const pending = pendingRestores.get(token);
      pendingRestores.delete(token);
      if (pending?.staged) await discardStaged(pending.staged);
      return { discarded: true as const };
    },
    'backups.transfer': async ({ passphrase }) => {
      const live = requireLive();
      const path = await ctx.chooseSavePath(`${await backupBaseName()}.maillage`, 'maillage');
      if (!path) return { saved: false };
      const { bytes } = await writeTransferFile({
        sqlite: live.current.sqlite,
        documentsDir: ctx.documentsDir,
        target: path,
        workDir: dirname(ctx.databasePath),
        passphrase,
      });
      return { saved: true, path, pages: 0, bytes };
    },
  };

  function requireLive(): LiveDatabase {
    if (!ctx.live) throw new UserError('internal', 'Les sauvegardes ne sont pas disponibles dans cette fenêtre.');
    return ctx.live;
  }

  async function backupsOverview() {
    const entries = listBackups(ctx.backupsDir).map((entry) => ({
      fileName: entry.fileName,
      kind: entry.kind,
      createdAt: entry.createdAt,
      size: entry.size,
      check: entry.check.status,
      checkDetail: entry.check.detail,
    }));
    return { dir: ctx.backupsDir, keep: await getBackupKeep(ctx.db), entries };
  }

  /** « Maillage CPTS Sud-Est Grenoblois 2026-12-03 14h05 » */
  async function backupBaseName(): Promise<string> {
    const name = (await getCptsProfile(ctx.db, today())).identity.name.trim();
    const label = name ? (/^maillage\b/i.test(name) ? name : `Maillage ${name}`) : 'Maillage';
    return `${label.replace(/[\\/:*?"<>|]/g, '-')} ${format(ctx.now(), "yyyy-MM-dd HH'h'mm")}`;
  }

  function stagingDir(token: string): string {
    return join(dirname(ctx.databasePath), `.restauration-${token}`);
  }

  /** Drops the restore waiting for confirmation, and any staging folder a closed window left behind. */
  async function discardPending(): Promise<void> {
    pendingRestores.clear();
    const folder = dirname(ctx.databasePath);
    const leftovers = existsSync(folder)
      ? (await readdir(folder)).filter((name) => name.startsWith('.restauration-'))
      : [];
    await Promise.all(leftovers.map((name) => rm(join(folder, name), { recursive: true, force: true })));
  }
}
