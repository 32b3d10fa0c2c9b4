import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import type { CollegeRow, MemberDetail } from '@shared/contract';
import type { MemberListRow } from '@shared/domain/members';
import {
  COMMON_SPECIALTY_LABELS,
  MEDICAL_SPECIALTIES,
  PRACTICE_MODES,
  STRUCTURE_TYPES,
} from '@shared/domain/professions';
import { formatDateLong, toIsoDate } from '@shared/format';
import { memberSchema, type MemberData } from '@shared/schemas/members';
import { Field } from '../../components/Field';
import { FormActions, FormError } from '../../components/FormActions';
import { useContractForm } from '../../components/useContractForm';
import { CommunePicker, communeLabel } from './CommunePicker';
import { VOTING_RIGHT_LABEL } from './labels';
import { ProfessionOptions } from './ProfessionOptions';
import { MEMBER_FIELDS, memberResolver, memberToForm, type MemberFormValues } from './memberForm';

const FREE_STRUCTURE = '__libre';
const SPECIALTIES = [...MEDICAL_SPECIALTIES.map((s) => s.label), ...COMMON_SPECIALTY_LABELS];

interface Props {
  /** The member being edited, or null for a new one. */
  detail: MemberDetail | null;
  colleges: CollegeRow[];
  /** Structures that are members (for « structure d'exercice »). */
  structures: MemberListRow[];
  /** Saves; throws an ApiCallError when refused. Returns the saved member. */
  save: (data: MemberData) => Promise<MemberDetail>;
  onCancel: () => void;
  /** Tells the page the saved member (a toast, a navigation…). */
  onSaved: (saved: MemberDetail) => void;
  onFailed: (message: string) => void;
}

export function MemberForm({ detail, colleges, structures, save, onCancel, onSaved, onFailed }: Props) {
  const today = toIsoDate(new Date());
  const formRef = useRef<HTMLFormElement>(null);
  const [communeText, setCommuneText] = useState(() =>
    detail?.data.communeCode ? communeLabel(detail.communeName, detail.data.communeCode) : '',
  );
  const communePending = useRef(false);
  const onPendingChange = useCallback((pending: boolean) => {
    communePending.current = pending;
  }, []);
  const [freeStructure, setFreeStructure] = useState(Boolean(detail?.data.structureLabel));

  const { register, onSubmit, formError, setError, setValue, getValues, control, errors, isSubmitting, formState } =
    useContractForm({
      schema: memberSchema,
      resolver: memberResolver,
      defaultValues: memberToForm(detail?.data, today),
      reValidateMode: 'onChange',
      fields: MEMBER_FIELDS,
      // members.create and members.update take the form's values under « data ».
      serverPrefix: 'data.',
      canSubmit: () => {
        if (communePending.current) communeNotChosen();
        return !communePending.current;
      },
      onInvalid: () => {
        if (communePending.current) communeNotChosen();
      },
      submit: save,
      onSaved: (saved, _values, form) => {
        form.reset(memberToForm(saved.data, today));
        setCommuneText(saved.data.communeCode ? communeLabel(saved.communeName, saved.data.communeCode) : '');
        setFreeStructure(Boolean(saved.data.structureLabel));
        onSaved(saved);
      },
      onFailed,
    });

  const kind = useWatch({ control, name: 'kind' });
  const professionCode = useWatch({ control, name: 'professionCode' });
  const structureMemberId = useWatch({ control, name: 'structureMemberId' });
  const consentOn = useWatch({ control, name: 'directoryConsentOn' });
  const person = kind !== 'structure';

  // A specialty only makes sense for a médecin: drop it when the profession changes.
  useEffect(() => {
    if (professionCode !== '10' && getValues('specialty')) setValue('specialty', '', { shouldDirty: true });
  }, [professionCode, getValues, setValue]);

  // Ctrl+S / Cmd+S saves, from anywhere on the page.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        formRef.current?.requestSubmit();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const structureOptions = useMemo(
    () => structures.filter((row) => row.kind === 'structure' && !row.erased && row.id !== detail?.id),
    [structures, detail?.id],
  );

  const communeNotChosen = () =>
    setError('communeCode', {
      type: 'pending',
      message: 'Choisissez la commune dans la liste proposée, ou videz le champ.',
    });

  const saving = isSubmitting;
  const structureSelectValue = freeStructure ? FREE_STRUCTURE : structureMemberId;

  return (
    <form
      ref={formRef}
      className="card form-card member-form"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="fiche-titre"
    >
      <h2 id="fiche-titre">Fiche de l’adhérent</h2>
      <p className="muted small">
        Les champs marqués d’un astérisque (<span aria-hidden="true">*</span>
        <span className="visually-hidden">astérisque</span>) sont obligatoires. Ctrl+S enregistre.
      </p>
      <FormError message={formError} />

      <fieldset className="kind-switch">
        <legend>Type d'adhérent</legend>
        <label className="kind-option">
          <input type="radio" value="person" {...register('kind')} />
          <span>Personne</span>
        </label>
        <label className="kind-option">
          <input type="radio" value="structure" {...register('kind')} />
          <span>Structure</span>
        </label>
      </fieldset>

      {person ? (
        <fieldset className="form-section">
          <legend>Identité et exercice</legend>
          <div className="form-grid">
            <Field id="m-civility" label="Civilité" error={errors.civility?.message}>
              {(a) => (
                <select {...a} {...register('civility')}>
                  <option value="">—</option>
                  <option value="Mme">Mme</option>
                  <option value="M.">M.</option>
                </select>
              )}
            </Field>
            <div className="field-spacer" aria-hidden="true" />
            <Field id="m-last-name" label="Nom" required error={errors.lastName?.message}>
              {(a) => <input type="text" autoComplete="off" {...a} {...register('lastName')} />}
            </Field>
            <Field id="m-first-name" label="Prénom" error={errors.firstName?.message}>
              {(a) => <input type="text" autoComplete="off" {...a} {...register('firstName')} />}
            </Field>
            <Field id="m-profession" label="Profession" required error={errors.professionCode?.message}>
              {(a) => (
                <select {...a} {...register('professionCode')}>
                  <ProfessionOptions />
                </select>
              )}
            </Field>
            {professionCode === '10' ? (
              <Field
                id="m-specialty"
                label="Spécialité"
                hint="Choisissez dans la liste ou saisissez la spécialité."
                error={errors.specialty?.message}
              >
                {(a) => (
                  <>
                    <input type="text" list="m-specialties" autoComplete="off" {...a} {...register('specialty')} />
                    <datalist id="m-specialties">
                      {SPECIALTIES.map((label) => (
                        <option key={label} value={label} />
                      ))}
                    </datalist>
                  </>
                )}
              </Field>
            ) : (
              <div className="field-spacer" aria-hidden="true" />
            )}
            <Field id="m-rpps" label="N° RPPS" hint="11 chiffres." error={errors.rpps?.message}>
              {(a) => (
                <input
                  type="text"
                  inputMode="numeric"
                  spellCheck={false}
                  autoComplete="off"
                  {...a}
                  {...register('rpps')}
                />
              )}
            </Field>
            <Field
              id="m-adeli"
              label="N° ADELI"
              hint="9 caractères ; pour les professions pas encore inscrites au RPPS."
              error={errors.adeli?.message}
            >
              {(a) => <input type="text" spellCheck={false} autoComplete="off" {...a} {...register('adeli')} />}
            </Field>
            <Field id="m-practice-mode" label="Mode d'exercice" error={errors.practiceMode?.message}>
              {(a) => (
                <select {...a} {...register('practiceMode')}>
                  <option value="">— Non renseigné —</option>
                  {PRACTICE_MODES.map((mode) => (
                    <option key={mode.code} value={mode.code}>
                      {mode.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              id="m-structure-member"
              label="Structure d'exercice"
              hint={
                structureOptions.length === 0
                  ? 'Aucune structure adhérente pour l’instant : choisissez « Autre structure ».'
                  : undefined
              }
              error={errors.structureMemberId?.message}
            >
              {(a) => (
                <select
                  {...a}
                  value={structureSelectValue}
                  onChange={(event) => {
                    const value = event.target.value;
                    if (value === FREE_STRUCTURE) {
                      setFreeStructure(true);
                      setValue('structureMemberId', '', { shouldDirty: true });
                    } else {
                      setFreeStructure(false);
                      setValue('structureMemberId', value, { shouldDirty: true });
                      setValue('structureLabel', '', { shouldDirty: true });
                    }
                  }}
                >
                  <option value="">— Aucune —</option>
                  {structureOptions.map((structure) => (
                    <option key={structure.id} value={String(structure.id)}>
                      {structure.displayName}
                      {structure.communeName ? ` (${structure.communeName})` : ''}
                    </option>
                  ))}
                  <option value={FREE_STRUCTURE}>Autre structure (non adhérente)…</option>
                </select>
              )}
            </Field>
            {freeStructure && (
              <Field
                id="m-structure-label"
                label="Nom de la structure d'exercice"
                error={errors.structureLabel?.message}
              >
                {(a) => <input type="text" {...a} {...register('structureLabel')} />}
              </Field>
            )}
          </div>
        </fieldset>
      ) : (
        <fieldset className="form-section">
          <legend>Structure</legend>
          <div className="form-grid">
            <Field
              id="m-structure-name"
              label="Nom de la structure"
              required
              wide
              error={errors.structureName?.message}
            >
              {(a) => <input type="text" autoComplete="organization" {...a} {...register('structureName')} />}
            </Field>
            <Field id="m-structure-type" label="Type de structure" required error={errors.structureType?.message}>
              {(a) => (
                <select {...a} {...register('structureType')}>
                  <option value="">— Choisir —</option>
                  {STRUCTURE_TYPES.map((type) => (
                    <option key={type.code} value={type.code}>
                      {type.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="m-representative" label="Représentant·e" error={errors.representativeName?.message}>
              {(a) => <input type="text" {...a} {...register('representativeName')} />}
            </Field>
            <Field id="m-finess-ej" label="FINESS juridique (EJ)" hint="9 caractères." error={errors.finessEj?.message}>
              {(a) => <input type="text" spellCheck={false} autoComplete="off" {...a} {...register('finessEj')} />}
            </Field>
            <Field
              id="m-finess-et"
              label="FINESS géographique (ET)"
              hint="9 caractères."
              error={errors.finessEt?.message}
            >
              {(a) => <input type="text" spellCheck={false} autoComplete="off" {...a} {...register('finessEt')} />}
            </Field>
            <Field id="m-siret" label="SIRET" hint="14 chiffres." error={errors.siret?.message}>
              {(a) => (
                <input
                  type="text"
                  inputMode="numeric"
                  spellCheck={false}
                  autoComplete="off"
                  {...a}
                  {...register('siret')}
                />
              )}
            </Field>
          </div>
        </fieldset>
      )}

      <fieldset className="form-section">
        <legend>Coordonnées</legend>
        <div className="form-grid">
          <Field
            id="m-commune"
            label="Commune d'exercice"
            hint="Tapez le nom, le code postal ou le code INSEE, puis choisissez dans la liste."
            error={errors.communeCode?.message}
          >
            {(a) => (
              <Controller
                control={control}
                name="communeCode"
                render={({ field }) => (
                  <CommunePicker
                    control={a}
                    code={field.value}
                    label={communeText}
                    onPendingChange={onPendingChange}
                    onSelect={(hit) => {
                      field.onChange(hit ? hit.code : '');
                      setCommuneText(hit ? communeLabel(hit.nom, hit.code) : '');
                    }}
                  />
                )}
              />
            )}
          </Field>
          <Field id="m-address" label="Adresse" error={errors.address?.message}>
            {(a) => <input type="text" autoComplete="off" {...a} {...register('address')} />}
          </Field>
          <Field id="m-phone" label="Téléphone" error={errors.phone?.message}>
            {(a) => <input type="tel" autoComplete="off" {...a} {...register('phone')} />}
          </Field>
          <Field id="m-email" label="Courriel" error={errors.email?.message}>
            {(a) => <input type="email" autoComplete="off" spellCheck={false} {...a} {...register('email')} />}
          </Field>
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>Adhésion</legend>
        <div className="form-grid">
          <Field
            id="m-college"
            label="Collège"
            hint={
              colleges.length === 0 ? 'Aucun collège défini : créez-les dans « Collèges et cotisations ».' : undefined
            }
            error={errors.collegeId?.message}
          >
            {(a) => (
              <select {...a} {...register('collegeId')}>
                <option value="">— Aucun —</option>
                {colleges.map((college) => (
                  <option key={college.id} value={String(college.id)}>
                    {college.name} — {VOTING_RIGHT_LABEL[college.votingRight]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="m-joined-on" label="Date d'adhésion" error={errors.joinedOn?.message}>
            {(a) => <input type="date" {...a} {...register('joinedOn')} />}
          </Field>
          <div className={`field field-wide field-checkbox${errors.directoryConsentOn ? ' field-invalid' : ''}`}>
            <label className="checkbox-label" htmlFor="m-consent">
              <input
                id="m-consent"
                type="checkbox"
                aria-describedby="m-consent-aide"
                checked={Boolean(consentOn)}
                onChange={(event) =>
                  setValue(
                    'directoryConsentOn',
                    event.target.checked ? (detail?.data.directoryConsentOn ?? today) : '',
                    {
                      shouldDirty: true,
                    },
                  )
                }
              />
              <span>Accepte de figurer dans l'annuaire partagé entre adhérents</span>
            </label>
            <p id="m-consent-aide" className="field-hint">
              {consentOn
                ? `Consentement enregistré le ${formatDateLong(consentOn)}.`
                : 'Sans ce consentement, l’adhérent n’apparaît que dans la liste complète réservée au bureau.'}
            </p>
            {errors.directoryConsentOn?.message && <p className="field-error">{errors.directoryConsentOn.message}</p>}
          </div>
          <Field id="m-notes" label="Notes" wide error={errors.notes?.message}>
            {(a) => <textarea rows={3} {...a} {...register('notes')} />}
          </Field>
        </div>
      </fieldset>

      <FormActions pending={saving} submitLabel="Enregistrer" onCancel={onCancel}>
        {detail && formState.isDirty && <span className="muted small">Modifications non enregistrées</span>}
      </FormActions>
    </form>
  );
}

/** members.update nests the form under `data`: its field errors come as « data.rpps ». */
