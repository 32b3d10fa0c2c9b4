import { sql, type Kysely } from 'kysely';

/**
 * What an assembly's PV must tell truthfully: every arrival and departure with its time (a member may leave before a
 * vote and come back), the time of each vote, the head counts per collège of a weighted vote, and the PV of an
 * approved session as it was approved (names included: renaming or anonymising a member later does not rewrite it).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ag_presence_event')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('meeting_id', 'integer', (col) => col.notNull().references('meeting.id').onDelete('cascade'))
    .addColumn('member_id', 'integer', (col) => col.notNull().references('member.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('arrivee', 'depart')`))
    .addColumn('at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('ag_presence_event_meeting')
    .on('ag_presence_event')
    .columns(['meeting_id', 'at'])
    .execute();
  // The times already known: the last arrival and the last departure of each member.
  await sql`insert into ag_presence_event (meeting_id, member_id, kind, at)
    select meeting_id, member_id, 'arrivee', arrived_at from ag_presence where arrived_at is not null`.execute(db);
  await sql`insert into ag_presence_event (meeting_id, member_id, kind, at)
    select meeting_id, member_id, 'depart', left_at from ag_presence where left_at is not null`.execute(db);

  await db.schema.alterTable('resolution').addColumn('voted_at', 'text').execute();
  await db.schema.alterTable('resolution').addColumn('college_votes_json', 'text').execute();
  await db.schema.alterTable('meeting').addColumn('pv_snapshot', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('meeting').dropColumn('pv_snapshot').execute();
  await db.schema.alterTable('resolution').dropColumn('college_votes_json').execute();
  await db.schema.alterTable('resolution').dropColumn('voted_at').execute();
  await db.schema.dropTable('ag_presence_event').execute();
}
