import { utilityProcess } from 'electron';
import { createPdfSupervisor, type WorkerHandle } from '../pdf/supervisor';

/** Heap cap of the PDF worker: a runaway document stops the worker, never the app. */
export const PDF_WORKER_HEAP_MB = 1536;

/** Renders PDFs in an Electron utility process, off the UI path, through the supervisor (timeout, cancel, restart). */
export function createPdfClient(workerPath: string, fontsDir: string) {
  return createPdfSupervisor(
    (): WorkerHandle => {
      const child = utilityProcess.fork(workerPath, [], {
        serviceName: 'Maillage — PDF',
        execArgv: [`--max-old-space-size=${PDF_WORKER_HEAP_MB}`],
      });
      return {
        postMessage: (message) => child.postMessage(message),
        onMessage: (listener) => child.on('message', listener),
        onExit: (listener) => child.on('exit', listener),
        kill: () => void child.kill(),
      };
    },
    { fontsDir },
  );
}
