import { utilityProcess, type UtilityProcess } from 'electron';
import { randomUUID } from 'node:crypto';
import type { ReportJob } from '../pdf/render';

type Reply = { id: string; ok: true; pdf: Uint8Array } | { id: string; ok: false; message: string };

/** Renders PDFs in a utility process, off the UI path; one process, jobs answered by id. */
export function createPdfClient(workerPath: string, fontsDir: string) {
  let child: UtilityProcess | null = null;
  const pending = new Map<string, { resolve: (pdf: Uint8Array) => void; reject: (error: Error) => void }>();

  function ensureChild(): UtilityProcess {
    if (child) return child;
    const spawned = utilityProcess.fork(workerPath, [], { serviceName: 'Maillage — PDF' });
    spawned.on('message', (reply: Reply) => {
      const job = pending.get(reply.id);
      if (!job) return;
      pending.delete(reply.id);
      if (reply.ok) job.resolve(reply.pdf);
      else job.reject(new Error(reply.message));
    });
    spawned.on('exit', () => {
      child = null;
      for (const job of pending.values()) job.reject(new Error('Le générateur de PDF s’est arrêté de façon inattendue.'));
      pending.clear();
    });
    child = spawned;
    return spawned;
  }

  return {
    render(job: ReportJob): Promise<Uint8Array> {
      const id = randomUUID();
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        ensureChild().postMessage({ id, job, fontsDir });
      });
    },
    dispose(): void {
      child?.kill();
      child = null;
    },
  };
}
