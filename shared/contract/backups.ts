/** Backups: automatic and manual copies, restore, transfer to another computer. */
import { z } from '../zod-fr';
import { MAX_BACKUP_KEEP, MIN_PASSPHRASE_LENGTH, type BackupKind } from '../domain/backups';
import { channel, noInput, type ExportResult } from './common';

export interface BackupRow {
  fileName: string;
  kind: BackupKind;
  /** When the copy was taken (ISO, UTC). */
  createdAt: string;
  size: number;
  check: 'ok' | 'endommagee';
  /** First line of the integrity check of a damaged copy. */
  checkDetail: string | null;
}

export interface BackupsOverview {
  dir: string;
  /** Automatic (and manual) copies kept. */
  keep: number;
  /** Newest first. */
  entries: BackupRow[];
}

/** What a file to restore holds, shown before anything happens. */
export interface RestorePreviewData {
  cptsName: string | null;
  members: number;
  meetings: number;
  documents: number;
  lastChange: string | null;
  pendingMigrations: number;
}

export type RestoreInspection =
  | { cancelled: true }
  /** An encrypted transfer file: ask for its passphrase, then inspect again with the token. */
  | { needsPassphrase: true; token: string; fileName: string }
  | { token: string; fileName: string; origin: 'sauvegarde' | 'fichier' | 'transfert'; preview: RestorePreviewData };

/** Channels of the backups, restores and transfers. */
export const backupsChannels = {
  'backups.list': channel<BackupsOverview>()(noInput),
  'backups.saveNow': channel<ExportResult>()(noInput),
  'backups.setKeep': channel<BackupsOverview>()(
    z.object({
      keep: z
        .number({ error: 'Indiquez un nombre de sauvegardes.' })
        .int('Nombre entier attendu.')
        .min(1, 'Gardez au moins une sauvegarde.')
        .max(MAX_BACKUP_KEEP, `${MAX_BACKUP_KEEP} sauvegardes au plus.`),
    }),
  ),
  'backups.inspect': channel<RestoreInspection>()(
    z.union([
      z.object({ source: z.literal('fichier') }),
      z.object({
        source: z.literal('sauvegarde'),
        fileName: z.string().regex(/^maillage-[a-z-]+-[0-9T-]+\.sqlite$/, 'Sauvegarde inconnue.'),
      }),
      z.object({ token: z.string().uuid(), passphrase: z.string().min(1, 'Saisissez la phrase secrète.').max(1000) }),
    ]),
  ),
  'backups.restore': channel<{ restored: true; safetyCopy: string }>()(
    z.object({ token: z.string().uuid(), confirm: z.literal(true, { error: 'Confirmez la restauration.' }) }),
  ),
  'backups.discard': channel<{ discarded: true }>()(z.object({ token: z.string().uuid() })),
  'backups.transfer': channel<ExportResult>()(
    z.object({
      passphrase: z
        .string()
        .min(MIN_PASSPHRASE_LENGTH, `La phrase secrète doit compter au moins ${MIN_PASSPHRASE_LENGTH} caractères.`)
        .max(1000)
        .nullable(),
    }),
  ),
} as const;
