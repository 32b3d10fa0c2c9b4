import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useChangedSinceOpening } from './dirtyRegistry';
import './Dialog.css';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Buttons of the dialog, right-aligned under the content. */
  actions: ReactNode;
  /** Selector of the element to focus first (default: the first focusable one). */
  initialFocus?: string;
  /** While true, Escape and the backdrop do not close the dialog. */
  busy?: boolean;
  danger?: boolean;
}

/**
 * A modal dialog: focus moves into it and stays there (Tab cycles), Escape closes it, and the focus goes back
 * to where it was when it closes. When a form inside it holds unsaved changes (`useUnsavedChangesGuard`), Escape
 * and a click outside ask « Quitter sans enregistrer ? » first.
 */
export function Dialog({ title, onClose, children, actions, initialFocus, busy, danger }: DialogProps) {
  const titleId = useId();
  const bodyId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const changedSinceOpening = useChangedSinceOpening();
  const [confirmingClose, setConfirmingClose] = useState(false);
  const requestClose = () => {
    if (busy) return;
    if (changedSinceOpening()) setConfirmingClose(true);
    else onClose();
  };

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const node = ref.current;
    const first =
      (initialFocus ? node?.querySelector<HTMLElement>(initialFocus) : null) ??
      node?.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? node)?.focus();
    return () => {
      if (previous && document.contains(previous)) previous.focus();
    };
    // Focus once, when the dialog opens.
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      requestClose();
      return;
    }
    if (event.key !== 'Tab' || !ref.current) return;
    const focusable = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (focusable.length === 0) return;
    const first = focusable[0]!;
    const last = focusable[focusable.length - 1]!;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <>
      <div
        className="dialog-backdrop"
        onMouseDown={(event) => {
          if (event.target === event.currentTarget) requestClose();
        }}
      >
        <div
          ref={ref}
          role="dialog"
          aria-modal="true"
          aria-labelledby={titleId}
          aria-describedby={bodyId}
          className={`dialog${danger ? ' dialog-danger' : ''}`}
          tabIndex={-1}
          onKeyDown={onKeyDown}
        >
          <h2 id={titleId} className="dialog-title">
            {title}
          </h2>
          <div id={bodyId} className="dialog-body">
            {children}
          </div>
          <div className="dialog-actions">{actions}</div>
        </div>
      </div>
      {confirmingClose && (
        <UnsavedChangesDialog
          onStay={() => setConfirmingClose(false)}
          onLeave={() => {
            setConfirmingClose(false);
            onClose();
          }}
        />
      )}
    </>
  );
}

interface ConfirmProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Default « Annuler ». */
  cancelLabel?: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  danger?: boolean;
  /** An error to show in the dialog (the action failed). */
  error?: string | null;
}

/** « Are you sure? » with a confirm and a cancel button; the cancel button has the focus first. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  cancelLabel = 'Annuler',
  onConfirm,
  onCancel,
  busy,
  danger,
  error,
}: ConfirmProps) {
  return (
    <Dialog
      title={title}
      onClose={onCancel}
      busy={busy}
      danger={danger}
      initialFocus=".dialog-cancel"
      actions={
        <>
          <button type="button" className="button button-secondary dialog-cancel" onClick={onCancel} disabled={busy}>
            {cancelLabel}
          </button>
          <button
            type="button"
            className={`button${danger ? ' button-danger' : ''}`}
            onClick={onConfirm}
            disabled={busy}
          >
            {confirmLabel}
          </button>
        </>
      }
    >
      {children}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}

/** « Modifications non enregistrées » — stay (the default, also Escape) or leave without saving. */
export function UnsavedChangesDialog({ onStay, onLeave }: { onStay: () => void; onLeave: () => void }) {
  return (
    <ConfirmDialog
      title="Modifications non enregistrées"
      cancelLabel="Rester sur la page"
      confirmLabel="Quitter sans enregistrer"
      danger
      onCancel={onStay}
      onConfirm={onLeave}
    >
      <p>Vous avez modifié ce formulaire sans l’enregistrer. Quitter sans enregistrer ?</p>
    </ConfirmDialog>
  );
}
