import { renewalSectionSchema, type RenewalDraft, type RenewalDraftSection } from '@shared/contract';
import { Field } from '../../components/Field';
import { FormActions, FormError } from '../../components/FormActions';
import { useContractForm } from '../../components/useContractForm';
import { useRenewalWrite } from './queries';

interface SectionValues {
  included: boolean;
  body: string;
}

const valuesOf = (section: RenewalDraftSection): SectionValues => ({
  included: section.included,
  body: section.body ?? '',
});

/** One section of the dossier: printed or left out, and the coordinator's text (the figures come from Maillage). */
export function SectionForm({ draft, section }: { draft: RenewalDraft; section: RenewalDraftSection }) {
  const save = useRenewalWrite('renewal.saveSection');
  const { register, onSubmit, formError, errors, isSubmitting } = useContractForm({
    schema: renewalSectionSchema,
    prepare: (values: SectionValues) => ({ ...values, contractId: draft.contractId, key: section.key }),
    defaultValues: valuesOf(section),
    submit: save.mutateAsync,
    savedMessage: `Section « ${section.title} » enregistrée.`,
    onSaved: (result, _data, form) => {
      const saved = result.sections.find((candidate) => candidate.key === section.key);
      if (saved) form.reset(valuesOf(saved));
    },
  });
  const prefix = `section-${section.key}`;
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Section « ${section.title} »`}>
      <FormError message={formError} />
      <div className="field field-checkbox">
        <label className="checkbox-label">
          <input type="checkbox" {...register('included')} /> Inclure la section « {section.title} » dans le dossier
        </label>
      </div>
      <Field
        id={`${prefix}-texte`}
        label={`Texte de la section « ${section.title} »`}
        hint="Votre commentaire, imprimé avant les chiffres et tableaux que Maillage ajoute."
        error={errors.body?.message}
        wide
      >
        {(a) => <textarea rows={4} {...a} {...register('body')} />}
      </Field>
      <FormActions pending={isSubmitting} submitLabel="Enregistrer la section" small secondary />
    </form>
  );
}
