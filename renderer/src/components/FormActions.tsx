import type { ReactNode } from 'react';

interface FormActionsProps {
  /** True while the form is being saved: both buttons are disabled and the submit button says so. */
  pending: boolean;
  /** « Enregistrer la cotisation » */
  submitLabel: string;
  /** Default « Enregistrement… ». */
  pendingLabel?: string;
  /** Shows a cancel button that calls it. */
  onCancel?: () => void;
  /** Default « Annuler ». */
  cancelLabel?: string;
  /** Small buttons (forms inside a card or a table). */
  small?: boolean;
  /** A secondary submit button (a form that is not the page's main action). */
  secondary?: boolean;
  /** Shown after the buttons (e.g. « Modifications non enregistrées »). */
  children?: ReactNode;
}

/** The row under a form: the submit button (with its pending state), then « Annuler » when the form can be left. */
export function FormActions({
  pending,
  submitLabel,
  pendingLabel = 'Enregistrement…',
  onCancel,
  cancelLabel = 'Annuler',
  small,
  secondary,
  children,
}: FormActionsProps) {
  const size = small ? ' button-small' : '';
  return (
    <div className="form-actions">
      <button type="submit" className={`button${size}${secondary ? ' button-secondary' : ''}`} disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </button>
      {onCancel && (
        <button type="button" className={`button${size} button-secondary`} onClick={onCancel} disabled={pending}>
          {cancelLabel}
        </button>
      )}
      {children}
    </div>
  );
}

/** The message of a refused save, above the form's fields. */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div className="alert alert-error" role="alert">
      {message}
    </div>
  );
}
