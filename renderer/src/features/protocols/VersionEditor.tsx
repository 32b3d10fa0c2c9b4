import { Controller, useFieldArray } from 'react-hook-form';
import { type ProtocolVersionDetail, saveVersionSchema } from '@shared/contract';
import { Field } from '../../components/Field';
import { FormActions, FormError } from '../../components/FormActions';
import { useContractForm } from '../../components/useContractForm';
import { ProfessionCombobox } from './ProfessionCombobox';
import { useProtocolsWrite } from './queries';
import {
  VERSION_FIELDS_AFTER_STEPS,
  VERSION_FIELDS_BEFORE_STEPS,
  type VersionFieldInfo,
  type VersionTextField,
} from './versionFields';

interface StepValues {
  professionCode: string;
  action: string;
  timing: string;
  place: string;
  tool: string;
}

type Values = Record<VersionTextField, string> & {
  changelog: string;
  draftedOn: string;
  professions: { professionCode: string; role: string }[];
  steps: StepValues[];
};

const TEXT_FIELDS = [...VERSION_FIELDS_BEFORE_STEPS, ...VERSION_FIELDS_AFTER_STEPS].map((field) => field.name);
const EMPTY_STEP: StepValues = { professionCode: '', action: '', timing: '', place: '', tool: '' };

/** The stored version → what the inputs hold (null texts as ''). */
function toValues(version: ProtocolVersionDetail): Values {
  const { data } = version;
  const texts = Object.fromEntries(TEXT_FIELDS.map((name) => [name, data[name] ?? ''])) as Record<
    VersionTextField,
    string
  >;
  return {
    ...texts,
    changelog: data.changelog ?? '',
    draftedOn: data.draftedOn ?? '',
    professions: data.professions.map((profession) => ({
      professionCode: profession.professionCode,
      role: profession.role ?? '',
    })),
    steps: data.steps.map((step) => ({
      professionCode: step.professionCode,
      action: step.action,
      timing: step.timing ?? '',
      place: step.place ?? '',
      tool: step.tool ?? '',
    })),
  };
}

/**
 * The draft of a version: the HAS fields with their question, the professions concerned and their role, the steps in
 * order (who, what, when, where, with which tool), and what changed since the previous version.
 */
export function VersionEditor({ version, cooperation }: { version: ProtocolVersionDetail; cooperation: boolean }) {
  const save = useProtocolsWrite('protocols.saveVersion');
  const form = useContractForm({
    schema: saveVersionSchema,
    defaultValues: toValues(version),
    prepare: (values: Values) => ({ ...values, id: version.id }),
    fields: [...TEXT_FIELDS, 'changelog', 'draftedOn', 'professions', 'steps'],
    canSubmit: (data, current) => {
      if (version.number >= 2 && !data.changelog) {
        current.setError('changelog', {
          message: 'Dites ce qui change depuis la version précédente : c’est ce que liront les professionnels.',
        });
        return false;
      }
      return true;
    },
    submit: save.mutateAsync,
    savedMessage: `Brouillon de la version ${version.number} enregistré.`,
    failedMessage: (message) => `Le brouillon n’a pas été enregistré : ${message}`,
    onSaved: (saved, _data, current) => current.reset(toValues(saved)),
  });
  const { register, control, onSubmit, formError, errors, isSubmitting } = form;
  const professions = useFieldArray({ control, name: 'professions' });
  const steps = useFieldArray({ control, name: 'steps' });
  const keep = (fields: readonly VersionFieldInfo[]) =>
    fields.filter((field) => cooperation || !field.cooperationOnly || version.data[field.name]);

  const textArea = (field: VersionFieldInfo) => (
    <Field
      key={field.name}
      id={`version-${field.name}`}
      label={field.label}
      hint={field.help}
      wide
      error={errors[field.name]?.message}
    >
      {(a) => <textarea rows={field.name === 'situation' ? 4 : 3} {...a} {...register(field.name)} />}
    </Field>
  );

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="protocol-editor"
      aria-label={`Brouillon de la version ${version.number}`}
    >
      <FormError message={formError} />
      <section className="card" aria-labelledby="editeur-contexte">
        <h2 id="editeur-contexte">Situation, population et objectifs</h2>
        <div className="form-grid">{keep(VERSION_FIELDS_BEFORE_STEPS).map(textArea)}</div>
      </section>

      <section className="card" aria-labelledby="editeur-professions">
        <h2 id="editeur-professions">Professions concernées</h2>
        <p className="field-hint">Qui ? Chaque profession qui intervient, et son rôle dans le protocole.</p>
        {professions.fields.length === 0 && <p className="muted">Aucune profession pour l’instant.</p>}
        <ul className="plain-list protocol-profession-rows">
          {professions.fields.map((row, index) => {
            const error = errors.professions?.[index];
            return (
              <li key={row.id} className="protocol-profession-row">
                <Field
                  id={`profession-${index}`}
                  label={`Profession ${index + 1}`}
                  required
                  error={error?.professionCode?.message}
                >
                  {(a) => (
                    <Controller
                      control={control}
                      name={`professions.${index}.professionCode`}
                      render={({ field }) => (
                        <ProfessionCombobox inputProps={a} value={field.value} onChange={field.onChange} />
                      )}
                    />
                  )}
                </Field>
                <Field id={`profession-${index}-role`} label="Son rôle" error={error?.role?.message}>
                  {(a) => <input type="text" autoComplete="off" {...a} {...register(`professions.${index}.role`)} />}
                </Field>
                <button
                  type="button"
                  className="button button-small button-ghost"
                  aria-label={`Retirer la profession ${index + 1}`}
                  onClick={() => professions.remove(index)}
                >
                  Retirer
                </button>
              </li>
            );
          })}
        </ul>
        <button
          type="button"
          className="button button-small button-secondary"
          onClick={() => professions.append({ professionCode: '', role: '' })}
        >
          Ajouter une profession
        </button>
      </section>

      <section className="card" aria-labelledby="editeur-etapes">
        <h2 id="editeur-etapes">Étapes</h2>
        <p className="field-hint">
          Dans l’ordre : qui fait quoi, quand, où et avec quel outil. Une suite d’étapes tient lieu de logigramme.
        </p>
        {steps.fields.length === 0 && <p className="muted">Aucune étape pour l’instant.</p>}
        <ol className="plain-list protocol-step-rows">
          {steps.fields.map((row, index) => {
            const error = errors.steps?.[index];
            const n = index + 1;
            return (
              <li key={row.id} className="protocol-step-row">
                <fieldset>
                  <legend>Étape {n}</legend>
                  <div className="protocol-step-grid">
                    <Field id={`etape-${index}-profession`} label="Qui" required error={error?.professionCode?.message}>
                      {(a) => (
                        <Controller
                          control={control}
                          name={`steps.${index}.professionCode`}
                          render={({ field }) => (
                            <ProfessionCombobox inputProps={a} value={field.value} onChange={field.onChange} />
                          )}
                        />
                      )}
                    </Field>
                    <Field id={`etape-${index}-action`} label="Fait quoi" required wide error={error?.action?.message}>
                      {(a) => <textarea rows={2} {...a} {...register(`steps.${index}.action`)} />}
                    </Field>
                    <Field id={`etape-${index}-quand`} label="Quand" error={error?.timing?.message}>
                      {(a) => <input type="text" autoComplete="off" {...a} {...register(`steps.${index}.timing`)} />}
                    </Field>
                    <Field id={`etape-${index}-ou`} label="Où" error={error?.place?.message}>
                      {(a) => <input type="text" autoComplete="off" {...a} {...register(`steps.${index}.place`)} />}
                    </Field>
                    <Field id={`etape-${index}-outil`} label="Avec quel outil" error={error?.tool?.message}>
                      {(a) => <input type="text" autoComplete="off" {...a} {...register(`steps.${index}.tool`)} />}
                    </Field>
                  </div>
                  <div className="protocol-step-buttons">
                    <button
                      type="button"
                      className="button button-small button-ghost"
                      aria-label={`Monter l’étape ${n}`}
                      disabled={index === 0}
                      onClick={() => steps.swap(index, index - 1)}
                    >
                      Monter
                    </button>
                    <button
                      type="button"
                      className="button button-small button-ghost"
                      aria-label={`Descendre l’étape ${n}`}
                      disabled={index === steps.fields.length - 1}
                      onClick={() => steps.swap(index, index + 1)}
                    >
                      Descendre
                    </button>
                    <button
                      type="button"
                      className="button button-small button-ghost"
                      aria-label={`Retirer l’étape ${n}`}
                      onClick={() => steps.remove(index)}
                    >
                      Retirer
                    </button>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <button type="button" className="button button-small button-secondary" onClick={() => steps.append(EMPTY_STEP)}>
          Ajouter une étape
        </button>
      </section>

      <section className="card" aria-labelledby="editeur-suivi">
        <h2 id="editeur-suivi">Points critiques, traçabilité, références et évaluation</h2>
        <div className="form-grid">{VERSION_FIELDS_AFTER_STEPS.map(textArea)}</div>
      </section>

      <section className="card" aria-labelledby="editeur-version">
        <h2 id="editeur-version">La version</h2>
        <div className="form-grid">
          <Field
            id="version-changelog"
            label="Modifications depuis la version précédente"
            required={version.number >= 2}
            hint={
              version.number >= 2
                ? 'Ce qui change par rapport à la version précédente, en quelques lignes.'
                : 'Facultatif pour une première version.'
            }
            wide
            error={errors.changelog?.message}
          >
            {(a) => <textarea rows={3} {...a} {...register('changelog')} />}
          </Field>
          <Field id="version-redaction" label="Rédigée le" error={errors.draftedOn?.message}>
            {(a) => <input type="date" {...a} {...register('draftedOn')} />}
          </Field>
        </div>
        <FormActions pending={isSubmitting} submitLabel="Enregistrer le brouillon" />
      </section>
    </form>
  );
}
