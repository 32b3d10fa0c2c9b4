import type { RcpCaseRow } from '@shared/contract';

/** The motif select's last option: typing a new motif instead of choosing one. */
export const NEW_MOTIF = '__nouveau';

/** Fields of the case form under which a refused save can put its messages. */
export const CASE_FIELDS = [
  'ageBand',
  'sex',
  'over75',
  'ald',
  'motifCode',
  'motifText',
  'summary',
  'patientInformed',
  'followUpOn',
  'followUpStatus',
  'decisions',
] as const;

export interface CaseDecisionValues {
  id: string;
  action: string;
  ownerParticipantId: string;
  dueOn: string;
  status: string;
}
export interface CaseValues {
  id: string;
  meetingId: number;
  ageBand: string;
  sex: string;
  over75: boolean;
  ald: boolean;
  motifCode: string;
  motifText: string;
  summary: string;
  patientInformed: boolean;
  followUpOn: string;
  followUpStatus: string;
  decisions: CaseDecisionValues[];
}

/** The form's values for a stored case, or for a new one. */
export const caseToValues = (meetingId: number, row: RcpCaseRow | null): CaseValues => ({
  id: row ? String(row.id) : '',
  meetingId,
  ageBand: row?.ageBand ?? '',
  sex: row?.sex ?? '',
  over75: row?.over75 ?? false,
  ald: row?.ald ?? false,
  motifCode: row?.motifCode ?? '',
  motifText: row?.motifText ?? '',
  summary: row?.summary ?? '',
  patientInformed: row?.patientInformed ?? false,
  followUpOn: row?.followUpOn ?? '',
  followUpStatus: row?.followUpStatus ?? 'a_faire',
  decisions: (row?.decisions ?? []).map((d) => ({
    id: String(d.id),
    action: d.action,
    ownerParticipantId: d.ownerParticipantId ? String(d.ownerParticipantId) : '',
    dueOn: d.dueOn ?? '',
    status: d.status,
  })),
});

export const emptyCaseDecision = (): CaseDecisionValues => ({
  id: '',
  action: '',
  ownerParticipantId: '',
  dueOn: '',
  status: 'a_faire',
});
