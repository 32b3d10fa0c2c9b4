import { addMonths, addDays, format, isValid, parseISO } from 'date-fns';
import { useEffect, useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { type ProtocolDetail, validateVersionSchema } from '@shared/contract';
import { formatDateLong, toIsoDate } from '@shared/format';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormActions';
import { useContractForm } from '../../components/useContractForm';
import { useApiQuery } from '../../api';
import { useMeetings } from '../meetings/queries';
import { useProtocolsWrite } from './queries';

/** The bodies that validate a protocol, then « Autre » with a free text. */
const BODIES = ['Conseil d’administration', 'Bureau', 'Assemblée générale', 'Groupe de travail'] as const;
const OTHER = 'autre';

/** The meetings that can validate a protocol: governance bodies and working groups. */
const VALIDATING_TYPES: Record<string, (typeof BODIES)[number]> = {
  ca: 'Conseil d’administration',
  bureau: 'Bureau',
  ago: 'Assemblée générale',
  age: 'Assemblée générale',
  constitutive: 'Assemblée générale',
  commission: 'Groupe de travail',
};

interface Values {
  validatedOn: string;
  body: string;
  /** The body in words when « Autre » is chosen. */
  validatedBy: string;
  meetingId: string;
  decisionId: string;
  nextReviewOn: string;
}

/** « 2026-05-20 » plus the review period → the default next review date ('' while the date is not valid). */
function reviewAfter(on: string, months: number): string {
  const date = parseISO(on);
  return isValid(date) ? toIsoDate(addMonths(date, months)) : '';
}

/** Meetings from three months before the validation date to one month after. */
function around(on: string): { from?: string; to?: string } {
  const date = parseISO(on);
  if (!isValid(date)) return {};
  return { from: format(addDays(date, -92), 'yyyy-MM-dd'), to: format(addDays(date, 31), 'yyyy-MM-dd') };
}

/**
 * « Valider la version »: the date, the body that validated it, the meeting (and its decision) where it was
 * validated, and the next review (the date plus the protocol's review period, editable).
 */
export function ValidateDialog({
  protocol,
  versionId,
  versionNumber,
  onClose,
}: {
  protocol: ProtocolDetail;
  versionId: number;
  versionNumber: number;
  onClose: () => void;
}) {
  const validate = useProtocolsWrite('protocols.validateVersion');
  const today = toIsoDate(new Date());
  const defaults: Values = {
    validatedOn: today,
    body: BODIES[0],
    validatedBy: '',
    meetingId: '',
    decisionId: '',
    nextReviewOn: reviewAfter(today, protocol.reviewEveryMonths),
  };
  const form = useContractForm({
    schema: validateVersionSchema,
    defaultValues: defaults,
    prepare: (values: Values) => ({
      id: versionId,
      validatedOn: values.validatedOn,
      validatedBy: values.body === OTHER ? values.validatedBy : values.body,
      meetingId: values.meetingId ? Number(values.meetingId) : null,
      decisionId: values.decisionId ? Number(values.decisionId) : null,
      nextReviewOn: values.nextReviewOn,
    }),
    fields: ['validatedOn', 'validatedBy', 'meetingId', 'decisionId', 'nextReviewOn'],
    submit: validate.mutateAsync,
    savedMessage: `Version ${versionNumber} validée.`,
    onSaved: (_result, _data, saved) => {
      saved.reset(saved.getValues());
      onClose();
    },
  });
  const { register, control, onSubmit, formError, errors, isSubmitting, setValue, getFieldState } = form;
  const [validatedOn, body, meetingId] = useWatch({ control, name: ['validatedOn', 'body', 'meetingId'] });

  // The next review follows the validation date until the coordinator sets it herself.
  useEffect(() => {
    if (getFieldState('nextReviewOn').isDirty) return;
    const next = reviewAfter(validatedOn, protocol.reviewEveryMonths);
    if (next) setValue('nextReviewOn', next);
  }, [validatedOn, protocol.reviewEveryMonths, getFieldState, setValue]);

  const range = useMemo(() => around(validatedOn), [validatedOn]);
  const meetings = useMeetings(range);
  const candidates = (meetings.data ?? []).filter((meeting) => meeting.type in VALIDATING_TYPES);
  const meeting = useApiQuery('meetings.get', [{ id: Number(meetingId) }], { enabled: Number(meetingId) > 0 });
  const decisions = meetingId && meeting.data?.id === Number(meetingId) ? meeting.data.decisions : [];

  const onMeeting = (id: string) => {
    setValue('meetingId', id, { shouldDirty: true });
    setValue('decisionId', '', { shouldDirty: true });
    const chosen = candidates.find((candidate) => String(candidate.id) === id);
    if (!chosen) return;
    const chosenBody = VALIDATING_TYPES[chosen.type];
    if (chosenBody) setValue('body', chosenBody, { shouldDirty: true });
    if (!getFieldState('validatedOn').isDirty) setValue('validatedOn', chosen.date, { shouldDirty: true });
  };

  return (
    <Dialog
      title={`Valider la version ${versionNumber}`}
      onClose={onClose}
      busy={isSubmitting}
      initialFocus="#validation-date"
      actions={
        <>
          <button type="button" className="button button-secondary" onClick={onClose} disabled={isSubmitting}>
            Annuler
          </button>
          <button type="submit" form="validation-version" className="button" disabled={isSubmitting}>
            {isSubmitting ? 'Validation…' : 'Valider la version'}
          </button>
        </>
      }
    >
      <form id="validation-version" onSubmit={onSubmit} noValidate className="protocol-dialog-form">
        <p className="muted">
          Une version validée ne se modifie plus : elle pourra ensuite être mise en vigueur. Pour la corriger, créez une
          nouvelle version.
        </p>
        <FormError message={formError} />
        <div className="form-grid">
          <Field id="validation-date" label="Date de validation" required error={errors.validatedOn?.message}>
            {(a) => <input type="date" {...a} {...register('validatedOn')} />}
          </Field>
          <Field
            id="validation-instance"
            label="Instance qui a validé"
            error={body === OTHER ? undefined : errors.validatedBy?.message}
          >
            {(a) => (
              <select {...a} {...register('body')}>
                {BODIES.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
                <option value={OTHER}>Autre (à préciser)</option>
              </select>
            )}
          </Field>
          {body === OTHER && (
            <Field id="validation-instance-autre" label="Précisez l’instance" error={errors.validatedBy?.message}>
              {(a) => <input type="text" autoComplete="off" {...a} {...register('validatedBy')} />}
            </Field>
          )}
          <Field
            id="validation-reunion"
            label="Réunion"
            wide
            hint={
              candidates.length === 0 && !meetings.isPending
                ? 'Aucune réunion de CA, de bureau, d’AG ou de commission autour de cette date.'
                : 'CA, bureau, AG ou commission tenus autour de la date de validation (facultatif).'
            }
            error={errors.meetingId?.message}
          >
            {(a) => (
              <select {...a} value={meetingId} onChange={(event) => onMeeting(event.target.value)}>
                <option value="">Aucune réunion</option>
                {candidates.map((candidate) => (
                  <option key={candidate.id} value={String(candidate.id)}>
                    {candidate.title} — {formatDateLong(candidate.date)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {meetingId && (
            <Field
              id="validation-decision"
              label="Décision"
              wide
              hint={decisions.length === 0 ? 'Cette réunion n’a aucune décision enregistrée.' : 'Facultatif.'}
              error={errors.decisionId?.message}
            >
              {(a) => (
                <select {...a} {...register('decisionId')}>
                  <option value="">Aucune décision</option>
                  {decisions.map((decision) => (
                    <option key={decision.id} value={String(decision.id)}>
                      {decision.text}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <Field
            id="validation-revision"
            label="Prochaine révision"
            hint={`Par défaut la date de validation plus ${protocol.reviewEveryMonths} mois.`}
            error={errors.nextReviewOn?.message}
          >
            {(a) => <input type="date" {...a} {...register('nextReviewOn')} />}
          </Field>
        </div>
      </form>
    </Dialog>
  );
}
