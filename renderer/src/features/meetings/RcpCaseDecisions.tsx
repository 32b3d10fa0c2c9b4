import { useFieldArray, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import type { MeetingDetail } from '@shared/contract';
import { DECISION_STATUSES } from '@shared/domain/meetings';
import { Field } from '../../components/Field';
import type { RcpCaseData } from '@shared/schemas/meetings';
import { emptyCaseDecision, type CaseValues } from './rcpCaseValues';
import { CodeOptions } from './CodeOptions';

interface Props {
  prefix: string;
  control: Control<CaseValues, unknown, RcpCaseData>;
  register: UseFormRegister<CaseValues>;
  errors: FieldErrors<CaseValues>['decisions'];
  participants: MeetingDetail['participants'];
}

/** « Décisions » of a case: actions, each with its owner among the participants, due date and state. */
export function RcpCaseDecisions({ prefix, control, register, errors, participants }: Props) {
  const { fields, append, remove } = useFieldArray({ control, name: 'decisions' });
  return (
    <fieldset className="form-section">
      <legend>Décisions</legend>
      {fields.length === 0 && <p className="muted small">Aucune décision pour ce cas.</p>}
      {fields.map((field, index) => {
        const e = errors?.[index];
        return (
          <div key={field.id} className="case-decision-row form-grid">
            <Field id={`${prefix}-d${index}-action`} label={`Action ${index + 1}`} wide error={e?.action?.message}>
              {(a) => <input type="text" autoComplete="off" {...a} {...register(`decisions.${index}.action`)} />}
            </Field>
            <Field
              id={`${prefix}-d${index}-owner`}
              label={`Responsable de l’action ${index + 1}`}
              error={e?.ownerParticipantId?.message}
            >
              {(a) => (
                <select {...a} {...register(`decisions.${index}.ownerParticipantId`)}>
                  <option value="">—</option>
                  {participants.map((p) => (
                    <option key={p.id} value={String(p.id)}>
                      {p.name}
                      {p.memberId !== null && p.professionLabel ? ` (${p.professionLabel})` : ''}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={`${prefix}-d${index}-due`} label={`Échéance de l’action ${index + 1}`} error={e?.dueOn?.message}>
              {(a) => <input type="date" {...a} {...register(`decisions.${index}.dueOn`)} />}
            </Field>
            <Field id={`${prefix}-d${index}-status`} label={`État de l’action ${index + 1}`} error={e?.status?.message}>
              {(a) => (
                <select {...a} {...register(`decisions.${index}.status`)}>
                  <CodeOptions items={DECISION_STATUSES} />
                </select>
              )}
            </Field>
            <div className="field">
              <button type="button" className="button button-small button-ghost" onClick={() => remove(index)}>
                Retirer l’action {index + 1}
              </button>
            </div>
          </div>
        );
      })}
      <button
        type="button"
        className="button button-small button-secondary"
        onClick={() => append(emptyCaseDecision())}
      >
        Ajouter une action
      </button>
    </fieldset>
  );
}
