import { randomUUID } from 'node:crypto';
import { UserError } from '../services/errors';
import type { RenderProgress, RenderRequest, RenderResponse } from './queue';
import type { ReportJob } from './render';

/**
 * One PDF worker process as the supervisor sees it. The app wraps an Electron `utilityProcess`; tests wrap a Node
 * child process running the same worker code. Nothing here imports 'electron'.
 */
export interface WorkerHandle {
  postMessage(message: RenderRequest<ReportJob>): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: () => void): void;
  kill(): void;
}

export type SpawnWorker = () => WorkerHandle;

/** Where a job is: waiting for the worker, being laid out. */
export type PdfStage = 'queued' | 'layout';

export interface RenderOptions {
  /** Aborting kills the job (and its worker): the promise rejects with PdfCancelledError. */
  signal?: AbortSignal;
  onProgress?: (stage: PdfStage) => void;
}

export const PDF_TIMEOUT_MESSAGE =
  'La préparation du PDF a pris trop de temps et a été arrêtée. Aucun fichier n’a été écrit ; réessayez, et si cela se reproduit, exportez une partie plus petite (une année, une liste filtrée).';
export const PDF_CRASH_MESSAGE =
  'Le générateur de PDF s’est arrêté de façon inattendue (mémoire insuffisante ou document trop lourd). Aucun fichier n’a été écrit ; réessayez.';

/** The user pressed « Annuler »: nothing was written. */
export class PdfCancelledError extends Error {
  constructor() {
    super('Préparation du PDF annulée.');
    this.name = 'PdfCancelledError';
  }
}

/**
 * How long a job may take: 60 s, plus one second per 20 kB of data for the known huge jobs (an attendance sheet of
 * 1,500 voters, a year of RCP), at most 5 minutes.
 */
export function pdfTimeoutMs(job: ReportJob, baseMs = 60_000): number {
  let size = 0;
  try {
    size = JSON.stringify(job.data).length;
  } catch {
    size = 0;
  }
  return Math.min(baseMs + Math.floor(size / 20_000) * 1_000, Math.max(baseMs, 300_000));
}

interface Pending {
  id: string;
  job: ReportJob;
  options: RenderOptions;
  resolve: (pdf: Uint8Array) => void;
  reject: (error: Error) => void;
}

/**
 * Sends PDF jobs to a worker one at a time. A job that runs past its timeout, or whose worker dies (crash, memory
 * cap), is rejected with a French UserError and its worker killed; a cancelled job is rejected with
 * PdfCancelledError. The next job starts a fresh worker, so one bad document never blocks the following ones.
 */
export function createPdfSupervisor(
  spawn: SpawnWorker,
  options: { fontsDir: string; timeoutMs?: (job: ReportJob) => number },
) {
  const timeoutOf = options.timeoutMs ?? ((job: ReportJob) => pdfTimeoutMs(job));
  let worker: WorkerHandle | null = null;
  let current: (Pending & { timer: ReturnType<typeof setTimeout> }) | null = null;
  const waiting: Pending[] = [];
  let disposed = false;

  function startWorker(): WorkerHandle {
    const handle = spawn();
    handle.onMessage((message) => {
      if (worker !== handle || !current) return;
      const reply = message as RenderResponse | RenderProgress;
      if (reply?.id !== current.id) return;
      if ('progress' in reply) {
        current.options.onProgress?.('layout');
        return;
      }
      const job = current;
      finish();
      if (reply.ok) job.resolve(reply.pdf);
      else job.reject(new Error(reply.message));
      next();
    });
    handle.onExit(() => {
      if (worker !== handle) return;
      worker = null;
      if (!current) return;
      const job = current;
      finish();
      job.reject(new UserError('internal', PDF_CRASH_MESSAGE));
      next();
    });
    return handle;
  }

  function finish(): void {
    if (current) {
      clearTimeout(current.timer);
      current.options.signal?.removeEventListener('abort', abortCurrent);
    }
    current = null;
  }

  /** Kills the worker in charge of the current job (the exit handler is disarmed first). */
  function killWorker(): void {
    const handle = worker;
    worker = null;
    handle?.kill();
  }

  function abortCurrent(): void {
    if (!current) return;
    const job = current;
    finish();
    killWorker();
    job.reject(new PdfCancelledError());
    next();
  }

  function next(): void {
    if (current || disposed) return;
    const job = waiting.shift();
    if (!job) return;
    if (job.options.signal?.aborted) {
      job.reject(new PdfCancelledError());
      next();
      return;
    }
    const timer = setTimeout(() => {
      if (current?.id !== job.id) return;
      finish();
      killWorker();
      job.reject(new UserError('internal', PDF_TIMEOUT_MESSAGE));
      next();
    }, timeoutOf(job.job));
    current = { ...job, timer };
    job.options.signal?.addEventListener('abort', abortCurrent, { once: true });
    try {
      worker ??= startWorker();
      worker.postMessage({ id: job.id, job: job.job, fontsDir: options.fontsDir });
    } catch (error) {
      finish();
      killWorker();
      console.error('[maillage] le générateur de PDF ne démarre pas', error);
      job.reject(new UserError('internal', PDF_CRASH_MESSAGE));
      next();
    }
  }

  return {
    render(job: ReportJob, renderOptions: RenderOptions = {}): Promise<Uint8Array> {
      if (disposed) return Promise.reject(new UserError('internal', PDF_CRASH_MESSAGE));
      return new Promise<Uint8Array>((resolve, reject) => {
        const pending: Pending = { id: randomUUID(), job, options: renderOptions, resolve, reject };
        if (renderOptions.signal) {
          // A job cancelled while it still waits leaves the queue at once.
          renderOptions.signal.addEventListener(
            'abort',
            () => {
              const index = waiting.indexOf(pending);
              if (index >= 0) {
                waiting.splice(index, 1);
                reject(new PdfCancelledError());
              }
            },
            { once: true },
          );
        }
        waiting.push(pending);
        renderOptions.onProgress?.('queued');
        next();
      });
    },
    dispose(): void {
      disposed = true;
      const job = current;
      finish();
      killWorker();
      job?.reject(new UserError('internal', PDF_CRASH_MESSAGE));
      for (const pending of waiting.splice(0)) pending.reject(new UserError('internal', PDF_CRASH_MESSAGE));
    },
  };
}

export type PdfSupervisor = ReturnType<typeof createPdfSupervisor>;
