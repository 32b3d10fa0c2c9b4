import type { Generated } from 'kysely';
import type {
  ProtocolDeclarationTable,
  ProtocolDocumentTable,
  ProtocolMemberTable,
  ProtocolProfessionTable,
  ProtocolSessionTable,
  ProtocolStepTable,
  ProtocolTable,
  ProtocolUseTable,
  ProtocolVersionTable,
  ProtocolYearlyReportTable,
} from './schema-protocols';

/** Kysely table types. Dates are ISO strings, booleans 0/1, money integer cents. */
export interface CptsTable {
  id: number;
  name: string;
  legal_form: string;
  rna: string | null;
  siren: string | null;
  siret: string | null;
  address_line: string | null;
  postal_code: string | null;
  city: string | null;
  president_name: string | null;
  coordinator_name: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  ars_region_code: string | null;
  cpam: string | null;
  letter_of_intent_submitted_on: string | null;
  letter_of_intent_validated_on: string | null;
  health_project_submitted_on: string | null;
  health_project_validated_on: string | null;
  aci_signed_on: string | null;
  aci_contract_number: string | null;
  aci_anniversary_on: string | null;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

export interface TerritoryCommuneTable {
  code_insee: string;
  /** Year of the COG in force when the commune was added. */
  cog_year: number;
  added_at: Generated<string>;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Generated<string>;
  action: string;
  entity: string;
  entity_id: string | null;
  detail: string | null;
}

export interface CollegeTable {
  id: Generated<number>;
  name: string;
  voting_right: 'deliberative' | 'consultative';
  seats: number | null;
  vote_weight: Generated<number>;
  description: string | null;
  position: Generated<number>;
  created_at: Generated<string>;
}

export interface MemberTable {
  id: Generated<number>;
  kind: 'person' | 'structure';
  civility: string | null;
  last_name: string | null;
  first_name: string | null;
  profession_code: string | null;
  specialty: string | null;
  rpps: string | null;
  adeli: string | null;
  practice_mode: 'liberal' | 'salarie' | 'mixte' | null;
  structure_name: string | null;
  structure_type: string | null;
  finess_ej: string | null;
  finess_et: string | null;
  siret: string | null;
  representative_name: string | null;
  commune_code: string | null;
  address: string | null;
  structure_member_id: number | null;
  structure_label: string | null;
  phone: string | null;
  email: string | null;
  college_id: number | null;
  joined_on: string | null;
  left_on: string | null;
  left_reason: string | null;
  directory_consent_on: string | null;
  notes: string | null;
  erased_at: string | null;
  search_key: Generated<string>;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

export interface MandateTable {
  id: Generated<number>;
  member_id: number;
  role: string;
  label: string | null;
  start_on: string;
  end_on: string | null;
}

export interface CotisationTable {
  id: Generated<number>;
  member_id: number;
  year: number;
  amount_cents: number;
  paid_on: string | null;
  mode: string | null;
}

export interface CotisationRateTable {
  year: number;
  member_type: 'professionnel' | 'structure' | 'autre';
  amount_cents: number;
}

export interface AppSettingTable {
  key: string;
  value: string;
}

export interface ErasedIdentityTable {
  /** HMAC-SHA256 of « rpps:… » or « nom:… », keyed by the database's own secret. */
  hash: string;
  erased_at: Generated<string>;
}

export interface MeetingTable {
  id: Generated<number>;
  type: string;
  title: string;
  date: string;
  start_time: string | null;
  end_time: string | null;
  place: string | null;
  visio_url: string | null;
  organiser_member_id: number | null;
  organiser_label: string | null;
  status: Generated<'prevue' | 'tenue' | 'annulee'>;
  summary: string | null;
  rcp_kind: 'clinique' | 'thematique' | null;
  theme: string | null;
  created_at: Generated<string>;
  updated_at: Generated<string>;
  convocation_sent_on: string | null;
  convocation_mode: string | null;
  president_member_id: number | null;
  secretaire_member_id: number | null;
  pv_approved_on: string | null;
  convocation_round: Generated<1 | 2>;
  first_round_meeting_id: number | null;
  pv_status: Generated<'brouillon' | 'approuve'>;
  rules_snapshot: string | null;
  /** The PV data as approved (JSON, names included); null while the PV is a draft. */
  pv_snapshot: Generated<string | null>;
}

export interface StatutoryRulesVersionTable {
  id: Generated<number>;
  effective_from: string;
  source: string | null;
  rules_json: string;
  created_at: Generated<string>;
}

export interface AgPresenceTable {
  meeting_id: number;
  member_id: number;
  present: number;
  arrived_at: string | null;
  left_at: string | null;
}

/** Every arrival and departure of an assembly, with its time (the PV states who left before which vote). */
export interface AgPresenceEventTable {
  id: Generated<number>;
  meeting_id: number;
  member_id: number;
  kind: 'arrivee' | 'depart';
  at: string;
}

export interface AgProxyTable {
  id: Generated<number>;
  meeting_id: number;
  mandant_member_id: number;
  mandataire_member_id: number;
  received_on: string | null;
  created_at: Generated<string>;
}

export interface ResolutionTable {
  id: Generated<number>;
  meeting_id: number;
  agenda_item_id: number | null;
  position: number;
  title: string;
  text: string;
  kind: Generated<string>;
  votes_pour: number | null;
  votes_contre: number | null;
  votes_abstention: number | null;
  votes_blanc: number | null;
  adopted: number | null;
  arithmetic: string | null;
  quorum_json: string | null;
  /** When the vote was recorded (ISO date-time). */
  voted_at: Generated<string | null>;
  /** Head counts per collège of a weighted vote (JSON), the weights being applied by the app. */
  college_votes_json: Generated<string | null>;
}

export interface FormalityTable {
  id: Generated<number>;
  meeting_id: number;
  kind: string;
  label: string;
  due_on: string | null;
  done_on: string | null;
  notes: string | null;
}

export interface AgendaItemTable {
  id: Generated<number>;
  meeting_id: number;
  position: number;
  title: string;
  minutes: string | null;
}

export interface MeetingParticipantTable {
  id: Generated<number>;
  meeting_id: number;
  member_id: number | null;
  guest_name: string | null;
  guest_quality: string | null;
  profession_code: string | null;
  attendance: 'present' | 'excuse' | 'absent' | 'represente' | null;
  minutes_spent: number | null;
}

export interface DecisionTable {
  id: Generated<number>;
  meeting_id: number;
  agenda_item_id: number | null;
  text: string;
  owner_member_id: number | null;
  owner_label: string | null;
  due_on: string | null;
  status: Generated<'a_faire' | 'en_cours' | 'fait' | 'abandonnee'>;
  done_on: string | null;
}

export interface MeetingDocumentTable {
  id: Generated<number>;
  meeting_id: number;
  file_name: string;
  stored_name: string;
  size: number;
  added_at: Generated<string>;
}

export interface RcpMotifTable {
  code: string;
  label: string;
}

export interface RcpCaseTable {
  id: Generated<number>;
  meeting_id: number;
  code: string;
  age_band: string;
  sex: 'F' | 'M' | null;
  over_75: number;
  ald: number;
  motif_code: string | null;
  motif_text: string | null;
  summary: string | null;
  patient_informed: number;
  follow_up_on: string | null;
  follow_up_status: Generated<'a_faire' | 'fait' | 'sans_objet'>;
}

export interface RcpCaseDecisionTable {
  id: Generated<number>;
  case_id: number;
  action: string;
  owner_participant_id: number | null;
  due_on: string | null;
  status: Generated<'a_faire' | 'en_cours' | 'fait' | 'abandonnee'>;
}

export type MissionCode = 'acces' | 'parcours' | 'prevention' | 'crise' | 'qualite' | 'accompagnement';

export interface DocumentTable {
  id: Generated<number>;
  title: string | null;
  file_name: string;
  stored_name: string;
  size: number;
  added_at: Generated<string>;
}

export interface AciContractTable {
  id: Generated<number>;
  number: string | null;
  aci_version: string;
  signed_on: string;
  anniversary_on: string | null;
  duration_years: Generated<number>;
  status: Generated<'en_preparation' | 'actif' | 'echu' | 'resilie' | 'renouvele'>;
  previous_contract_id: number | null;
  note: string | null;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

export interface AciContractSignatoryTable {
  id: Generated<number>;
  contract_id: number;
  party: 'cpts' | 'cpam' | 'ars' | 'autre';
  organisation: string;
  signatory_name: string | null;
  signatory_role: string | null;
  signed_on: string | null;
}

export interface AciContractYearTable {
  id: Generated<number>;
  contract_id: number;
  year_index: number;
  start_on: string;
  end_on: string;
  taille: number | null;
  population: number | null;
  population_ref_year: number | null;
  fonctionnement_cents: number | null;
}

export interface AciContractMissionTable {
  id: Generated<number>;
  contract_id: number;
  mission_code: MissionCode;
  started_on: string | null;
  deployed_on: string | null;
  start_deadline_on: string | null;
  deploy_deadline_on: string | null;
  note: string | null;
}

export interface AciEnvelopeTable {
  id: Generated<number>;
  contract_year_id: number;
  mission_code: MissionCode;
  fixed_cents: Generated<number>;
  variable_max_cents: Generated<number>;
  note: string | null;
}

export interface AciPaymentTable {
  id: Generated<number>;
  contract_year_id: number;
  mission_code: MissionCode | null;
  kind: 'fonctionnement' | 'avance_fixe' | 'solde_fixe' | 'variable' | 'lettre_intention' | 'autre';
  payer: Generated<'cpam' | 'ars' | 'autre'>;
  label: string | null;
  expected_on: string | null;
  expected_cents: number | null;
  received_on: string | null;
  received_cents: number | null;
  reference: string | null;
  note: string | null;
}

export interface AciDialogueTable {
  id: Generated<number>;
  contract_year_id: number;
  held_on: string;
  participants: string | null;
  documents_sent: string | null;
  outcome: string | null;
  variable_validated_cents: number | null;
  targets_amended: Generated<number>;
  amendment_note: string | null;
  minutes_document_id: number | null;
}

export interface PartnershipTable {
  id: Generated<number>;
  type: 'cls' | 'cts' | 'hopital_proximite' | 'ght' | 'dac' | 'sas' | 'cpam' | 'collectivite' | 'federation' | 'autre';
  partner: string;
  title: string | null;
  signed_on: string | null;
  starts_on: string | null;
  ends_on: string | null;
  cpts_seat: string | null;
  axes: string | null;
  fiches_total: number | null;
  note: string | null;
  created_at: Generated<string>;
}

export interface FicheActionTable {
  id: Generated<number>;
  code: string | null;
  title: string;
  axis: string | null;
  mission_code: MissionCode | null;
  partnership_id: number | null;
  external_ref: string | null;
  cpts_role: Generated<'porteur' | 'co_porteur' | 'participant'>;
  porteur_org: string | null;
  context: string | null;
  general_objective: string | null;
  operational_objectives: string | null;
  description: string | null;
  target_public: string | null;
  pilot_member_id: number | null;
  status: Generated<'non_debutee' | 'en_cours' | 'deployee' | 'suspendue' | 'abandonnee' | 'realisee'>;
  starts_on: string | null;
  ends_on: string | null;
  difficulties: string | null;
  next_steps: string | null;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

export interface FicheActionCommuneTable {
  fiche_id: number;
  code_insee: string;
}

export interface FicheActionMemberTable {
  fiche_id: number;
  member_id: number;
  role: string | null;
}

export interface FicheActionPartnerTable {
  id: Generated<number>;
  fiche_id: number;
  organisation: string;
  role: string | null;
}

export interface FicheActionMilestoneTable {
  id: Generated<number>;
  fiche_id: number;
  label: string;
  due_on: string | null;
  done_on: string | null;
  note: string | null;
}

export interface FicheActionBudgetTable {
  id: Generated<number>;
  fiche_id: number;
  year: number;
  source: 'aci' | 'fir' | 'cls' | 'collectivite' | 'autre';
  planned_cents: number | null;
  actual_cents: number | null;
}

export interface FicheActionMeetingTable {
  fiche_id: number;
  meeting_id: number;
}

export interface IndicatorTable {
  id: Generated<number>;
  contract_id: number;
  mission_code: MissionCode;
  fiche_id: number | null;
  code: string | null;
  label: string;
  kind: 'moyens' | 'processus' | 'resultat';
  value_type: 'oui_non' | 'nombre' | 'taux' | 'delai';
  unit: string | null;
  direction: Generated<'hausse' | 'baisse' | 'atteindre'>;
  definition: string | null;
  data_source: Generated<'cpam' | 'cpts' | 'ars' | 'partenaire' | 'maillage' | 'autre'>;
  auto_measure: string | null;
  baseline_value: number | null;
  baseline_on: string | null;
  baseline_source: string | null;
  position: Generated<number>;
  archived_at: string | null;
  created_at: Generated<string>;
}

export interface IndicatorTargetTable {
  id: Generated<number>;
  indicator_id: number;
  contract_year_id: number;
  target_value: number | null;
  payment_rule: 'tout_ou_rien' | 'paliers' | 'proportionnel';
  max_cents: Generated<number>;
  carried_over_from_id: number | null;
  note: string | null;
}

export interface IndicatorTierTable {
  id: Generated<number>;
  target_id: number;
  rank: number;
  label: string | null;
  threshold: number;
  amount_cents: number;
}

export interface IndicatorMeasureTable {
  id: Generated<number>;
  indicator_id: number;
  contract_year_id: number;
  value: number;
  period_start: string | null;
  period_end: string | null;
  measured_on: string;
  source: string | null;
  status: Generated<'brouillon' | 'declare' | 'valide'>;
  comment: string | null;
  computed_from: string | null;
  created_at: Generated<string>;
}

export interface EvidenceRequirementTable {
  id: Generated<number>;
  indicator_id: number | null;
  fiche_id: number | null;
  label: string;
  required: Generated<number>;
}

export interface EvidenceTable {
  id: Generated<number>;
  requirement_id: number;
  contract_year_id: number;
  document_id: number | null;
  meeting_document_id: number | null;
  meeting_id: number | null;
  provided_on: string | null;
  checked: Generated<number>;
  remark: string | null;
}

export interface DocumentLinkTable {
  id: Generated<number>;
  document_id: number;
  contract_id: number | null;
  contract_year_id: number | null;
  partnership_id: number | null;
  fiche_id: number | null;
  kind: Generated<'contrat_signe' | 'annexe_indicateurs' | 'avenant' | 'convention' | 'plan_crise' | 'autre'>;
}

export interface CrisisPlanEventTable {
  id: Generated<number>;
  kind: 'redaction' | 'mise_a_jour' | 'transmission_ars' | 'partage_membres' | 'exercice' | 'activation';
  occurred_on: string;
  referent_member_id: number | null;
  document_id: number | null;
  note: string | null;
}

export interface DB {
  cpts: CptsTable;
  territory_commune: TerritoryCommuneTable;
  audit_log: AuditLogTable;
  college: CollegeTable;
  member: MemberTable;
  mandate: MandateTable;
  cotisation: CotisationTable;
  cotisation_rate: CotisationRateTable;
  app_setting: AppSettingTable;
  erased_identity: ErasedIdentityTable;
  meeting: MeetingTable;
  agenda_item: AgendaItemTable;
  meeting_participant: MeetingParticipantTable;
  decision: DecisionTable;
  meeting_document: MeetingDocumentTable;
  rcp_motif: RcpMotifTable;
  rcp_case: RcpCaseTable;
  rcp_case_decision: RcpCaseDecisionTable;
  statutory_rules_version: StatutoryRulesVersionTable;
  ag_presence: AgPresenceTable;
  ag_presence_event: AgPresenceEventTable;
  ag_proxy: AgProxyTable;
  resolution: ResolutionTable;
  formality: FormalityTable;
  document: DocumentTable;
  aci_contract: AciContractTable;
  aci_contract_signatory: AciContractSignatoryTable;
  aci_contract_year: AciContractYearTable;
  aci_contract_mission: AciContractMissionTable;
  aci_envelope: AciEnvelopeTable;
  aci_payment: AciPaymentTable;
  aci_dialogue: AciDialogueTable;
  partnership: PartnershipTable;
  fiche_action: FicheActionTable;
  fiche_action_commune: FicheActionCommuneTable;
  fiche_action_member: FicheActionMemberTable;
  fiche_action_partner: FicheActionPartnerTable;
  fiche_action_milestone: FicheActionMilestoneTable;
  fiche_action_budget: FicheActionBudgetTable;
  fiche_action_meeting: FicheActionMeetingTable;
  indicator: IndicatorTable;
  indicator_target: IndicatorTargetTable;
  indicator_tier: IndicatorTierTable;
  indicator_measure: IndicatorMeasureTable;
  evidence_requirement: EvidenceRequirementTable;
  evidence: EvidenceTable;
  document_link: DocumentLinkTable;
  crisis_plan_event: CrisisPlanEventTable;
  protocol: ProtocolTable;
  protocol_version: ProtocolVersionTable;
  protocol_profession: ProtocolProfessionTable;
  protocol_step: ProtocolStepTable;
  protocol_member: ProtocolMemberTable;
  protocol_declaration: ProtocolDeclarationTable;
  protocol_use: ProtocolUseTable;
  protocol_yearly_report: ProtocolYearlyReportTable;
  protocol_session: ProtocolSessionTable;
  protocol_document: ProtocolDocumentTable;
}
