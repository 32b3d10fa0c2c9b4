import { agFileName, attendanceSheetData, convocationData, pvData } from '../../services/ag/reports';
import { assertYearStarted, meetingMinutesData, rcpYearData } from '../../services/meeting-reports';
import { compositionData, identitySheetData, membersListData, suggestedFileName } from '../../services/reports';
import { createPdfExports } from './pdf-exports';
import type { reportsChannels } from '@shared/contract';
import { type HandlerContext, type HandlersFor, todayIn } from './context';

/** PDF reports: each asks where to save, then renders off the UI path. */
export function reportsHandlers(ctx: HandlerContext): HandlersFor<keyof typeof reportsChannels> {
  const today = todayIn(ctx);
  const { savePdf, pdfStatus, cancelPdf } = createPdfExports(ctx);
  return {
    'reports.exportIdentitySheet': async () => {
      const data = await identitySheetData(ctx.db, ctx.now(), today());
      return savePdf(suggestedFileName('Fiche d’identité', data.cpts.name, today()), { kind: 'identity', data });
    },
    'reports.pdfStatus': async () => pdfStatus(),
    'reports.cancelPdf': async () => cancelPdf(),
    'reports.exportMembersList': async (options) => {
      const data = await membersListData(ctx.db, options, ctx.now(), today());
      const title = options.audience === 'bureau' ? 'Liste des adhérents' : 'Annuaire des adhérents';
      return savePdf(suggestedFileName(title, data.cptsName, today()), { kind: 'membersList', data });
    },
    'reports.exportComposition': async ({ year }) => {
      const data = await compositionData(ctx.db, year, ctx.now(), today());
      return savePdf(suggestedFileName(`Composition ${year}`, data.cptsName, today()), { kind: 'composition', data });
    },
    'reports.exportMeetingMinutes': async ({ meetingId }) => {
      const data = await meetingMinutesData(ctx.db, meetingId, ctx.now(), today());
      const title = data.rcp ? 'Compte rendu de RCP' : 'Compte rendu';
      return savePdf(`${title} - ${data.meeting.title.replace(/[\\/:*?"<>|]/g, '-')} - ${data.meeting.date}.pdf`, {
        kind: 'meetingMinutes',
        data,
      });
    },
    'reports.exportRcpYear': async ({ year }) => {
      assertYearStarted(year, today());
      const data = await rcpYearData(ctx.db, year, ctx.now(), today());
      return savePdf(suggestedFileName(`Bilan des RCP ${year}`, data.cptsName, today()), { kind: 'rcpYear', data });
    },
    'reports.exportConvocation': async ({ meetingId }) => {
      const data = await convocationData(ctx.db, meetingId, ctx.now(), today());
      return savePdf(agFileName('Convocation', data.meeting), { kind: 'convocation', data });
    },
    'reports.exportAttendanceSheet': async ({ meetingId }) => {
      const data = await attendanceSheetData(ctx.db, meetingId, ctx.now(), today());
      return savePdf(agFileName('Feuille d’émargement', data.meeting), { kind: 'attendanceSheet', data });
    },
    'reports.exportPv': async ({ meetingId }) => {
      const data = await pvData(ctx.db, meetingId, ctx.now(), today());
      return savePdf(agFileName(data.draft ? 'Procès-verbal (brouillon)' : 'Procès-verbal', data.meeting), {
        kind: 'pv',
        data,
      });
    },
  };
}
