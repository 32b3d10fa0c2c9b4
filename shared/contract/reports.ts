/** PDF reports: each export asks where to save, renders off the UI path, and can be followed and cancelled. */
import { z } from '../zod-fr';
import { channel, meetingId, noInput, type ExportResult } from './common';

/** A PDF being prepared: waiting for the PDF worker, laid out, or written to disk (for the progress line and « Annuler »). */
export type PdfExportStatus =
  | { running: false }
  | { running: true; stage: 'queued' | 'layout' | 'writing'; seconds: number };

/** Channels of the PDF reports. */
export const reportsChannels = {
  'reports.exportIdentitySheet': channel<ExportResult>()(noInput),
  'reports.pdfStatus': channel<PdfExportStatus>()(noInput),
  'reports.cancelPdf': channel<{ cancelled: boolean }>()(noInput),
  'reports.exportMembersList': channel<ExportResult>()(
    z.object({ groupBy: z.enum(['profession', 'college']), audience: z.enum(['bureau', 'annuaire']) }),
  ),
  'reports.exportComposition': channel<ExportResult>()(z.object({ year: z.number().int().min(2000).max(2100) })),
  'reports.exportMeetingMinutes': channel<ExportResult>()(z.object({ meetingId: z.number().int().positive() })),
  'reports.exportRcpYear': channel<ExportResult>()(z.object({ year: z.number().int().min(2000).max(2100) })),
  'reports.exportConvocation': channel<ExportResult>()(z.object({ meetingId })),
  'reports.exportAttendanceSheet': channel<ExportResult>()(z.object({ meetingId })),
  'reports.exportPv': channel<ExportResult>()(z.object({ meetingId })),
  'reports.exportFicheAction': channel<ExportResult>()(z.object({ ficheId: z.number().int().positive() })),
  'reports.exportHealthProjectSummary': channel<ExportResult>()(noInput),
  'reports.exportIndicatorsTracking': channel<ExportResult>()(
    z.object({ contractYearId: z.number().int().positive() }),
  ),
  /** A protocol's version (the one that applies when none is given) as it reads on paper. */
  'reports.exportProtocol': channel<ExportResult>()(
    z.object({ protocolId: z.number().int().positive(), versionId: z.number().int().positive().nullish() }),
  ),
  'reports.exportProtocolRegister': channel<ExportResult>()(z.object({ year: z.number().int().min(2000).max(2100) })),
  /** The team of a cooperation protocol, to copy into the ARS declaration form. */
  'reports.exportTeamDeclaration': channel<ExportResult>()(z.object({ protocolId: z.number().int().positive() })),
  'reports.exportRenewalDossier': channel<ExportResult>()(z.object({ contractId: z.number().int().positive() })),
  /** The dossier of a contract year: the PDF, and beside it the zip of its numbered justificatifs (null without any). */
  'reports.exportManagementDialogue': channel<ExportResult & { bundle: { path: string; files: number } | null }>()(
    z.object({ contractYearId: z.number().int().positive() }),
  ),
} as const;
