import type { Generated } from 'kysely';

// Tables of the projet de santé and its ACI contract (migration 0007): documents, the contract, its years,
// missions, envelopes, payments and dialogues, partnerships, fiches actions, indicators, evidence, crisis plan.
// Listed in the `DB` interface of schema.ts.

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
