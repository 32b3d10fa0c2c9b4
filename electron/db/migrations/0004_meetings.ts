import { sql, type Kysely } from 'kysely';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/** Meetings of every kind (AG, CA, bureau, commissions, RCP…), their agenda, participants, decisions, documents and RCP cases. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('meeting')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('date', 'text', (col) => col.notNull())
    .addColumn('start_time', 'text')
    .addColumn('end_time', 'text')
    .addColumn('place', 'text')
    .addColumn('visio_url', 'text')
    .addColumn('organiser_member_id', 'integer', (col) => col.references('member.id').onDelete('set null'))
    .addColumn('organiser_label', 'text')
    .addColumn('status', 'text', (col) =>
      col.notNull().defaultTo('prevue').check(sql`status in ('prevue','tenue','annulee')`),
    )
    .addColumn('summary', 'text')
    .addColumn('rcp_kind', 'text', (col) => col.check(sql`rcp_kind in ('clinique','thematique')`))
    .addColumn('theme', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (col) => col.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('meeting_date').on('meeting').column('date').execute();

  await db.schema
    .createTable('agenda_item')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('meeting_id', 'integer', (col) => col.notNull().references('meeting.id').onDelete('cascade'))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('minutes', 'text')
    .execute();

  await db.schema
    .createTable('meeting_participant')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('meeting_id', 'integer', (col) => col.notNull().references('meeting.id').onDelete('cascade'))
    .addColumn('member_id', 'integer', (col) => col.references('member.id').onDelete('set null'))
    .addColumn('guest_name', 'text')
    .addColumn('guest_quality', 'text')
    .addColumn('profession_code', 'text')
    .addColumn('attendance', 'text', (col) => col.check(sql`attendance in ('present','excuse','absent','represente')`))
    .addColumn('minutes_spent', 'integer')
    .execute();
  await db.schema.createIndex('participant_meeting').on('meeting_participant').column('meeting_id').execute();

  await db.schema
    .createTable('decision')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('meeting_id', 'integer', (col) => col.notNull().references('meeting.id').onDelete('cascade'))
    .addColumn('agenda_item_id', 'integer', (col) => col.references('agenda_item.id').onDelete('set null'))
    .addColumn('text', 'text', (col) => col.notNull())
    .addColumn('owner_member_id', 'integer', (col) => col.references('member.id').onDelete('set null'))
    .addColumn('owner_label', 'text')
    .addColumn('due_on', 'text')
    .addColumn('status', 'text', (col) =>
      col.notNull().defaultTo('a_faire').check(sql`status in ('a_faire','en_cours','fait','abandonnee')`),
    )
    .addColumn('done_on', 'text')
    .execute();

  await db.schema
    .createTable('meeting_document')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('meeting_id', 'integer', (col) => col.notNull().references('meeting.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (col) => col.notNull())
    .addColumn('stored_name', 'text', (col) => col.notNull().unique())
    .addColumn('size', 'integer', (col) => col.notNull())
    .addColumn('added_at', 'text', (col) => col.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('rcp_motif')
    .addColumn('code', 'text', (col) => col.primaryKey())
    .addColumn('label', 'text', (col) => col.notNull().unique())
    .execute();

  await db.schema
    .createTable('rcp_case')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('meeting_id', 'integer', (col) => col.notNull().references('meeting.id').onDelete('cascade'))
    .addColumn('code', 'text', (col) => col.notNull().unique())
    .addColumn('age_band', 'text', (col) => col.notNull())
    .addColumn('sex', 'text', (col) => col.check(sql`sex in ('F','M')`))
    .addColumn('over_75', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('ald', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('motif_code', 'text')
    .addColumn('motif_text', 'text')
    .addColumn('summary', 'text')
    .addColumn('patient_informed', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('follow_up_on', 'text')
    .addColumn('follow_up_status', 'text', (col) =>
      col.notNull().defaultTo('a_faire').check(sql`follow_up_status in ('a_faire','fait','sans_objet')`),
    )
    .execute();

  await db.schema
    .createTable('rcp_case_decision')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (col) => col.notNull().references('rcp_case.id').onDelete('cascade'))
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('owner_participant_id', 'integer', (col) =>
      col.references('meeting_participant.id').onDelete('set null'),
    )
    .addColumn('due_on', 'text')
    .addColumn('status', 'text', (col) =>
      col.notNull().defaultTo('a_faire').check(sql`status in ('a_faire','en_cours','fait','abandonnee')`),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'rcp_case_decision',
    'rcp_case',
    'rcp_motif',
    'meeting_document',
    'decision',
    'meeting_participant',
    'agenda_item',
    'meeting',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
