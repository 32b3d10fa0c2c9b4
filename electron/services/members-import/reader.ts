/**
 * Where a file to import is read: in a worker thread in the app (the built `import-worker.js`, set once at start by
 * the main process), in-process otherwise (tests, the e2e harness). The worker has a memory cap: a file that still
 * manages to exhaust it ends the worker, never the app.
 */
import { basename } from 'node:path';
import { Worker } from 'node:worker_threads';
import { UserError } from '../errors';
import { readSpreadsheet, type ReadProgress, type Spreadsheet, type TableLayout } from './read';
import type { WorkerMessage } from './worker';

/** Memory cap of the reading worker (a 20 Mo workbook of 50 000 rows needs far less). */
const WORKER_HEAP_MB = 1024;

let workerPath: string | null = null;

/** Reads imports in a worker thread started from the script at `path` (null: in-process). */
export function setImportWorker(path: string | null): void {
  workerPath = path;
}

/** Reads `path` in the worker (when set up) or in-process, reporting progress. */
export function readImportFile(
  path: string,
  progress: ReadProgress,
  layout: TableLayout = 'members',
): Promise<Spreadsheet> {
  if (!workerPath) return readSpreadsheet(path, progress, layout);
  return readInWorker(workerPath, path, progress, layout);
}

function readInWorker(entry: string, path: string, progress: ReadProgress, layout: TableLayout): Promise<Spreadsheet> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry, {
      workerData: { path, layout },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      action();
      void worker.terminate();
    };
    const rows: string[][] = [];
    const lines: number[] = [];
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') progress(message.fraction, message.label);
      else if (message.type === 'rows') {
        for (const row of message.rows) rows.push(row);
        for (const line of message.lines) lines.push(line);
      } else if (message.type === 'done') settle(() => resolve({ ...message.sheet, rows, lines }));
      else settle(() => reject(new UserError(message.code, message.message)));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const fileName = basename(path);
      settle(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new UserError(
                'invalid_input',
                `Le fichier « ${fileName} » demande trop de mémoire pour être lu : vérifiez qu'il s'agit bien d'une liste d'adhérents, ou découpez-le.`,
              )
            : new UserError(
                'internal',
                `La lecture de « ${fileName} » a échoué (${error.message}). Réessayez ; si cela se reproduit, enregistrez le fichier à nouveau depuis votre tableur.`,
              ),
        ),
      );
    });
    worker.on('exit', (code) => {
      settle(() =>
        reject(
          new UserError(
            'internal',
            `La lecture de « ${basename(path)} » s'est arrêtée de façon inattendue (code ${code}). Réessayez.`,
          ),
        ),
      );
    });
  });
}
