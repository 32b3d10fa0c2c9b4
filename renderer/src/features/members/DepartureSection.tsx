import type { MemberDetail } from '@shared/contract';
import { formatDateLong, toIsoDate } from '@shared/format';
import { departureSchema } from '@shared/schemas/members';
import { errorMessage } from '../../api';
import { Field } from '../../components/Field';
import { FormActions, FormError } from '../../components/FormActions';
import { useToast } from '../../components/Toasts';
import { useContractForm } from '../../components/useContractForm';
import { useMembersWrite } from './queries';

interface DepartureFormValues {
  id: number;
  leftOn: string;
  leftReason: string;
}

export function DepartureSection({ detail }: { detail: MemberDetail }) {
  const toast = useToast();
  const reinstate = useMembersWrite('members.reinstate');
  const depart = useMembersWrite('members.depart');
  const { register, onSubmit, formError, errors, isSubmitting } = useContractForm({
    schema: departureSchema,
    defaultValues: { id: detail.id, leftOn: toIsoDate(new Date()), leftReason: '' } as DepartureFormValues,
    fields: ['leftOn', 'leftReason'],
    submit: depart.mutateAsync,
    savedMessage: `Sortie de ${detail.displayName} enregistrée.`,
  });

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
        <form onSubmit={onSubmit} noValidate aria-labelledby="sortie-titre">
          <p className="muted small">
            Démission, départ du territoire, radiation… La fiche est conservée comme ancien adhérent.
          </p>
          <FormError message={formError} />
          <div className="form-grid">
            <Field id="sortie-date" label="Date de sortie" required error={errors.leftOn?.message}>
              {(a) => <input type="date" {...a} {...register('leftOn')} />}
            </Field>
            <Field id="sortie-motif" label="Motif" error={errors.leftReason?.message}>
              {(a) => <input type="text" placeholder="Démission, déménagement…" {...a} {...register('leftReason')} />}
            </Field>
          </div>
          <FormActions pending={isSubmitting} submitLabel="Enregistrer la sortie" secondary />
        </form>
      )}
    </section>
  );
}
