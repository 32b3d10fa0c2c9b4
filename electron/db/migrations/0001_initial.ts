import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cpts')
    .addColumn('id', 'integer', (col) => col.primaryKey().check(sql`id = 1`))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('legal_form', 'text', (col) => col.notNull().defaultTo('Association loi 1901'))
    .addColumn('rna', 'text')
    .addColumn('siren', 'text')
    .addColumn('siret', 'text')
    .addColumn('address_line', 'text')
    .addColumn('postal_code', 'text')
    .addColumn('city', 'text')
    .addColumn('president_name', 'text')
    .addColumn('coordinator_name', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('website', 'text')
    .addColumn('ars_region_code', 'text')
    .addColumn('cpam', 'text')
    .addColumn('letter_of_intent_submitted_on', 'text')
    .addColumn('letter_of_intent_validated_on', 'text')
    .addColumn('health_project_submitted_on', 'text')
    .addColumn('health_project_validated_on', 'text')
    .addColumn('aci_signed_on', 'text')
    .addColumn('aci_contract_number', 'text')
    .addColumn('aci_anniversary_on', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull().defaultTo(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`))
    .addColumn('updated_at', 'text', (col) => col.notNull().defaultTo(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`))
    .execute();

  await db.schema
    .createTable('territory_commune')
    .addColumn('code_insee', 'text', (col) => col.primaryKey())
    .addColumn('cog_year', 'integer', (col) => col.notNull())
    .addColumn('added_at', 'text', (col) => col.notNull().defaultTo(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`))
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('at', 'text', (col) => col.notNull().defaultTo(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`))
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('entity', 'text', (col) => col.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('detail', 'text')
    .execute();
  await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity', 'entity_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_log').execute();
  await db.schema.dropTable('territory_commune').execute();
  await db.schema.dropTable('cpts').execute();
}
