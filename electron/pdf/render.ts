import { createElement, type ReactElement } from 'react';
import { renderToBuffer, type DocumentProps } from '@react-pdf/renderer';
import { ActivityReport } from './activity-report/ActivityReport';
import { AttendanceSheet } from './attendance-sheet/AttendanceSheet';
import { Composition } from './composition/Composition';
import { Convocation } from './convocation/Convocation';
import { clearStaleGlyphs, registerFonts } from './fonts';
import { FicheAction } from './fiche-action/FicheAction';
import { HealthProjectSummary } from './health-project-summary/HealthProjectSummary';
import { IdentitySheet } from './identity/IdentitySheet';
import { IndicatorsTracking } from './indicators-tracking/IndicatorsTracking';
import { ManagementDialogue } from './management-dialogue/ManagementDialogue';
import { MeetingMinutes } from './meeting-minutes/MeetingMinutes';
import { MembersList } from './members-list/MembersList';
import { Protocol } from './protocol/Protocol';
import { ProtocolRegister } from './protocol-register/ProtocolRegister';
import { Pv } from './pv/Pv';
import { RcpYear } from './rcp-year/RcpYear';
import { RenewalDossier } from './renewal-dossier/RenewalDossier';
import { TeamDeclaration } from './team-declaration/TeamDeclaration';
import type { ReportJob } from '@shared/reports/job';

export type { ReportJob } from '@shared/reports/job';

export type ReportKind = ReportJob['kind'];

type DataOf<K extends ReportKind> = Extract<ReportJob, { kind: K }>['data'];

type DocumentBuilders = { [K in ReportKind]: (data: DataOf<K>) => ReactElement };

const documents: DocumentBuilders = {
  identity: (data) => createElement(IdentitySheet, { data }),
  membersList: (data) => createElement(MembersList, { data }),
  composition: (data) => createElement(Composition, { data }),
  meetingMinutes: (data) => createElement(MeetingMinutes, { data }),
  rcpYear: (data) => createElement(RcpYear, { data }),
  convocation: (data) => createElement(Convocation, { data }),
  attendanceSheet: (data) => createElement(AttendanceSheet, { data }),
  pv: (data) => createElement(Pv, { data }),
  indicatorsTracking: (data) => createElement(IndicatorsTracking, { data }),
  ficheAction: (data) => createElement(FicheAction, { data }),
  healthProjectSummary: (data) => createElement(HealthProjectSummary, { data }),
  protocol: (data) => createElement(Protocol, { data }),
  protocolRegister: (data) => createElement(ProtocolRegister, { data }),
  teamDeclaration: (data) => createElement(TeamDeclaration, { data }),
  renewalDossier: (data) => createElement(RenewalDossier, { data }),
  managementDialogue: (data) => createElement(ManagementDialogue, { data }),
  activityReport: (data) => createElement(ActivityReport, { data }),
};

export function isReportKind(kind: unknown): kind is ReportKind {
  return typeof kind === 'string' && Object.prototype.hasOwnProperty.call(documents, kind);
}

/** The react-pdf element of a job (exported for tests and previews). */
export function buildDocument(job: ReportJob): ReactElement<DocumentProps> {
  if (!isReportKind(job.kind)) throw new Error(`type de rapport inconnu (${String(job.kind)})`);
  // TypeScript cannot correlate job.kind with job.data across the union: the map's type guarantees it.
  const build = documents[job.kind] as (data: ReportJob['data']) => ReactElement;
  return build(job.data) as ReactElement<DocumentProps>;
}

/** Renders a report to PDF bytes. Fonts are registered from `fontsDir` (resources/fonts) on first use. */
export async function renderReport(job: ReportJob, options: { fontsDir: string }): Promise<Buffer> {
  registerFonts(options.fontsDir);
  clearStaleGlyphs();
  return renderToBuffer(buildDocument(job));
}
