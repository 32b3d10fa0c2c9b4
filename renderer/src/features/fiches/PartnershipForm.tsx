import { partnershipSchema, type PartnershipData, type PartnershipRow } from '@shared/contract';
import { PARTNERSHIP_TYPES } from '@shared/domain/fiche-labels';
import { Field } from '../../components/Field';
import { FormActions, FormError } from '../../components/FormActions';
import { useContractForm } from '../../components/useContractForm';
import { CodeOptions } from '../meetings/CodeOptions';

interface Values {
  type: string;
  partner: string;
  title: string;
  signedOn: string;
  startsOn: string;
  endsOn: string;
  cptsSeat: string;
  /** One per line. */
  axes: string;
  fichesTotal: string;
  note: string;
}

const toValues = (row: PartnershipRow | null): Values => ({
  type: row?.type ?? '',
  partner: row?.partner ?? '',
  title: row?.title ?? '',
  signedOn: row?.signedOn ?? '',
  startsOn: row?.startsOn ?? '',
  endsOn: row?.endsOn ?? '',
  cptsSeat: row?.cptsSeat ?? '',
  axes: (row?.axes ?? []).join('\n'),
  fichesTotal: row?.fichesTotal === null || row?.fichesTotal === undefined ? '' : String(row.fichesTotal),
  note: row?.note ?? '',
});

/** A partnership: type, partner, title, dates, the CPTS's seat in its bodies, axes, number of fiches, note. */
export function PartnershipForm({
  row,
  save,
  onDone,
}: {
  row: PartnershipRow | null;
  save: (data: PartnershipData) => Promise<PartnershipRow>;
  onDone: () => void;
}) {
  const { register, onSubmit, formError, errors, isSubmitting } = useContractForm({
    schema: partnershipSchema,
    defaultValues: toValues(row),
    prepare: (values: Values) => ({
      ...values,
      fichesTotal: values.fichesTotal.trim() === '' ? null : Number(values.fichesTotal.trim().replace(',', '.')),
    }),
    serverPrefix: row ? 'data.' : undefined,
    submit: save,
    savedMessage: (saved) =>
      row ? `Partenariat « ${saved.partner} » enregistré.` : `Partenariat « ${saved.partner} » ajouté.`,
    failedMessage: (message) => `Le partenariat n’a pas été enregistré : ${message}`,
    onSaved: onDone,
  });
  const prefix = row ? `partenariat-${row.id}` : 'partenariat-nouveau';
  const title = row ? `Modifier le partenariat « ${row.partner} »` : 'Nouveau partenariat';

  return (
    <form className="card form-card" onSubmit={onSubmit} noValidate aria-label={title}>
      <h2>{title}</h2>
      <FormError message={formError} />
      <div className="form-grid">
        <Field id={`${prefix}-type`} label="Type de partenariat" required error={errors.type?.message}>
          {(a) => (
            <select {...a} {...register('type')}>
              <option value="">— Choisir —</option>
              <CodeOptions items={PARTNERSHIP_TYPES} />
            </select>
          )}
        </Field>
        <Field
          id={`${prefix}-partner`}
          label="Partenaire"
          required
          hint="La ville, l’hôpital, le GHT, la fédération…"
          error={errors.partner?.message}
        >
          {(a) => <input type="text" autoComplete="off" {...a} {...register('partner')} />}
        </Field>
        <Field
          id={`${prefix}-title`}
          label="Intitulé"
          hint="Par exemple « Contrat local de santé III de Mulhouse »."
          wide
          error={errors.title?.message}
        >
          {(a) => <input type="text" autoComplete="off" {...a} {...register('title')} />}
        </Field>
        <Field id={`${prefix}-signed`} label="Signé le" error={errors.signedOn?.message}>
          {(a) => <input type="date" {...a} {...register('signedOn')} />}
        </Field>
        <Field
          id={`${prefix}-total`}
          label="Nombre de fiches du programme"
          hint="Toutes les fiches du partenaire, pas seulement celles de la CPTS."
          error={errors.fichesTotal?.message}
        >
          {(a) => (
            <input type="text" inputMode="numeric" className="number-input" {...a} {...register('fichesTotal')} />
          )}
        </Field>
        <Field id={`${prefix}-starts`} label="Début" error={errors.startsOn?.message}>
          {(a) => <input type="date" {...a} {...register('startsOn')} />}
        </Field>
        <Field id={`${prefix}-ends`} label="Fin" error={errors.endsOn?.message}>
          {(a) => <input type="date" {...a} {...register('endsOn')} />}
        </Field>
        <Field
          id={`${prefix}-seat`}
          label="Place de la CPTS dans les instances"
          hint="Par exemple « siège au comité de pilotage depuis fin 2023 »."
          wide
          error={errors.cptsSeat?.message}
        >
          {(a) => <textarea rows={2} {...a} {...register('cptsSeat')} />}
        </Field>
        <Field id={`${prefix}-axes`} label="Axes" hint="Un axe par ligne." wide error={errors.axes?.message}>
          {(a) => <textarea rows={3} {...a} {...register('axes')} />}
        </Field>
        <Field id={`${prefix}-note`} label="Note" wide error={errors.note?.message}>
          {(a) => <textarea rows={2} {...a} {...register('note')} />}
        </Field>
      </div>
      <FormActions
        pending={isSubmitting}
        submitLabel={row ? 'Enregistrer le partenariat' : 'Ajouter le partenariat'}
        onCancel={onDone}
      />
    </form>
  );
}
