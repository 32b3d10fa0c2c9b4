import { sql, type Kysely } from 'kysely';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

const MISSIONS = sql`('acces','parcours','prevention','crise','qualite','accompagnement')`;

/**
 * The projet de santé and its ACI contract: documents kept in the app's folder, the contract with its signatories,
 * contract years (anniversary to anniversary), missions, envelopes, payments and dialogues de gestion; indicators
 * with their targets per contract year, tiers, measures and evidence; partnerships, fiches actions and the crisis
 * plan. Reference data (ACI versions, missions, established amounts) lives in code with its sources, not here:
 * missions are stored by code. Money is integer cents.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // A file copied into the app's documents folder, attached to a contract, a partnership, a fiche, some evidence…
  await db.schema
    .createTable('document')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('title', 'text')
    .addColumn('file_name', 'text', (col) => col.notNull())
    .addColumn('stored_name', 'text', (col) => col.notNull().unique())
    .addColumn('size', 'integer', (col) => col.notNull())
    .addColumn('added_at', 'text', (col) => col.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('aci_contract')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('number', 'text')
    .addColumn('aci_version', 'text', (col) => col.notNull())
    .addColumn('signed_on', 'text', (col) => col.notNull())
    // First day of contract year 1 (anniversary date); the signature date when null.
    .addColumn('anniversary_on', 'text')
    .addColumn('duration_years', 'integer', (col) =>
      col.notNull().defaultTo(5).check(sql`duration_years between 1 and 10`),
    )
    .addColumn('status', 'text', (col) =>
      col.notNull().defaultTo('actif').check(sql`status in ('en_preparation','actif','echu','resilie','renouvele')`),
    )
    .addColumn('previous_contract_id', 'integer', (col) => col.references('aci_contract.id').onDelete('set null'))
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (col) => col.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('aci_contract_signatory')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('contract_id', 'integer', (col) => col.notNull().references('aci_contract.id').onDelete('cascade'))
    .addColumn('party', 'text', (col) => col.notNull().check(sql`party in ('cpts','cpam','ars','autre')`))
    .addColumn('organisation', 'text', (col) => col.notNull())
    .addColumn('signatory_name', 'text')
    .addColumn('signatory_role', 'text')
    .addColumn('signed_on', 'text')
    .execute();

  await db.schema
    .createTable('aci_contract_year')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('contract_id', 'integer', (col) => col.notNull().references('aci_contract.id').onDelete('cascade'))
    .addColumn('year_index', 'integer', (col) => col.notNull().check(sql`year_index >= 1`))
    .addColumn('start_on', 'text', (col) => col.notNull())
    .addColumn('end_on', 'text', (col) => col.notNull())
    .addColumn('taille', 'integer', (col) => col.check(sql`taille between 1 and 4`))
    .addColumn('population', 'integer', (col) => col.check(sql`population >= 0`))
    .addColumn('population_ref_year', 'integer')
    .addColumn('fonctionnement_cents', 'integer', (col) => col.check(sql`fonctionnement_cents >= 0`))
    .addUniqueConstraint('aci_contract_year_index', ['contract_id', 'year_index'])
    .addCheckConstraint('aci_contract_year_dates', sql`end_on >= start_on`)
    .execute();

  await db.schema
    .createTable('aci_contract_mission')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('contract_id', 'integer', (col) => col.notNull().references('aci_contract.id').onDelete('cascade'))
    .addColumn('mission_code', 'text', (col) => col.notNull().check(sql`mission_code in ${MISSIONS}`))
    .addColumn('started_on', 'text')
    .addColumn('deployed_on', 'text')
    .addColumn('start_deadline_on', 'text')
    .addColumn('deploy_deadline_on', 'text')
    .addColumn('note', 'text')
    .addUniqueConstraint('aci_contract_mission_code', ['contract_id', 'mission_code'])
    .execute();

  await db.schema
    .createTable('aci_envelope')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('contract_year_id', 'integer', (col) =>
      col.notNull().references('aci_contract_year.id').onDelete('cascade'),
    )
    .addColumn('mission_code', 'text', (col) => col.notNull().check(sql`mission_code in ${MISSIONS}`))
    .addColumn('fixed_cents', 'integer', (col) => col.notNull().defaultTo(0).check(sql`fixed_cents >= 0`))
    .addColumn('variable_max_cents', 'integer', (col) => col.notNull().defaultTo(0).check(sql`variable_max_cents >= 0`))
    .addColumn('note', 'text')
    .addUniqueConstraint('aci_envelope_mission', ['contract_year_id', 'mission_code'])
    .execute();

  await db.schema
    .createTable('aci_payment')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('contract_year_id', 'integer', (col) =>
      col.notNull().references('aci_contract_year.id').onDelete('cascade'),
    )
    .addColumn('mission_code', 'text', (col) => col.check(sql`mission_code in ${MISSIONS}`))
    .addColumn('kind', 'text', (col) =>
      col
        .notNull()
        .check(sql`kind in ('fonctionnement','avance_fixe','solde_fixe','variable','lettre_intention','autre')`),
    )
    .addColumn('payer', 'text', (col) => col.notNull().defaultTo('cpam').check(sql`payer in ('cpam','ars','autre')`))
    .addColumn('label', 'text')
    .addColumn('expected_on', 'text')
    .addColumn('expected_cents', 'integer', (col) => col.check(sql`expected_cents >= 0`))
    .addColumn('received_on', 'text')
    .addColumn('received_cents', 'integer', (col) => col.check(sql`received_cents >= 0`))
    .addColumn('reference', 'text')
    .addColumn('note', 'text')
    .execute();

  await db.schema
    .createTable('aci_dialogue')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('contract_year_id', 'integer', (col) =>
      col.notNull().references('aci_contract_year.id').onDelete('cascade'),
    )
    .addColumn('held_on', 'text', (col) => col.notNull())
    .addColumn('participants', 'text')
    .addColumn('documents_sent', 'text')
    .addColumn('outcome', 'text')
    .addColumn('variable_validated_cents', 'integer', (col) => col.check(sql`variable_validated_cents >= 0`))
    .addColumn('targets_amended', 'integer', (col) => col.notNull().defaultTo(0).check(sql`targets_amended in (0, 1)`))
    .addColumn('amendment_note', 'text')
    .addColumn('minutes_document_id', 'integer', (col) => col.references('document.id').onDelete('set null'))
    .execute();

  await db.schema
    .createTable('partnership')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('type', 'text', (col) =>
      col
        .notNull()
        .check(
          sql`type in ('cls','cts','hopital_proximite','ght','dac','sas','cpam','collectivite','federation','autre')`,
        ),
    )
    .addColumn('partner', 'text', (col) => col.notNull())
    .addColumn('title', 'text')
    .addColumn('signed_on', 'text')
    .addColumn('starts_on', 'text')
    .addColumn('ends_on', 'text')
    .addColumn('cpts_seat', 'text')
    .addColumn('axes', 'text')
    .addColumn('fiches_total', 'integer', (col) => col.check(sql`fiches_total >= 0`))
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('fiche_action')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('code', 'text', (col) => col.unique())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('axis', 'text')
    .addColumn('mission_code', 'text', (col) => col.check(sql`mission_code in ${MISSIONS}`))
    .addColumn('partnership_id', 'integer', (col) => col.references('partnership.id').onDelete('set null'))
    .addColumn('external_ref', 'text')
    .addColumn('cpts_role', 'text', (col) =>
      col.notNull().defaultTo('porteur').check(sql`cpts_role in ('porteur','co_porteur','participant')`),
    )
    .addColumn('porteur_org', 'text')
    .addColumn('context', 'text')
    .addColumn('general_objective', 'text')
    // One operational objective per line.
    .addColumn('operational_objectives', 'text')
    .addColumn('description', 'text')
    .addColumn('target_public', 'text')
    .addColumn('pilot_member_id', 'integer', (col) => col.references('member.id').onDelete('set null'))
    .addColumn('status', 'text', (col) =>
      col
        .notNull()
        .defaultTo('non_debutee')
        .check(sql`status in ('non_debutee','en_cours','deployee','suspendue','abandonnee','realisee')`),
    )
    .addColumn('starts_on', 'text')
    .addColumn('ends_on', 'text')
    .addColumn('difficulties', 'text')
    .addColumn('next_steps', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (col) => col.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('fiche_action_commune')
    .addColumn('fiche_id', 'integer', (col) => col.notNull().references('fiche_action.id').onDelete('cascade'))
    .addColumn('code_insee', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('fiche_action_commune_pk', ['fiche_id', 'code_insee'])
    .execute();

  await db.schema
    .createTable('fiche_action_member')
    .addColumn('fiche_id', 'integer', (col) => col.notNull().references('fiche_action.id').onDelete('cascade'))
    .addColumn('member_id', 'integer', (col) => col.notNull().references('member.id').onDelete('cascade'))
    .addColumn('role', 'text')
    .addPrimaryKeyConstraint('fiche_action_member_pk', ['fiche_id', 'member_id'])
    .execute();

  await db.schema
    .createTable('fiche_action_partner')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('fiche_id', 'integer', (col) => col.notNull().references('fiche_action.id').onDelete('cascade'))
    .addColumn('organisation', 'text', (col) => col.notNull())
    .addColumn('role', 'text')
    .execute();

  await db.schema
    .createTable('fiche_action_milestone')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('fiche_id', 'integer', (col) => col.notNull().references('fiche_action.id').onDelete('cascade'))
    .addColumn('label', 'text', (col) => col.notNull())
    .addColumn('due_on', 'text')
    .addColumn('done_on', 'text')
    .addColumn('note', 'text')
    .execute();

  await db.schema
    .createTable('fiche_action_budget')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('fiche_id', 'integer', (col) => col.notNull().references('fiche_action.id').onDelete('cascade'))
    .addColumn('year', 'integer', (col) => col.notNull().check(sql`year between 2000 and 2100`))
    .addColumn('source', 'text', (col) =>
      col.notNull().check(sql`source in ('aci','fir','cls','collectivite','autre')`),
    )
    .addColumn('planned_cents', 'integer', (col) => col.check(sql`planned_cents >= 0`))
    .addColumn('actual_cents', 'integer', (col) => col.check(sql`actual_cents >= 0`))
    .addUniqueConstraint('fiche_action_budget_line', ['fiche_id', 'year', 'source'])
    .execute();

  await db.schema
    .createTable('fiche_action_meeting')
    .addColumn('fiche_id', 'integer', (col) => col.notNull().references('fiche_action.id').onDelete('cascade'))
    .addColumn('meeting_id', 'integer', (col) => col.notNull().references('meeting.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('fiche_action_meeting_pk', ['fiche_id', 'meeting_id'])
    .execute();

  await db.schema
    .createTable('indicator')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('contract_id', 'integer', (col) => col.notNull().references('aci_contract.id').onDelete('cascade'))
    .addColumn('mission_code', 'text', (col) => col.notNull().check(sql`mission_code in ${MISSIONS}`))
    .addColumn('fiche_id', 'integer', (col) => col.references('fiche_action.id').onDelete('set null'))
    .addColumn('code', 'text')
    .addColumn('label', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('moyens','processus','resultat')`))
    .addColumn('value_type', 'text', (col) =>
      col.notNull().check(sql`value_type in ('oui_non','nombre','taux','delai')`),
    )
    .addColumn('unit', 'text')
    .addColumn('direction', 'text', (col) =>
      col.notNull().defaultTo('hausse').check(sql`direction in ('hausse','baisse','atteindre')`),
    )
    .addColumn('definition', 'text')
    .addColumn('data_source', 'text', (col) =>
      col.notNull().defaultTo('cpts').check(sql`data_source in ('cpam','cpts','ars','partenaire','maillage','autre')`),
    )
    // Code of a measure Maillage computes from its own data (RCP held, members by profession…), if any.
    .addColumn('auto_measure', 'text')
    .addColumn('baseline_value', 'real')
    .addColumn('baseline_on', 'text')
    .addColumn('baseline_source', 'text')
    .addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull().defaultTo(now))
    .addUniqueConstraint('indicator_code', ['contract_id', 'code'])
    .execute();
  await db.schema.createIndex('indicator_mission').on('indicator').columns(['contract_id', 'mission_code']).execute();

  await db.schema
    .createTable('indicator_target')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('indicator_id', 'integer', (col) => col.notNull().references('indicator.id').onDelete('cascade'))
    .addColumn('contract_year_id', 'integer', (col) =>
      col.notNull().references('aci_contract_year.id').onDelete('cascade'),
    )
    .addColumn('target_value', 'real')
    .addColumn('payment_rule', 'text', (col) =>
      col.notNull().check(sql`payment_rule in ('tout_ou_rien','paliers','proportionnel')`),
    )
    .addColumn('max_cents', 'integer', (col) => col.notNull().defaultTo(0).check(sql`max_cents >= 0`))
    .addColumn('carried_over_from_id', 'integer', (col) => col.references('indicator_target.id').onDelete('set null'))
    .addColumn('note', 'text')
    .addUniqueConstraint('indicator_target_year', ['indicator_id', 'contract_year_id'])
    .execute();

  await db.schema
    .createTable('indicator_tier')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('target_id', 'integer', (col) => col.notNull().references('indicator_target.id').onDelete('cascade'))
    .addColumn('rank', 'integer', (col) => col.notNull().check(sql`rank >= 1`))
    .addColumn('label', 'text')
    .addColumn('threshold', 'real', (col) => col.notNull())
    .addColumn('amount_cents', 'integer', (col) => col.notNull().check(sql`amount_cents >= 0`))
    .addUniqueConstraint('indicator_tier_rank', ['target_id', 'rank'])
    .execute();

  await db.schema
    .createTable('indicator_measure')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('indicator_id', 'integer', (col) => col.notNull().references('indicator.id').onDelete('cascade'))
    .addColumn('contract_year_id', 'integer', (col) =>
      col.notNull().references('aci_contract_year.id').onDelete('cascade'),
    )
    .addColumn('value', 'real', (col) => col.notNull())
    .addColumn('period_start', 'text')
    .addColumn('period_end', 'text')
    .addColumn('measured_on', 'text', (col) => col.notNull())
    .addColumn('source', 'text')
    .addColumn('status', 'text', (col) =>
      col.notNull().defaultTo('brouillon').check(sql`status in ('brouillon','declare','valide')`),
    )
    .addColumn('comment', 'text')
    // For a value Maillage computed and the coordinator froze: how it was computed.
    .addColumn('computed_from', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex('indicator_measure_year')
    .on('indicator_measure')
    .columns(['indicator_id', 'contract_year_id'])
    .execute();

  // What an indicator or a fiche must prove (feuilles d'émargement, comptes rendus, données CPAM…).
  await db.schema
    .createTable('evidence_requirement')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('indicator_id', 'integer', (col) => col.references('indicator.id').onDelete('cascade'))
    .addColumn('fiche_id', 'integer', (col) => col.references('fiche_action.id').onDelete('cascade'))
    .addColumn('label', 'text', (col) => col.notNull())
    .addColumn('required', 'integer', (col) => col.notNull().defaultTo(1).check(sql`required in (0, 1)`))
    .addCheckConstraint(
      'evidence_requirement_owner',
      sql`(indicator_id is not null and fiche_id is null) or (indicator_id is null and fiche_id is not null)`,
    )
    .execute();

  // A piece of evidence for one contract year: a document of the app, a meeting document, or a meeting itself.
  await db.schema
    .createTable('evidence')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('requirement_id', 'integer', (col) =>
      col.notNull().references('evidence_requirement.id').onDelete('cascade'),
    )
    .addColumn('contract_year_id', 'integer', (col) =>
      col.notNull().references('aci_contract_year.id').onDelete('cascade'),
    )
    .addColumn('document_id', 'integer', (col) => col.references('document.id').onDelete('cascade'))
    .addColumn('meeting_document_id', 'integer', (col) => col.references('meeting_document.id').onDelete('cascade'))
    .addColumn('meeting_id', 'integer', (col) => col.references('meeting.id').onDelete('cascade'))
    .addColumn('provided_on', 'text')
    .addColumn('checked', 'integer', (col) => col.notNull().defaultTo(0).check(sql`checked in (0, 1)`))
    .addColumn('remark', 'text')
    .execute();

  // Documents attached to a contract (signed contract, annexe indicateurs of a year, avenant), a partnership
  // (convention), a fiche action or the crisis plan.
  await db.schema
    .createTable('document_link')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('document_id', 'integer', (col) => col.notNull().references('document.id').onDelete('cascade'))
    .addColumn('contract_id', 'integer', (col) => col.references('aci_contract.id').onDelete('cascade'))
    .addColumn('contract_year_id', 'integer', (col) => col.references('aci_contract_year.id').onDelete('cascade'))
    .addColumn('partnership_id', 'integer', (col) => col.references('partnership.id').onDelete('cascade'))
    .addColumn('fiche_id', 'integer', (col) => col.references('fiche_action.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) =>
      col
        .notNull()
        .defaultTo('autre')
        .check(sql`kind in ('contrat_signe','annexe_indicateurs','avenant','convention','plan_crise','autre')`),
    )
    .execute();

  await db.schema
    .createTable('crisis_plan_event')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('kind', 'text', (col) =>
      col
        .notNull()
        .check(sql`kind in ('redaction','mise_a_jour','transmission_ars','partage_membres','exercice','activation')`),
    )
    .addColumn('occurred_on', 'text', (col) => col.notNull())
    .addColumn('referent_member_id', 'integer', (col) => col.references('member.id').onDelete('set null'))
    .addColumn('document_id', 'integer', (col) => col.references('document.id').onDelete('set null'))
    .addColumn('note', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'crisis_plan_event',
    'document_link',
    'evidence',
    'evidence_requirement',
    'indicator_measure',
    'indicator_tier',
    'indicator_target',
    'indicator',
    'fiche_action_meeting',
    'fiche_action_budget',
    'fiche_action_milestone',
    'fiche_action_partner',
    'fiche_action_member',
    'fiche_action_commune',
    'fiche_action',
    'partnership',
    'aci_dialogue',
    'aci_payment',
    'aci_envelope',
    'aci_contract_mission',
    'aci_contract_year',
    'aci_contract_signatory',
    'aci_contract',
    'document',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
