/** Backups of the database: their kinds and retention rules, shared by the main process and the screens. */

/** Why a copy was taken: each kind has its own retention rule. */
export type BackupKind = 'automatique' | 'manuelle' | 'avant-mise-a-jour' | 'avant-restauration';

export const BACKUP_KIND_LABELS: Record<BackupKind, string> = {
  automatique: 'Automatique',
  manuelle: 'Manuelle',
  'avant-mise-a-jour': 'Avant mise à jour',
  'avant-restauration': 'Avant restauration',
};

/** Automatic (and manual) copies kept when the user has not chosen. */
export const DEFAULT_BACKUP_KEEP = 10;
export const MAX_BACKUP_KEEP = 100;
/** Copies taken before a migration or a restore: the last 3 of each are kept, whatever the setting. */
export const KEEP_BEFORE_CHANGE = 3;
/** Passphrases of transfer files shorter than this are refused. */
export const MIN_PASSPHRASE_LENGTH = 8;
