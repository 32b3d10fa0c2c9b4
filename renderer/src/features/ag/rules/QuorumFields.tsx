/** The quorum of one round (first or second convocation), and the numerator / denominator pair it shares with the majorities. */
import { useWatch, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import type { MeetingType } from '@shared/domain/ag';
import { Field } from '../../../components/Field';
import { messageAt, type RulesFormValues } from './rulesForm';
import type { SectionProps } from './rulesForm';

export function QuorumFields({
  type,
  round,
  legend,
  register,
  control,
  errors,
}: SectionProps & { round: 'first' | 'second'; legend: string }) {
  const p = `meetings.${type}.${round}` as const;
  const required = useWatch({ control, name: `${p}.required` });
  const id = (name: string) => `regles-${type}-${round}-${name}`;
  return (
    <fieldset className="rules-group">
      <legend>{legend}</legend>
      <div className="radio-field" role="radiogroup" aria-label={`${legend} : quorum exigé ?`}>
        <label className="radio-label">
          <input type="radio" value="aucun" {...register(`${p}.required`)} />
          Aucun quorum
        </label>
        <label className="radio-label">
          <input type="radio" value="fraction" {...register(`${p}.required`)} />
          Une fraction des membres votants
        </label>
      </div>
      {messageAt(errors, `${p}.required`) && <p className="field-error">{messageAt(errors, `${p}.required`)}</p>}
      {required === 'fraction' && (
        <div className="rules-inline">
          <ThresholdFraction idPrefix={id('')} path={p} register={register} errors={errors} />
          <Field id={id('comptes')} label="Membres comptés" error={messageAt(errors, `${p}.counting`)}>
            {(a) => (
              <select {...a} {...register(`${p}.counting`)}>
                <option value="presents_et_representes">présents et représentés</option>
                <option value="presents">présents seulement</option>
              </select>
            )}
          </Field>
          <Field id={id('decompte')} label="Compté" error={messageAt(errors, `${p}.weighting`)}>
            {(a) => (
              <select {...a} {...register(`${p}.weighting`)}>
                <option value="heads">par membre</option>
                <option value="weight">par voix (poids des collèges)</option>
              </select>
            )}
          </Field>
        </div>
      )}
    </fieldset>
  );
}

/** « au moins » / « plus de » and the fraction, of a quorum (`meetings.ago.first`) or of a majority row. */
export function ThresholdFraction({
  idPrefix,
  path,
  register,
  errors,
}: {
  idPrefix: string;
  path: `meetings.${MeetingType}.${'first' | 'second'}` | `meetings.${MeetingType}.majorities.${number}`;
  register: UseFormRegister<RulesFormValues>;
  errors: FieldErrors<RulesFormValues>;
}) {
  return (
    <>
      <Field id={`${idPrefix}seuil`} label="Seuil">
        {(a) => (
          <select {...a} {...register(`${path}.threshold`)}>
            <option value="au_moins">au moins</option>
            <option value="plus_de">plus de</option>
          </select>
        )}
      </Field>
      <FractionInputs
        idPrefix={idPrefix}
        numerator={register(`${path}.numerator`)}
        denominator={register(`${path}.denominator`)}
        numeratorError={messageAt(errors, `${path}.numerator`)}
        denominatorError={messageAt(errors, `${path}.denominator`)}
      />
    </>
  );
}

/**
 * Numerator / denominator side by side; their messages go under the pair, as wide as the pair (not wider), so a
 * message does not push the neighbouring fields around.
 */
function FractionInputs({
  idPrefix,
  numerator,
  denominator,
  numeratorError,
  denominatorError,
}: {
  idPrefix: string;
  numerator: ReturnType<UseFormRegister<RulesFormValues>>;
  denominator: ReturnType<UseFormRegister<RulesFormValues>>;
  numeratorError: string | undefined;
  denominatorError: string | undefined;
}) {
  const parts = [
    { key: 'numerateur', label: 'Numérateur', field: numerator, error: numeratorError },
    { key: 'denominateur', label: 'Dénominateur', field: denominator, error: denominatorError },
  ];
  return (
    <div className="rules-fraction-group">
      <div className="rules-fraction">
        {parts.map((part, index) => (
          <div key={part.key} className="rules-fraction-part">
            {index === 1 && (
              <span className="rules-fraction-bar" aria-hidden="true">
                /
              </span>
            )}
            <div className="field">
              <div className="field-label">
                <label htmlFor={`${idPrefix}${part.key}`}>{part.label}</label>
              </div>
              <input
                id={`${idPrefix}${part.key}`}
                type="number"
                min={1}
                className="number-input"
                aria-invalid={Boolean(part.error)}
                aria-describedby={part.error ? `${idPrefix}${part.key}-erreur` : undefined}
                {...part.field}
              />
            </div>
          </div>
        ))}
      </div>
      {parts.map(
        (part) =>
          part.error && (
            <p key={part.key} id={`${idPrefix}${part.key}-erreur`} className="field-error rules-fraction-error">
              {part.error}
            </p>
          ),
      )}
    </div>
  );
}
