import { useWatch } from 'react-hook-form';
import type { MeetingDetail, RcpCaseRow } from '@shared/contract';
import { AGE_BANDS } from '@shared/domain/meetings';
import { rcpCaseSchema } from '@shared/schemas/meetings';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormActions';
import { useContractForm } from '../../components/useContractForm';
import { FOLLOW_UP_STATUS, RCP_GUARD_NOTE, RCP_HINT } from './labels';
import { RcpCaseDecisions } from './RcpCaseDecisions';
import { CASE_FIELDS, caseToValues, NEW_MOTIF } from './rcpCaseValues';
import { RcpMotifField } from './RcpMotifField';
import { CodeOptions } from './CodeOptions';
import { useMeetingsWrite } from './queries';

interface Props {
  detail: MeetingDetail;
  row: RcpCaseRow | null;
  onDone: () => void;
}

/** One pseudonymised case: patient's band and flags, motif, situation, decisions, follow-up. */
export function RcpCaseForm({ detail, row, onDone }: Props) {
  const save = useMeetingsWrite('rcp.saveCase');
  const { register, setValue, control, onSubmit, formError, errors, isSubmitting } = useContractForm({
    schema: rcpCaseSchema,
    defaultValues: caseToValues(detail.id, row),
    reValidateMode: 'onChange',
    // The guard's message goes under the offending field, the text kept as typed.
    fields: CASE_FIELDS,
    submit: save.mutateAsync,
    savedMessage: row ? `Cas ${row.code} enregistré.` : 'Cas ajouté.',
    onSaved: onDone,
  });
  const motifCode = useWatch({ control, name: 'motifCode' });
  const prefix = row ? `cas-${row.id}` : 'cas-nouveau';

  return (
    <form
      className="subform case-form"
      onSubmit={onSubmit}
      noValidate
      aria-label={row ? `Modifier le cas ${row.code}` : 'Nouveau cas'}
    >
      <h3>{row ? `Cas ${row.code}` : 'Nouveau cas'}</h3>
      <p className="rcp-hint small">
        {RCP_HINT} {RCP_GUARD_NOTE}
      </p>
      <FormError message={formError} />
      <div className="form-grid">
        <Field id={`${prefix}-age`} label="Tranche d’âge" required error={errors.ageBand?.message}>
          {(a) => (
            <select
              {...a}
              {...register('ageBand', {
                onChange: (event: { target: { value: string } }) => {
                  const band = AGE_BANDS.find((b) => b.code === event.target.value);
                  if (band) setValue('over75', band.over75, { shouldDirty: true, shouldValidate: true });
                },
              })}
            >
              <option value="">— Choisir —</option>
              <CodeOptions items={AGE_BANDS} />
            </select>
          )}
        </Field>
        <Field id={`${prefix}-sex`} label="Sexe" error={errors.sex?.message}>
          {(a) => (
            <select {...a} {...register('sex')}>
              <option value="">Non précisé</option>
              <option value="F">Femme</option>
              <option value="M">Homme</option>
            </select>
          )}
        </Field>
        <div className={`field field-checkbox${errors.over75 ? ' field-invalid' : ''}`}>
          <label className="checkbox-label">
            <input
              type="checkbox"
              {...register('over75')}
              aria-describedby={errors.over75 ? `${prefix}-over75-erreur` : undefined}
            />{' '}
            75 ans ou plus
          </label>
          {errors.over75?.message && (
            <p id={`${prefix}-over75-erreur`} className="field-error">
              {errors.over75.message}
            </p>
          )}
        </div>
        <div className="field field-checkbox">
          <label className="checkbox-label">
            <input type="checkbox" {...register('ald')} /> Affection de longue durée (ALD)
          </label>
        </div>
        <RcpMotifField
          prefix={prefix}
          control={control}
          register={register}
          setValue={setValue}
          error={errors.motifCode?.message}
        />
        <Field id={`${prefix}-motif-text`} label="Précision du motif" wide error={errors.motifText?.message}>
          {(a) => <input type="text" autoComplete="off" {...a} {...register('motifText')} />}
        </Field>
        <Field
          id={`${prefix}-summary`}
          label="Situation"
          wide
          error={errors.summary?.message}
          hint="Le contexte utile à la concertation, sans nom ni date de naissance."
        >
          {(a) => <textarea rows={5} {...a} {...register('summary')} />}
        </Field>
      </div>

      <RcpCaseDecisions
        prefix={prefix}
        control={control}
        register={register}
        errors={errors.decisions}
        participants={detail.participants}
      />

      <div className="form-grid">
        <div className="field field-checkbox">
          <label className="checkbox-label">
            <input type="checkbox" {...register('patientInformed')} /> Patient·e informé·e de la présentation en RCP
          </label>
        </div>
        <div className="field-spacer" aria-hidden="true" />
        <Field id={`${prefix}-followup-on`} label="Date de suivi" error={errors.followUpOn?.message}>
          {(a) => <input type="date" {...a} {...register('followUpOn')} />}
        </Field>
        <Field id={`${prefix}-followup-status`} label="État du suivi" error={errors.followUpStatus?.message}>
          {(a) => (
            <select {...a} {...register('followUpStatus')}>
              <CodeOptions items={FOLLOW_UP_STATUS} />
            </select>
          )}
        </Field>
      </div>
      <div className="form-actions">
        <button type="button" className="button button-secondary" onClick={onDone} disabled={isSubmitting}>
          Annuler
        </button>
        <button type="submit" className="button" disabled={isSubmitting || motifCode === NEW_MOTIF}>
          {isSubmitting ? 'Enregistrement…' : 'Enregistrer le cas'}
        </button>
      </div>
    </form>
  );
}
