/** The form of one resolution: title, text, kind (its majority) and point of the ordre du jour. */
import type { AgResolutionRow, AgState, MeetingDetail } from '@shared/contract';
import { resolutionSchema } from '@shared/schemas/ag';
import { Field } from '../../../components/Field';
import { FormActions, FormError } from '../../../components/FormActions';
import { useContractForm } from '../../../components/useContractForm';
import { useAgMutation } from '../queries';

interface ResolutionValues {
  meetingId: number;
  id: string;
  agendaItemId: string;
  title: string;
  text: string;
  kind: string;
}
const FIELDS = ['title', 'text', 'kind', 'agendaItemId'] as const;

export function ResolutionForm({
  state,
  detail,
  row,
  agendaItemId,
  onDone,
}: {
  state: AgState;
  detail: MeetingDetail;
  row: AgResolutionRow | null;
  agendaItemId: number | null;
  onDone: () => void;
}) {
  const save = useAgMutation('ag.saveResolution');
  const prefix = row ? `resolution-${row.id}` : `resolution-new-${agendaItemId ?? 'x'}`;
  const kinds = state.resolutionKinds;
  const form = useContractForm({
    schema: resolutionSchema,
    defaultValues: {
      meetingId: state.meetingId,
      id: row ? String(row.id) : '',
      agendaItemId: agendaItemId === null ? '' : String(agendaItemId),
      title: row?.title ?? '',
      text: row?.text ?? '',
      kind: row?.kind ?? (kinds.some((kind) => kind.code === 'ordinaire') ? 'ordinaire' : (kinds[0]?.code ?? '')),
    } satisfies ResolutionValues,
    submit: (data) => save.mutateAsync(data),
    fields: FIELDS,
    savedMessage: (_, data) => (row ? 'Résolution modifiée.' : `Résolution « ${data.title} » ajoutée.`),
    onSaved: onDone,
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  const title = row ? 'Modifier la résolution' : 'Nouvelle résolution';
  return (
    <form className="subform ag-resolution-form" onSubmit={form.onSubmit} noValidate aria-label={title}>
      <h4>{title}</h4>
      <FormError message={form.formError} />
      <div className="form-grid">
        <Field id={`${prefix}-title`} label="Intitulé de la résolution" required wide error={errors.title?.message}>
          {(a) => <input type="text" autoComplete="off" {...a} {...register('title')} />}
        </Field>
        <Field
          id={`${prefix}-text`}
          label="Texte soumis au vote"
          required
          wide
          error={errors.text?.message}
          hint="Par exemple : « L’assemblée générale approuve les comptes de l’exercice 2025. »"
        >
          {(a) => <textarea rows={3} {...a} {...register('text')} />}
        </Field>
        <Field id={`${prefix}-kind`} label="Type de résolution" required error={errors.kind?.message}>
          {(a) => (
            <select {...a} {...register('kind')}>
              {kinds.map((kind) => (
                <option key={kind.code} value={kind.code}>
                  {kind.label} — {kind.majorityLabel}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${prefix}-agenda`} label="Point de l’ordre du jour" error={errors.agendaItemId?.message}>
          {(a) => (
            <select {...a} {...register('agendaItemId')}>
              <option value="">— Aucun point —</option>
              {detail.agenda.map((item, index) => (
                <option key={item.id} value={String(item.id)}>
                  {index + 1}. {item.title}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {row?.votes && (
        <p className="muted small">
          Cette résolution a déjà été votée : pour en changer le texte ou le type, effacez d’abord le vote (onglet «
          Votes »).
        </p>
      )}
      <FormActions
        pending={isSubmitting}
        submitLabel={row ? 'Enregistrer la résolution' : 'Ajouter la résolution'}
        onCancel={onDone}
      />
    </form>
  );
}
