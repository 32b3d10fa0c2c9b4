import { renewalDraftSchema, type RenewalDraft } from '@shared/contract';
import { Field } from '../../components/Field';
import { FormActions, FormError } from '../../components/FormActions';
import { useContractForm } from '../../components/useContractForm';
import { useRenewalWrite } from './queries';

/** The introduction of the dossier (the deliberation chosen is kept as it is). */
export function IntroductionForm({ draft }: { draft: RenewalDraft }) {
  const save = useRenewalWrite('renewal.saveDraft');
  const { register, onSubmit, formError, errors, isSubmitting } = useContractForm({
    schema: renewalDraftSchema,
    prepare: (values: { introduction: string }) => ({
      contractId: draft.contractId,
      introduction: values.introduction,
      approvalMeetingId: draft.approvalMeetingId,
      approvalResolutionId: draft.approvalResolutionId,
      approvalDecisionId: draft.approvalDecisionId,
    }),
    defaultValues: { introduction: draft.introduction ?? '' },
    submit: save.mutateAsync,
    savedMessage: 'Introduction enregistrée.',
    onSaved: (result, _data, form) => form.reset({ introduction: result.introduction ?? '' }),
  });
  return (
    <section className="card" aria-labelledby="renouvellement-introduction">
      <h2 id="renouvellement-introduction">Introduction</h2>
      <form onSubmit={onSubmit} noValidate>
        <FormError message={formError} />
        <Field
          id="renouvellement-introduction-texte"
          label="Introduction du dossier"
          hint="Quelques lignes qui ouvrent le dossier : la CPTS, son projet de santé, ce qu’elle demande."
          error={errors.introduction?.message}
          wide
        >
          {(a) => <textarea rows={5} {...a} {...register('introduction')} />}
        </Field>
        <FormActions pending={isSubmitting} submitLabel="Enregistrer l’introduction" small secondary />
      </form>
    </section>
  );
}
