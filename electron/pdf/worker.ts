/**
 * Entry of the PDF worker, started by the main process as an Electron `utilityProcess`
 * (bundled by electron-vite as the `pdf-worker` entry). It must not import 'electron':
 * the utility process talks through `process.parentPort`.
 *
 * In:  { id, job: ReportJob, fontsDir }   Out: { id, ok: true, pdf } | { id, ok: false, message }
 * Jobs are rendered one at a time, in arrival order.
 */
import { createRenderQueue, type RenderRequest, type RenderResponse } from './queue';
import { renderReport, type ReportJob } from './render';

interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: RenderResponse): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;

if (parentPort) {
  const port = parentPort;
  const enqueue = createRenderQueue<ReportJob>(renderReport, (response) => port.postMessage(response));
  port.on('message', (event) => {
    void enqueue(event.data as RenderRequest<ReportJob>);
  });
} else {
  console.error('pdf-worker: process.parentPort is missing; start this file with utilityProcess.fork().');
}
