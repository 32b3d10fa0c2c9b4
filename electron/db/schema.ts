import type { Generated } from 'kysely';
import type {
  AciContractMissionTable,
  AciContractSignatoryTable,
  AciContractTable,
  AciContractYearTable,
  AciDialogueTable,
  AciEnvelopeTable,
  AciPaymentTable,
  CrisisPlanEventTable,
  DocumentLinkTable,
  DocumentTable,
  EvidenceRequirementTable,
  EvidenceTable,
  FicheActionBudgetTable,
  FicheActionCommuneTable,
  FicheActionMeetingTable,
  FicheActionMemberTable,
  FicheActionMilestoneTable,
  FicheActionPartnerTable,
  FicheActionTable,
  IndicatorMeasureTable,
  IndicatorTable,
  IndicatorTargetTable,
  IndicatorTierTable,
  PartnershipTable,
} from './schema-health-project';
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
import type {
  RenewalIndicatorProposalTable,
  ReportDraftHighlightTable,
  ReportDraftPhotoTable,
  ReportDraftSectionTable,
  ReportDraftTable,
  StaffMemberTable,
} from './schema-reports';

export type * from './schema-health-project';

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
  logo_document_id: number | null;
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
  staff_member: StaffMemberTable;
  report_draft: ReportDraftTable;
  report_draft_section: ReportDraftSectionTable;
  report_draft_highlight: ReportDraftHighlightTable;
  report_draft_photo: ReportDraftPhotoTable;
  renewal_indicator_proposal: RenewalIndicatorProposalTable;
}
