/**
 * Upgrade test: a database filled at every past schema version (after 0001, after 0002, …) opens with the current
 * app, is brought to the latest schema, and keeps every row and every value it had.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { openDatabase } from '../../electron/db/database';
import { migrations } from '../../electron/db/migrations/index';
import { listMembers } from '../../electron/services/members';
import { tempDir } from '../helpers/db';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const NAMES = Object.keys(migrations).sort();

/** Rows valid right after each migration, written with plain SQL as that version of the app stored them. */
const POPULATE: Record<string, string> = {
  '0001_initial': `
    INSERT INTO cpts (id, name, legal_form, rna, city, president_name, aci_signed_on) VALUES (1, 'CPTS Sud-Est Grenoblois', 'Association loi 1901', 'W381234567', 'Saint-Martin-d’Hères', 'Dr Paul Martin', '2022-04-01');
    INSERT INTO territory_commune (code_insee, cog_year) VALUES ('38421', 2024), ('38309', 2024), ('38158', 2024);
    INSERT INTO audit_log (action, entity, entity_id, detail) VALUES ('update', 'cpts', '1', 'Identité');`,
  '0002_members': `
    INSERT INTO college (id, name, voting_right, vote_weight, position) VALUES (1, 'Professionnels libéraux', 'deliberative', 1, 1), (2, 'Usagers', 'consultative', 1, 2);
    INSERT INTO member (id, kind, civility, last_name, first_name, profession_code, rpps, practice_mode, commune_code, email, college_id, joined_on, search_key)
      VALUES (1, 'person', 'Dr', 'Martin', 'Paul', '10', '10003198511', 'liberal', '38421', 'paul.martin@exemple.fr', 1, '2021-03-12', 'martin paul'),
             (2, 'person', 'Mme', 'Bernard', 'Éloïse', '60', NULL, 'salarie', '38309', NULL, 1, '2022-01-15', 'bernard eloise');
    INSERT INTO member (id, kind, structure_name, structure_type, finess_et, college_id, joined_on) VALUES (3, 'structure', 'Centre de santé Paul Bert', 'centre_sante', '380000000', 2, '2023-02-01');
    INSERT INTO cotisation (member_id, year, amount_cents, paid_on, mode) VALUES (1, 2024, 3000, '2024-02-01', 'virement'), (2, 2024, 3000, NULL, NULL);
    INSERT INTO cotisation_rate (year, member_type, amount_cents) VALUES (2024, 'professionnel', 3000);
    INSERT INTO mandate (member_id, role, label, start_on) VALUES (1, 'president', 'Président', '2021-03-12');`,
  '0003_erased_identities': `
    INSERT INTO erased_identity (hash) VALUES ('3f2a9c');
    INSERT INTO app_setting (key, value) VALUES ('rcp_min_professions', '3');`,
  '0004_meetings': `
    INSERT INTO meeting (id, type, title, date, start_time, place, status, summary) VALUES (1, 'ca', 'Conseil d’administration', '2025-03-12', '18:30', 'Maison de santé', 'tenue', 'Budget discuté.');
    INSERT INTO meeting (id, type, title, date, rcp_kind, theme) VALUES (2, 'rcp', 'RCP plaies chroniques', '2025-04-10', 'thematique', 'Plaies chroniques');
    INSERT INTO meeting (id, type, title, date) VALUES (3, 'ago', 'Assemblée générale 2025', '2025-06-12');
    INSERT INTO agenda_item (meeting_id, position, title, minutes) VALUES (1, 1, 'Budget 2025', 'Adopté à l’unanimité.');
    INSERT INTO meeting_participant (meeting_id, member_id, attendance) VALUES (1, 1, 'present'), (2, 2, 'excuse');
    INSERT INTO meeting_participant (meeting_id, guest_name, guest_quality, attendance) VALUES (2, 'Invitée', 'Infirmière', 'present');
    INSERT INTO decision (meeting_id, text, owner_member_id, due_on, status) VALUES (1, 'Envoyer le budget à l’ARS', 1, '2025-04-01', 'fait');
    INSERT INTO meeting_document (meeting_id, file_name, stored_name, size) VALUES (1, 'Budget.pdf', 'a1b2c3.pdf', 12345);
    INSERT INTO rcp_case (id, meeting_id, code, age_band, sex, over_75, ald, motif_text, patient_informed) VALUES (1, 2, 'RCP25-ABCDE', '85+', 'F', 1, 1, 'Ulcère', 1);
    INSERT INTO rcp_case_decision (case_id, action, due_on) VALUES (1, 'Consultation d’angiologie', '2025-05-01');
    INSERT INTO rcp_motif (code, label) VALUES ('plaie', 'Plaie chronique');`,
  '0005_general_assembly': `
    INSERT INTO statutory_rules_version (effective_from, source, rules_json) VALUES ('2021-03-12', 'Statuts, article 12', '{}');
    UPDATE meeting SET convocation_sent_on = '2025-05-20', convocation_mode = 'courriel', president_member_id = 1, secretaire_member_id = 2 WHERE id = 3;
    INSERT INTO ag_presence (meeting_id, member_id, present, arrived_at) VALUES (3, 1, 1, '2025-06-12T16:20:00.000Z');
    INSERT INTO ag_proxy (meeting_id, mandant_member_id, mandataire_member_id, received_on) VALUES (3, 2, 1, '2025-06-10');
    INSERT INTO resolution (meeting_id, position, title, text, kind, votes_pour, votes_contre, votes_abstention, votes_blanc, adopted, arithmetic)
      VALUES (3, 1, 'Approbation des comptes', 'L’assemblée approuve les comptes.', 'ordinaire', 2, 0, 0, 0, 1, '2 voix pour sur 2 exprimées');
    INSERT INTO formality (meeting_id, kind, label, due_on) VALUES (3, 'pv_a_approuver', 'Approuver le PV', '2025-09-12');`,
  '0006_assembly_record': `
    INSERT INTO ag_presence_event (meeting_id, member_id, kind, at) VALUES (3, 1, 'depart', '2025-06-12T17:40:00.000Z');
    UPDATE resolution SET voted_at = '2025-06-12T17:10:00.000Z', college_votes_json = NULL WHERE meeting_id = 3 AND position = 1;
    UPDATE meeting SET pv_snapshot = '{"title":"Assemblée générale 2025"}' WHERE id = 3;`,
  '0007_health_project': `
    INSERT INTO document (id, title, file_name, stored_name, size) VALUES (1, 'Contrat signé', 'contrat.pdf', 'a1b2c3d4.pdf', 1024);
    INSERT INTO aci_contract (id, number, aci_version, signed_on, anniversary_on) VALUES (1, 'ACI-38-2022-01', 'avenant_2', '2022-04-01', '2022-04-01');
    INSERT INTO aci_contract_signatory (contract_id, party, organisation, signatory_name, signed_on) VALUES (1, 'cpam', 'CPAM de l’Isère', 'Mme Dubois', '2022-04-01');
    INSERT INTO aci_contract_year (id, contract_id, year_index, start_on, end_on, taille, population, population_ref_year, fonctionnement_cents) VALUES (1, 1, 1, '2022-04-01', '2023-03-31', 3, 98000, 2021, 13125000);
    INSERT INTO aci_contract_mission (contract_id, mission_code, started_on, start_deadline_on) VALUES (1, 'acces', '2022-09-01', '2022-10-01');
    INSERT INTO aci_envelope (contract_year_id, mission_code, fixed_cents, variable_max_cents) VALUES (1, 'acces', 9000000, 3500000);
    INSERT INTO aci_payment (contract_year_id, mission_code, kind, expected_on, expected_cents, received_on, received_cents) VALUES (1, 'acces', 'avance_fixe', '2022-09-01', 3883562, '2022-09-20', 3883562);
    INSERT INTO aci_dialogue (contract_year_id, held_on, participants, variable_validated_cents, minutes_document_id) VALUES (1, '2023-05-10', 'CPAM, ARS, bureau', 2800000, 1);
    INSERT INTO partnership (id, type, partner, title, signed_on) VALUES (1, 'cls', 'Ville de Grenoble', 'CLS III', '2023-12-15');
    INSERT INTO fiche_action (id, code, title, mission_code, partnership_id, external_ref, cpts_role, pilot_member_id, status) VALUES (1, 'FA-01', 'Accès à un médecin traitant', 'acces', 1, 'CLS III fiche 3', 'porteur', 1, 'en_cours');
    INSERT INTO fiche_action_commune (fiche_id, code_insee) VALUES (1, '38421');
    INSERT INTO fiche_action_member (fiche_id, member_id, role) VALUES (1, 2, 'référent');
    INSERT INTO fiche_action_partner (fiche_id, organisation) VALUES (1, 'CPAM de l’Isère');
    INSERT INTO fiche_action_milestone (fiche_id, label, done_on) VALUES (1, 'Guichet ouvert', '2024-11-04');
    INSERT INTO fiche_action_budget (fiche_id, year, source, planned_cents, actual_cents) VALUES (1, 2024, 'aci', 500000, 420000);
    INSERT INTO fiche_action_meeting (fiche_id, meeting_id) VALUES (1, 1);
    INSERT INTO indicator (id, contract_id, mission_code, fiche_id, code, label, kind, value_type, direction, data_source, baseline_value, baseline_on) VALUES (1, 1, 'acces', 1, 'MT-1', 'Patients en ALD sans médecin traitant', 'resultat', 'nombre', 'baisse', 'cpam', 219, '2022-03-31');
    INSERT INTO indicator_target (id, indicator_id, contract_year_id, target_value, payment_rule, max_cents) VALUES (1, 1, 1, 50, 'paliers', 900000);
    INSERT INTO indicator_tier (target_id, rank, label, threshold, amount_cents) VALUES (1, 1, 'socle', 219, 300000), (1, 2, 'intermédiaire', 100, 600000), (1, 3, 'objectif', 50, 900000);
    INSERT INTO indicator_measure (indicator_id, contract_year_id, value, measured_on, status) VALUES (1, 1, 87, '2023-04-15', 'valide');
    INSERT INTO evidence_requirement (id, indicator_id, label) VALUES (1, 1, 'Données CPAM');
    INSERT INTO evidence (requirement_id, contract_year_id, document_id, provided_on, checked) VALUES (1, 1, 1, '2023-04-20', 1);
    INSERT INTO document_link (document_id, contract_id, kind) VALUES (1, 1, 'contrat_signe');
    INSERT INTO crisis_plan_event (kind, occurred_on, referent_member_id, note) VALUES ('redaction', '2023-01-15', 1, 'Trame nationale');`,
  '0008_protocols': `
    INSERT INTO protocol (id, code, title, theme, family, mission_code, fiche_id, arrete_reference, arrete_on) VALUES (1, 'P-01', 'Cystite simple de la femme', 'Infectiologie', 'coop_nationale', 'parcours', 1, 'Arrêté du 9 mars 2023', '2023-03-09');
    INSERT INTO protocol_version (id, protocol_id, number, status, situation, population, validated_on, validated_by, validation_meeting_id, validation_decision_id, in_force_on, next_review_on) VALUES (1, 1, 1, 'en_vigueur', 'Brûlures mictionnelles', 'Femmes de 16 à 65 ans', '2025-03-12', 'Conseil d’administration', 1, 1, '2025-03-20', '2027-03-12');
    INSERT INTO protocol_profession (version_id, profession_code, role) VALUES (1, '10', 'Délégant'), (1, '21', 'Délégué');
    INSERT INTO protocol_step (version_id, rank, profession_code, action, timing, place, tool) VALUES (1, 1, '21', 'Réaliser la bandelette urinaire', 'À l’officine', 'Officine', 'BU');
    INSERT INTO protocol_member (protocol_id, member_id, role, joined_on, adhesion_signed_on) VALUES (1, 1, 'delegant', '2025-03-12', '2025-03-12'), (1, 2, 'delegue', '2025-03-12', '2025-03-14');
    INSERT INTO protocol_declaration (protocol_id, kind, declared_on, channel, referent_member_id, project_attested_on, team_snapshot, document_id) VALUES (1, 'initiale', '2025-03-18', 'Démarches simplifiées', 1, '2025-03-18', '[{"memberId":1,"role":"delegant"},{"memberId":2,"role":"delegue"}]', 1);
    INSERT INTO protocol_use (protocol_id, used_on, professional_member_id, delegant_member_id, age_band, sex, has_mt, outcome, adverse_event) VALUES (1, '2025-04-02', 2, 1, '26_45', 'F', 1, 'pris_en_charge', 0);
    INSERT INTO protocol_yearly_report (protocol_id, year, sent_on) VALUES (1, 2025, '2026-01-20');
    INSERT INTO protocol_session (id, protocol_id, version_id, kind, held_on, meeting_id, audience, attendees) VALUES (1, 1, 1, 'formation', '2025-03-25', 1, 'Pharmaciens du territoire', 12);
    INSERT INTO protocol_document (protocol_id, version_id, session_id, document_id, kind) VALUES (1, 1, 1, 1, 'support');`,
  '0009_reports': `
    UPDATE cpts SET logo_document_id = 1;
    INSERT INTO staff_member (full_name, role, employment, fte, started_on) VALUES ('Claire Martin', 'Coordinatrice', 'salarie', 1, '2022-09-01');
    INSERT INTO report_draft (id, kind, year, contract_year_id, introduction, approval_meeting_id, approval_decision_id, include_members_list) VALUES (1, 'rapport_activite', 2025, 1, 'Une année de déploiement.', 1, 1, 1);
    INSERT INTO report_draft (id, kind, contract_id, introduction) VALUES (2, 'renouvellement', 1, 'Cinq ans de projet de santé.');
    INSERT INTO report_draft_section (draft_id, section_key, included, body, difficulties, next_steps) VALUES (1, 'mission_acces', 1, 'Le SAS fonctionne.', 'Peu de médecins.', 'Ouvrir une permanence.'), (1, 'finances', 0, NULL, NULL, NULL);
    INSERT INTO report_draft_highlight (draft_id, position, title, body, happened_on) VALUES (1, 0, 'Journée prévention', 'Trois cents visiteurs', '2025-06-14');
    INSERT INTO report_draft_photo (draft_id, document_id, section_key, caption) VALUES (1, 1, 'mission_prevention', 'Le stand de dépistage');
    INSERT INTO renewal_indicator_proposal (draft_id, indicator_id, mission_code, label, target_text, comment) VALUES (2, 1, 'acces', 'Patients sans médecin traitant orientés', '≥ 250', 'Cible relevée');`,
};

function tables(sqlite: Database.Database): string[] {
  return (
    sqlite
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE 'kysely\\_%' ESCAPE '\\' ORDER BY name",
      )
      .all() as { name: string }[]
  ).map((row) => row.name);
}

/** Every row of every table, with the columns the table has at this version. */
function snapshot(sqlite: Database.Database): Map<string, { columns: string[]; rows: unknown[] }> {
  const result = new Map<string, { columns: string[]; rows: unknown[] }>();
  for (const table of tables(sqlite)) {
    const columns = (sqlite.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map(
      (row) => row.name,
    );
    result.set(table, { columns, rows: sqlite.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all() });
  }
  return result;
}

describe('upgrade from every past schema version', () => {
  it('has representative rows for every migration (a new migration adds its own to POPULATE)', () => {
    expect(Object.keys(POPULATE).sort()).toEqual(NAMES);
  });

  for (const [index, version] of NAMES.entries()) {
    it(`a database filled at ${version} upgrades to ${NAMES.at(-1)} with its data intact`, async () => {
      const { dir, cleanup } = tempDir();
      cleanups.push(cleanup);
      const file = join(dir, 'maillage.sqlite');

      // The file as that version of the app left it: its migrations only, WAL, then its rows.
      const old = new Database(file);
      old.pragma('journal_mode = WAL');
      old.pragma('foreign_keys = ON');
      const oldDb = new Kysely<unknown>({ dialect: new SqliteDialect({ database: old }) });
      const migrated = await new Migrator({
        db: oldDb,
        provider: { getMigrations: async () => migrations },
        migrationTableName: 'kysely_migration',
      }).migrateTo(version);
      expect(migrated.error).toBeUndefined();
      for (const name of NAMES.slice(0, index + 1)) old.exec(POPULATE[name]!);
      const before = snapshot(old);
      const rowCount = [...before.values()].reduce((sum, table) => sum + table.rows.length, 0);
      expect(rowCount).toBeGreaterThanOrEqual(5);
      await oldDb.destroy();

      const opened = await openDatabase({ file, now: () => new Date('2026-12-03T07:00:00Z') });
      const pending = NAMES.length - index - 1;
      expect(opened.backupBeforeMigration !== null).toBe(pending > 0);
      const applied = (
        opened.sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]
      ).map((row) => row.name);
      expect(applied).toEqual(NAMES);
      expect(opened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(opened.sqlite.pragma('foreign_key_check')).toEqual([]);

      // Every row kept, every old column with its value (new columns, and rows a migration adds, may come beside them).
      for (const [table, { columns, rows }] of before) {
        const list = columns.map((column) => `"${column}"`).join(', ');
        const after = opened.sqlite.prepare(`SELECT ${list} FROM "${table}" ORDER BY rowid`).all();
        expect({ table, rows: after }).toEqual({ table, rows: expect.arrayContaining(rows) });
      }
      // And the app reads them through its services.
      if (index >= 1) {
        const members = await listMembers(opened.db, '2026-12-03');
        expect(members.map((member) => member.id).sort()).toEqual([1, 2, 3]);
      }
      await opened.close();
    });
  }
});
