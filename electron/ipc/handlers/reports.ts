import type { reportsChannels } from '@shared/contract';
import {
  attendanceSheetExport,
  compositionExport,
  convocationExport,
  ficheActionExport,
  type ExportClock,
  healthProjectSummaryExport,
  identitySheetExport,
  meetingMinutesExport,
  membersListExport,
  pvExport,
  rcpYearExport,
} from '../../services/report-exports';
import { protocolExport, protocolRegisterExport, teamDeclarationExport } from '../../services/report-exports-protocols';
import { renewalDossierExport } from '../../services/renewal';
import { exportManagementDialogue } from '../../services/management-dialogue';
import { indicatorsTrackingExport } from '../../services/tracking-export';
import { type HandlerContext, type HandlersFor, todayIn } from './context';
import { createPdfExports } from './pdf-exports';

/** PDF reports: each reads its data, asks where to save, then renders off the UI path. */
export function reportsHandlers(ctx: HandlerContext): HandlersFor<keyof typeof reportsChannels> {
  const today = todayIn(ctx);
  const clock = (): ExportClock => ({ now: ctx.now(), today: today() });
  const { savePdf, pdfStatus, cancelPdf } = createPdfExports(ctx);
  return {
    'reports.exportIdentitySheet': async () => savePdf(await identitySheetExport(ctx.db, clock())),
    'reports.pdfStatus': async () => pdfStatus(),
    'reports.cancelPdf': async () => cancelPdf(),
    'reports.exportMembersList': async (options) => savePdf(await membersListExport(ctx.db, options, clock())),
    'reports.exportComposition': async ({ year }) => savePdf(await compositionExport(ctx.db, year, clock())),
    'reports.exportMeetingMinutes': async ({ meetingId }) =>
      savePdf(await meetingMinutesExport(ctx.db, meetingId, clock())),
    'reports.exportRcpYear': async ({ year }) => savePdf(await rcpYearExport(ctx.db, year, clock())),
    'reports.exportConvocation': async ({ meetingId }) => savePdf(await convocationExport(ctx.db, meetingId, clock())),
    'reports.exportAttendanceSheet': async ({ meetingId }) =>
      savePdf(await attendanceSheetExport(ctx.db, meetingId, clock())),
    'reports.exportPv': async ({ meetingId }) => savePdf(await pvExport(ctx.db, meetingId, clock())),
    'reports.exportFicheAction': async ({ ficheId }) => savePdf(await ficheActionExport(ctx.db, ficheId, clock())),
    'reports.exportHealthProjectSummary': async () => savePdf(await healthProjectSummaryExport(ctx.db, clock())),
    'reports.exportIndicatorsTracking': async ({ contractYearId }) =>
      savePdf(await indicatorsTrackingExport(ctx.db, contractYearId, clock())),
    'reports.exportProtocol': async (input) => savePdf(await protocolExport(ctx.db, input, clock())),
    'reports.exportProtocolRegister': async ({ year }) => savePdf(await protocolRegisterExport(ctx.db, year, clock())),
    'reports.exportTeamDeclaration': async ({ protocolId }) =>
      savePdf(await teamDeclarationExport(ctx.db, protocolId, clock())),
    'reports.exportRenewalDossier': async ({ contractId }) =>
      savePdf(await renewalDossierExport(ctx.db, contractId, clock())),
    'reports.exportManagementDialogue': async ({ contractYearId }) =>
      exportManagementDialogue(ctx.db, contractYearId, { ...clock(), documentsDir: ctx.documentsDir, savePdf }),
  };
}
