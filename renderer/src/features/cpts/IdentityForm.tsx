import type { CptsProfile, TerritorySummary } from '@shared/contract';
import { cptsIdentitySchema, LEGAL_FORMS, type CptsIdentity, type CptsIdentityInput } from '@shared/schemas/cpts';
import { Field } from '../../components/Field';
import { FormActions, FormError } from '../../components/FormActions';
import { useContractForm } from '../../components/useContractForm';
import { useCptsWrite } from './queries';

const FIELDS = [
  'name',
  'legalForm',
  'rna',
  'siren',
  'siret',
  'addressLine',
  'postalCode',
  'city',
  'presidentName',
  'coordinatorName',
  'email',
  'phone',
  'website',
  'arsRegionCode',
  'cpam',
] as const satisfies readonly (keyof CptsIdentity)[];

/** Server values (nulls) → what the inputs hold (strings). */
export function identityToForm(identity: CptsIdentity | null | undefined): CptsIdentityInput {
  const values: Record<string, string> = {};
  for (const key of FIELDS) values[key] = identity?.[key] ?? '';
  return { ...values, name: identity?.name ?? '', legalForm: identity?.legalForm ?? LEGAL_FORMS[0] };
}

interface Props {
  profile: CptsProfile | null;
  arsRegions: { code: string; nom: string; arsName: string }[];
  territory: TerritorySummary | undefined;
}

export function IdentityForm({ profile, arsRegions, territory }: Props) {
  const save = useCptsWrite('cpts.saveIdentity');
  const { register, onSubmit, formError, errors, isSubmitting } = useContractForm({
    schema: cptsIdentitySchema,
    defaultValues: identityToForm(profile?.identity) satisfies CptsIdentityInput,
    fields: FIELDS,
    submit: save.mutateAsync,
    // Show the values as the application stored them (normalised identifiers, phone…).
    onSaved: (saved, _values, form) => form.reset(identityToForm(saved.identity)),
    savedMessage: 'Identité enregistrée',
    failedMessage: (message) => `L’identité n’a pas été enregistrée : ${message}`,
  });

  const currentArs = profile?.identity.arsRegionCode ?? null;
  const arsOptions =
    currentArs && !arsRegions.some((region) => region.code === currentArs)
      ? [...arsRegions, { code: currentArs, nom: currentArs, arsName: `Région ${currentArs}` }]
      : arsRegions;
  const cpamSuggestions = [...new Set((territory?.departements ?? []).map((d) => d.cpamSuggestion).filter(Boolean))];
  const saving = isSubmitting || save.isPending;

  return (
    <form className="card form-card" onSubmit={onSubmit} noValidate aria-labelledby="identite-titre">
      <h2 id="identite-titre">Identité</h2>
      <p className="muted small">
        Les champs marqués d’un astérisque (<span aria-hidden="true">*</span>
        <span className="visually-hidden">astérisque</span>) sont obligatoires.
      </p>
      <FormError message={formError} />
      <div className="form-grid">
        <Field id="cpts-name" label="Nom de la CPTS" required wide error={errors.name?.message}>
          {(a) => <input type="text" autoComplete="organization" {...a} {...register('name')} />}
        </Field>
        <Field id="cpts-legal-form" label="Forme juridique" error={errors.legalForm?.message}>
          {(a) => (
            <select {...a} {...register('legalForm')}>
              {LEGAL_FORMS.map((form) => (
                <option key={form} value={form}>
                  {form}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="cpts-rna"
          label="Numéro RNA"
          hint="W suivi de 9 caractères, par exemple W381012345."
          error={errors.rna?.message}
        >
          {(a) => <input type="text" spellCheck={false} {...a} {...register('rna')} />}
        </Field>
        <Field id="cpts-siren" label="SIREN" hint="9 chiffres." error={errors.siren?.message}>
          {(a) => <input type="text" inputMode="numeric" spellCheck={false} {...a} {...register('siren')} />}
        </Field>
        <Field
          id="cpts-siret"
          label="SIRET"
          hint="14 chiffres : le SIREN suivi du numéro d’établissement."
          error={errors.siret?.message}
        >
          {(a) => <input type="text" inputMode="numeric" spellCheck={false} {...a} {...register('siret')} />}
        </Field>
        <Field id="cpts-address" label="Adresse du siège" wide error={errors.addressLine?.message}>
          {(a) => <input type="text" autoComplete="street-address" {...a} {...register('addressLine')} />}
        </Field>
        <Field id="cpts-postal-code" label="Code postal" error={errors.postalCode?.message}>
          {(a) => (
            <input type="text" inputMode="numeric" autoComplete="postal-code" {...a} {...register('postalCode')} />
          )}
        </Field>
        <Field id="cpts-city" label="Commune du siège" error={errors.city?.message}>
          {(a) => <input type="text" autoComplete="address-level2" {...a} {...register('city')} />}
        </Field>
        <Field id="cpts-president" label="Président·e" error={errors.presidentName?.message}>
          {(a) => <input type="text" {...a} {...register('presidentName')} />}
        </Field>
        <Field id="cpts-coordinator" label="Coordinateur·rice" error={errors.coordinatorName?.message}>
          {(a) => <input type="text" {...a} {...register('coordinatorName')} />}
        </Field>
        <Field id="cpts-email" label="Courriel" error={errors.email?.message}>
          {(a) => <input type="email" autoComplete="email" {...a} {...register('email')} />}
        </Field>
        <Field id="cpts-phone" label="Téléphone" error={errors.phone?.message}>
          {(a) => <input type="tel" autoComplete="tel" {...a} {...register('phone')} />}
        </Field>
        <Field id="cpts-website" label="Site internet" error={errors.website?.message}>
          {(a) => (
            <input type="text" inputMode="url" autoComplete="url" spellCheck={false} {...a} {...register('website')} />
          )}
        </Field>
        <Field id="cpts-ars" label="ARS de rattachement" error={errors.arsRegionCode?.message}>
          {(a) => (
            <select {...a} {...register('arsRegionCode')}>
              <option value="">— Non renseignée —</option>
              {arsOptions.map((region) => (
                <option key={region.code} value={region.code}>
                  {region.arsName}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="cpts-cpam"
          label="CPAM de rattachement"
          hint={cpamSuggestions.length > 0 ? 'Suggestions tirées des départements de votre territoire.' : undefined}
          error={errors.cpam?.message}
        >
          {(a) => (
            <>
              <input type="text" list="cpam-suggestions" {...a} {...register('cpam')} />
              <datalist id="cpam-suggestions">
                {cpamSuggestions.map((name) => (
                  <option key={name} value={name} />
                ))}
              </datalist>
            </>
          )}
        </Field>
      </div>
      <FormActions pending={saving} submitLabel="Enregistrer l'identité" />
    </form>
  );
}
