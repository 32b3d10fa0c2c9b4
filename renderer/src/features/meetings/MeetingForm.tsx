import { useWatch } from 'react-hook-form';
import type { MeetingDetail } from '@shared/contract';
import type { MemberListRow } from '@shared/domain/members';
import { MEETING_TYPES } from '@shared/domain/meetings';
import { type MeetingData, meetingSchema } from '@shared/schemas/meetings';
import { Field } from '../../components/Field';
import { FormActions, FormError } from '../../components/FormActions';
import { useContractForm } from '../../components/useContractForm';
import { CodeOptions } from './CodeOptions';
import { MEETING_FIELDS, meetingResolver, meetingToForm } from './meetingFormValues';

interface Props {
  detail: MeetingDetail | null;
  members: MemberListRow[];
  save: (data: MeetingData) => Promise<MeetingDetail>;
  onSaved: (saved: MeetingDetail) => void;
  onFailed: (message: string) => void;
  onCancel?: () => void;
}

/** Type, title, date and hours, place, organiser, status; for an RCP its kind and theme. */
export function MeetingForm({ detail, members, save, onSaved, onFailed, onCancel }: Props) {
  const { register, control, onSubmit, formError, errors, isSubmitting } = useContractForm({
    schema: meetingSchema,
    resolver: meetingResolver,
    defaultValues: meetingToForm(detail?.data),
    reValidateMode: 'onChange',
    fields: MEETING_FIELDS,
    // The server names the fields of `meetings.update` « data.title ».
    serverPrefix: 'data.',
    submit: (values) =>
      save({
        ...values,
        // The summary is edited in its own section; keep the stored one.
        summary: detail?.data.summary ?? values.summary ?? null,
        organiserLabel: values.organiserMemberId ? null : values.organiserLabel,
        rcpKind: values.type === 'rcp' ? values.rcpKind : null,
        theme: values.type === 'rcp' ? values.theme : null,
      }),
    onSaved: (saved, _values, form) => {
      form.reset(meetingToForm(saved.data));
      onSaved(saved);
    },
    onFailed,
  });
  const type = useWatch({ control, name: 'type' });
  const organiserMemberId = useWatch({ control, name: 'organiserMemberId' });
  const activeMembers = members.filter((m) => m.active && !m.erased);

  return (
    <form className="card form-card" onSubmit={onSubmit} noValidate aria-labelledby="reunion-form-titre">
      <h2 id="reunion-form-titre">{detail ? 'La réunion' : 'Nouvelle réunion'}</h2>
      <FormError message={formError} />
      <div className="form-grid">
        <Field id="r-type" label="Type de réunion" required error={errors.type?.message}>
          {(a) => (
            <select {...a} {...register('type')}>
              <option value="">— Choisir —</option>
              <CodeOptions items={MEETING_TYPES} />
            </select>
          )}
        </Field>
        <Field id="r-status" label="Statut" error={errors.status?.message}>
          {(a) => (
            <select {...a} {...register('status')}>
              <option value="prevue">Prévue</option>
              <option value="tenue">Tenue</option>
              <option value="annulee">Annulée</option>
            </select>
          )}
        </Field>
        <Field id="r-title" label="Titre" required wide error={errors.title?.message}>
          {(a) => <input type="text" autoComplete="off" {...a} {...register('title')} />}
        </Field>
        {type === 'rcp' && (
          <>
            <Field id="r-rcp-kind" label="RCP clinique / thématique" required error={errors.rcpKind?.message}>
              {(a) => (
                <select {...a} {...register('rcpKind')}>
                  <option value="">— Choisir —</option>
                  <option value="clinique">RCP clinique (cas de patients)</option>
                  <option value="thematique">RCP thématique</option>
                </select>
              )}
            </Field>
            <Field id="r-theme" label="Thème" error={errors.theme?.message} hint="Sans donnée identifiante de patient.">
              {(a) => <input type="text" autoComplete="off" {...a} {...register('theme')} />}
            </Field>
          </>
        )}
        <Field id="r-date" label="Date" required error={errors.date?.message}>
          {(a) => <input type="date" {...a} {...register('date')} />}
        </Field>
        <div className="field-pair">
          <Field id="r-start" label="Heure de début" error={errors.startTime?.message}>
            {(a) => <input type="time" {...a} {...register('startTime')} />}
          </Field>
          <Field id="r-end" label="Heure de fin" error={errors.endTime?.message}>
            {(a) => <input type="time" {...a} {...register('endTime')} />}
          </Field>
        </div>
        <Field id="r-place" label="Lieu" error={errors.place?.message}>
          {(a) => <input type="text" autoComplete="off" {...a} {...register('place')} />}
        </Field>
        <Field id="r-visio" label="Lien de visioconférence" error={errors.visioUrl?.message} hint="https://…">
          {(a) => <input type="url" autoComplete="off" spellCheck={false} {...a} {...register('visioUrl')} />}
        </Field>
        <Field id="r-organiser" label="Organisateur (adhérent)" error={errors.organiserMemberId?.message}>
          {(a) => (
            <select {...a} {...register('organiserMemberId')}>
              <option value="">— Autre (saisir le nom) —</option>
              {activeMembers.map((m) => (
                <option key={m.id} value={String(m.id)}>
                  {m.displayName}
                  {m.professionLabel ? ` (${m.professionLabel})` : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
        {!organiserMemberId ? (
          <Field id="r-organiser-label" label="Organisateur" error={errors.organiserLabel?.message}>
            {(a) => <input type="text" autoComplete="off" {...a} {...register('organiserLabel')} />}
          </Field>
        ) : (
          <div className="field-spacer" aria-hidden="true" />
        )}
      </div>
      <FormActions
        pending={isSubmitting}
        submitLabel={detail ? 'Enregistrer la réunion' : 'Créer la réunion'}
        onCancel={onCancel}
      />
    </form>
  );
}
