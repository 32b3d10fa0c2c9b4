import { useWatch } from 'react-hook-form';
import { Link } from 'react-router-dom';
import type { ContractDetail, ContractOverview, CptsProfile } from '@shared/contract';
import { contractEndDate } from '@shared/domain/lifecycle';
import { formatDateLong } from '@shared/format';
import { cptsLifecycleSchema, type CptsLifecycle, type CptsLifecycleInput } from '@shared/schemas/cpts';
import { Field } from '../../components/Field';
import { FormActions, FormError } from '../../components/FormActions';
import { useContractForm } from '../../components/useContractForm';
import { useCptsWrite } from './queries';

const FIELDS = [
  'letterOfIntentSubmittedOn',
  'letterOfIntentValidatedOn',
  'healthProjectSubmittedOn',
  'healthProjectValidatedOn',
  'aciSignedOn',
  'aciContractNumber',
  'aciAnniversaryOn',
] as const satisfies readonly (keyof CptsLifecycle)[];

export function lifecycleToForm(lifecycle: CptsLifecycle | null | undefined): CptsLifecycleInput {
  const values: Record<string, string> = {};
  for (const key of FIELDS) values[key] = lifecycle?.[key] ?? '';
  return values;
}

/** The contract in force (status « actif »): it writes its dates on the CPTS record, which only shows them. */
export function activeContract(overview: ContractOverview | undefined): ContractDetail | null {
  return overview?.contract?.status === 'actif' ? overview.contract : null;
}

/** The form's values: the saved stages, and the contract's own dates while a contract is in force. */
function formValues(lifecycle: CptsLifecycle | null | undefined, contract: ContractDetail | null): CptsLifecycleInput {
  const values = lifecycleToForm(lifecycle);
  if (!contract) return values;
  return {
    ...values,
    aciSignedOn: contract.signedOn,
    aciContractNumber: contract.number ?? '',
    aciAnniversaryOn: contract.anniversaryOn,
  };
}

const isIsoDate = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));

export function LifecycleForm({ profile, contract }: { profile: CptsProfile | null; contract: ContractDetail | null }) {
  const save = useCptsWrite('cpts.saveLifecycle');
  const { register, control, onSubmit, formError, errors, isSubmitting } = useContractForm({
    schema: cptsLifecycleSchema,
    defaultValues: formValues(profile?.lifecycle, contract),
    fields: FIELDS,
    submit: save.mutateAsync,
    onSaved: (saved, _values, form) => form.reset(formValues(saved.lifecycle, contract)),
    savedMessage: 'Étapes enregistrées',
    failedMessage: (message) => `Les étapes n'ont pas été enregistrées : ${message}`,
  });
  const signedOn = useWatch({ control, name: 'aciSignedOn' });
  const anniversaryOn = useWatch({ control, name: 'aciAnniversaryOn' });

  const status = profile?.status ?? null;
  // The end of the contract follows the dates as they are typed; the saved status gives the rest.
  const contractEnd = isIsoDate(signedOn)
    ? contractEndDate(signedOn, isIsoDate(anniversaryOn) ? anniversaryOn : null)
    : null;
  const saving = isSubmitting || save.isPending;

  return (
    <form className="card form-card" onSubmit={onSubmit} noValidate aria-labelledby="etapes-titre">
      <h2 id="etapes-titre">Étapes et contrat ACI</h2>
      {status && (
        <div className="stage-box">
          <p className="stage-label">
            <span className="muted">Étape actuelle : </span>
            <strong>{status.label}</strong>
          </p>
          <dl className="inline-facts">
            <div>
              <dt>Fin du contrat</dt>
              <dd>{contractEnd ? formatDateLong(contractEnd) : 'contrat non signé'}</dd>
            </div>
            {status.nextAnniversary && (
              <div>
                <dt>Prochaine date anniversaire</dt>
                <dd>{formatDateLong(status.nextAnniversary)}</dd>
              </div>
            )}
          </dl>
        </div>
      )}
      <FormError message={formError} />
      <fieldset className="form-grid">
        <legend className="visually-hidden">Dates des étapes</legend>
        <Field
          id="lc-loi-submitted"
          label="Lettre d'intention déposée le"
          error={errors.letterOfIntentSubmittedOn?.message}
        >
          {(a) => <input type="date" {...a} {...register('letterOfIntentSubmittedOn')} />}
        </Field>
        <Field
          id="lc-loi-validated"
          label="Lettre d'intention validée le"
          error={errors.letterOfIntentValidatedOn?.message}
        >
          {(a) => <input type="date" {...a} {...register('letterOfIntentValidatedOn')} />}
        </Field>
        <Field
          id="lc-project-submitted"
          label="Projet de santé déposé le"
          error={errors.healthProjectSubmittedOn?.message}
        >
          {(a) => <input type="date" {...a} {...register('healthProjectSubmittedOn')} />}
        </Field>
        <Field
          id="lc-project-validated"
          label="Projet de santé validé le"
          error={errors.healthProjectValidatedOn?.message}
        >
          {(a) => <input type="date" {...a} {...register('healthProjectValidatedOn')} />}
        </Field>
      </fieldset>
      <fieldset className="form-grid lifecycle-contract">
        <legend className="visually-hidden">Contrat ACI</legend>
        {contract && (
          <p className="field-wide lifecycle-from-contract">
            Ces dates viennent du contrat ACI : elles se modifient sur{' '}
            <Link to="/projet-de-sante/contrat">la page du contrat</Link>.
          </p>
        )}
        <Field id="lc-aci-signed" label="Contrat ACI signé le" error={errors.aciSignedOn?.message}>
          {(a) => <input type="date" readOnly={Boolean(contract)} {...a} {...register('aciSignedOn')} />}
        </Field>
        <Field id="lc-aci-number" label="Numéro du contrat ACI" error={errors.aciContractNumber?.message}>
          {(a) => (
            <input
              type="text"
              spellCheck={false}
              readOnly={Boolean(contract)}
              {...a}
              {...register('aciContractNumber')}
            />
          )}
        </Field>
        <Field
          id="lc-aci-anniversary"
          label="Date anniversaire du contrat"
          hint={
            contract
              ? undefined
              : isIsoDate(signedOn)
                ? `Laissez vide pour retenir la date de signature (${formatDateLong(signedOn)}).`
                : 'Laissez vide pour retenir la date de signature du contrat.'
          }
          error={errors.aciAnniversaryOn?.message}
        >
          {(a) => (
            <input
              type="date"
              readOnly={Boolean(contract)}
              placeholder={isIsoDate(signedOn) ? signedOn : 'date de signature'}
              {...a}
              {...register('aciAnniversaryOn')}
            />
          )}
        </Field>
      </fieldset>
      <FormActions pending={saving} submitLabel="Enregistrer les étapes" />
    </form>
  );
}
