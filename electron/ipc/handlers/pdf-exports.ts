import type { ExportResult, ExportStage, PdfExportStatus } from '@shared/contract';
import { writeFileAtomic } from '../../services/files';
import { UserError } from '../../services/errors';
import type { ReportExport, ReportJob } from '@shared/reports/job';
import { PdfCancelledError } from '../../pdf/supervisor';
import type { HandlerContext } from './context';

/** Counts the pages of a PDF produced by react-pdf (page objects are never compressed there). */
export function countPdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/** An export under way: where it is, since when, and how to stop it. */
interface RunningExport {
  stage: ExportStage;
  startedAt: number;
  controller: AbortController;
}

/** Thrown inside an export that « Annuler » stopped: it ends without writing anything. */
class ExportCancelled extends Error {}

/**
 * The exports of one window (PDF and Word): saving one, previewing a PDF, and following or cancelling those under
 * way. One registry follows every stage — reading the data, waiting for the PDF worker, laying out, writing the Word
 * document, writing the file — so « Annuler » stops any of them until the file is being written.
 */
export function createPdfExports(ctx: HandlerContext) {
  const running = new Set<RunningExport>();

  /** Runs `work` as a followed export, starting at `stage`; a cancellation ends it with `null`. */
  async function follow<T>(stage: ExportStage, work: (run: RunningExport) => Promise<T>): Promise<T | null> {
    const run: RunningExport = { stage, startedAt: Date.now(), controller: new AbortController() };
    running.add(run);
    try {
      return await work(run);
    } catch (error) {
      if (error instanceof PdfCancelledError || error instanceof ExportCancelled) return null;
      throw error;
    } finally {
      running.delete(run);
    }
  }

  /** Between two stages: stops there when « Annuler » was pressed, else moves on to `next`. */
  function advance(run: RunningExport, next: ExportStage): void {
    if (run.controller.signal.aborted) throw new ExportCancelled();
    run.stage = next;
  }

  async function render(run: RunningExport, job: ReportJob): Promise<Uint8Array> {
    advance(run, 'queued');
    const pdf = await ctx.renderPdf(job, {
      signal: run.controller.signal,
      onProgress: (stage) => (run.stage = stage),
    });
    // Cancelled while an in-process render (tests) was finishing: nothing is written either.
    if (run.controller.signal.aborted) throw new ExportCancelled();
    return pdf;
  }

  async function write(run: RunningExport, path: string, bytes: Uint8Array): Promise<void> {
    advance(run, 'writing');
    await writeFileAtomic(path, bytes);
  }

  /** Asks where to save, renders off the UI path, writes the whole file or nothing. */
  async function savePdf({ fileName, job }: ReportExport): Promise<ExportResult> {
    return exportPdf(fileName, async () => job);
  }

  /**
   * Asks where to save first, then reads the data (`prepare`, followed as the stage « data »), renders and writes
   * the whole file or nothing.
   */
  async function exportPdf(fileName: string, prepare: () => Promise<ReportJob>): Promise<ExportResult> {
    const path = await ctx.chooseSavePath(fileName, 'pdf');
    if (!path) return { saved: false as const };
    const result = await follow('data', async (run) => {
      const pdf = await render(run, await prepare());
      await write(run, path, pdf);
      return { saved: true as const, path, pages: countPdfPages(pdf), bytes: pdf.byteLength };
    });
    return result ?? { saved: false as const };
  }

  /** The PDF of `prepare` in memory (an in-app preview): followed and cancellable like an export, nothing written. */
  async function previewPdf(prepare: () => Promise<ReportJob>): Promise<{ pdf: Uint8Array; pages: number }> {
    const result = await follow('data', async (run) => {
      const pdf = await render(run, await prepare());
      return { pdf, pages: countPdfPages(pdf) };
    });
    if (!result) throw new UserError('conflict', 'Aperçu annulé.');
    return result;
  }

  /**
   * A Word document: asks where to save, reads the data (`prepare`), writes the document (`build`, the stage
   * « docx »), then the whole file or nothing. Cancelled before the file is written, it writes nothing.
   */
  async function exportDocx<D>(
    fileName: string,
    prepare: () => Promise<D>,
    build: (data: D) => Promise<Uint8Array>,
  ): Promise<ExportResult> {
    const path = await ctx.chooseSavePath(fileName, 'docx');
    if (!path) return { saved: false as const };
    const result = await follow('data', async (run) => {
      const data = await prepare();
      advance(run, 'docx');
      const docx = await build(data);
      await write(run, path, docx);
      return { saved: true as const, path, pages: 0, bytes: docx.byteLength };
    });
    return result ?? { saved: false as const };
  }

  async function pdfStatus(): Promise<PdfExportStatus> {
    const [oldest] = running;
    if (!oldest) return { running: false };
    return { running: true, stage: oldest.stage, seconds: Math.floor((Date.now() - oldest.startedAt) / 1000) };
  }

  async function cancelPdf(): Promise<{ cancelled: boolean }> {
    // A file already being written is kept whole: only preparations are stopped.
    const stoppable = [...running].filter((run) => run.stage !== 'writing');
    for (const run of stoppable) run.controller.abort();
    return { cancelled: stoppable.length > 0 };
  }

  return { savePdf, exportPdf, previewPdf, exportDocx, pdfStatus, cancelPdf };
}
