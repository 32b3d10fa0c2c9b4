import type { ReactNode } from 'react';

/** Accessibility attributes a field's control must carry. */
export interface ControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
  'aria-required': boolean | undefined;
}

interface FieldProps {
  id: string;
  /** Exact text of the <label>: tests and screen readers find the control by it. */
  label: string;
  required?: boolean;
  hint?: ReactNode;
  error?: string | undefined;
  wide?: boolean;
  children: (control: ControlProps) => ReactNode;
}

/** A label, its control, the French error right under it, then an optional hint. */
export function Field({ id, label, required, hint, error, wide, children }: FieldProps) {
  const hintId = hint ? `${id}-aide` : undefined;
  const errorId = error ? `${id}-erreur` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${wide ? ' field-wide' : ''}${error ? ' field-invalid' : ''}`}>
      <div className="field-label">
        <label htmlFor={id}>{label}</label>
        {required && (
          <span className="required-mark" aria-hidden="true" title="obligatoire">
            {' '}
            *
          </span>
        )}
      </div>
      {children({
        id,
        'aria-invalid': Boolean(error),
        'aria-describedby': describedBy,
        'aria-required': required || undefined,
      })}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
