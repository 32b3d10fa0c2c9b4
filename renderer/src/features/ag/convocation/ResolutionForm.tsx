/** The form of one resolution: title, text, kind (its majority) and point of the ordre du jour. */
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import type { AgResolutionRow, AgState, MeetingDetail } from '@shared/contract';
import { resolutionSchema } from '@shared/schemas/ag';
import type { z } from '@shared/zod-fr';
import { Field } from '../../../components/Field';
import { applyServerErrors } from '../../../components/serverErrors';
import { useToast } from '../../../components/Toasts';
import { useUnsavedChangesGuard } from '../../../components/UnsavedChanges';
import { useAgMutation } from '../queries';

type ResolutionData = z.output<typeof resolutionSchema>;
interface ResolutionValues {
  meetingId: number;
  id: string;
  agendaItemId: string;
  title: string;
  text: string;
  kind: string;
}
const resolver = zodResolver(resolutionSchema) as unknown as Resolver<ResolutionValues, unknown, ResolutionData>;
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
  const toast = useToast();
  const save = useAgMutation('ag.saveResolution');
  const [formError, setFormError] = useState<string | null>(null);
  const prefix = row ? `resolution-${row.id}` : `resolution-new-${agendaItemId ?? 'x'}`;
  const kinds = state.resolutionKinds;
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<ResolutionValues, unknown, ResolutionData>({
    resolver,
    defaultValues: {
      meetingId: state.meetingId,
      id: row ? String(row.id) : '',
      agendaItemId: agendaItemId === null ? '' : String(agendaItemId),
      title: row?.title ?? '',
      text: row?.text ?? '',
      kind: row?.kind ?? (kinds.some((kind) => kind.code === 'ordinaire') ? 'ordinaire' : (kinds[0]?.code ?? '')),
    },
  });
  useUnsavedChangesGuard(isDirty);

  const onValid = async (data: ResolutionData) => {
    setFormError(null);
    try {
      await save.mutateAsync(data);
      toast.notify({
        kind: 'success',
        message: row ? 'Résolution modifiée.' : `Résolution « ${data.title} » ajoutée.`,
      });
      onDone();
    } catch (error) {
      setFormError(applyServerErrors(error, setError, FIELDS).message);
    }
  };

  const title = row ? 'Modifier la résolution' : 'Nouvelle résolution';
  return (
    <form className="subform ag-resolution-form" onSubmit={handleSubmit(onValid)} noValidate aria-label={title}>
      <h4>{title}</h4>
      {formError && (
        <div className="alert alert-error" role="alert">
          {formError}
        </div>
      )}
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
      <div className="form-actions">
        <button type="button" className="button button-secondary" onClick={onDone} disabled={isSubmitting}>
          Annuler
        </button>
        <button type="submit" className="button" disabled={isSubmitting}>
          {isSubmitting ? 'Enregistrement…' : row ? 'Enregistrer la résolution' : 'Ajouter la résolution'}
        </button>
      </div>
    </form>
  );
}
