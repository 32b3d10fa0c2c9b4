/** One render request sent by the main process to the PDF worker. */
export interface RenderRequest<Job> {
  id: string;
  job: Job;
  fontsDir: string;
}

export type RenderResponse = { id: string; ok: true; pdf: Uint8Array } | { id: string; ok: false; message: string };

/** Sent by the worker when it starts laying out a job (before that, the job waits in the queue). */
export interface RenderProgress {
  id: string;
  progress: 'layout';
}

export const RENDER_FAILURE_PREFIX = 'La génération du PDF a échoué : ';

function describe(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  return 'erreur inconnue';
}

/**
 * Runs render requests strictly one after another (react-pdf keeps global state: fonts, a single layout
 * at a time keeps memory bounded) and reports each result through `post`. Never throws.
 */
export function createRenderQueue<Job>(
  render: (job: Job, options: { fontsDir: string }) => Promise<Uint8Array>,
  post: (response: RenderResponse | RenderProgress) => void,
): (request: RenderRequest<Job>) => Promise<void> {
  let tail: Promise<void> = Promise.resolve();

  const run = async (request: RenderRequest<Job>): Promise<void> => {
    const id = typeof request?.id === 'string' ? request.id : '';
    try {
      if (!request || typeof request.fontsDir !== 'string' || request.job == null) {
        throw new Error('demande de rendu incomplète');
      }
      post({ id, progress: 'layout' });
      const bytes = await render(request.job, { fontsDir: request.fontsDir });
      // A plain copy: a pooled Buffer would drag its whole backing store through structured clone.
      post({ id, ok: true, pdf: new Uint8Array(bytes) });
    } catch (error) {
      post({ id, ok: false, message: `${RENDER_FAILURE_PREFIX}${describe(error)}` });
    }
  };

  return (request) => {
    const done = tail.then(() => run(request));
    tail = done;
    return done;
  };
}
