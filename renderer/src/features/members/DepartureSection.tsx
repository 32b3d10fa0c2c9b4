import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import type { MemberDetail } from '@shared/contract';
import { formatDateLong, toIsoDate } from '@shared/format';
import { departureSchema } from '@shared/schemas/members';
import { errorMessage } from '../../api';
import { Field } from '../../components/Field';
import { applyServerErrors } from '../../components/serverErrors';
import { useToast } from '../../components/Toasts';
import { useUnsavedChangesGuard } from '../../components/UnsavedChanges';
import { useMembersWrite } from './queries';

interface DepartureFormValues {
  id: number;
  leftOn: string;
  leftReason: string;
}
type DepartureData = ReturnType<typeof departureSchema.parse>;
const resolver = zodResolver(departureSchema) as unknown as Resolver<DepartureFormValues, unknown, DepartureData>;

export function DepartureSection({ detail }: { detail: MemberDetail }) {
  const toast = useToast();
  const reinstate = useMembersWrite('members.reinstate');
  const [formError, setFormError] = useState<string | null>(null);
  const depart = useMembersWrite('members.depart');
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<DepartureFormValues, unknown, DepartureData>({
    resolver,
    defaultValues: { id: detail.id, leftOn: toIsoDate(new Date()), leftReason: '' },
    reValidateMode: 'onChange',
  });
  useUnsavedChangesGuard(isDirty);

  const onSubmit = async (values: DepartureData) => {
    setFormError(null);
    try {
      await depart.mutateAsync(values);
      toast.notify({ kind: 'success', message: `Sortie de ${detail.displayName} enregistrée.` });
    } catch (error) {
      const { message } = applyServerErrors(error, setError, ['leftOn', 'leftReason']);
      setFormError(message);
    }
  };

  if (detail.erasedAt) return null;

  return (
    <section className="card" aria-labelledby="sortie-titre">
      <h2 id="sortie-titre">Sortie</h2>
      {detail.leftOn ? (
        <>
          <p>
            {detail.active ? 'Sortie prévue le ' : 'Sortie le '}
            <strong>{formatDateLong(detail.leftOn)}</strong>
            {detail.leftReason ? ` — ${detail.leftReason}` : ''}.
          </p>
          <p className="muted small">
            La fiche reste dans la liste des anciens adhérents et compte dans les rapports des années passées.
          </p>
          <div className="form-actions">
            <button
              type="button"
              className="button button-secondary"
              disabled={reinstate.isPending}
              onClick={() =>
                reinstate.mutate(
                  { id: detail.id },
                  {
                    onSuccess: () =>
                      toast.notify({ kind: 'success', message: `${detail.displayName} est de nouveau adhérent·e.` }),
                    onError: (error) =>
                      toast.notify({ kind: 'error', message: `La réintégration a échoué : ${errorMessage(error)}` }),
                  },
                )
              }
            >
              Réintégrer
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={handleSubmit(onSubmit)} noValidate aria-labelledby="sortie-titre">
          <p className="muted small">
            Démission, départ du territoire, radiation… La fiche est conservée comme ancien adhérent.
          </p>
          {formError && (
            <div className="alert alert-error" role="alert">
              {formError}
            </div>
          )}
          <div className="form-grid">
            <Field id="sortie-date" label="Date de sortie" required error={errors.leftOn?.message}>
              {(a) => <input type="date" {...a} {...register('leftOn')} />}
            </Field>
            <Field id="sortie-motif" label="Motif" error={errors.leftReason?.message}>
              {(a) => <input type="text" placeholder="Démission, déménagement…" {...a} {...register('leftReason')} />}
            </Field>
          </div>
          <div className="form-actions">
            <button type="submit" className="button button-secondary" disabled={isSubmitting}>
              {isSubmitting ? 'Enregistrement…' : 'Enregistrer la sortie'}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
