import { fork } from 'node:child_process';
import { resolve } from 'node:path';
import type { WorkerHandle } from '../../electron/pdf/supervisor';

const WORKER_ENTRY = resolve(process.cwd(), 'electron/pdf/worker.ts');

/**
 * The real PDF worker code in a Node child process (TypeScript through tsx), as the app runs it in a utility
 * process: same messages, structured clone (`advanced` serialization) for the PDF bytes. Test-only jobs
 * (`__hang`, `__allocate`) are enabled; `heapMb` caps the heap like the app's execArgv.
 */
export function spawnNodePdfWorker(options: { heapMb?: number; spawned?: () => void } = {}): () => WorkerHandle {
  return () => {
    options.spawned?.();
    const child = fork(WORKER_ENTRY, [], {
      execArgv: ['--import', 'tsx', ...(options.heapMb ? [`--max-old-space-size=${options.heapMb}`] : [])],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      env: { ...process.env, MAILLAGE_PDF_TEST_HOOKS: '1' },
    });
    return {
      postMessage: (message) => void child.send(message),
      onMessage: (listener) => void child.on('message', listener),
      onExit: (listener) => void child.on('exit', () => listener()),
      kill: () => void child.kill('SIGKILL'),
    };
  };
}
