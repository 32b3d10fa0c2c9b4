import type { Generated } from 'kysely';
import type { MembersListAudience, ReportDraftKind, StaffEmployment } from '@shared/domain/report-labels';
import type { MissionCode } from './schema-health-project';

// Tables of the yearly documents (migration 0009). Listed in the `DB` interface of schema.ts.

export interface StaffMemberTable {
  id: Generated<number>;
  full_name: string;
  role: string;
  employment: Generated<StaffEmployment>;
  fte: number | null;
  started_on: string;
  ended_on: string | null;
  note: string | null;
  created_at: Generated<string>;
}

export interface ReportDraftTable {
  id: Generated<number>;
  kind: ReportDraftKind;
  year: number | null;
  contract_id: number | null;
  contract_year_id: number | null;
  introduction: string | null;
  approval_meeting_id: number | null;
  approval_resolution_id: number | null;
  approval_decision_id: number | null;
  include_members_list: Generated<number>;
  members_list_audience: Generated<MembersListAudience>;
  include_attendance: Generated<number>;
  include_tracking_annex: Generated<number>;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

export interface ReportDraftSectionTable {
  draft_id: number;
  section_key: string;
  included: Generated<number>;
  body: string | null;
  difficulties: string | null;
  next_steps: string | null;
}

export interface ReportDraftHighlightTable {
  id: Generated<number>;
  draft_id: number;
  position: Generated<number>;
  title: string;
  body: string | null;
  happened_on: string | null;
}

export interface ReportDraftPhotoTable {
  id: Generated<number>;
  draft_id: number;
  document_id: number;
  section_key: string | null;
  caption: string | null;
  position: Generated<number>;
}

export interface RenewalIndicatorProposalTable {
  id: Generated<number>;
  draft_id: number;
  indicator_id: number | null;
  mission_code: MissionCode;
  label: string;
  target_text: string | null;
  comment: string | null;
  position: Generated<number>;
}
