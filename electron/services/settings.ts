/** Settings of the CPTS kept in app_setting (key → value). */
import type { Kysely, Transaction } from 'kysely';
import { DEFAULT_BACKUP_KEEP } from '@shared/domain/backups';
import { DEFAULT_RCP_MIN_PROFESSIONS } from '@shared/domain/meetings';
import type { DB } from '../db/schema';
import { audit } from './audit';

type Db = Kysely<DB> | Transaction<DB>;

/** Minimum number of different professions expected at an RCP (default 2). */
export async function getRcpMinProfessions(db: Db): Promise<number> {
  const row = await db
    .selectFrom('app_setting')
    .select('value')
    .where('key', '=', 'rcp_min_professions')
    .executeTakeFirst();
  const value = row ? Number(row.value) : NaN;
  return Number.isInteger(value) && value >= 1 ? value : DEFAULT_RCP_MIN_PROFESSIONS;
}

export async function setRcpMinProfessions(db: Kysely<DB>, value: number): Promise<number> {
  await db
    .insertInto('app_setting')
    .values({ key: 'rcp_min_professions', value: String(value) })
    .onConflict((conflict) => conflict.column('key').doUpdateSet({ value: String(value) }))
    .execute();
  await audit(db, 'update', 'app_setting', 'rcp_min_professions', String(value));
  return value;
}

/** How many automatic (and manual) backups `sauvegardes/` keeps (default 10). */
export async function getBackupKeep(db: Db): Promise<number> {
  const row = await db.selectFrom('app_setting').select('value').where('key', '=', 'backup_keep').executeTakeFirst();
  const value = row ? Number(row.value) : NaN;
  return Number.isInteger(value) && value >= 1 ? value : DEFAULT_BACKUP_KEEP;
}

export async function setBackupKeep(db: Kysely<DB>, value: number): Promise<number> {
  await db
    .insertInto('app_setting')
    .values({ key: 'backup_keep', value: String(value) })
    .onConflict((conflict) => conflict.column('key').doUpdateSet({ value: String(value) }))
    .execute();
  await audit(db, 'update', 'app_setting', 'backup_keep', String(value));
  return value;
}
