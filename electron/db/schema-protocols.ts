import type {
  AgeBand,
  PatientSex,
  ProtocolDeclarationKind,
  ProtocolDocumentKind,
  ProtocolFamily,
  ProtocolMemberRole,
  ProtocolSessionKind,
  ProtocolVersionStatus,
  UseOutcome,
} from '@shared/domain/protocol-labels';
import type { Generated } from 'kysely';
import type { MissionCode } from './schema-health-project';

// Tables of the library of protocols (migration 0008). Listed in the `DB` interface of schema.ts.

export interface ProtocolTable {
  id: Generated<number>;
  code: string | null;
  title: string;
  theme: string | null;
  family: Generated<ProtocolFamily>;
  mission_code: MissionCode | null;
  fiche_id: number | null;
  arrete_reference: string | null;
  arrete_on: string | null;
  review_every_months: Generated<number>;
  archived_on: string | null;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

export interface ProtocolVersionTable {
  id: Generated<number>;
  protocol_id: number;
  number: number;
  status: Generated<ProtocolVersionStatus>;
  situation: string | null;
  need: string | null;
  population: string | null;
  inclusion_criteria: string | null;
  exclusion_criteria: string | null;
  objectives: string | null;
  critical_points: string | null;
  traceability: string | null;
  references_text: string | null;
  evaluation: string | null;
  derogatory_acts: string | null;
  changelog: string | null;
  drafted_on: string | null;
  validated_on: string | null;
  validated_by: string | null;
  validation_meeting_id: number | null;
  validation_decision_id: number | null;
  in_force_on: string | null;
  ended_on: string | null;
  next_review_on: string | null;
  imported_from: string | null;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

export interface ProtocolProfessionTable {
  id: Generated<number>;
  version_id: number;
  profession_code: string;
  role: string | null;
}

export interface ProtocolStepTable {
  id: Generated<number>;
  version_id: number;
  rank: number;
  profession_code: string;
  action: string;
  timing: string | null;
  place: string | null;
  tool: string | null;
}

export interface ProtocolMemberTable {
  id: Generated<number>;
  protocol_id: number;
  member_id: number;
  role: ProtocolMemberRole;
  joined_on: string;
  left_on: string | null;
  adhesion_signed_on: string | null;
}

export interface ProtocolDeclarationTable {
  id: Generated<number>;
  protocol_id: number;
  kind: ProtocolDeclarationKind;
  declared_on: string;
  channel: string | null;
  reference: string | null;
  referent_member_id: number | null;
  project_attested_on: string | null;
  /** The team as declared: JSON array of `{ memberId, role }`. */
  team_snapshot: string;
  document_id: number | null;
  note: string | null;
}

export interface ProtocolUseTable {
  id: Generated<number>;
  protocol_id: number;
  used_on: string;
  professional_member_id: number | null;
  delegant_member_id: number | null;
  age_band: AgeBand | null;
  sex: PatientSex | null;
  has_mt: 0 | 1 | null;
  outcome: UseOutcome;
  adverse_event: Generated<0 | 1>;
  adverse_event_text: string | null;
  note: string | null;
  created_at: Generated<string>;
}

export interface ProtocolYearlyReportTable {
  protocol_id: number;
  year: number;
  sent_on: string;
  note: string | null;
}

export interface ProtocolSessionTable {
  id: Generated<number>;
  protocol_id: number;
  version_id: number | null;
  kind: Generated<ProtocolSessionKind>;
  held_on: string;
  meeting_id: number | null;
  audience: string | null;
  attendees: number | null;
  note: string | null;
}

export interface ProtocolDocumentTable {
  id: Generated<number>;
  protocol_id: number;
  version_id: number | null;
  session_id: number | null;
  document_id: number;
  kind: Generated<ProtocolDocumentKind>;
}
