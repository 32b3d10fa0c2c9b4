import { sql, type Kysely } from 'kysely';

/**
 * Keyed hashes of the identities of members erased at their request (RGPD), so that an import does not bring
 * them back; and a small key/value table for the database's own settings (the hashing key).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('app_setting')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('value', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('erased_identity')
    .addColumn('hash', 'text', (col) => col.primaryKey())
    .addColumn('erased_at', 'text', (col) => col.notNull().defaultTo(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('erased_identity').execute();
  await db.schema.dropTable('app_setting').execute();
}
