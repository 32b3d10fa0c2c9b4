import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';

/** Records who-changed-what (no personal data in `detail`). */
export async function audit(
  db: Kysely<DB> | Transaction<DB>,
  action: string,
  entity: string,
  entityId: string | null,
  detail: string | null,
): Promise<void> {
  await db.insertInto('audit_log').values({ action, entity, entity_id: entityId, detail }).execute();
}
