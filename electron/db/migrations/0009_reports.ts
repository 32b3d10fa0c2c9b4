import { sql, type Kysely } from 'kysely';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

const MISSIONS = sql`('acces','parcours','prevention','crise','qualite','accompagnement')`;

/**
 * What the yearly documents need beyond the data the CPTS already keeps: its logo, its staff (salariés,
 * prestataires), and the drafts of the rapport d'activité (one per calendar year) and of the renewal dossier (one per
 * contract) — the texts only the coordinator can write, which sections are printed, the highlights and photos, the
 * annexes chosen, the meeting that approved or deliberated, and for the renewal the proposed indicator annex.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('cpts')
    .addColumn('logo_document_id', 'integer', (col) => col.references('document.id').onDelete('set null'))
    .execute();

  await db.schema
    .createTable('staff_member')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('full_name', 'text', (col) => col.notNull())
    .addColumn('role', 'text', (col) => col.notNull())
    .addColumn('employment', 'text', (col) =>
      col
        .notNull()
        .defaultTo('salarie')
        .check(sql`employment in ('salarie','prestataire','mise_a_disposition','benevole')`),
    )
    // Full-time equivalent, 0 < fte ≤ 1; null for a prestataire paid by the task.
    .addColumn('fte', 'real', (col) => col.check(sql`fte is null or (fte > 0 and fte <= 1)`))
    .addColumn('started_on', 'text', (col) => col.notNull())
    .addColumn('ended_on', 'text', (col) => col.check(sql`ended_on is null or ended_on >= started_on`))
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('report_draft')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('rapport_activite','renouvellement')`))
    // Rapport d'activité: the calendar year reported on.
    .addColumn('year', 'integer', (col) => col.check(sql`year is null or year between 2000 and 2100`))
    // Renouvellement: the contract being renewed.
    .addColumn('contract_id', 'integer', (col) => col.references('aci_contract.id').onDelete('cascade'))
    // Rapport d'activité: the contract year whose indicators the mission sections show (null = chosen by Maillage).
    .addColumn('contract_year_id', 'integer', (col) => col.references('aci_contract_year.id').onDelete('set null'))
    .addColumn('introduction', 'text')
    // The meeting that approved the report (its PV is an annex) or that deliberated on the renewal.
    .addColumn('approval_meeting_id', 'integer', (col) => col.references('meeting.id').onDelete('set null'))
    .addColumn('approval_resolution_id', 'integer', (col) => col.references('resolution.id').onDelete('set null'))
    .addColumn('approval_decision_id', 'integer', (col) => col.references('decision.id').onDelete('set null'))
    .addColumn('include_members_list', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('members_list_audience', 'text', (col) =>
      col.notNull().defaultTo('annuaire').check(sql`members_list_audience in ('annuaire','bureau')`),
    )
    .addColumn('include_attendance', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('include_tracking_annex', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (col) => col.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (col) => col.notNull().defaultTo(now))
    .addCheckConstraint(
      'report_draft_period',
      sql`(kind = 'rapport_activite' and year is not null) or (kind = 'renouvellement' and contract_id is not null)`,
    )
    .execute();
  await sql`create unique index report_draft_activity_year on report_draft (year) where kind = 'rapport_activite'`.execute(
    db,
  );
  await sql`create unique index report_draft_renewal_contract on report_draft (contract_id) where kind = 'renouvellement'`.execute(
    db,
  );

  // One row per section the coordinator touched: whether it is printed, and the texts only she can write.
  await db.schema
    .createTable('report_draft_section')
    .addColumn('draft_id', 'integer', (col) => col.notNull().references('report_draft.id').onDelete('cascade'))
    .addColumn('section_key', 'text', (col) => col.notNull())
    .addColumn('included', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('body', 'text')
    .addColumn('difficulties', 'text')
    .addColumn('next_steps', 'text')
    .addPrimaryKeyConstraint('report_draft_section_pk', ['draft_id', 'section_key'])
    .execute();

  await db.schema
    .createTable('report_draft_highlight')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('draft_id', 'integer', (col) => col.notNull().references('report_draft.id').onDelete('cascade'))
    .addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('body', 'text')
    .addColumn('happened_on', 'text')
    .execute();

  await db.schema
    .createTable('report_draft_photo')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('draft_id', 'integer', (col) => col.notNull().references('report_draft.id').onDelete('cascade'))
    .addColumn('document_id', 'integer', (col) => col.notNull().references('document.id').onDelete('cascade'))
    .addColumn('section_key', 'text')
    .addColumn('caption', 'text')
    .addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();

  // The indicator annex proposed for the next contract (renewal dossier), seeded from the current indicators.
  await db.schema
    .createTable('renewal_indicator_proposal')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('draft_id', 'integer', (col) => col.notNull().references('report_draft.id').onDelete('cascade'))
    .addColumn('indicator_id', 'integer', (col) => col.references('indicator.id').onDelete('set null'))
    .addColumn('mission_code', 'text', (col) => col.notNull().check(sql`mission_code in ${MISSIONS}`))
    .addColumn('label', 'text', (col) => col.notNull())
    .addColumn('target_text', 'text')
    .addColumn('comment', 'text')
    .addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'renewal_indicator_proposal',
    'report_draft_photo',
    'report_draft_highlight',
    'report_draft_section',
    'report_draft',
    'staff_member',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('cpts').dropColumn('logo_document_id').execute();
}
