import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import type { FormalityRow } from '@shared/contract';
import { formatDateLong } from '@shared/format';
import { ApiCallError, errorMessage } from '../../api';
import { useAgWrite } from './queries';
import { useToast } from '../../components/Toasts';
import { useUnsavedValuesGuard } from '../../components/UnsavedChanges';
import { todayIso } from './agLabels';

/**
 * The formalities that follow an approved PV (signature, declarations to the greffe, registre spécial), each with
 * its due date (« en retard » once passed), a « Fait le » date and notes. Used on the AG page and on the dashboard
 * (`showMeeting` adds the meeting each one comes from).
 */
export function FormalitiesList({
  formalities,
  showMeeting = false,
}: {
  formalities: FormalityRow[];
  showMeeting?: boolean;
}) {
  if (formalities.length === 0) return <p className="muted">Aucune formalité à accomplir.</p>;
  return (
    <ul className="ag-formalities">
      {formalities.map((formality) => (
        <FormalityItem
          key={`${formality.id}-${formality.doneOn ?? ''}-${formality.notes ?? ''}`}
          formality={formality}
          showMeeting={showMeeting}
        />
      ))}
    </ul>
  );
}

function FormalityItem({ formality, showMeeting }: { formality: FormalityRow; showMeeting: boolean }) {
  const id = useId();
  const toast = useToast();
  const save = useAgWrite('formalities.save');
  const [doneOn, setDoneOn] = useState(formality.doneOn ?? '');
  const [notes, setNotes] = useState(formality.notes ?? '');
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  useUnsavedValuesGuard([doneOn, notes], formality);
  const done = formality.doneOn !== null;

  const submit = async (next: { doneOn: string | null; notes: string }, message: string) => {
    setError(null);
    setFields({});
    try {
      await save.mutateAsync({ id: formality.id, doneOn: next.doneOn, notes: next.notes });
      toast.notify({ kind: 'success', message });
    } catch (e) {
      if (e instanceof ApiCallError) setFields(e.fields);
      setError(errorMessage(e));
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const date = doneOn || todayIso();
    void submit(
      { doneOn: date, notes },
      done ? 'Formalité enregistrée.' : `Formalité marquée comme faite le ${formatDateLong(date)}.`,
    );
  };

  const labelId = `${id}-libelle`;
  return (
    <li
      className={`ag-formality${formality.overdue ? ' ag-formality-overdue' : ''}${done ? ' ag-formality-done' : ''}`}
    >
      <p id={labelId} className="ag-formality-label">
        {formality.label}
      </p>
      <p className="ag-formality-facts small">
        {showMeeting && (
          <>
            <Link to={`/reunions/${formality.meetingId}/assemblee?onglet=pv`}>
              {formality.meetingTitle} ({formatDateLong(formality.meetingDate)})
            </Link>
            {' · '}
          </>
        )}
        {formality.dueOn ? (
          <span className={formality.overdue ? 'overdue' : undefined}>
            À faire au plus tard le {formatDateLong(formality.dueOn)}
          </span>
        ) : (
          <span className="muted">Sans échéance</span>
        )}
        {formality.overdue && (
          <>
            {' '}
            <span className="badge ag-badge-rejected">en retard</span>
          </>
        )}
        {done && (
          <>
            {' '}
            <span className="badge badge-ok">Fait le {formatDateLong(formality.doneOn)}</span>
          </>
        )}
      </p>
      <form className="ag-formality-form" onSubmit={onSubmit} noValidate aria-labelledby={labelId}>
        <div className={`field${fields.doneOn ? ' field-invalid' : ''}`}>
          <label htmlFor={`${id}-fait`}>Fait le</label>
          <input
            id={`${id}-fait`}
            type="date"
            value={doneOn}
            aria-invalid={Boolean(fields.doneOn)}
            aria-describedby={labelId}
            onChange={(event) => setDoneOn(event.target.value)}
          />
        </div>
        <div className="field ag-formality-notes">
          <label htmlFor={`${id}-notes`}>Notes</label>
          <input
            id={`${id}-notes`}
            type="text"
            value={notes}
            aria-describedby={labelId}
            onChange={(event) => setNotes(event.target.value)}
          />
        </div>
        <button type="submit" className="button button-small" disabled={save.isPending}>
          {save.isPending ? 'Enregistrement…' : done ? 'Enregistrer' : 'Marquer comme fait'}
        </button>
        {done && (
          <button
            type="button"
            className="button button-small button-secondary"
            disabled={save.isPending}
            onClick={() => void submit({ doneOn: null, notes }, 'Formalité remise à faire.')}
          >
            Remettre à faire
          </button>
        )}
      </form>
      {error && (
        <p className="error-text small" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
