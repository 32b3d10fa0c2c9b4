/**
 * Entry of the import reader, run in a `worker_threads` Worker so that reading a big file (unzipping a workbook,
 * parsing 20 000 rows) never blocks the main process (bundled by electron-vite as the `import-worker` entry).
 * It must not import 'electron' nor the database.
 *
 * In (workerData): { path, layout }   Out: { type: 'progress', fraction, label } …, then the rows by chunks
 * { type: 'rows', rows, lines } (a single message of 20 000 rows would take the main thread a quarter of a second
 * to decode) and { type: 'done', sheet } without its rows, or { type: 'error', code, message }. One file per worker;
 * the worker ends after its answer.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { UserError } from '../errors';
import { readSpreadsheet, type TableLayout } from './read';

/** Rows per message: each decodes in a few milliseconds on the main thread. */
const CHUNK_ROWS = 1_000;

export type WorkerMessage =
  | { type: 'progress'; fraction: number; label: string }
  | { type: 'rows'; rows: string[][]; lines: number[] }
  | { type: 'done'; sheet: Awaited<ReturnType<typeof readSpreadsheet>> }
  | { type: 'error'; code: UserError['code']; message: string };

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) {
    console.error('import-worker : ce fichier se lance dans un Worker (worker_threads).');
    return;
  }
  const post = (message: WorkerMessage) => port.postMessage(message);
  const { path, layout } = workerData as { path: string; layout?: TableLayout };
  try {
    const sheet = await readSpreadsheet(path, (fraction, label) => post({ type: 'progress', fraction, label }), layout);
    for (let start = 0; start < sheet.rows.length; start += CHUNK_ROWS) {
      post({
        type: 'rows',
        rows: sheet.rows.slice(start, start + CHUNK_ROWS),
        lines: sheet.lines.slice(start, start + CHUNK_ROWS),
      });
    }
    post({ type: 'done', sheet: { ...sheet, rows: [], lines: [] } });
  } catch (error) {
    if (error instanceof UserError) post({ type: 'error', code: error.code, message: error.message });
    else
      post({
        type: 'error',
        code: 'internal',
        message: `La lecture du fichier a échoué (${error instanceof Error ? error.message : String(error)}).`,
      });
  }
}

void main();
