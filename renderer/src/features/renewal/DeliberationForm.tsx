import { renewalDraftSchema, type RenewalDraft } from '@shared/contract';
import { formatDateLong } from '@shared/format';
import { Field } from '../../components/Field';
import { FormActions, FormError } from '../../components/FormActions';
import { useContractForm } from '../../components/useContractForm';
import { useRenewalWrite } from './queries';

interface DeliberationValues {
  approvalMeetingId: string;
  approvalResolutionId: string;
  approvalDecisionId: string;
}

const idOrNull = (value: string) => (value ? Number(value) : null);
const valuesOf = (draft: RenewalDraft): DeliberationValues => ({
  approvalMeetingId: draft.approvalMeetingId ? String(draft.approvalMeetingId) : '',
  approvalResolutionId: draft.approvalResolutionId ? String(draft.approvalResolutionId) : '',
  approvalDecisionId: draft.approvalDecisionId ? String(draft.approvalDecisionId) : '',
});

/**
 * The AG or CA that authorised the renewal, and the resolution voted (AG) or the decision taken (CA) there: the
 * dossier quotes it.
 */
export function DeliberationForm({ draft }: { draft: RenewalDraft }) {
  const save = useRenewalWrite('renewal.saveDraft');
  const meetings = draft.choices.meetings;
  const { register, onSubmit, formError, errors, isSubmitting, watch, setValue } = useContractForm({
    schema: renewalDraftSchema,
    prepare: (values: DeliberationValues) => {
      const meeting = meetings.find((candidate) => candidate.id === idOrNull(values.approvalMeetingId));
      return {
        contractId: draft.contractId,
        introduction: draft.introduction,
        approvalMeetingId: meeting?.id ?? null,
        approvalResolutionId: meeting?.resolutions.length ? idOrNull(values.approvalResolutionId) : null,
        approvalDecisionId: meeting?.decisions.length ? idOrNull(values.approvalDecisionId) : null,
      };
    },
    defaultValues: valuesOf(draft),
    submit: save.mutateAsync,
    savedMessage: 'Délibération enregistrée.',
    onSaved: (result, _data, form) => form.reset(valuesOf(result)),
  });
  const meeting = meetings.find((candidate) => String(candidate.id) === watch('approvalMeetingId'));
  if (meetings.length === 0)
    return (
      <p className="muted">
        Aucune assemblée générale ni aucun conseil d’administration n’est enregistré. Saisissez la réunion qui a
        délibéré sur le renouvellement dans « Réunions », puis choisissez-la ici.
      </p>
    );
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Délibération" className="renewal-deliberation">
      <FormError message={formError} />
      <div className="form-grid">
        <Field
          id="deliberation-reunion"
          label="Réunion qui a délibéré"
          hint="L’assemblée générale ou le conseil d’administration qui a autorisé le renouvellement."
          error={errors.approvalMeetingId?.message}
        >
          {(a) => (
            <select
              {...a}
              {...register('approvalMeetingId', {
                onChange: () => {
                  setValue('approvalResolutionId', '');
                  setValue('approvalDecisionId', '');
                },
              })}
            >
              <option value="">Aucune réunion choisie</option>
              {meetings.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.typeLabel} du {formatDateLong(candidate.date)} — {candidate.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        {meeting && meeting.resolutions.length > 0 && (
          <Field id="deliberation-resolution" label="Résolution votée" error={errors.approvalResolutionId?.message}>
            {(a) => (
              <select {...a} {...register('approvalResolutionId')}>
                <option value="">Aucune résolution choisie</option>
                {meeting.resolutions.map((resolution) => (
                  <option key={resolution.id} value={resolution.id}>
                    {resolution.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {meeting && meeting.decisions.length > 0 && (
          <Field id="deliberation-decision" label="Décision prise" error={errors.approvalDecisionId?.message}>
            {(a) => (
              <select {...a} {...register('approvalDecisionId')}>
                <option value="">Aucune décision choisie</option>
                {meeting.decisions.map((decision) => (
                  <option key={decision.id} value={decision.id}>
                    {decision.text}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {meeting && meeting.resolutions.length === 0 && meeting.decisions.length === 0 && (
          <p className="muted">
            Cette réunion n’a ni résolution ni décision enregistrée : le dossier citera la réunion seule.
          </p>
        )}
      </div>
      <FormActions pending={isSubmitting} submitLabel="Enregistrer la délibération" small secondary />
    </form>
  );
}
