import type { ExportResult, PdfExportStatus } from '@shared/contract';
import { writeFileAtomic } from '../../services/files';
import type { ReportExport } from '@shared/reports/job';
import { PdfCancelledError, type PdfStage } from '../../pdf/supervisor';
import type { HandlerContext } from './context';

/** Counts the pages of a PDF produced by react-pdf (page objects are never compressed there). */
export function countPdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/** The PDF exports of one window: saving one, and following or cancelling those under way. */
export function createPdfExports(ctx: HandlerContext) {
  /** PDF exports under way, for the progress line and « Annuler ». */
  const pdfExports = new Set<{ stage: PdfStage | 'writing'; startedAt: number; controller: AbortController }>();

  /** Asks where to save, renders off the UI path, writes the whole file or nothing. */
  async function savePdf({ fileName, job }: ReportExport): Promise<ExportResult> {
    const path = await ctx.chooseSavePath(fileName, 'pdf');
    if (!path) return { saved: false as const };
    const running = {
      stage: 'queued' as PdfStage | 'writing',
      startedAt: Date.now(),
      controller: new AbortController(),
    };
    pdfExports.add(running);
    try {
      const { signal } = running.controller;
      let pdf: Uint8Array;
      try {
        pdf = await ctx.renderPdf(job, { signal, onProgress: (stage) => (running.stage = stage) });
      } catch (error) {
        if (error instanceof PdfCancelledError) return { saved: false as const };
        throw error;
      }
      // Cancelled while an in-process render (tests) was finishing: nothing is written either.
      if (signal.aborted) return { saved: false as const };
      running.stage = 'writing';
      await writeFileAtomic(path, pdf);
      return { saved: true as const, path, pages: countPdfPages(pdf), bytes: pdf.byteLength };
    } finally {
      pdfExports.delete(running);
    }
  }

  async function pdfStatus(): Promise<PdfExportStatus> {
    const [oldest] = pdfExports;
    if (!oldest) return { running: false };
    return { running: true, stage: oldest.stage, seconds: Math.floor((Date.now() - oldest.startedAt) / 1000) };
  }

  async function cancelPdf(): Promise<{ cancelled: boolean }> {
    // A file already being written is kept whole: only preparations are stopped.
    const stoppable = [...pdfExports].filter((running) => running.stage !== 'writing');
    for (const running of stoppable) running.controller.abort();
    return { cancelled: stoppable.length > 0 };
  }

  return { savePdf, pdfStatus, cancelPdf };
}
