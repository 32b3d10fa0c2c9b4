import { sql, type Kysely } from 'kysely';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

const MISSIONS = sql`('acces','parcours','prevention','crise','qualite','accompagnement')`;

/**
 * The library of protocols: HAS pluriprofessional protocols (who does what, no transfer of acts) and protocoles de
 * coopération (CSP L4011-1: a délégant transfers acts to délégués — national ones authorised by arrêté, local ones
 * declared to the ARS). A protocol's content lives in its versions (draft → validated → in force → superseded…) so
 * that previous versions stay readable; its team, ARS declarations, anonymous use log, diffusion sessions and
 * documents hang off the protocol.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('protocol')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('code', 'text', (col) => col.unique())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('theme', 'text')
    .addColumn('family', 'text', (col) =>
      col
        .notNull()
        .defaultTo('pluripro')
        .check(sql`family in ('pluripro','coop_nationale','coop_locale','parcours','autre')`),
    )
    .addColumn('mission_code', 'text', (col) => col.check(sql`mission_code in ${MISSIONS}`))
    .addColumn('fiche_id', 'integer', (col) => col.references('fiche_action.id').onDelete('set null'))
    // A national cooperation protocol is authorised by an arrêté (e.g. « arrêté du 9 mars 2023 »).
    .addColumn('arrete_reference', 'text')
    .addColumn('arrete_on', 'text')
    .addColumn('review_every_months', 'integer', (col) =>
      col.notNull().defaultTo(24).check(sql`review_every_months between 1 and 120`),
    )
    .addColumn('archived_on', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (col) => col.notNull().defaultTo(now))
    .execute();

  // The content of a protocol as written, validated and put in force at one time (HAS structure).
  await db.schema
    .createTable('protocol_version')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('protocol_id', 'integer', (col) => col.notNull().references('protocol.id').onDelete('cascade'))
    .addColumn('number', 'integer', (col) => col.notNull().check(sql`number >= 1`))
    .addColumn('status', 'text', (col) =>
      col
        .notNull()
        .defaultTo('brouillon')
        .check(sql`status in ('brouillon','valide','en_vigueur','remplace','suspendu','archive')`),
    )
    .addColumn('situation', 'text')
    .addColumn('need', 'text')
    .addColumn('population', 'text')
    .addColumn('inclusion_criteria', 'text')
    .addColumn('exclusion_criteria', 'text')
    .addColumn('objectives', 'text')
    .addColumn('critical_points', 'text')
    // How the patient's inclusion is traced in the records and communicated between professionals.
    .addColumn('traceability', 'text')
    .addColumn('references_text', 'text')
    .addColumn('evaluation', 'text')
    // Acts or activities transferred from délégants to délégués (cooperation protocols only).
    .addColumn('derogatory_acts', 'text')
    .addColumn('changelog', 'text')
    .addColumn('drafted_on', 'text')
    .addColumn('validated_on', 'text')
    .addColumn('validated_by', 'text')
    .addColumn('validation_meeting_id', 'integer', (col) => col.references('meeting.id').onDelete('set null'))
    .addColumn('validation_decision_id', 'integer', (col) => col.references('decision.id').onDelete('set null'))
    .addColumn('in_force_on', 'text')
    // When the version stopped applying (superseded, suspended or archived).
    .addColumn('ended_on', 'text')
    .addColumn('next_review_on', 'text')
    .addColumn('imported_from', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (col) => col.notNull().defaultTo(now))
    .addUniqueConstraint('protocol_version_number', ['protocol_id', 'number'])
    .execute();

  // Professions concerned by a version (ANS nomenclature code) and each one's role.
  await db.schema
    .createTable('protocol_profession')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('version_id', 'integer', (col) => col.notNull().references('protocol_version.id').onDelete('cascade'))
    .addColumn('profession_code', 'text', (col) => col.notNull())
    .addColumn('role', 'text')
    .addUniqueConstraint('protocol_profession_once', ['version_id', 'profession_code'])
    .execute();

  // The steps in order: who (a profession), what, when, where, with which tool.
  await db.schema
    .createTable('protocol_step')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('version_id', 'integer', (col) => col.notNull().references('protocol_version.id').onDelete('cascade'))
    .addColumn('rank', 'integer', (col) => col.notNull())
    .addColumn('profession_code', 'text', (col) => col.notNull())
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('timing', 'text')
    .addColumn('place', 'text')
    .addColumn('tool', 'text')
    .execute();

  // The team: members who wrote or apply the protocol; délégants and délégués of a cooperation protocol.
  await db.schema
    .createTable('protocol_member')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('protocol_id', 'integer', (col) => col.notNull().references('protocol.id').onDelete('cascade'))
    .addColumn('member_id', 'integer', (col) => col.notNull().references('member.id').onDelete('cascade'))
    .addColumn('role', 'text', (col) =>
      col.notNull().check(sql`role in ('redacteur','utilisateur','referent','delegant','delegue')`),
    )
    .addColumn('joined_on', 'text', (col) => col.notNull())
    .addColumn('left_on', 'text')
    .addColumn('adhesion_signed_on', 'text')
    .execute();

  // A declaration to the ARS of a cooperation protocol's team: the initial one, then each change of team.
  await db.schema
    .createTable('protocol_declaration')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('protocol_id', 'integer', (col) => col.notNull().references('protocol.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('initiale','modification_equipe')`))
    .addColumn('declared_on', 'text', (col) => col.notNull())
    .addColumn('channel', 'text')
    .addColumn('reference', 'text')
    .addColumn('referent_member_id', 'integer', (col) => col.references('member.id').onDelete('set null'))
    .addColumn('project_attested_on', 'text')
    // The team as declared (JSON: member id, role), to tell when a new declaration is owed.
    .addColumn('team_snapshot', 'text', (col) => col.notNull())
    .addColumn('document_id', 'integer', (col) => col.references('document.id').onDelete('set null'))
    .addColumn('note', 'text')
    .execute();

  // One use of a protocol, anonymous by construction: no name, no birth date, an age band.
  await db.schema
    .createTable('protocol_use')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('protocol_id', 'integer', (col) => col.notNull().references('protocol.id').onDelete('cascade'))
    .addColumn('used_on', 'text', (col) => col.notNull())
    // The professional who applied it (the délégué of a cooperation protocol).
    .addColumn('professional_member_id', 'integer', (col) => col.references('member.id').onDelete('set null'))
    .addColumn('delegant_member_id', 'integer', (col) => col.references('member.id').onDelete('set null'))
    .addColumn('age_band', 'text', (col) =>
      col.check(sql`age_band in ('moins_16','16_25','26_45','46_65','66_75','plus_75')`),
    )
    .addColumn('sex', 'text', (col) => col.check(sql`sex in ('F','M','X')`))
    .addColumn('has_mt', 'integer', (col) => col.check(sql`has_mt in (0, 1)`))
    .addColumn('outcome', 'text', (col) =>
      col.notNull().check(sql`outcome in ('pris_en_charge','reoriente_delegant','oriente_urgences')`),
    )
    .addColumn('adverse_event', 'integer', (col) => col.notNull().defaultTo(0).check(sql`adverse_event in (0, 1)`))
    .addColumn('adverse_event_text', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('protocol_use_by_date').on('protocol_use').columns(['protocol_id', 'used_on']).execute();

  // The yearly follow-up sent to the ARS for a cooperation protocol.
  await db.schema
    .createTable('protocol_yearly_report')
    .addColumn('protocol_id', 'integer', (col) => col.notNull().references('protocol.id').onDelete('cascade'))
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('sent_on', 'text', (col) => col.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('protocol_yearly_report_pk', ['protocol_id', 'year'])
    .execute();

  // A session where a protocol was presented or taught; attendance comes from the linked meeting when there is one.
  await db.schema
    .createTable('protocol_session')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('protocol_id', 'integer', (col) => col.notNull().references('protocol.id').onDelete('cascade'))
    .addColumn('version_id', 'integer', (col) => col.references('protocol_version.id').onDelete('set null'))
    .addColumn('kind', 'text', (col) =>
      col.notNull().defaultTo('presentation').check(sql`kind in ('presentation','formation','diffusion')`),
    )
    .addColumn('held_on', 'text', (col) => col.notNull())
    .addColumn('meeting_id', 'integer', (col) => col.references('meeting.id').onDelete('set null'))
    .addColumn('audience', 'text')
    .addColumn('attendees', 'integer', (col) => col.check(sql`attendees >= 0`))
    .addColumn('note', 'text')
    .execute();

  // Files of a protocol: the signed PDF, annexes, the Word original, training material.
  await db.schema
    .createTable('protocol_document')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('protocol_id', 'integer', (col) => col.notNull().references('protocol.id').onDelete('cascade'))
    .addColumn('version_id', 'integer', (col) => col.references('protocol_version.id').onDelete('set null'))
    .addColumn('session_id', 'integer', (col) => col.references('protocol_session.id').onDelete('cascade'))
    .addColumn('document_id', 'integer', (col) => col.notNull().references('document.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) =>
      col
        .notNull()
        .defaultTo('autre')
        .check(sql`kind in ('protocole_signe','annexe','original_word','support','autre')`),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'protocol_document',
    'protocol_session',
    'protocol_yearly_report',
    'protocol_use',
    'protocol_declaration',
    'protocol_member',
    'protocol_step',
    'protocol_profession',
    'protocol_version',
    'protocol',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
