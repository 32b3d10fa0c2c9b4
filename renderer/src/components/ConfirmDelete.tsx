import type { UseMutationResult } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { type ApiCallError, errorMessage } from '../api';
import { ConfirmDialog } from './Dialog';
import { useToast } from './Toasts';

export interface ConfirmedDeleteOptions<T, I, O> {
  /** « Supprimer le collège « Usagers » ? » */
  title: (item: T) => string;
  /** What the question says will be lost. */
  body: (item: T) => ReactNode;
  /** The channel's input that deletes this item. */
  input: (item: T) => I;
  /** The success toast (none when absent). */
  deletedMessage?: (item: T, result: O) => string;
  /** Default « Supprimer ». */
  confirmLabel?: string;
  /** After the deletion, once the dialog is closed. */
  onDeleted?: (item: T, result: O) => void;
}

export interface ConfirmedDelete<T> {
  /** Opens the question for this item (and forgets the previous failure). */
  ask: (item: T) => void;
  /** The item being asked about, or null. */
  target: T | null;
  /** The dialog to render (null while nothing is asked). */
  dialog: ReactNode;
}

/**
 * « Supprimer … ? » before a deletion through `mutation` (a feature's write hook): the dialog stays open while the
 * deletion runs, shows the refusal if any, and closes once it is done (with a success toast). Render `dialog`
 * somewhere in the component, and call `ask(item)` from the delete button (see {@link DeleteButton}).
 */
export function useConfirmedDelete<T, I, O>(
  mutation: UseMutationResult<O, ApiCallError, I>,
  options: ConfirmedDeleteOptions<T, I, O>,
): ConfirmedDelete<T> {
  const toast = useToast();
  const [target, setTarget] = useState<T | null>(null);
  const { title, body, input, deletedMessage, confirmLabel = 'Supprimer', onDeleted } = options;

  const dialog =
    target === null ? null : (
      <ConfirmDialog
        title={title(target)}
        confirmLabel={confirmLabel}
        danger
        busy={mutation.isPending}
        error={mutation.isError ? errorMessage(mutation.error) : null}
        onCancel={() => setTarget(null)}
        onConfirm={() =>
          mutation.mutate(input(target), {
            onSuccess: (result) => {
              if (deletedMessage) toast.notify({ kind: 'success', message: deletedMessage(target, result) });
              setTarget(null);
              onDeleted?.(target, result);
            },
          })
        }
      >
        {body(target)}
      </ConfirmDialog>
    );

  return {
    ask: (item) => {
      mutation.reset();
      setTarget(item);
    },
    target,
    dialog,
  };
}

/** The small « Supprimer » button of a table row; `label` names what it deletes, for screen readers. */
export function DeleteButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="button button-small button-ghost" aria-label={label} onClick={onClick}>
      Supprimer
    </button>
  );
}
