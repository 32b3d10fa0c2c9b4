/** The majorities of one meeting type: one row per kind of resolution, and the small form that adds a kind. */
import { useRef, useState, type KeyboardEvent } from 'react';
import { useFieldArray, useWatch, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import type { MajorityRuleKind, MeetingType } from '@shared/domain/ag';
import { Field } from '../../../components/Field';
import { ThresholdFraction } from './QuorumFields';
import { CODE_MESSAGE, CODE_PATTERN, messageAt, type MajorityValues, type RulesFormValues } from './rulesForm';
import type { SectionProps } from './rulesForm';
import { RULE_LABELS, SHORT_LABELS } from './rulesSentences';

export function MajoritiesFields({ type, register, control, errors }: SectionProps) {
  const { fields, append, remove } = useFieldArray({ control, name: `meetings.${type}.majorities` });
  const rows = useWatch({ control, name: `meetings.${type}.majorities` });
  const [code, setCode] = useState('');
  const [label, setLabel] = useState('');
  const [addError, setAddError] = useState<{ code?: string; label?: string }>({});
  const codeRef = useRef<HTMLInputElement>(null);
  const id = (name: string) => `regles-${type}-${name}`;

  const add = () => {
    const cleanCode = code.trim();
    const problems: { code?: string; label?: string } = {};
    if (!CODE_PATTERN.test(cleanCode)) problems.code = CODE_MESSAGE;
    else if (rows.some((row) => row.code.trim() === cleanCode))
      problems.code = `Le code « ${cleanCode} » est déjà utilisé pour ce type de réunion.`;
    if (!label.trim())
      problems.label = 'Indiquez le libellé de ce type de résolution (par exemple « Modification des statuts »).';
    setAddError(problems);
    if (problems.code || problems.label) {
      codeRef.current?.focus();
      return;
    }
    const index = rows.length;
    append(
      {
        code: cleanCode,
        label: label.trim(),
        rule: 'absolue',
        threshold: 'au_moins',
        numerator: '1',
        denominator: '2',
        base: 'exprimes',
        abstentionsCounted: false,
        blancsCounted: false,
      },
      // Next step for the user: the majority this new kind requires.
      { focusName: `meetings.${type}.majorities.${index}.rule` },
    );
    setCode('');
    setLabel('');
  };
  const onEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter adds the row instead of submitting the whole form.
    if (event.key === 'Enter') {
      event.preventDefault();
      add();
    }
  };

  return (
    <fieldset className="rules-group">
      <legend>Majorités par type de résolution</legend>
      <p className="muted small">
        La ligne « ordinaire » s’applique à toute résolution sans type particulier ; ajoutez les types que vos statuts
        traitent à part (modification des statuts, dissolution, exclusion…).
      </p>
      <ul className="rules-majorities">
        {fields.map((field, index) => (
          <MajorityRow
            key={field.id}
            type={type}
            index={index}
            code={field.code}
            row={rows[index] ?? field}
            register={register}
            errors={errors}
            onRemove={() => remove(index)}
          />
        ))}
      </ul>
      <div className="rules-add" role="group" aria-label={`Ajouter un type de résolution (${SHORT_LABELS[type]})`}>
        <Field
          id={id('nouveau-code')}
          label="Code du nouveau type"
          error={addError.code}
          hint="Par exemple « statuts » ou « dissolution »."
        >
          {(a) => (
            <input
              ref={codeRef}
              type="text"
              autoComplete="off"
              value={code}
              onChange={(event) => setCode(event.target.value)}
              onKeyDown={onEnter}
              {...a}
            />
          )}
        </Field>
        <Field id={id('nouveau-libelle')} label="Libellé du nouveau type" error={addError.label}>
          {(a) => (
            <input
              type="text"
              autoComplete="off"
              value={label}
              onChange={(event) => setLabel(event.target.value)}
              onKeyDown={onEnter}
              {...a}
            />
          )}
        </Field>
        <button type="button" className="button button-secondary rules-add-button" onClick={add}>
          Ajouter ce type de résolution
        </button>
      </div>
    </fieldset>
  );
}

function MajorityRow({
  type,
  index,
  code,
  row,
  register,
  errors,
  onRemove,
}: {
  type: MeetingType;
  index: number;
  code: string;
  row: MajorityValues;
  register: UseFormRegister<RulesFormValues>;
  errors: FieldErrors<RulesFormValues>;
  onRemove: () => void;
}) {
  const p = `meetings.${type}.majorities.${index}` as const;
  const id = (name: string) => `regles-${type}-majorite-${index}-${name}`;
  const mandatory = code === 'ordinaire';
  const codeError = messageAt(errors, `${p}.code`);
  return (
    <li className="rules-majority">
      <fieldset className="rules-majority-fieldset">
        <legend>
          Type « {code} »{mandatory && <span className="badge badge-muted rules-majority-badge">obligatoire</span>}
        </legend>
        {codeError && <p className="field-error">{codeError}</p>}
        <div className="rules-inline">
          <Field id={id('libelle')} label="Libellé" error={messageAt(errors, `${p}.label`)}>
            {(a) => (
              <input type="text" autoComplete="off" className="rules-label-input" {...a} {...register(`${p}.label`)} />
            )}
          </Field>
          <Field id={id('regle')} label="Majorité requise" error={messageAt(errors, `${p}.rule`)}>
            {(a) => (
              <select {...a} {...register(`${p}.rule`)}>
                {(Object.keys(RULE_LABELS) as MajorityRuleKind[]).map((rule) => (
                  <option key={rule} value={rule}>
                    {RULE_LABELS[rule]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        {row.rule !== 'simple' && (
          <div className="rules-inline">
            {row.rule === 'fraction' && (
              <ThresholdFraction idPrefix={id('')} path={p} register={register} errors={errors} />
            )}
            <Field id={id('base')} label="Calculée sur" error={messageAt(errors, `${p}.base`)}>
              {(a) => (
                <select {...a} {...register(`${p}.base`)}>
                  <option value="exprimes">les suffrages exprimés</option>
                  <option value="presents_et_representes">les membres présents et représentés</option>
                </select>
              )}
            </Field>
          </div>
        )}
        {row.rule === 'simple' ? (
          <p className="muted small">
            La majorité simple compare les voix pour et contre : abstentions et blancs ne comptent pas.
          </p>
        ) : row.base === 'exprimes' ? (
          <div className="rules-checks">
            <label className="checkbox-label">
              <input type="checkbox" {...register(`${p}.abstentionsCounted`)} />
              Les abstentions comptent dans les suffrages exprimés
            </label>
            <label className="checkbox-label">
              <input type="checkbox" {...register(`${p}.blancsCounted`)} />
              Les votes blancs comptent dans les suffrages exprimés
            </label>
          </div>
        ) : (
          <p className="muted small">Abstentions, blancs et membres qui ne votent pas pèsent comme des voix contre.</p>
        )}
        {!mandatory && (
          <div className="rules-majority-actions">
            <button type="button" className="button button-small button-ghost" onClick={onRemove}>
              Retirer le type « {code} »
            </button>
          </div>
        )}
      </fieldset>
    </li>
  );
}
