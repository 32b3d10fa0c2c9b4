/**
 * Entry of the PDF worker, started by the main process as an Electron `utilityProcess`
 * (bundled by electron-vite as the `pdf-worker` entry), or by tests as a Node child process
 * (`child_process.fork` with the `advanced` serialization). It must not import 'electron':
 * the utility process talks through `process.parentPort`, a Node child through `process.send`.
 *
 * In:  { id, job: ReportJob, fontsDir }
 * Out: { id, progress: 'layout' }, then { id, ok: true, pdf } | { id, ok: false, message }
 * Jobs are rendered one at a time, in arrival order.
 */
import { createRenderQueue, type RenderProgress, type RenderRequest, type RenderResponse } from './queue';
import { renderReport, type ReportJob } from './render';

interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: RenderResponse | RenderProgress): void;
}

/**
 * Jobs that only exist when the process is started with MAILLAGE_PDF_TEST_HOOKS=1 (tests of the supervisor):
 * `__hang` blocks the event loop forever, `__allocate` grows memory until the heap cap stops the process.
 * The app never sets the variable, and the main process builds every job itself.
 */
function withTestHooks(render: typeof renderReport): typeof renderReport {
  if (process.env.MAILLAGE_PDF_TEST_HOOKS !== '1') return render;
  return async (job, options) => {
    const kind = (job as { kind: string }).kind;
    if (kind === '__hang') {
      for (;;) {
        // A render stuck in a loop: only killing the process ends it.
      }
    }
    if (kind === '__allocate') {
      const hoard: number[][] = [];
      for (;;) hoard.push(new Array<number>(1_000_000).fill(hoard.length));
    }
    return render(job, options);
  };
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
const render = withTestHooks(renderReport);

if (parentPort) {
  const port = parentPort;
  const enqueue = createRenderQueue<ReportJob>(render, (response) => port.postMessage(response));
  port.on('message', (event) => {
    void enqueue(event.data as RenderRequest<ReportJob>);
  });
} else if (process.send) {
  const send = process.send.bind(process);
  const enqueue = createRenderQueue<ReportJob>(render, (response) => send(response));
  process.on('message', (message) => {
    void enqueue(message as RenderRequest<ReportJob>);
  });
} else {
  console.error(
    'pdf-worker: no parent to talk to; start this file with utilityProcess.fork() or child_process.fork().',
  );
}
