import { describe, it, expect, afterEach } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createPdfSupervisor,
  PDF_CRASH_MESSAGE,
  PDF_TIMEOUT_MESSAGE,
  PdfCancelledError,
  pdfTimeoutMs,
  type PdfStage,
  type PdfSupervisor,
} from '../../electron/pdf/supervisor';
import type { ReportJob } from '../../electron/pdf/render';
import { UserError } from '../../electron/services/errors';
import { segIdentitySheet } from '../fixtures/identity-sheet';
import { tempDir } from '../helpers/db';
import { FONTS_DIR, testBackend } from '../helpers/handlers';
import { spawnNodePdfWorker } from '../helpers/pdf-worker';
import { MINIMAL_IDENTITY } from '../fixtures/cpts';

// The real worker code runs in Node child processes; a test-only job kind hangs or eats memory on demand.
const hang = { kind: '__hang' } as unknown as ReportJob;
const allocate = { kind: '__allocate' } as unknown as ReportJob;
const identity: ReportJob = { kind: 'identity', data: segIdentitySheet() };

const supervisors: PdfSupervisor[] = [];
afterEach(() => {
  while (supervisors.length) supervisors.pop()!.dispose();
});

function supervisor(options: { timeoutMs?: number; heapMb?: number } = {}) {
  let spawned = 0;
  const created = createPdfSupervisor(spawnNodePdfWorker({ heapMb: options.heapMb, spawned: () => spawned++ }), {
    fontsDir: FONTS_DIR,
    timeoutMs: (job) => ((job.kind as string) === '__hang' ? (options.timeoutMs ?? 1_500) : 60_000),
  });
  supervisors.push(created);
  return { pdf: created, spawned: () => spawned };
}

/** The rendered file's text, read back by pdftotext. */
function textOf(pdf: Uint8Array): string {
  const { dir, cleanup } = tempDir('maillage-supervisor-');
  try {
    const file = join(dir, 'out.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  } finally {
    cleanup();
  }
}

describe('PDF worker supervisor (real worker in a child process)', () => {
  it('renders a real PDF and reports its progress: queued, then layout', async () => {
    const { pdf } = supervisor();
    const stages: PdfStage[] = [];
    const bytes = await pdf.render(identity, { onProgress: (stage) => stages.push(stage) });
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(textOf(bytes)).toContain('CPTS Sud-Est Grenoblois');
    expect(stages).toEqual(['queued', 'layout']);
  }, 120_000);

  it('kills a hung render after its timeout with a French message, and the next PDF renders in a fresh worker', async () => {
    const { pdf, spawned } = supervisor({ timeoutMs: 1_500 });
    await pdf.render(identity); // a warm worker: the timeout then measures the render alone
    const started = Date.now();
    const hung = pdf.render(hang);
    const after = pdf.render(identity);
    await expect(hung).rejects.toThrow(PDF_TIMEOUT_MESSAGE);
    await expect(hung).rejects.toBeInstanceOf(UserError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_400);
    const bytes = await after;
    expect(textOf(bytes)).toContain('CPTS Sud-Est Grenoblois');
    expect(spawned()).toBe(2);
  }, 120_000);

  it('cancels a running render: the job is killed, rejected as cancelled, and the next one still works', async () => {
    const { pdf, spawned } = supervisor({ timeoutMs: 60_000 });
    const controller = new AbortController();
    const stages: PdfStage[] = [];
    const hung = pdf.render(hang, {
      signal: controller.signal,
      onProgress: (stage) => {
        stages.push(stage);
        if (stage === 'layout') controller.abort();
      },
    });
    await expect(hung).rejects.toBeInstanceOf(PdfCancelledError);
    expect(stages).toEqual(['queued', 'layout']);
    expect(textOf(await pdf.render(identity))).toContain('CPTS Sud-Est Grenoblois');
    expect(spawned()).toBe(2);
  }, 120_000);

  it('drops a job cancelled while it waits, without touching the running one', async () => {
    const { pdf } = supervisor();
    const controller = new AbortController();
    const first = pdf.render(identity);
    const waiting = pdf.render(identity, { signal: controller.signal });
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(PdfCancelledError);
    expect(Buffer.from((await first).subarray(0, 5)).toString()).toBe('%PDF-');
  }, 120_000);

  it('reports a worker stopped by its memory cap in French, and starts a new one for the next PDF', async () => {
    const { pdf, spawned } = supervisor({ heapMb: 64 });
    await expect(pdf.render(allocate)).rejects.toThrow(PDF_CRASH_MESSAGE);
    expect(textOf(await pdf.render(identity))).toContain('CPTS Sud-Est Grenoblois');
    expect(spawned()).toBe(2);
  }, 120_000);
});

describe('PDF timeout', () => {
  it('is 60 s for a usual document, longer for a huge one, never more than 5 minutes', () => {
    expect(pdfTimeoutMs(identity)).toBe(60_000);
    const huge = { kind: 'membersList', data: { rows: 'x'.repeat(2_000_000) } } as unknown as ReportJob;
    expect(pdfTimeoutMs(huge)).toBe(160_000);
    const enormous = { kind: 'membersList', data: { rows: 'x'.repeat(50_000_000) } } as unknown as ReportJob;
    expect(pdfTimeoutMs(enormous)).toBe(300_000);
  });
});

describe('PDF export through the handlers: progress and « Annuler »', () => {
  it('shows the export running, cancels it without writing anything, then exports the next PDF', async () => {
    const { pdf } = supervisor({ timeoutMs: 60_000 });
    let stuck = true;
    const saved: string[] = [];
    const backend = await testBackend({
      // The first export's document never finishes laying out (a hung render in the real worker).
      renderPdf: (job, options) => pdf.render(stuck ? hang : job, options),
      chooseSavePath: async (name) => {
        const path = join(backend.database.dir, name);
        saved.push(path);
        return path;
      },
    });
    try {
      await backend.ok('cpts.saveIdentity', MINIMAL_IDENTITY);
      expect(await backend.ok('reports.pdfStatus')).toEqual({ running: false });
      expect(await backend.ok('reports.cancelPdf')).toEqual({ cancelled: false });

      const exporting = backend.call('reports.exportIdentitySheet');
      let status = await backend.ok('reports.pdfStatus');
      while (!(status.running && status.stage === 'layout')) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        status = await backend.ok('reports.pdfStatus');
      }
      expect(status).toMatchObject({ running: true, stage: 'layout', seconds: expect.any(Number) });
      expect(await backend.ok('reports.cancelPdf')).toEqual({ cancelled: true });
      expect(await exporting).toEqual({ ok: true, data: { saved: false } });
      expect(await backend.ok('reports.pdfStatus')).toEqual({ running: false });
      expect(existsSync(saved[0]!)).toBe(false);
      expect(
        readdirSync(backend.database.dir).filter((name) => name.endsWith('.pdf') || name.includes('.tmp')),
      ).toEqual([]);

      stuck = false;
      const result = await backend.ok('reports.exportIdentitySheet');
      expect(result).toMatchObject({ saved: true, path: saved[1] });
      expect(execFileSync('pdftotext', [saved[1]!, '-'], { encoding: 'utf8' })).toContain('CPTS Sud-Est Grenoblois');
    } finally {
      await backend.database.dispose();
    }
  }, 150_000);
});
