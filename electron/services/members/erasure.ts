/**
 * RGPD erasure: identities removed at the member's request, and recognised (keyed hashes) so an import does not
 * bring them back.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { searchKey } from '@shared/text';
import type { DB } from '../../db/schema';
import { audit } from '../audit';
import { UserError } from '../errors';

type Db = Kysely<DB> | Transaction<DB>;

async function identityKey(db: Db): Promise<Buffer> {
  const stored = await db
    .selectFrom('app_setting')
    .select('value')
    .where('key', '=', 'identity_hash_key')
    .executeTakeFirst();
  if (stored) return Buffer.from(stored.value, 'base64');
  const key = randomBytes(32);
  await db
    .insertInto('app_setting')
    .values({ key: 'identity_hash_key', value: key.toString('base64') })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const winner = await db
    .selectFrom('app_setting')
    .select('value')
    .where('key', '=', 'identity_hash_key')
    .executeTakeFirstOrThrow();
  return Buffer.from(winner.value, 'base64');
}

export interface IdentityProbe {
  rpps: string | null;
  lastName: string | null;
  firstName: string | null;
  professionCode: string | null;
}

/** Keyed hashes of an identity: nothing readable is kept, yet the same person is recognised. */
function identityHashes(key: Buffer, probe: IdentityProbe): string[] {
  const values: string[] = [];
  if (probe.rpps) values.push(`rpps:${probe.rpps}`);
  if (probe.lastName && probe.professionCode)
    values.push(`nom:${searchKey(`${probe.lastName} ${probe.firstName ?? ''}`)}|${probe.professionCode}`);
  return values.map((value) => createHmac('sha256', key).update(value).digest('base64'));
}

/** True when this person asked for the erasure of her data: an import must not bring her back. */
export async function isErasedIdentity(db: Db, probe: IdentityProbe): Promise<boolean> {
  const hashes = identityHashes(await identityKey(db), probe);
  if (hashes.length === 0) return false;
  return Boolean(await db.selectFrom('erased_identity').select('hash').where('hash', 'in', hashes).executeTakeFirst());
}

/**
 * RGPD erasure: removes everything that identifies the person (names, identifiers, contacts, address, notes,
 * mandates' precisions) but keeps what past reports count: kind, profession, mode d'exercice, commune,
 * collège, dates and cotisations.
 */
export async function eraseMember(db: Kysely<DB>, id: number, today: string): Promise<{ erased: true }> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('member')
      .select(['id', 'erased_at', 'left_on', 'kind', 'rpps', 'last_name', 'first_name', 'profession_code'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new UserError('not_found', 'Ce membre n’existe pas ou plus.');
    if (row.erased_at) throw new UserError('conflict', 'Ce membre est déjà anonymisé.');
    if (row.kind === 'person') {
      const hashes = identityHashes(await identityKey(trx), {
        rpps: row.rpps,
        lastName: row.last_name,
        firstName: row.first_name,
        professionCode: row.profession_code,
      });
      if (hashes.length)
        await trx
          .insertInto('erased_identity')
          .values(hashes.map((hash) => ({ hash })))
          .onConflict((oc) => oc.doNothing())
          .execute();
    }
    await trx
      .updateTable('member')
      .set({
        civility: null,
        last_name: null,
        first_name: null,
        rpps: null,
        adeli: null,
        structure_name: null,
        finess_ej: null,
        finess_et: null,
        siret: null,
        representative_name: null,
        address: null,
        structure_member_id: null,
        structure_label: null,
        phone: null,
        email: null,
        directory_consent_on: null,
        notes: null,
        left_on: row.left_on ?? today,
        left_reason: 'Données personnelles effacées à sa demande (RGPD)',
        erased_at: new Date().toISOString(),
        search_key: '',
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await trx.updateTable('member').set({ structure_member_id: null }).where('structure_member_id', '=', id).execute();
    await trx.updateTable('mandate').set({ label: null }).where('member_id', '=', id).execute();
    // The audit log keeps no personal data: only the id and the action.
    await audit(trx, 'erase', 'member', String(id), null);
  });
  return { erased: true };
}
