/** PDF reports: each export asks where to save, renders off the UI path, and can be followed and cancelled. */
import { z } from '../zod-fr';
import { channel, meetingId, noInput, type ExportResult } from './common';

/**
 * Where an export under way is (for the progress line and « Annuler »): its data being read from the database,
 * waiting for the PDF worker, laid out, the Word document being written, or the file written to disk.
 */
export type ExportStage = 'data' | 'queued' | 'layout' | 'docx' | 'writing';

/** A PDF or Word export being prepared, the oldest first. */
export type PdfExportStatus = { running: false } | { running: true; stage: ExportStage; seconds: number };

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
  /** The rapport d’activité of a calendar year, from its draft: the PDF, or the Word document to retouch. */
  'reports.exportActivityReport': channel<ExportResult>()(
    z.object({ year: z.number().int().min(2000).max(2100), format: z.enum(['pdf', 'docx']) }),
  ),
  /** The same PDF in memory, for the preview page by page in the app (nothing written). */
  'reports.previewActivityReport': channel<{ pdf: Uint8Array; pages: number }>()(
    z.object({ year: z.number().int().min(2000).max(2100) }),
  ),
  /** The team of a cooperation protocol, to copy into the ARS declaration form. */
  'reports.exportTeamDeclaration': channel<ExportResult>()(z.object({ protocolId: z.number().int().positive() })),
} as const;
