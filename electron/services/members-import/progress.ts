import type { ImportProgress } from '@shared/contract';

// =================================================================================================================
// Progress: one import at a time (one window); the screen asks for it while a long call runs
// =================================================================================================================

let progress: ImportProgress | null = null;

export function report(phase: ImportProgress['phase'], fraction: number, label: string): void {
  progress = { phase, percent: Math.max(0, Math.min(100, Math.round(fraction * 100))), label };
}

/** Where the running import is (reading, checking, recording), for the progress bar; null when none runs. */
export function importProgress(): ImportProgress | null {
  return progress;
}

export async function withProgress<T>(
  phase: ImportProgress['phase'],
  label: string,
  work: () => Promise<T>,
): Promise<T> {
  report(phase, 0, label);
  try {
    return await work();
  } finally {
    progress = null;
  }
}

/** Lets the event loop run (IPC, progress) during a long loop over the rows. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
export const YIELD_EVERY = 250;
