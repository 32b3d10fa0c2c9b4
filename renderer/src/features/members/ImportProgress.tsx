import { useEffect, useState } from 'react';
import type { ImportProgress as Progress } from '@shared/contract';
import { call, errorMessage } from '../../api';

/** How often the screen asks where a long import call is. */
const POLL_MS = 250;

/**
 * The progress of a running import call (reading the file, checking the rows, recording them), asked to the main
 * process while `active`. The call itself keeps running: this only shows where it is.
 */
export function ImportProgressBar({ active, fallback }: { active: boolean; fallback: string }) {
  const [progress, setProgress] = useState<Progress | null>(null);
  useEffect(() => {
    if (!active) {
      setProgress(null);
      return;
    }
    let stopped = false;
    const poll = async () => {
      try {
        const next = await call('members.importProgress');
        if (!stopped && next) setProgress(next);
      } catch {
        // The progress is a courtesy: a failed poll changes nothing to the import itself.
      }
    };
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [active]);
  if (!active) return null;
  const label = progress?.label ?? fallback;
  const percent = progress?.percent ?? 0;
  return (
    <div className="busy import-progress" role="status">
      <progress max={100} value={percent} aria-label={label} />
      <span>
        {label} {percent} %
      </span>
    </div>
  );
}

/** The call that opens the file dialog of an import: the file read, or `{ cancelled: true }` when the dialog closed. */
interface OpenCall<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  mutate(input: undefined, options: { onSuccess: (answer: T | { cancelled: true }) => void }): void;
}

/**
 * « Choisir un fichier… » of an import's first step, with the reading's progress and its French error; a closed
 * dialog says nothing.
 */
export function ChooseImportFile<T extends object>({
  open,
  onOpened,
}: {
  open: OpenCall<T>;
  onOpened: (opened: T) => void;
}) {
  return (
    <>
      <div className="form-actions">
        <button
          type="button"
          className="button"
          disabled={open.isPending}
          onClick={() =>
            open.mutate(undefined, {
              onSuccess: (answer) => {
                if (!('cancelled' in answer)) onOpened(answer);
              },
            })
          }
        >
          {open.isPending ? 'Lecture du fichier…' : 'Choisir un fichier…'}
        </button>
      </div>
      <ImportProgressBar active={open.isPending} fallback="Lecture du fichier…" />
      {open.isError && (
        <p role="alert" className="alert alert-error">
          {errorMessage(open.error)}
        </p>
      )}
    </>
  );
}
