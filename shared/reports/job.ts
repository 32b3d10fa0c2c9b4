import type { ActivityReportData } from './activity-report';
import type { AttendanceSheetData, ConvocationData, PvData } from './ag';
import type { FicheActionData } from './fiche-action';
import type { HealthProjectSummaryData } from './health-project-summary';
import type { IdentitySheetData } from './identity';
import type { IndicatorsTrackingData } from './indicators-tracking';
import type { ManagementDialogueData } from './management-dialogue';
import type { MeetingMinutesData, RcpYearData } from './meetings';
import type { CompositionData, MembersListData } from './members';
import type { ProtocolData } from './protocol';
import type { ProtocolRegisterData } from './protocol-register';
import type { RenewalDossierData } from './renewal-dossier';
import type { TeamDeclarationData } from './team-declaration';

/**
 * Every report the PDF worker can render: its kind and its data. To add one: extend this union with
 * `{ kind: 'x'; data: XData }` and add its document to `documents` in electron/pdf/render.ts (the compiler asks).
 */
export type ReportJob =
  | { kind: 'identity'; data: IdentitySheetData }
  | { kind: 'membersList'; data: MembersListData }
  | { kind: 'composition'; data: CompositionData }
  | { kind: 'meetingMinutes'; data: MeetingMinutesData }
  | { kind: 'rcpYear'; data: RcpYearData }
  | { kind: 'convocation'; data: ConvocationData }
  | { kind: 'attendanceSheet'; data: AttendanceSheetData }
  | { kind: 'pv'; data: PvData }
  | { kind: 'indicatorsTracking'; data: IndicatorsTrackingData }
  | { kind: 'ficheAction'; data: FicheActionData }
  | { kind: 'healthProjectSummary'; data: HealthProjectSummaryData }
  | { kind: 'protocol'; data: ProtocolData }
  | { kind: 'protocolRegister'; data: ProtocolRegisterData }
  | { kind: 'teamDeclaration'; data: TeamDeclarationData }
  | { kind: 'renewalDossier'; data: RenewalDossierData }
  | { kind: 'managementDialogue'; data: ManagementDialogueData }
  | { kind: 'activityReport'; data: ActivityReportData };

/** A report ready to render, with the file name offered when saving it. */
export interface ReportExport {
  fileName: string;
  job: ReportJob;
}
