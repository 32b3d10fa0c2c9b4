import type { ReactNode } from 'react';
import { toIsoDate } from '@shared/format';
import { z } from '@shared/zod-fr';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormActions';
import { useContractForm } from '../../components/useContractForm';

/** The date as the channels check it: the server says the same when it refuses it. */
const datedSchema = z.object({
  on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Indiquez la date.'),
});

/**
 * An action on a protocol that happens on a date (« Mettre en vigueur », « Suspendre », « Archiver »): the date,
 * today by default, then the action; the server's refusal (a cooperation protocol without its médecin délégant…)
 * shows in the dialog.
 */
export function DatedActionDialog<R>({
  title,
  dateLabel,
  submitLabel,
  savedMessage,
  children,
  submit,
  onClose,
}: {
  title: string;
  dateLabel: string;
  submitLabel: string;
  savedMessage: string;
  children?: ReactNode;
  submit: (on: string) => Promise<R>;
  onClose: () => void;
}) {
  const { register, onSubmit, formError, errors, isSubmitting } = useContractForm({
    schema: datedSchema,
    defaultValues: { on: toIsoDate(new Date()) },
    submit: (data) => submit(data.on),
    savedMessage,
    guard: false,
    onSaved: onClose,
  });
  return (
    <Dialog
      title={title}
      onClose={onClose}
      busy={isSubmitting}
      initialFocus="#action-date"
      actions={
        <>
          <button type="button" className="button button-secondary" onClick={onClose} disabled={isSubmitting}>
            Annuler
          </button>
          <button type="submit" form="action-datee" className="button" disabled={isSubmitting}>
            {isSubmitting ? 'Enregistrement…' : submitLabel}
          </button>
        </>
      }
    >
      <form id="action-datee" onSubmit={onSubmit} noValidate className="protocol-dialog-form">
        {children}
        <FormError message={formError} />
        <Field id="action-date" label={dateLabel} required error={errors.on?.message}>
          {(a) => <input type="date" {...a} {...register('on')} />}
        </Field>
      </form>
    </Dialog>
  );
}
