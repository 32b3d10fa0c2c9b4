import { useWatch } from 'react-hook-form';
import type { DecisionRow, MeetingDetail } from '@shared/contract';
import type { MemberListRow } from '@shared/domain/members';
import { DECISION_STATUSES } from '@shared/domain/meetings';
import { decisionSchema } from '@shared/schemas/meetings';
import { Field } from '../../components/Field';
import { FormActions, FormError } from '../../components/FormActions';
import { useContractForm } from '../../components/useContractForm';
import { CodeOptions } from './CodeOptions';
import { useMeetingsWrite } from './queries';

const FIELDS = ['text', 'ownerMemberId', 'ownerLabel', 'dueOn', 'status', 'agendaItemId'] as const;
interface Values {
  id: string;
  meetingId: number;
  agendaItemId: string;
  text: string;
  ownerMemberId: string;
  ownerLabel: string;
  dueOn: string;
  status: string;
}

const toValues = (meetingId: number, row: DecisionRow | null): Values => ({
  id: row ? String(row.id) : '',
  meetingId,
  agendaItemId: row?.agendaItemId ? String(row.agendaItemId) : '',
  text: row?.text ?? '',
  ownerMemberId: row?.ownerMemberId ? String(row.ownerMemberId) : '',
  ownerLabel: row && !row.ownerMemberId ? (row.owner ?? '') : '',
  dueOn: row?.dueOn ?? '',
  status: row?.status ?? 'a_faire',
});

/** Adds a decision to the meeting or edits one: text, owner (member or free text), due date, state, agenda point. */
export function DecisionForm({
  detail,
  members,
  row,
  onDone,
}: {
  detail: MeetingDetail;
  members: MemberListRow[];
  row: DecisionRow | null;
  onDone: () => void;
}) {
  const save = useMeetingsWrite('decisions.save');
  const { register, control, onSubmit, formError, errors, isSubmitting } = useContractForm({
    schema: decisionSchema,
    defaultValues: toValues(detail.id, row),
    fields: FIELDS,
    submit: (data) => save.mutateAsync({ ...data, ownerLabel: data.ownerMemberId ? null : data.ownerLabel }),
    savedMessage: row ? 'Décision modifiée.' : 'Décision ajoutée.',
    onSaved: onDone,
  });
  const ownerMemberId = useWatch({ control, name: 'ownerMemberId' });
  const prefix = row ? `decision-${row.id}` : 'decision-new';

  return (
    <form
      className="subform"
      onSubmit={onSubmit}
      noValidate
      aria-label={row ? 'Modifier la décision' : 'Nouvelle décision'}
    >
      <h3>{row ? 'Modifier la décision' : 'Nouvelle décision'}</h3>
      <FormError message={formError} />
      <div className="form-grid">
        <Field id={`${prefix}-text`} label="Décision" required wide error={errors.text?.message}>
          {(a) => <textarea rows={2} {...a} {...register('text')} />}
        </Field>
        <Field id={`${prefix}-owner-member`} label="Responsable (adhérent)" error={errors.ownerMemberId?.message}>
          {(a) => (
            <select {...a} {...register('ownerMemberId')}>
              <option value="">— Autre (saisir) —</option>
              {members
                .filter((m) => m.active && !m.erased)
                .map((m) => (
                  <option key={m.id} value={String(m.id)}>
                    {m.displayName}
                  </option>
                ))}
            </select>
          )}
        </Field>
        {!ownerMemberId ? (
          <Field id={`${prefix}-owner-label`} label="Responsable" error={errors.ownerLabel?.message}>
            {(a) => <input type="text" autoComplete="off" {...a} {...register('ownerLabel')} />}
          </Field>
        ) : (
          <div className="field-spacer" aria-hidden="true" />
        )}
        <Field id={`${prefix}-due`} label="Échéance" error={errors.dueOn?.message}>
          {(a) => <input type="date" {...a} {...register('dueOn')} />}
        </Field>
        <Field id={`${prefix}-status`} label="État" error={errors.status?.message}>
          {(a) => (
            <select {...a} {...register('status')}>
              <CodeOptions items={DECISION_STATUSES} />
            </select>
          )}
        </Field>
        {detail.agenda.length > 0 && (
          <Field id={`${prefix}-agenda`} label="Point de l’ordre du jour" error={errors.agendaItemId?.message}>
            {(a) => (
              <select {...a} {...register('agendaItemId')}>
                <option value="">—</option>
                {detail.agenda.map((item) => (
                  <option key={item.id} value={String(item.id)}>
                    {item.position}. {item.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </div>
      <FormActions
        pending={isSubmitting}
        submitLabel={row ? 'Enregistrer la décision' : 'Ajouter la décision'}
        pendingLabel={row ? 'Enregistrer la décision' : 'Ajouter la décision'}
        onCancel={onDone}
      />
    </form>
  );
}
