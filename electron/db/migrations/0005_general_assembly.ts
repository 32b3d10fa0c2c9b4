import { sql, type Kysely } from 'kysely';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/**
 * General assemblies from convocation to approved PV: versioned statutory rules, convocation and session officers
 * on the meeting, live presence, pouvoirs, resolutions with their votes, and the formalities that follow.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('statutory_rules_version')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('effective_from', 'text', (col) => col.notNull().unique())
    .addColumn('source', 'text')
    .addColumn('rules_json', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull().defaultTo(now))
    .execute();

  const meetingColumns = [
    ['convocation_sent_on', 'text'],
    ['convocation_mode', 'text'],
    ['president_member_id', 'integer'],
    ['secretaire_member_id', 'integer'],
    ['pv_approved_on', 'text'],
    // The statutory rules the assembly was approved with (JSON): later versions of the statuts do not change it.
    ['rules_snapshot', 'text'],
  ] as const;
  for (const [name, type] of meetingColumns) {
    await db.schema
      .alterTable('meeting')
      .addColumn(name, type, (col) => (type === 'integer' ? col.references('member.id').onDelete('set null') : col))
      .execute();
  }
  await db.schema
    .alterTable('meeting')
    .addColumn('convocation_round', 'integer', (col) =>
      col.notNull().defaultTo(1).check(sql`convocation_round in (1, 2)`),
    )
    .execute();
  await db.schema
    .alterTable('meeting')
    .addColumn('first_round_meeting_id', 'integer', (col) => col.references('meeting.id').onDelete('set null'))
    .execute();
  // At most one second convocation per first-round assembly.
  await db.schema
    .createIndex('meeting_second_round')
    .on('meeting')
    .column('first_round_meeting_id')
    .unique()
    .where(sql.ref('first_round_meeting_id'), 'is not', null)
    .execute();
  await db.schema
    .alterTable('meeting')
    .addColumn('pv_status', 'text', (col) =>
      col.notNull().defaultTo('brouillon').check(sql`pv_status in ('brouillon','approuve')`),
    )
    .execute();

  await db.schema
    .createTable('ag_presence')
    .addColumn('meeting_id', 'integer', (col) => col.notNull().references('meeting.id').onDelete('cascade'))
    .addColumn('member_id', 'integer', (col) => col.notNull().references('member.id').onDelete('cascade'))
    .addColumn('present', 'integer', (col) => col.notNull().check(sql`present in (0, 1)`))
    .addColumn('arrived_at', 'text')
    .addColumn('left_at', 'text')
    .addPrimaryKeyConstraint('ag_presence_pk', ['meeting_id', 'member_id'])
    .execute();

  await db.schema
    .createTable('ag_proxy')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('meeting_id', 'integer', (col) => col.notNull().references('meeting.id').onDelete('cascade'))
    .addColumn('mandant_member_id', 'integer', (col) => col.notNull().references('member.id').onDelete('cascade'))
    .addColumn('mandataire_member_id', 'integer', (col) => col.notNull().references('member.id').onDelete('cascade'))
    .addColumn('received_on', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull().defaultTo(now))
    .addUniqueConstraint('ag_proxy_one_per_mandant', ['meeting_id', 'mandant_member_id'])
    .execute();

  await db.schema
    .createTable('resolution')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('meeting_id', 'integer', (col) => col.notNull().references('meeting.id').onDelete('cascade'))
    .addColumn('agenda_item_id', 'integer', (col) => col.references('agenda_item.id').onDelete('set null'))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('text', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull().defaultTo('ordinaire'))
    .addColumn('votes_pour', 'real')
    .addColumn('votes_contre', 'real')
    .addColumn('votes_abstention', 'real')
    .addColumn('votes_blanc', 'real')
    .addColumn('adopted', 'integer')
    .addColumn('arithmetic', 'text')
    // The voting power present or represented when the vote was recorded, and the quorum sentence then (JSON).
    .addColumn('quorum_json', 'text')
    .execute();
  await db.schema.createIndex('resolution_meeting').on('resolution').column('meeting_id').execute();

  await db.schema
    .createTable('formality')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('meeting_id', 'integer', (col) => col.notNull().references('meeting.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('label', 'text', (col) => col.notNull())
    .addColumn('due_on', 'text')
    .addColumn('done_on', 'text')
    .addColumn('notes', 'text')
    .execute();

  await addRollVersion(db);
}

/** Tables whose changes alter a voting roll (names, collèges, cotisations and their amounts). */
const ROLL_TABLES = ['member', 'cotisation', 'college', 'cotisation_rate'] as const;

/**
 * A counter bumped by triggers on every change of those tables: the roll of an assembly is read again only when it
 * moved (live check-in re-reads nothing but presences and pouvoirs).
 */
async function addRollVersion(db: Kysely<unknown>): Promise<void> {
  await sql`insert into app_setting (key, value) values ('roll_version', '0') on conflict (key) do nothing`.execute(db);
  for (const table of ROLL_TABLES) {
    for (const event of ['insert', 'update', 'delete'] as const) {
      await sql
        .raw(
          `create trigger roll_version_${table}_${event} after ${event} on ${table} begin ` +
            `update app_setting set value = cast(value as integer) + 1 where key = 'roll_version'; end`,
        )
        .execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ROLL_TABLES) {
    for (const event of ['insert', 'update', 'delete'] as const)
      await sql.raw(`drop trigger roll_version_${table}_${event}`).execute(db);
  }
  await sql`delete from app_setting where key = 'roll_version'`.execute(db);
  for (const table of ['formality', 'resolution', 'ag_proxy', 'ag_presence', 'statutory_rules_version']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.dropIndex('meeting_second_round').execute();
  for (const column of [
    'rules_snapshot',
    'pv_status',
    'first_round_meeting_id',
    'convocation_round',
    'pv_approved_on',
    'secretaire_member_id',
    'president_member_id',
    'convocation_mode',
    'convocation_sent_on',
  ]) {
    await db.schema.alterTable('meeting').dropColumn(column).execute();
  }
}
