/**
 * RCP motifs (built-in and the CPTS's own) and the minimum number of professions expected at an RCP.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { BUILTIN_RCP_MOTIFS } from '@shared/domain/meetings';
import type { DB } from '../../db/schema';
import { UserError } from '../errors';
import { getRcpMinProfessions } from '../settings';
import { assertNoPatientIdentity } from './guards';

type Db = Kysely<DB> | Transaction<DB>;

/** Minimum number of professions expected at an RCP (a setting of the CPTS). */
export const rcpMinProfessions = getRcpMinProfessions;

export async function rcpMotifs(db: Db): Promise<{ code: string; label: string; custom: boolean }[]> {
  const custom = await db.selectFrom('rcp_motif').selectAll().orderBy('label').execute();
  return [
    ...BUILTIN_RCP_MOTIFS.map((motif) => ({ code: motif.code, label: motif.label, custom: false })),
    ...custom.map((motif) => ({ code: motif.code, label: motif.label, custom: true })),
  ];
}

export async function addRcpMotif(db: Kysely<DB>, label: string) {
  assertNoPatientIdentity([['label', 'Motif', label]]);
  const existing = await rcpMotifs(db);
  if (existing.some((motif) => motif.label.localeCompare(label, 'fr', { sensitivity: 'base' }) === 0)) {
    throw new UserError('conflict', `Le motif « ${label} » existe déjà.`);
  }
  await db
    .insertInto('rcp_motif')
    .values({ code: `perso-${randomBytes(4).toString('hex')}`, label })
    .execute();
  return rcpMotifs(db);
}
