import { sql, type Kysely } from 'kysely';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('college')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('name', 'text', (col) => col.notNull().unique())
    .addColumn('voting_right', 'text', (col) =>
      col.notNull().check(sql`voting_right in ('deliberative','consultative')`),
    )
    .addColumn('seats', 'integer')
    .addColumn('vote_weight', 'real', (col) => col.notNull().defaultTo(1))
    .addColumn('description', 'text')
    .addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (col) => col.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('member')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('person','structure')`))
    .addColumn('civility', 'text')
    .addColumn('last_name', 'text')
    .addColumn('first_name', 'text')
    .addColumn('profession_code', 'text')
    .addColumn('specialty', 'text')
    .addColumn('rpps', 'text')
    .addColumn('adeli', 'text')
    .addColumn('practice_mode', 'text', (col) => col.check(sql`practice_mode in ('liberal','salarie','mixte')`))
    .addColumn('structure_name', 'text')
    .addColumn('structure_type', 'text')
    .addColumn('finess_ej', 'text')
    .addColumn('finess_et', 'text')
    .addColumn('siret', 'text')
    .addColumn('representative_name', 'text')
    .addColumn('commune_code', 'text')
    .addColumn('address', 'text')
    .addColumn('structure_member_id', 'integer', (col) => col.references('member.id').onDelete('set null'))
    .addColumn('structure_label', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('college_id', 'integer', (col) => col.references('college.id').onDelete('restrict'))
    .addColumn('joined_on', 'text')
    .addColumn('left_on', 'text')
    .addColumn('left_reason', 'text')
    .addColumn('directory_consent_on', 'text')
    .addColumn('notes', 'text')
    .addColumn('erased_at', 'text')
    .addColumn('search_key', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (col) => col.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (col) => col.notNull().defaultTo(now))
    .execute();
  // One member per RPPS (the key used to match imports); a partial index leaves members without RPPS free.
  await sql`create unique index member_rpps_unique on member (rpps) where rpps is not null`.execute(db);
  await db.schema.createIndex('member_college').on('member').column('college_id').execute();
  await db.schema.createIndex('member_profession').on('member').column('profession_code').execute();

  await db.schema
    .createTable('mandate')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('member_id', 'integer', (col) => col.notNull().references('member.id').onDelete('cascade'))
    .addColumn('role', 'text', (col) => col.notNull())
    .addColumn('label', 'text')
    .addColumn('start_on', 'text', (col) => col.notNull())
    .addColumn('end_on', 'text')
    .execute();
  await db.schema.createIndex('mandate_member').on('mandate').column('member_id').execute();

  await db.schema
    .createTable('cotisation')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('member_id', 'integer', (col) => col.notNull().references('member.id').onDelete('cascade'))
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('amount_cents', 'integer', (col) => col.notNull())
    .addColumn('paid_on', 'text')
    .addColumn('mode', 'text')
    .addUniqueConstraint('cotisation_member_year', ['member_id', 'year'])
    .execute();
  await db.schema.createIndex('cotisation_year').on('cotisation').column('year').execute();

  await db.schema
    .createTable('cotisation_rate')
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('member_type', 'text', (col) =>
      col.notNull().check(sql`member_type in ('professionnel','structure','autre')`),
    )
    .addColumn('amount_cents', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('cotisation_rate_pk', ['year', 'member_type'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['cotisation_rate', 'cotisation', 'mandate', 'member', 'college']) {
    await db.schema.dropTable(table).execute();
  }
}
