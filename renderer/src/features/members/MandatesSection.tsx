import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import type { MandateRow, MemberDetail } from '@shared/contract';
import { formatDateLong, toIsoDate } from '@shared/format';
import { MANDATE_ROLES, mandateSchema } from '@shared/schemas/members';
import { errorMessage } from '../../api';
import { ConfirmDialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { applyServerErrors } from '../../components/serverErrors';
import { useToast } from '../../components/Toasts';
import { useUnsavedChangesGuard } from '../../components/UnsavedChanges';
import { useMembersWrite } from './queries';

interface MandateFormValues {
  memberId: number;
  role: string;
  label: string;
  startOn: string;
  endOn: string;
}
type MandateData = ReturnType<typeof mandateSchema.parse>;

const resolver = zodResolver(mandateSchema) as unknown as Resolver<MandateFormValues, unknown, MandateData>;

export function MandatesSection({ detail }: { detail: MemberDetail }) {
  const toast = useToast();
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<MandateRow | null>(null);
  const remove = useMembersWrite('members.deleteMandate');
  const rows = [...detail.mandates].sort(
    (a, b) => Number(b.current) - Number(a.current) || b.startOn.localeCompare(a.startOn),
  );

  return (
    <section className="card" aria-labelledby="mandats-titre">
      <div className="card-header">
        <h2 id="mandats-titre">Mandats</h2>
        {!adding && !detail.erasedAt && (
          <button type="button" className="button button-small button-secondary" onClick={() => setAdding(true)}>
            Ajouter un mandat
          </button>
        )}
      </div>
      {rows.length === 0 ? (
        <p className="muted">Aucun mandat (conseil d’administration, bureau, commission…).</p>
      ) : (
        <table className="table table-compact" aria-labelledby="mandats-titre">
          <thead>
            <tr>
              <th scope="col">Mandat</th>
              <th scope="col">Précision</th>
              <th scope="col">Début</th>
              <th scope="col">Fin</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  {row.roleLabel} {row.current && <span className="badge badge-ok">en cours</span>}
                </th>
                <td>{row.label ?? '—'}</td>
                <td>{formatDateLong(row.startOn)}</td>
                <td>{row.endOn ? formatDateLong(row.endOn) : '—'}</td>
                <td className="actions">
                  {!detail.erasedAt && (
                    <button
                      type="button"
                      className="button button-small button-ghost"
                      aria-label={`Supprimer le mandat ${row.roleLabel}`}
                      onClick={() => {
                        remove.reset();
                        setDeleting(row);
                      }}
                    >
                      Supprimer
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {adding && <MandateForm memberId={detail.id} onDone={() => setAdding(false)} />}
      {deleting && (
        <ConfirmDialog
          title="Supprimer ce mandat ?"
          confirmLabel="Supprimer"
          danger
          busy={remove.isPending}
          error={remove.isError ? errorMessage(remove.error) : null}
          onCancel={() => setDeleting(null)}
          onConfirm={() =>
            remove.mutate(
              { memberId: detail.id, mandateId: deleting.id },
              {
                onSuccess: () => {
                  toast.notify({ kind: 'success', message: `Mandat « ${deleting.roleLabel} » supprimé.` });
                  setDeleting(null);
                },
              },
            )
          }
        >
          <p>
            Le mandat « {deleting.roleLabel} » de {detail.displayName}, commencé le {formatDateLong(deleting.startOn)},
            sera supprimé. Pour un mandat terminé, indiquez plutôt sa date de fin.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function MandateForm({ memberId, onDone }: { memberId: number; onDone: () => void }) {
  const toast = useToast();
  const add = useMembersWrite('members.addMandate');
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<MandateFormValues, unknown, MandateData>({
    resolver,
    defaultValues: { memberId, role: '', label: '', startOn: toIsoDate(new Date()), endOn: '' },
    reValidateMode: 'onChange',
  });
  useUnsavedChangesGuard(isDirty);

  const onSubmit = async (values: MandateData) => {
    setFormError(null);
    try {
      await add.mutateAsync(values);
      toast.notify({ kind: 'success', message: 'Mandat ajouté.' });
      onDone();
    } catch (error) {
      const { message } = applyServerErrors(error, setError, ['role', 'label', 'startOn', 'endOn']);
      setFormError(message);
    }
  };

  return (
    <form className="subform" onSubmit={handleSubmit(onSubmit)} noValidate aria-labelledby="mandat-form-titre">
      <h3 id="mandat-form-titre">Nouveau mandat</h3>
      {formError && (
        <div className="alert alert-error" role="alert">
          {formError}
        </div>
      )}
      <div className="form-grid form-grid-4">
        <Field id="mandat-role" label="Mandat" required error={errors.role?.message}>
          {(a) => (
            <select {...a} {...register('role')}>
              <option value="">— Choisir —</option>
              {MANDATE_ROLES.map((role) => (
                <option key={role.code} value={role.code}>
                  {role.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="mandat-label"
          label="Précision"
          hint="Par exemple le nom de la commission."
          error={errors.label?.message}
        >
          {(a) => <input type="text" {...a} {...register('label')} />}
        </Field>
        <Field id="mandat-start" label="Début" required error={errors.startOn?.message}>
          {(a) => <input type="date" {...a} {...register('startOn')} />}
        </Field>
        <Field id="mandat-end" label="Fin" error={errors.endOn?.message}>
          {(a) => <input type="date" {...a} {...register('endOn')} />}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-small" disabled={isSubmitting}>
          {isSubmitting ? 'Enregistrement…' : 'Ajouter le mandat'}
        </button>
        <button type="button" className="button button-small button-secondary" onClick={onDone} disabled={isSubmitting}>
          Annuler
        </button>
      </div>
    </form>
  );
}
